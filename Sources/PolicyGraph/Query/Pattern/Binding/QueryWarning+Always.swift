/// Warnings given whatever the answer, because the part they point at quietly drops rows even
/// when others remain: a date column compared with a number (dates are text, so `r.date > 2024`
/// is never true), and an id in `n.id IN [...]` that no node has (found in the id index).
extension QueryWarning {
    /// The comparison operators a date column may meet a number with.
    private static let comparisons: Set<BinaryOperator> = [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual]

    /// The warnings of `query` that hold whether or not it has rows, in query order.
    static func checkAlways(_ query: ClauseQuery, in graph: Graph, parameters: [String: QueryValue] = [:]) -> [QueryWarning] {
        var warnings: [QueryWarning] = []
        func number(_ e: PatternExpression) -> String? {
            switch e.form {
            case .integer, .float: return e.text
            case .negate(let inner): return number(inner).map { "-" + $0 }
            case .parameter(let name):
                switch parameters[name] {
                case .int(let n)?: return String(n)
                case .double(let d)?: return String(d)
                default: return nil
                }
            default: return nil
            }
        }
        func dateProperty(_ e: PatternExpression) -> String? {
            guard case .property(_, let key) = e.form, key.text.lowercased().contains("date"),
                  !graph.schema.isNumeric(key.text) else { return nil }
            return key.text
        }
        func idText(_ e: PatternExpression) -> String? {
            switch e.form {
            case .string(let s): return s
            case .parameter(let name):
                if case .string(let s)? = parameters[name] { return s }
                return nil
            default: return nil
            }
        }
        func visit(_ e: PatternExpression) {
            if case .binary(let op, let l, let r) = e.form {
                if Self.comparisons.contains(op) {
                    // The number first: it is the rare side, and the cheap test.
                    if let n = number(r), let p = dateProperty(l) {
                        warnings.append(QueryWarning(reason: .dateComparedWithNumber(property: p, number: n), location: r.location))
                    } else if let n = number(l), let p = dateProperty(r) {
                        warnings.append(QueryWarning(reason: .dateComparedWithNumber(property: p, number: n), location: l.location))
                    }
                } else if op == .in, case .property(_, let key) = l.form, key.text == Column.id, case .list(let items) = r.form {
                    for item in items {
                        guard let id = idText(item), graph.index[NodeID(id)] == nil else { continue }
                        let suggestions = graph.suggestions(for: id).map(\.rawValue)
                        warnings.append(QueryWarning(reason: .noNodeHasListedID(id, suggestions: Array(suggestions.prefix(5))), location: item.location))
                    }
                }
            }
            for child in e.form.children { visit(child) }
        }
        for part in query.parts {
            for clause in part.clauses {
                switch clause {
                case .match(let match, _): if let predicate = match.predicate { visit(predicate) }
                case .unwind(let list, _, _): visit(list)
                case .with(let projection), .return(let projection):
                    projection.items.forEach { visit($0.expression) }
                    if let predicate = projection.predicate { visit(predicate) }
                }
            }
        }
        var seen: Set<QueryWarning> = []
        return warnings.filter { seen.insert($0).inserted }
    }
}
