/// `STARTS WITH`, `ENDS WITH`, `CONTAINS` and `=` between a node's text cell and a constant,
/// on the cell's bytes where they are stored: a label read for a test makes no `String`.
///
/// Bytes, not characters, as Cypher compares code points: two UTF-8 strings agree byte for
/// byte exactly when their code points do. The general path runs the same test on values
/// (``CodePoints/test(_:_:_:)``), so a plan that reads cells and one that reads values agree.
enum CellTextMatch {
    /// The truth of `cell op needle` for `row` of `column`: null for an empty cell.
    static func test(_ op: BinaryOperator, _ column: AttributeColumn, row: Int, needle: String) -> Truth {
        var needle = needle
        return needle.withUTF8 { n in
            column.withCellBytes(at: row) { cell in test(op, cell: cell, needle: n) }
        }
    }

    /// The truth of `cell op needle` for a cell's bytes (not empty: an empty cell is null).
    @inline(__always)
    static func test(_ op: BinaryOperator, cell: UnsafeBufferPointer<UInt8>, needle n: UnsafeBufferPointer<UInt8>) -> Bool {
        switch op {
        case .startsWith: return cell.count >= n.count && equal(cell, from: 0, n)
        case .endsWith: return cell.count >= n.count && equal(cell, from: cell.count - n.count, n)
        case .contains: return contains(cell, n)
        default: return cell.count == n.count && equal(cell, from: 0, n)
        }
    }

    @inline(__always)
    private static func equal(_ cell: UnsafeBufferPointer<UInt8>, from start: Int, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < needle.count {
            if cell[start + i] != needle[i] { return false }
            i += 1
        }
        return true
    }

    /// Whether `needle` occurs in `cell`: the first byte is looked for, then the rest compared
    /// (labels are short; no table is worth building per cell).
    private static func contains(_ cell: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard cell.count >= needle.count else { return false }
        var i = 0
        let last = cell.count - needle.count
        while i <= last {
            if cell[i] == first, equal(cell, from: i, needle) { return true }
            i += 1
        }
        return false
    }
}
