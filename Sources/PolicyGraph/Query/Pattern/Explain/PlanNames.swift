/// The names EXPLAIN gives a bound query's slots: `c:country` for a node, `(c:country)-[:supports]->(f)`
/// for an expansion from its bound end.
struct PlanNames {
    let graph: Graph
    let query: BoundQuery

    /// A node slot's variable, `_2` for an anonymous one (its slot).
    func variable(_ v: Int) -> String { query.nodes[v].name ?? "_\(v)" }

    /// A node slot's kinds, in the schema's order; empty for any kind.
    func kinds(_ v: Int) -> [String] {
        guard let mask = query.nodes[v].kinds else { return [] }
        return mask.indices.filter { mask[$0] }.map { graph.schema.kinds[$0].kind.rawValue }
    }

    /// `c:country`, `x:agency|country`, `n`.
    func node(_ v: Int) -> String {
        let kinds = kinds(v)
        return variable(v) + (kinds.isEmpty ? "" : ":" + kinds.joined(separator: "|"))
    }

    /// The ids a node slot is restricted to, `nil` when it is not.
    func ids(_ v: Int) -> [String]? {
        query.nodes[v].rows.map { rows in rows.map { graph.id(at: $0).rawValue } }
    }

    /// A relationship slot's relations, in the schema's order; empty for any relation.
    func relations(_ ri: Int) -> [String] {
        query.relationships[ri].relations?.map { graph.schema.relations[$0].relation.rawValue } ?? []
    }

    /// What goes between a relationship's brackets: `r:supports|opposes*1..3 {date: '2024'}`.
    func relationship(_ ri: Int) -> String {
        let r = query.relationships[ri]
        var text = r.name ?? ""
        let relations = relations(ri)
        if !relations.isEmpty { text += ":" + relations.joined(separator: "|") }
        if let length = r.length { text += "*" + QueryPlanStep.Hops(length).description }
        if !r.filters.isEmpty {
            let entries = r.filters.map { "\(graph.edgeAttributeNames[$0.column]): \($0.value.literalText)" }
            text += (text.isEmpty ? "" : " ") + "{" + entries.joined(separator: ", ") + "}"
        }
        return text
    }

    /// Relationship `ri` seen from its end `anchor` (the other end is bound or reached):
    /// `(c:country)-[:supports]->(f)`, `(d)<-[:leads]-(o:official)`, `(a)-[:knows]-(b)`.
    func pattern(from anchor: Int, _ ri: Int) -> String {
        let r = query.relationships[ri]
        let other = r.from == anchor ? r.to : r.from
        let inside = relationship(ri)
        let body = inside.isEmpty ? "-" : "-[" + inside + "]-"
        let arrow: String
        switch direction(from: anchor, ri) {
        case .outgoing: arrow = body + ">"
        case .incoming: arrow = "<" + body
        case .both: arrow = body
        }
        return "(\(node(anchor)))\(arrow)(\(node(other)))"
    }

    /// Which way relationship `ri` is followed from its end `anchor`.
    func direction(from anchor: Int, _ ri: Int) -> QueryPlanStep.Direction {
        let r = query.relationships[ri]
        guard r.directed else { return .both }
        return r.from == anchor ? .outgoing : .incoming
    }

    /// A step that binds or counts node `v` (its variable and kinds filled in).
    func step(_ operation: QueryPlanStep.Operation, _ text: String, node v: Int) -> QueryPlanStep {
        var step = QueryPlanStep(operation, text)
        step.variable = query.nodes[v].name
        step.kinds = kinds(v)
        return step
    }

    /// A step along relationship `ri` from `anchor` to its other end.
    func step(_ operation: QueryPlanStep.Operation, _ text: String, from anchor: Int, _ ri: Int) -> QueryPlanStep {
        let r = query.relationships[ri]
        let other = r.from == anchor ? r.to : r.from
        var step = self.step(operation, text, node: other)
        step.anchor = variable(anchor)
        step.relations = relations(ri)
        step.direction = direction(from: anchor, ri)
        step.hops = r.length.map(QueryPlanStep.Hops.init)
        if let ids = ids(other) { step.ids = ids }
        return step
    }

    /// A predicate where it is checked.
    func filter(_ p: Int, _ note: String = "") -> QueryPlanStep {
        QueryPlanStep(.filter, "filter " + query.predicates[p].text + note)
    }
}

extension QueryPlanStep.Hops {
    init(_ length: LengthRange) { self.init(min: length.min, max: length.max) }
}

extension PatternValue {
    /// The value as a literal in a query: `'text'`, `12`, `true`, `[1, 'a']`.
    var literalText: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let n): return String(n)
        case .double(let d): return "\(d)"
        case .string(let s): return "'" + s.replacingAll("'", with: "\\'") + "'"
        case .list(let items): return "[" + items.map(\.literalText).joined(separator: ", ") + "]"
        case .map(let entries):
            return "{" + entries.keys.sorted().map { "\($0): \(entries[$0]?.literalText ?? "null")" }.joined(separator: ", ") + "}"
        case .node(let row): return "node \(row)"
        case .edge(let row): return "edge \(row)"
        case .path: return "a path"
        }
    }
}

extension QueryValue {
    /// The value as a literal in a query: `'text'`, `12`, `true`, `[1, 'a']`, `{k: 1}`.
    var literalText: String {
        switch self {
        case .string(let s): return "'" + s.replacingAll("'", with: "\\'") + "'"
        case .list(let items): return "[" + items.map(\.literalText).joined(separator: ", ") + "]"
        case .map(let entries):
            return "{" + entries.keys.sorted().map { "\($0): \(entries[$0]?.literalText ?? "null")" }.joined(separator: ", ") + "}"
        default: return text
        }
    }
}
