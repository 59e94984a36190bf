/// A condition on one node variable's text column against constants (`f.label STARTS WITH
/// 'Trade' OR f.label STARTS WITH 'Finance'`), answered from a cell's bytes alone, so that a
/// whole kind's cells can be tested in one pass over their bytes (``KindOrderedText``) with
/// no `String`, no frame and no tree walk per row.
///
/// It means exactly what the ``CompiledExpression`` it comes from means: `STARTS WITH`,
/// `ENDS WITH`, `CONTAINS`, `=` and `<>` compare bytes as ``CellTextMatch`` does (code points,
/// case sensitive, no normalisation: the query language's one meaning, ``CodePoints``), an
/// empty cell is null, and `AND`, `OR`, `XOR`, `NOT` follow three-valued logic.
indirect enum TextCondition: Sendable {
    case test(BinaryOperator, [UInt8])
    case isNull(negated: Bool)
    case constant(Truth)
    case not(TextCondition)
    case and(TextCondition, TextCondition)
    case or(TextCondition, TextCondition)
    case xor(TextCondition, TextCondition)

    /// `expression` as a byte condition on node slot `slot`'s column `column`, or `nil` when it
    /// reads anything else or does something bytes cannot answer.
    init?(_ expression: CompiledExpression, slot: Int, column: Int) {
        func cellOf(_ e: CompiledExpression) -> Bool {
            if case .nodeColumn(.node(let s), let c, nil) = e { return s == slot && c == column }
            return false
        }
        switch expression {
        case .columnTest(true, slot, column, let condition, _):
            self.init(condition, slot: slot, column: column)
        case .text(let op, let l, .constant(.string(let needle))) where cellOf(l):
            guard op == .startsWith || op == .endsWith || op == .contains else { return nil }
            self = .test(op, Array(needle.utf8))
        case .compare(let op, let l, let r) where op == .equal || op == .notEqual:
            // `=` is symmetric: the cell on either side.
            guard case .constant(.string(let value)) = cellOf(l) ? r : l, cellOf(l) || cellOf(r) else { return nil }
            let equal = TextCondition.test(.equal, Array(value.utf8))
            self = op == .equal ? equal : .not(equal)
        case .isNull(let e, let negated) where cellOf(e):
            self = .isNull(negated: negated)
        case .constant(let v):
            if case .bool(let b) = v { self = .constant(b) } else { self = .constant(nil) }
        case .not(let e):
            guard let a = TextCondition(e, slot: slot, column: column) else { return nil }
            self = .not(a)
        case .and(let l, let r), .or(let l, let r), .xor(let l, let r):
            guard let a = TextCondition(l, slot: slot, column: column),
                  let b = TextCondition(r, slot: slot, column: column) else { return nil }
            switch expression {
            case .and: self = .and(a, b)
            case .or: self = .or(a, b)
            default: self = .xor(a, b)
            }
        default:
            return nil
        }
    }

    /// The truth for a cell's bytes (empty: an empty cell, null).
    func truth(_ cell: UnsafeBufferPointer<UInt8>) -> Truth {
        switch self {
        case .test(let op, let needle):
            if cell.isEmpty { return nil }
            return needle.withUnsafeBufferPointer { CellTextMatch.test(op, cell: cell, needle: $0) }
        case .isNull(let negated): return cell.isEmpty != negated
        case .constant(let t): return t
        case .not(let a): return a.truth(cell).map { !$0 }
        case .and(let l, let r):
            let a = l.truth(cell)
            if a == false { return false }
            let b = r.truth(cell)
            if b == false { return false }
            return a == nil || b == nil ? nil : true
        case .or(let l, let r):
            let a = l.truth(cell)
            if a == true { return true }
            let b = r.truth(cell)
            if b == true { return true }
            return a == nil || b == nil ? nil : false
        case .xor(let l, let r):
            guard let a = l.truth(cell), let b = r.truth(cell) else { return nil }
            return a != b
        }
    }

    /// Writes the truth of every cell of `view` into `table` at its row + 1, coded as
    /// ``ColumnTruthCache`` keeps them (1 false, 2 true, 3 null).
    func fill(_ view: KindOrderedText, into table: inout [UInt8]) {
        table.withUnsafeMutableBufferPointer { table in
            forEachTruth(view) { row, t in table[Int(row) + 1] = t.map { $0 ? 2 : 1 } ?? 3 }
        }
    }

    /// The rows of `view` whose cell makes the condition true, in order.
    func passingRows(_ view: KindOrderedText) -> [Int32] {
        var rows: [Int32] = []
        forEachTruth(view) { row, t in if t == true { rows.append(row) } }
        return rows
    }

    /// `body(row, truth)` for each cell of `view`, in order.
    @inline(__always)
    private func forEachTruth(_ view: KindOrderedText, _ body: (Int32, Truth) -> Void) {
        // One test on its own (the usual WHERE) runs without the tree walk.
        if case .test(let op, let needle) = self {
            needle.withUnsafeBufferPointer { n in
                forEachCell(view) { row, cell in body(row, cell.isEmpty ? nil : CellTextMatch.test(op, cell: cell, needle: n)) }
            }
        } else {
            forEachCell(view) { row, cell in body(row, truth(cell)) }
        }
    }

    @inline(__always)
    private func forEachCell(_ view: KindOrderedText, _ body: (Int32, UnsafeBufferPointer<UInt8>) -> Void) {
        view.bytes.withUnsafeBufferPointer { bytes in
            view.ends.withUnsafeBufferPointer { ends in
                var start = 0
                var k = 0
                for row in view.rows {
                    let end = ends[k]
                    body(row, start == end ? UnsafeBufferPointer(start: nil, count: 0) : UnsafeBufferPointer(rebasing: bytes[start..<end]))
                    start = end
                    k += 1
                }
            }
        }
    }
}
