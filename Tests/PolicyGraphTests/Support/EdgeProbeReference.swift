@testable import PolicyGraph

/// A pattern predicate of one relationship from a bound node variable, in the forms Cypher
/// writes it (`EXISTS { ... }`, `EXISTS { MATCH ... WHERE ... }`, a bare pattern, `exists(...)`),
/// to a bound variable, a node named by id or any node: written out for the engine and decided
/// by ``holds(_:nodes:edges:)`` from the edge list alone.
struct EdgeProbe {
    enum Far {
        case variable(Int)
        case id(String, kind: String?)
        case anyNode(kind: String?)
    }
    enum Form: CaseIterable {
        case exists, existsMatch, bare, function
    }

    var near: Int
    var nearKind: String?
    var relations: [String]
    /// From the near node, as ``ReferenceQuery/Direction`` reads it.
    var direction: ReferenceQuery.Direction
    var far: Far
    var form: Form
    /// `-[x]-`: a relationship variable (in EXISTS only: a pattern cannot introduce one).
    var named = false
    /// `{weight: 1}` on the relationship.
    var weightOne = false
    /// `WHERE x.weight >= 1` inside `EXISTS { MATCH ... }` (with `named`).
    var heavy = false
    /// Written from the far end to the near one (the same pattern).
    var turned = false

    func text(_ nodes: [ReferenceQuery.NodeVar]) -> String {
        let near = "(" + nodes[self.near].name + (nearKind.map { ":" + $0 } ?? "") + ")"
        let far: String
        switch self.far {
        case .variable(let w): far = "(" + nodes[w].name + ")"
        case .id(let id, let kind): far = "(" + (kind.map { ":" + $0 + " " } ?? "") + "{id: '\(id)'})"
        case .anyNode(let kind): far = "(" + (kind.map { ":" + $0 } ?? "") + ")"
        }
        var inside = named ? "x" : ""
        if !relations.isEmpty { inside += ":" + relations.joined(separator: "|") }
        if weightOne { inside += (inside.isEmpty ? "" : " ") + "{weight: 1}" }
        let body = "[" + inside + "]"
        let pattern: String
        switch (direction, turned) {
        case (.right, false): pattern = near + "-" + body + "->" + far
        case (.left, false): pattern = near + "<-" + body + "-" + far
        case (.right, true): pattern = far + "<-" + body + "-" + near
        case (.left, true): pattern = far + "-" + body + "->" + near
        case (.either, false): pattern = near + "-" + body + "-" + far
        case (.either, true): pattern = far + "-" + body + "-" + near
        }
        switch form {
        case .exists: return "EXISTS { \(pattern) }"
        case .existsMatch: return "EXISTS { MATCH \(pattern)" + (heavy ? " WHERE x.weight >= 1" : "") + " }"
        case .bare: return pattern
        case .function: return "exists(\(pattern))"
        }
    }

    /// Whether some edge makes the pattern hold for the node variables bound as `a`.
    func holds(_ a: [Int], nodes: [Node], edges: [Edge]) -> Bool {
        let x = a[near]
        if let k = nearKind, nodes[x].kind.rawValue != k { return false }
        func row(_ id: NodeID) -> Int { nodes.firstIndex { $0.id == id } ?? -1 }
        for edge in edges {
            if !relations.isEmpty, !relations.contains(edge.relation.rawValue) { continue }
            if weightOne, edge.weight != 1 { continue }
            if heavy, !(edge.weight.map { $0 >= 1 } ?? false) { continue }
            let from = row(edge.from), to = row(edge.to)
            var ends: [Int] = []
            if direction != .left, from == x { ends.append(to) }
            if direction != .right, to == x { ends.append(from) }
            for y in ends {
                switch far {
                case .variable(let w): if y == a[w] { return true }
                case .id(let id, let kind):
                    if nodes[y].id.rawValue == id, kind.map({ nodes[y].kind.rawValue == $0 }) ?? true { return true }
                case .anyNode(let kind): if kind.map({ nodes[y].kind.rawValue == $0 }) ?? true { return true }
                }
            }
        }
        return false
    }
}

extension RandomPatterns {
    /// A random query (``query(_:graph:returning:)``) whose last MATCH's WHERE also holds a
    /// random ``EdgeProbe`` from one of its node variables, often to a node named by id or to
    /// another variable, the forms that an edge test answers.
    static func probed(_ random: inout PatternRandom, graph: Graph, returning: Bool) -> ReferenceQuery {
        var q = query(&random, graph: graph, returning: returning)
        let c = q.clauses - 1
        let vars = Array(Set(q.rels.filter { $0.clause <= c }.flatMap { [$0.left, $0.right] })).sorted()
        var p = EdgeProbe(near: random.pick(vars), nearKind: random.chance(0.2) ? random.pick(kinds) : nil, relations: [],
                          direction: random.pick([.right, .left, .either]), far: .anyNode(kind: nil), form: random.pick(EdgeProbe.Form.allCases))
        let roll = random.int(0...9)
        if roll < 5 {
            p.relations = [random.pick(relations)]
        } else if roll < 7 {
            p.relations = Array(relations.shuffled(using: &random).prefix(2))
        }
        switch random.int(0...9) {
        case 0...4: p.far = .id("n\(random.int(0...(graph.nodeCount - 1)))", kind: random.chance(0.3) ? random.pick(kinds) : nil)
        case 5...7: p.far = .variable(random.pick(vars))
        default: p.far = .anyNode(kind: random.chance(0.5) ? random.pick(kinds) : nil)
        }
        if p.form == .exists || p.form == .existsMatch { p.named = random.chance(0.15) }
        p.heavy = p.form == .existsMatch && p.named && random.chance(0.6)
        p.weightOne = random.chance(0.1)
        p.turned = random.chance(0.3)
        var predicate = ReferenceQuery.Predicate.probe(p)
        if random.chance(0.4) { predicate = .not(predicate) }
        if let w = q.wheres[c] {
            q.wheres[c] = random.chance(0.5) ? .and(w, predicate) : .or(w, predicate)
        } else {
            q.wheres[c] = predicate
        }
        return q
    }
}
