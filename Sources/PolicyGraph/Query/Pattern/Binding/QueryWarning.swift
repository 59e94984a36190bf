/// A part of a query that cannot match anything in the graph, though the query is valid: a label
/// compared with text no node has (`WHERE n.label = 'united states'`, written in the wrong case),
/// an id that only some branch of a condition names. The query still runs (the answer may truly
/// be "nothing"), but an empty answer should not be silent about a likely typo: it comes with
/// these warnings.
///
/// An id a pattern or a top-level `WHERE n.id = ...` names, written or given as a parameter, is an
/// error instead (``QueryError/Reason/unknownNode(_:suggestions:)``): there a typo is far likelier
/// than a question whose answer is nothing.
package struct QueryWarning: LocatedError, Hashable, Sendable {
    /// What cannot match, with the values the message quotes.
    package enum Reason: Hashable, Sendable {
        /// No node has `value` in `property` (`id`, `label` or `label_zh`); `suggestions` are
        /// values that node has that are close (the same text in another case first).
        case noNodeHas(property: String, value: String, suggestions: [String])
        /// A text date column (`date`) compared with the number `number`: never true.
        case dateComparedWithNumber(property: String, number: String)
        /// An item of `n.id IN [...]` that is no node's id, with close ids.
        case noNodeHasListedID(String, suggestions: [String])
    }

    package let reason: Reason
    package let location: QueryLocation?

    package var message: String {
        switch reason {
        case .noNodeHas(let property, let value, let suggestions):
            return "no node has \(property) '\(value)', so this comparison matches nothing" + Suggestions.hint(suggestions)
        case .dateComparedWithNumber(let property, let number):
            return "\(property) is text ('2024-05-14'), so comparing it with the number \(number) is never true; quote it ('\(number)') or write date('\(number)')"
        case .noNodeHasListedID(let id, let suggestions):
            return "no node has id '\(id)', so this list item matches nothing" + Suggestions.hint(suggestions)
        }
    }

    package var severityLabel: String { "warning" }
    package var locationDescription: String? { location?.description }
}

extension QueryWarning {
    /// The node properties whose values are names a person types.
    private static let namedProperties: Set<String> = [Column.id, Column.label, "label_zh"]

    /// The warnings for `query` on `graph`: each `x.p = 'text'` or `x.p IN [...]` (and `{p: 'text'}`
    /// in a node pattern) where `p` is `id`, `label` or `label_zh` and no node has that text;
    /// parameters are read through `parameters`. In query order, each value once.
    ///
    /// `underNot`: only the values under a NOT (`WHERE NOT EXISTS { (c)-->(:framework {label:
    /// 'x'}) }`), which a typo turns into a full answer rather than an empty one, so they are
    /// checked whatever the answer.
    static func check(_ query: ClauseQuery, in graph: Graph, parameters: [String: QueryValue] = [:], underNot: Bool = false) -> [QueryWarning] {
        var found: [(property: String, value: String, location: QueryLocation)] = []
        var negations = 0
        func text(_ e: PatternExpression) -> String? {
            switch e.form {
            case .string(let s): return s
            case .parameter(let name):
                if case .string(let s)? = parameters[name] { return s }
                return nil
            default: return nil
            }
        }
        func property(_ e: PatternExpression) -> String? {
            guard case .property(_, let key) = e.form, namedProperties.contains(key.text) else { return nil }
            return key.text
        }
        func add(_ property: String, _ value: String, _ location: QueryLocation) {
            if !underNot || negations > 0 { found.append((property, value, location)) }
        }
        func visit(_ e: PatternExpression) {
            switch e.form {
            case .binary(let op, let l, let r):
                if op == .equal {
                    if let p = property(l), let v = text(r) { add(p, v, r.location) }
                    if let p = property(r), let v = text(l) { add(p, v, l.location) }
                } else if op == .in, let p = property(l), case .list(let items) = r.form {
                    for item in items { if let v = text(item) { add(p, v, item.location) } }
                }
            case .not:
                negations += 1
                defer { negations -= 1 }
                for child in e.form.children { visit(child) }
                return
            case .exists(let match): visit(match)
            case .pattern(let path): visit(path)
            default: break
            }
            for child in e.form.children { visit(child) }
        }
        func visit(_ path: PathPattern) {
            for node in path.nodes {
                for entry in node.properties where namedProperties.contains(entry.key.text) {
                    if let v = text(entry.value) { add(entry.key.text, v, entry.value.location) }
                }
            }
        }
        func visit(_ match: MatchClause) {
            match.paths.forEach(visit)
            if let predicate = match.predicate { visit(predicate) }
        }
        for part in query.parts {
            for clause in part.clauses {
                switch clause {
                case .match(let match, _): visit(match)
                case .unwind(let list, _, _): visit(list)
                case .with(let projection), .return(let projection):
                    projection.items.forEach { visit($0.expression) }
                    if let predicate = projection.predicate { visit(predicate) }
                }
            }
        }
        guard !found.isEmpty else { return [] }
        // By code points, as `=` compares: a value that only looks like a node's (the Kelvin
        // sign for K) matches nothing, and is warned about.
        // An id is looked up in the index (the same node, by code points); the other names need
        // every node's value, gathered only when some value is not an id.
        func isNodeID(_ value: String) -> Bool {
            guard let row = graph.index[NodeID(value)] else { return false }
            return CodePoints.equal(graph.id(at: row).rawValue, value)
        }
        let unknown = found.filter { $0.property != Column.id || !isNodeID($0.value) }
        guard !unknown.isEmpty else { return [] }
        var values: [String: Set<CodePointKey>] = [:]
        for p in Set(unknown.map(\.property)) { values[p] = graph.nodeValues(of: p) }
        var warned: Set<[CodePointKey]> = []
        var warnings: [QueryWarning] = []
        for f in unknown where values[f.property]?.contains(CodePointKey(f.value)) == false
            && warned.insert([CodePointKey(f.property), CodePointKey(f.value)]).inserted {
            let suggestions = graph.closeValues(to: f.value, of: f.property, among: values[f.property] ?? [])
            warnings.append(QueryWarning(reason: .noNodeHas(property: f.property, value: f.value, suggestions: suggestions), location: f.location))
        }
        return warnings
    }
}

extension Graph {
    /// Every node's value of `property` (`id`, `label` or `label_zh`).
    fileprivate func nodeValues(of property: String) -> Set<CodePointKey> {
        var out: Set<CodePointKey> = []
        for i in 0..<Int32(nodeCount) {
            switch property {
            case Column.id: out.insert(CodePointKey(id(at: i).rawValue))
            case Column.label: out.insert(CodePointKey(label(at: i)))
            default: if let zh = chineseLabel(at: i) { out.insert(CodePointKey(zh)) }
            }
        }
        return out
    }

    /// Values of `property` close to `value`: the same text in another case (or another
    /// spelling of the same characters, such as the Kelvin sign for K), else the close names'
    /// values. At most five, sorted.
    fileprivate func closeValues(to value: String, of property: String, among values: Set<CodePointKey>) -> [String] {
        let folded = value.lowercased()
        let sameText = values.map(\.text).filter { $0.lowercased() == folded }
        if !sameText.isEmpty { return Array(sameText.sorted(by: CodePoints.precedes).prefix(5)) }
        var out: [String] = []
        for id in suggestions(for: value) {
            guard let row = index[id] else { continue }
            let candidate: String? = switch property {
            case Column.id: id.rawValue
            case Column.label: label(at: row)
            default: chineseLabel(at: row)
            }
            if let candidate, !out.contains(where: { CodePoints.equal($0, candidate) }) { out.append(candidate) }
        }
        return Array(out.sorted(by: CodePoints.precedes).prefix(5))
    }
}
