@testable import PolicyGraph

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
        case probe(EdgeProbe)                          // EXISTS { ... } or a pattern: one relationship from a node var
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
    /// Each path written from its last node to its first (the same pattern).
    var backwards = false

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
            // Each chain of relationships (a path) as its nodes and relationships, in order.
            var chains: [(nodes: [Int], rels: [RelVar])] = []
            for r in rels where r.clause == c {
                if let last = chains.last, last.nodes.last == r.left {
                    chains[chains.count - 1].nodes.append(r.right)
                    chains[chains.count - 1].rels.append(r)
                } else {
                    chains.append((nodes: [r.left, r.right], rels: [r]))
                }
            }
            func arrow(_ r: RelVar, turned: Bool) -> String {
                var rel = "[" + r.name
                if !r.relations.isEmpty { rel += ":" + r.relations.joined(separator: "|") }
                if let length = r.length {
                    rel += "*\(length.min)" + (length.max == length.min ? "" : ".." + (length.max.map(String.init) ?? ""))
                }
                rel += "]"
                switch (r.direction, turned) {
                case (.right, false), (.left, true): return "-\(rel)->"
                case (.left, false), (.right, true): return "<-\(rel)-"
                case (.either, _): return "-\(rel)-"
                }
            }
            let patterns: [String] = chains.map { chain in
                // Written end to start, the same pattern: the engine must find the same matches
                // whichever end it starts from.
                let order = backwards ? Array(chain.nodes.indices.reversed()) : Array(chain.nodes.indices)
                var text = node(chain.nodes[order[0]])
                for k in 1..<order.count {
                    let r = chain.rels[backwards ? order[k] : order[k] - 1]
                    text += arrow(r, turned: backwards) + node(chain.nodes[order[k]])
                }
                return text
            }
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
        case .probe(let p): return p.text(nodes)
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
            // By UTF-8 bytes, as Cypher compares code points (not Swift's canonical equivalence).
            if op == "STARTS WITH" { return Array(x.utf8).starts(with: Array(y.utf8)) }
            if op == "ENDS WITH" { return Array(x.utf8).reversed().starts(with: Array(y.utf8).reversed()) }
            if op == "CONTAINS" {
                let a = Array(x.utf8), b = Array(y.utf8)
                guard a.count >= b.count else { return false }
                return (0...(a.count - b.count)).contains { a[$0..<$0 + b.count].elementsEqual(b) }
            }
            return apply(op, CodePointReference.order(x, y))
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
        case .probe(let p): return p.holds(a, nodes: nodes, edges: edges)
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
