/// The truth of a condition that reads one column of one variable (`n.label STARTS WITH 'W'`,
/// `r.weight > 0.5`), remembered per distinct value of the column.
///
/// Columns are dictionary-encoded, so a million rows share few values: the condition is
/// evaluated once per value met instead of once per match. A reference type on purpose, filled
/// while one query runs on one thread and dropped with it.
///
/// A plain column (labels) has a value per row, read at random as a match wanders: two cache
/// misses a read on a large graph. There the condition is evaluated as usual until it has run
/// for an eighth of the rows; then it is evaluated once for every row, in row order (the
/// column's bytes read one after another), and read from that table from then on. The pass costs
/// a few times the evaluations already made, so a query still pays for what it reads.
final class ColumnTruthCache: @unchecked Sendable {
    /// Per column code (0 for an empty cell): 0 not yet known, 1 false, 2 true, 3 null.
    private var truths: [UInt8]
    /// The pass over every row of a plain column, and how many evaluations wait for it.
    private let plain: PlainPass?
    private var untilPass = 0

    /// A plain column's condition: what the pass over its rows evaluates.
    struct PlainPass {
        let rows: Int
        let node: Bool
        let slot: Int
        let condition: CompiledExpression
        let graph: Graph
    }

    init(values: Int) {
        truths = [UInt8](repeating: 0, count: values + 1)
        plain = nil
    }

    init(plain pass: PlainPass) {
        truths = []
        plain = pass
        untilPass = max(64, pass.rows / 8)
    }

    @inline(__always)
    func truth(code: Int, _ evaluate: () throws(QueryError) -> Truth) throws(QueryError) -> Truth {
        if truths.isEmpty {
            untilPass -= 1
            guard untilPass <= 0, let plain else { return try evaluate() }
            fill(plain)
        }
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

    /// Evaluates the condition for every row in order (code = row + 1). A row whose evaluation
    /// fails stays unknown, so that the error is raised only if a match reads it.
    private func fill(_ pass: PlainPass) {
        var table = [UInt8](repeating: 0, count: pass.rows + 1)
        var frame = MatchFrame(nodes: pass.node ? pass.slot + 1 : 0, relationships: pass.node ? 0 : pass.slot + 1)
        for row in 0..<pass.rows {
            if pass.node { frame.nodes[pass.slot] = Int32(truncatingIfNeeded: row) } else { frame.edges[pass.slot] = Int32(truncatingIfNeeded: row) }
            guard let t = try? pass.condition.truth(in: frame, graph: pass.graph) else {
                // `try?` flattens a null truth and an error alike: evaluate again to tell them apart.
                table[row + 1] = (try? pass.condition.value(in: frame, graph: pass.graph)) == nil ? 0 : 3
                continue
            }
            table[row + 1] = t ? 2 : 1
        }
        truths = table
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
    /// On a plain column (labels), answered per row once it has been asked for an eighth of them.
    func cachedPerColumnValue(in graph: Graph) -> CompiledExpression {
        guard let c = singleColumn else { return self }
        let column = c.node ? graph.nodeTable.columns[c.column] : graph.edgeTable.columns[c.column]
        let cache = column.isPlain
            ? ColumnTruthCache(plain: .init(rows: column.count, node: c.node, slot: c.slot, condition: self, graph: graph))
            : ColumnTruthCache(values: column.distinctCount)
        return .columnTest(node: c.node, slot: c.slot, column: c.column, condition: self, cache: cache)
    }
}
