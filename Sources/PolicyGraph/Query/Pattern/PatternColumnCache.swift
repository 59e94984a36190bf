/// The truth of a condition that reads one column of one variable (`n.label STARTS WITH 'W'`,
/// `r.weight > 0.5`), remembered per distinct value of the column.
///
/// Columns are dictionary-encoded, so a million rows share few values: the condition is
/// evaluated once per value met instead of once per match. A reference type on purpose, filled
/// while one query runs on one thread and dropped with it.
final class ColumnTruthCache: @unchecked Sendable {
    /// Per column code (0 for an empty cell): 0 not yet known, 1 false, 2 true, 3 null.
    private var truths: [UInt8]

    init(values: Int) { truths = [UInt8](repeating: 0, count: values + 1) }

    @inline(__always)
    func truth(code: Int, _ evaluate: () throws(QueryError) -> Truth) throws(QueryError) -> Truth {
        switch truths[code] {
        case 1: return false
        case 2: return true
        case 3: return nil
        default:
            let t = try evaluate()
            truths[code] = t.map { $0 ? 2 : 1 } ?? 3
            return t
        }
    }
}

extension CompiledExpression {
    /// The one column this condition reads, when it reads nothing else but constants.
    private var singleColumn: (node: Bool, slot: Int, column: Int)? {
        var found: (node: Bool, slot: Int, column: Int)?
        var other = false
        func visit(_ e: CompiledExpression) {
            switch e {
            case .constant: return
            case .nodeColumn(.node(let slot), let c, _), .edgeColumn(.edge(let slot), let c, _):
                let isNode: Bool
                if case .nodeColumn = e { isNode = true } else { isNode = false }
                if let f = found, f.node != isNode || f.slot != slot || f.column != c { other = true }
                found = (isNode, slot, c)
            case .not(let a), .isNull(let a, _): visit(a)
            case .and(let a, let b), .or(let a, let b), .xor(let a, let b), .compare(_, let a, let b), .inList(let a, let b), .text(_, let a, let b):
                visit(a)
                visit(b)
            case .list(let items): items.forEach(visit)
            default: other = true
            }
        }
        visit(self)
        return other ? nil : found
    }

    /// This condition, answered per distinct column value when it reads a single column.
    /// A plain column (labels) is left alone: each row is its own value, so a cache would only
    /// cost a byte per row of the graph.
    func cachedPerColumnValue(in graph: Graph) -> CompiledExpression {
        guard let c = singleColumn else { return self }
        let column = c.node ? graph.nodeTable.columns[c.column] : graph.edgeTable.columns[c.column]
        guard !column.isPlain else { return self }
        return .columnTest(node: c.node, slot: c.slot, column: c.column, condition: self, cache: ColumnTruthCache(values: column.distinctCount))
    }
}
