/// The truth of a condition that reads one column of one variable (`n.label STARTS WITH 'W'`,
/// `r.weight > 0.5`), remembered per distinct value of the column.
///
/// Columns are dictionary-encoded, so a million rows share few values: the condition is
/// evaluated once per value met instead of once per match. A reference type on purpose, filled
/// while one query runs on one thread and dropped with it.
///
/// A plain column (labels) has a value per row, read at random as a match wanders: two cache
/// misses a read on a large graph. There the condition is evaluated as usual until it has run
/// for an eighth of the rows of one kind (of the edge rows, for an edge column); then it is
/// evaluated once for every row of that kind, and read from that table from then on. A node
/// column's pass reads the kind's cells gathered in kind order (``KindOrderedText``, kept on
/// the graph) and, when the condition is a ``TextCondition``, tests their bytes in one loop.
/// The pass costs a few times the evaluations already made, so a query still pays for what it
/// reads, not for the graph's other kinds.
final class ColumnTruthCache: @unchecked Sendable {
    /// Per column code (0 for an empty cell): 0 not yet known, 1 false, 2 true, 3 null. For a
    /// plain column, code = row + 1, and the table is made at the first pass.
    private var truths: [UInt8]
    /// The pass over the rows of a plain column, and per kind (node columns) or for all rows
    /// (edge columns) how many evaluations wait for it.
    private let plain: PlainPass?
    private var untilPass: [Int] = []
    /// The condition as a byte test, when it is one.
    private let text: TextCondition?
    private let isPlain: Bool
    /// Each node row's kind, for a node column's count per kind (held here: reading it through
    /// ``plain`` would copy the graph at every evaluation).
    private let kinds: [UInt16]

    /// A plain column's condition: what the pass over its rows evaluates.
    struct PlainPass {
        let rows: Int
        let node: Bool
        let slot: Int
        let column: Int
        let condition: CompiledExpression
        let graph: Graph
    }

    init(values: Int) {
        truths = [UInt8](repeating: 0, count: values + 1)
        plain = nil
        isPlain = false
        text = nil
        kinds = []
    }

    init(plain pass: PlainPass) {
        truths = []
        plain = pass
        isPlain = true
        if pass.node {
            let text = TextCondition(pass.condition, slot: pass.slot, column: pass.column)
            // A byte test over gathered cells costs a small part of an evaluation at a random
            // row: its pass comes sooner.
            let share = text == nil ? 8 : 32
            untilPass = (0..<pass.graph.schema.kinds.count).map { max(64, pass.graph.byKind.range($0).count / share) }
            self.text = text
            kinds = pass.graph.nodeTable.kinds
        } else {
            untilPass = [max(64, pass.rows / 8)]
            text = nil
            kinds = []
        }
    }

    @inline(__always)
    func truth(code: Int, _ evaluate: () throws(QueryError) -> Truth) throws(QueryError) -> Truth {
        if isPlain {
            // Inline, so that `evaluate` (which holds the graph) is not copied into a call.
            if !truths.isEmpty {
                switch truths[code] {
                case 1: return false
                case 2: return true
                case 3: return nil
                default: break
                }
            }
            let t = try evaluate()
            if code > 0 { counted(row: code - 1) }
            return t
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

    /// Counts one evaluation at `row` of a plain column towards the pass over the row's kind
    /// (or over every edge row), and makes the pass when it is due.
    @inline(never)
    private func counted(row: Int) {
        let group = kinds.isEmpty ? 0 : Int(kinds[row])
        untilPass[group] -= 1
        guard untilPass[group] == 0, let pass = plain else { return }
        if truths.isEmpty { truths = [UInt8](repeating: 0, count: pass.rows + 1) }
        if pass.node {
            fill(pass, kind: group)
        } else {
            fill(pass, rows: 0..<Int32(truncatingIfNeeded: pass.rows))
        }
    }

    /// Evaluates the condition for every node of `kind` (code = row + 1): as bytes over the
    /// kind's gathered cells when it is a ``TextCondition``, else row by row in row order.
    private func fill(_ pass: PlainPass, kind: Int) {
        if let text, case .plain = pass.graph.nodeTable.columns[pass.column].storage {
            text.fill(pass.graph.textViews.view(column: pass.column, kind: kind, in: pass.graph), into: &truths)
            return
        }
        fill(pass, rows: pass.graph.byKind.members(kind))
    }

    /// Evaluates the condition for each of `rows`. A row whose evaluation fails stays unknown,
    /// so that the error is raised only if a match reads it.
    private func fill<Rows: Sequence<Int32>>(_ pass: PlainPass, rows: Rows) {
        var frame = MatchFrame(nodes: pass.node ? pass.slot + 1 : 0, relationships: pass.node ? 0 : pass.slot + 1)
        for row in rows {
            if pass.node { frame.nodes[pass.slot] = row } else { frame.edges[pass.slot] = row }
            guard let t = try? pass.condition.truth(in: frame, graph: pass.graph) else {
                // `try?` flattens a null truth and an error alike: evaluate again to tell them apart.
                truths[Int(row) + 1] = (try? pass.condition.value(in: frame, graph: pass.graph)) == nil ? 0 : 3
                continue
            }
            truths[Int(row) + 1] = t ? 2 : 1
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
    /// On a plain column (labels), answered per row once it has been asked for an eighth of them.
    func cachedPerColumnValue(in graph: Graph) -> CompiledExpression {
        guard let c = singleColumn else { return self }
        let column = c.node ? graph.nodeTable.columns[c.column] : graph.edgeTable.columns[c.column]
        let cache = column.isPlain
            ? ColumnTruthCache(plain: .init(rows: column.count, node: c.node, slot: c.slot, column: c.column, condition: self, graph: graph))
            : ColumnTruthCache(values: column.distinctCount)
        return .columnTest(node: c.node, slot: c.slot, column: c.column, condition: self, cache: cache)
    }
}
