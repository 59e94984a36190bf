@testable import PolicyGraph

/// A deterministic random source for property tests (SplitMix64).
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}

/// A pattern query as plain data, written out as text for the engine and matched by
/// ``ReferenceMatcher`` directly: the two share nothing but the graph.
struct ReferenceQuery: CustomStringConvertible {
    struct NodeVar {
        var name: String
        var kind: String?
        var id: String?
    }
    enum Direction { case right, left, either }
    struct RelVar {
        var name: String
        var left: Int
        var right: Int
        var direction: Direction
        var relations: [String]
        /// `nil`: one edge; else the hop range (`max == nil`: unbounded).
        var length: (min: Int, max: Int?)?
        var clause: Int
    }
    indirect enum Predicate {
        case differ(Int, Int)
        case nodeNumber(Int, String, String, Double)   // node var, property, operator, number
        case nodeText(Int, String, String, String)     // node var, property, operator (= < STARTS), text
        case nodeIsNull(Int, String, negated: Bool)
        case nodeIn(Int, String, [Double])
        case edgeNumber(Int, String, Double)           // single-edge rel var, operator, weight
        case edgeDate(Int, String, String)             // rel var, operator, date text
        case not(Predicate)
        case and(Predicate, Predicate)
        case or(Predicate, Predicate)
        case xor(Predicate, Predicate)
    }

    var nodes: [NodeVar]
    var rels: [RelVar]
    var clauses: Int
    /// WHERE of each clause (a predicate may only use variables of earlier clauses).
    var wheres: [Predicate?]
    /// RETURN: `nil` for `count(*)`, else these node variables (as ids, one row per match).
    var returned: [Int]?

    var description: String { text }

    var text: String {
        var out: [String] = []
        var declared = Set<Int>()
        func node(_ i: Int) -> String {
            let v = nodes[i]
            var s = "(" + v.name
            if !declared.contains(i) {
                declared.insert(i)
                if let k = v.kind { s += ":" + k }
                if let id = v.id { s += " {id: '\(id)'}" }
            }
            return s + ")"
        }
        for c in 0..<clauses {
            var patterns: [String] = []
            var current = ""
            var lastRight: Int?
            for r in rels where r.clause == c {
                var rel = "[" + r.name
                if !r.relations.isEmpty { rel += ":" + r.relations.joined(separator: "|") }
                if let length = r.length {
                    rel += "*\(length.min)" + (length.max == length.min ? "" : ".." + (length.max.map(String.init) ?? ""))
                }
                rel += "]"
                let arrow: String
                switch r.direction {
                case .right: arrow = "-\(rel)->"
                case .left: arrow = "<-\(rel)-"
                case .either: arrow = "-\(rel)-"
                }
                if lastRight == r.left {
                    current += arrow + node(r.right)
                } else {
                    if !current.isEmpty { patterns.append(current) }
                    current = node(r.left) + arrow + node(r.right)
                }
                lastRight = r.right
            }
            if !current.isEmpty { patterns.append(current) }
            var clause = "MATCH " + patterns.joined(separator: ", ")
            if let w = wheres[c] { clause += " WHERE " + render(w) }
            out.append(clause)
        }
        if let returned {
            out.append("RETURN " + returned.map { nodes[$0].name }.joined(separator: ", "))
        } else {
            out.append("RETURN count(*)")
        }
        return out.joined(separator: " ")
    }

    private func number(_ d: Double) -> String { d == d.rounded() ? String(Int(d)) : String(d) }

    func render(_ p: Predicate) -> String {
        switch p {
        case .differ(let a, let b): return "\(nodes[a].name) <> \(nodes[b].name)"
        case .nodeNumber(let v, let prop, let op, let x): return "\(nodes[v].name).\(prop) \(op) \(number(x))"
        case .nodeText(let v, let prop, let op, let s): return "\(nodes[v].name).\(prop) \(op) '\(s)'"
        case .nodeIsNull(let v, let prop, let negated): return "\(nodes[v].name).\(prop) IS \(negated ? "NOT " : "")NULL"
        case .nodeIn(let v, let prop, let xs): return "\(nodes[v].name).\(prop) IN [\(xs.map(number).joined(separator: ", "))]"
        case .edgeNumber(let r, let op, let x): return "\(rels[r].name).weight \(op) \(number(x))"
        case .edgeDate(let r, let op, let s): return "\(rels[r].name).date \(op) '\(s)'"
        case .not(let a): return "NOT (\(render(a)))"
        case .and(let a, let b): return "(\(render(a)) AND \(render(b)))"
        case .or(let a, let b): return "(\(render(a)) OR \(render(b)))"
        case .xor(let a, let b): return "(\(render(a)) XOR \(render(b)))"
        }
    }
}

/// Brute force: every assignment of nodes to node variables and of edges (or trails of edges)
/// to relationship variables, checked against the pattern, relationship uniqueness within each
/// MATCH, and the WHERE predicates in three-valued logic.
struct ReferenceMatcher {
    let nodes: [Node]
    let edges: [Edge]

    init(_ graph: Graph) {
        nodes = graph.nodes
        edges = graph.edges
    }

    /// One entry per match: the ids of the returned node variables (empty for count(*)).
    func matches(_ q: ReferenceQuery) -> [[String]] {
        var result: [[String]] = []
        forEachMatch(q) { assignment, _ in result.append((q.returned ?? []).map { nodes[assignment[$0]].id.rawValue }) }
        return result
    }

    /// Every node (of a variable or on a path) and edge bound by some match, as node indices and
    /// edge indices in file order.
    func boundElements(_ q: ReferenceQuery) -> (nodes: Set<Int>, edges: Set<Int>) {
        var found: (nodes: Set<Int>, edges: Set<Int>) = ([], [])
        forEachMatch(q) { assignment, bound in
            found.nodes.formUnion(assignment)
            for e in bound.joined() {
                found.edges.insert(e)
                found.nodes.formUnion(nodes.indices.filter { nodes[$0].id == edges[e].from || nodes[$0].id == edges[e].to })
            }
        }
        return found
    }

    func forEachMatch(_ q: ReferenceQuery, _ visit: ([Int], [[Int]]) -> Void) {
        var assignment = [Int](repeating: 0, count: q.nodes.count)
        func assignNodes(_ i: Int) {
            if i == q.nodes.count {
                var bound = [[Int]](repeating: [], count: q.rels.count)
                assignRels(0, &bound)
                return
            }
            for n in nodes.indices {
                let v = q.nodes[i]
                if let k = v.kind, nodes[n].kind.rawValue != k { continue }
                if let id = v.id, nodes[n].id.rawValue != id { continue }
                assignment[i] = n
                assignNodes(i + 1)
            }
        }
        func used(_ e: Int, clause: Int, _ bound: [[Int]], upTo j: Int) -> Bool {
            for k in 0..<j where q.rels[k].clause == clause && bound[k].contains(e) { return true }
            return false
        }
        func step(_ e: Int, from current: Int, _ direction: ReferenceQuery.Direction) -> Int? {
            let a = nodes.firstIndex { $0.id == edges[e].from } ?? -1
            let b = nodes.firstIndex { $0.id == edges[e].to } ?? -1
            switch direction {
            case .right: return a == current ? b : nil
            case .left: return b == current ? a : nil
            case .either: return a == current ? b : (b == current ? a : nil)
            }
        }
        func assignRels(_ j: Int, _ bound: inout [[Int]]) {
            if j == q.rels.count {
                for w in q.wheres.compactMap({ $0 }) where truth(w, q, assignment, bound) != true { return }
                visit(assignment, bound)
                return
            }
            let r = q.rels[j]
            let allowed = { (e: Int) in r.relations.isEmpty || r.relations.contains(self.edges[e].relation.rawValue) }
            let start = assignment[r.left], end = assignment[r.right]
            guard let length = r.length else {
                for e in edges.indices where allowed(e) && !used(e, clause: r.clause, bound, upTo: j) && step(e, from: start, r.direction) == end {
                    bound[j] = [e]
                    assignRels(j + 1, &bound)
                }
                bound[j] = []
                return
            }
            // Every trail of allowed, unused edges from the left node, kept when it ends on the right one.
            var trail: [Int] = []
            func extend(_ current: Int) {
                if trail.count >= length.min && current == end {
                    bound[j] = trail
                    assignRels(j + 1, &bound)
                }
                if let max = length.max, trail.count >= max { return }
                for e in edges.indices where allowed(e) && !trail.contains(e) && !used(e, clause: r.clause, bound, upTo: j) {
                    guard let next = step(e, from: current, r.direction) else { continue }
                    trail.append(e)
                    extend(next)
                    trail.removeLast()
                }
            }
            extend(start)
            bound[j] = []
        }
        assignNodes(0)
    }

    private enum Value {
        case null, number(Double), text(String)
    }

    private func nodeValue(_ n: Int, _ prop: String) -> Value {
        guard let s = nodes[n].attributes[prop] ?? (prop == "label" ? nodes[n].label : nil), !s.isEmpty else { return .null }
        if prop == "score", let d = Double(s) { return .number(d) }
        return .text(s)
    }

    private func compare(_ a: Value, _ op: String, _ b: Value) -> Bool? {
        switch (a, b) {
        case (.null, _), (_, .null): return nil
        case (.number(let x), .number(let y)): return apply(op, x < y ? -1 : (x == y ? 0 : 1))
        case (.text(let x), .text(let y)):
            if op == "STARTS WITH" { return x.hasPrefix(y) }
            return apply(op, x < y ? -1 : (x == y ? 0 : 1))
        default:
            return op == "=" ? false : (op == "<>" ? true : nil)
        }
    }

    private func apply(_ op: String, _ c: Int) -> Bool {
        switch op {
        case "=": return c == 0
        case "<>": return c != 0
        case "<": return c < 0
        case "<=": return c <= 0
        case ">": return c > 0
        default: return c >= 0
        }
    }

    private func truth(_ p: ReferenceQuery.Predicate, _ q: ReferenceQuery, _ a: [Int], _ bound: [[Int]]) -> Bool? {
        switch p {
        case .differ(let x, let y): return a[x] != a[y]
        case .nodeNumber(let v, let prop, let op, let x): return compare(nodeValue(a[v], prop), op, .number(x))
        case .nodeText(let v, let prop, let op, let s): return compare(nodeValue(a[v], prop), op, .text(s))
        case .nodeIsNull(let v, let prop, let negated):
            if case .null = nodeValue(a[v], prop) { return !negated }
            return negated
        case .nodeIn(let v, let prop, let xs):
            let value = nodeValue(a[v], prop)
            if case .null = value { return xs.isEmpty ? false : nil }
            return xs.contains { compare(value, "=", .number($0)) == true }
        case .edgeNumber(let r, let op, let x):
            guard let w = edges[bound[r][0]].weight else { return nil }
            return compare(.number(w), op, .number(x))
        case .edgeDate(let r, let op, let s):
            guard let d = edges[bound[r][0]].date else { return nil }
            return compare(.text(d), op, .text(s))
        case .not(let x): return truth(x, q, a, bound).map { !$0 }
        case .and(let x, let y):
            let l = truth(x, q, a, bound), r = truth(y, q, a, bound)
            if l == false || r == false { return false }
            return l == nil || r == nil ? nil : true
        case .or(let x, let y):
            let l = truth(x, q, a, bound), r = truth(y, q, a, bound)
            if l == true || r == true { return true }
            return l == nil || r == nil ? nil : false
        case .xor(let x, let y):
            guard let l = truth(x, q, a, bound), let r = truth(y, q, a, bound) else { return nil }
            return l != r
        }
    }
}

/// Small random graphs and patterns over three kinds and three relations that may join any kinds.
enum RandomPatterns {
    static let kinds = ["country", "official", "framework"]
    static let relations = ["supports", "opposes", "memberOf"]
    static let schema: String = {
        let all = "[\"country\", \"official\", \"framework\"]"
        let relations = RandomPatterns.relations.map { "\"\($0)\": {\"endpoints\": [{\"from\": \(all), \"to\": \(all)}]}" }
        return "{\"relations\": {\(relations.joined(separator: ", "))}, \"numeric\": [\"score\"]}"
    }()

    static func graph(_ random: inout SeededRandom) throws -> Graph {
        let n = random.int(3...5)
        let m = random.int(3...12)
        var nodes = "id,kind,label,score,tag\n"
        for i in 0..<n {
            let score = random.chance(0.25) ? "" : String(random.int(0...4))
            let tag = random.chance(0.3) ? "" : random.pick(["a", "b"])
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

    static func query(_ random: inout SeededRandom, graph: Graph, returning: Bool) -> ReferenceQuery {
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
        if returning {
            let vars = Array(Set(q.rels.flatMap { [$0.left, $0.right] })).sorted()
            q.returned = Array(vars.shuffled(using: &random).prefix(random.int(1...2)))
        }
        return q
    }

    /// A star: two or three leaves around one node, often on the same relations (edges that
    /// isomorphism keeps apart) and often with `a <> b` between leaves: the shapes counting factors.
    static func star(_ random: inout SeededRandom, graph: Graph) -> ReferenceQuery {
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

    static func predicate(_ random: inout SeededRandom, nodes: [Int], rels: [Int], depth: Int) -> ReferenceQuery.Predicate {
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
        case 2: return .nodeText(v, "tag", random.pick(["=", "<>"]), random.pick(["a", "b"]))
        case 3: return .nodeIsNull(v, random.pick(["score", "tag"]), negated: random.chance(0.5))
        case 4: return .nodeIn(v, "score", [Double(random.int(0...4)), Double(random.int(0...4))])
        case 5: return .nodeText(v, "label", "STARTS WITH", "l\(random.int(0...2))")
        case 6 where !rels.isEmpty: return .edgeNumber(random.pick(rels), random.pick(["<", ">=", "="]), random.pick([0.5, 1, 1.5]))
        case 7 where !rels.isEmpty: return .edgeDate(random.pick(rels), random.pick(["<", ">="]), random.pick(["2021", "2022"]))
        default: return .nodeNumber(v, "score", ">", 1)
        }
    }
}
