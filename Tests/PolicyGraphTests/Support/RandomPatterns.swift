@testable import PolicyGraph
@testable import PolicyGraphBench

/// The library's SplitMix64 as the random source of the pattern property tests, with the draws
/// they need.
typealias PatternRandom = SplitMix64

extension SplitMix64 {
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}

/// Small random graphs and patterns over three kinds and three relations that may join any kinds.
enum RandomPatterns {
    static let kinds = ["country", "official", "framework"]
    static let relations = ["supports", "opposes", "memberOf"]
    /// Tags that Swift's `String` comparison would confuse (a precomposed and a decomposed é,
    /// K and the Kelvin sign) beside plain ones: the engines compare code points.
    static let tags = ["a", "b", "\u{E9}", "e\u{301}", "K", "\u{212A}"]
    static let schema: String = {
        let all = "[\"country\", \"official\", \"framework\"]"
        let relations = RandomPatterns.relations.map { "\"\($0)\": {\"endpoints\": [{\"from\": \(all), \"to\": \(all)}]}" }
        return "{\"relations\": {\(relations.joined(separator: ", "))}, \"numeric\": [\"score\"]}"
    }()

    static func graph(_ random: inout PatternRandom) throws -> Graph {
        let n = random.int(3...5)
        let m = random.int(3...12)
        var nodes = "id,kind,label,score,tag\n"
        for i in 0..<n {
            let score = random.chance(0.25) ? "" : String(random.int(0...4))
            let tag = random.chance(0.3) ? "" : random.pick(tags)
            nodes += "n\(i),\(random.pick(kinds)),l\(random.int(0...2))x,\(score),\(tag)\n"
        }
        var edges = "from,relation,to,weight,date\n"
        for _ in 0..<m {
            let weight = random.chance(0.3) ? "" : random.pick(["0.5", "1", "1.5", "2"])
            let date = random.chance(0.3) ? "" : random.pick(["2020", "2021-06", "2022-01-15", "2024"])
            edges += "n\(random.int(0...(n - 1))),\(random.pick(relations)),n\(random.int(0...(n - 1))),\(weight),\(date)\n"
        }
        return try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(edges.utf8), schema: Array(schema.utf8)).graph
    }

    static func query(_ random: inout PatternRandom, graph: Graph, returning: Bool) -> ReferenceQuery {
        let clauses = random.chance(0.25) ? 2 : 1
        var q = ReferenceQuery(nodes: [], rels: [], clauses: clauses, wheres: Array(repeating: nil, count: clauses), returned: nil)
        func newNode() -> Int {
            var v = ReferenceQuery.NodeVar(name: "v\(q.nodes.count)")
            if random.chance(0.25) { v.kind = random.pick(kinds) }
            if random.chance(0.1) { v.id = "n\(random.int(0...(graph.nodeCount - 1)))" }
            q.nodes.append(v)
            return q.nodes.count - 1
        }
        var hops = random.int(1...3)
        if clauses == 2 { hops = max(hops, 2) }
        _ = newNode()
        for h in 0..<hops {
            let clause = clauses == 2 && h >= hops / 2 + (hops == 2 ? 0 : 1) ? 1 : 0
            let left = random.chance(0.75) ? q.nodes.count - 1 : random.int(0...(q.nodes.count - 1))
            let right = random.chance(0.15) ? random.int(0...(q.nodes.count - 1)) : newNode()
            var r = ReferenceQuery.RelVar(name: "r\(q.rels.count)", left: left, right: right,
                                          direction: random.pick([.right, .left, .either]), relations: [], length: nil, clause: clause)
            let roll = random.int(0...9)
            if roll < 4 { r.relations = [random.pick(relations)] } else if roll < 7 { r.relations = Array(relations.shuffled(using: &random).prefix(2)) }
            if random.chance(0.2) {
                let low = random.int(0...2)
                r.length = random.chance(0.2) ? (low, nil) : (low, random.int(max(low, 1)...3))
            }
            q.rels.append(r)
        }
        // Variables of a clause: those of its relationships and of earlier clauses.
        for c in 0..<clauses where random.chance(0.5) {
            let nodeVars = Array(Set(q.rels.filter { $0.clause <= c }.flatMap { [$0.left, $0.right] })).sorted()
            let relVars = q.rels.indices.filter { q.rels[$0].clause <= c && q.rels[$0].length == nil }
            q.wheres[c] = predicate(&random, nodes: nodeVars, rels: relVars, depth: 0)
        }
        q.backwards = random.chance(0.3)
        if returning {
            let vars = Array(Set(q.rels.flatMap { [$0.left, $0.right] })).sorted()
            q.returned = Array(vars.shuffled(using: &random).prefix(random.int(1...2)))
        }
        return q
    }

    /// A star: two or three leaves around one node, often on the same relations (edges that
    /// isomorphism keeps apart) and often with `a <> b` between leaves: the shapes counting factors.
    static func star(_ random: inout PatternRandom, graph: Graph) -> ReferenceQuery {
        var q = ReferenceQuery(nodes: [ReferenceQuery.NodeVar(name: "v0")], rels: [], clauses: 1, wheres: [nil], returned: nil)
        if random.chance(0.3) { q.nodes[0].kind = random.pick(kinds) }
        let shared = random.pick(relations)
        for i in 1...random.int(2...3) {
            var v = ReferenceQuery.NodeVar(name: "v\(i)")
            if random.chance(0.3) { v.kind = random.pick(kinds) }
            q.nodes.append(v)
            let relations = random.chance(0.7) ? [shared] : (random.chance(0.5) ? [] : [random.pick(relations)])
            let outward = random.chance(0.5)
            q.rels.append(ReferenceQuery.RelVar(name: "r\(i)", left: outward ? 0 : i, right: outward ? i : 0,
                                                direction: random.chance(0.2) ? .either : .right, relations: relations, length: nil, clause: 0))
        }
        var parts: [ReferenceQuery.Predicate] = []
        if random.chance(0.6) { parts.append(.differ(1, 2)) }
        if random.chance(0.3) { parts.append(.nodeNumber(random.int(0...2), "score", ">", 1)) }
        if random.chance(0.2) { parts.append(.edgeNumber(0, ">=", 1)) }
        if let first = parts.first { q.wheres[0] = parts.dropFirst().reduce(first) { .and($0, $1) } }
        return q
    }

    static func predicate(_ random: inout PatternRandom, nodes: [Int], rels: [Int], depth: Int) -> ReferenceQuery.Predicate {
        if depth < 2, random.chance(0.3) {
            let a = predicate(&random, nodes: nodes, rels: rels, depth: depth + 1)
            switch random.int(0...3) {
            case 0: return .not(a)
            case 1: return .and(a, predicate(&random, nodes: nodes, rels: rels, depth: depth + 1))
            case 2: return .or(a, predicate(&random, nodes: nodes, rels: rels, depth: depth + 1))
            default: return .xor(a, predicate(&random, nodes: nodes, rels: rels, depth: depth + 1))
            }
        }
        let v = random.pick(nodes)
        switch random.int(0...7) {
        case 0 where nodes.count > 1:
            var w = random.pick(nodes)
            while w == v { w = random.pick(nodes) }
            return .differ(v, w)
        case 1: return .nodeNumber(v, "score", random.pick(["=", "<>", "<", ">="]), Double(random.int(0...4)))
        case 2: return .nodeText(v, "tag", random.pick(["=", "<>", "<", ">=", "STARTS WITH", "ENDS WITH", "CONTAINS"]), random.pick(tags + ["e"]))
        case 3: return .nodeIsNull(v, random.pick(["score", "tag"]), negated: random.chance(0.5))
        case 4: return .nodeIn(v, "score", [Double(random.int(0...4)), Double(random.int(0...4))])
        case 5: return .nodeText(v, "label", "STARTS WITH", "l\(random.int(0...2))")
        case 6 where !rels.isEmpty: return .edgeNumber(random.pick(rels), random.pick(["<", ">=", "="]), random.pick([0.5, 1, 1.5]))
        case 7 where !rels.isEmpty: return .edgeDate(random.pick(rels), random.pick(["<", ">="]), random.pick(["2021", "2022"]))
        default: return .nodeNumber(v, "score", ">", 1)
        }
    }
}
