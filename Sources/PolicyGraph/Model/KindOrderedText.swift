import Foundation

/// One kind's cells of one plain text column (labels), gathered into kind order: the kind's
/// rows as ``Graph/byKind`` lists them, their bytes back to back.
///
/// A plain column holds every node's cell in file order, so the 20,000 frameworks of a
/// million-node graph have their labels scattered through 20 MB, a cache miss each. A test
/// over all of one kind's labels (`MATCH (f:framework) WHERE f.label CONTAINS 'Trade'`) reads
/// this copy instead, front to back, as a table of that kind alone would be read.
struct KindOrderedText: Sendable {
    /// The kind's node rows, in increasing order (``Graph/byKind``'s order).
    let rows: ArraySlice<Int32>
    /// The cells' UTF-8 bytes, one after another; cell `k` (of `rows[rows.startIndex + k]`) is
    /// `bytes[ends[k - 1]..<ends[k]]` (from 0 for `k == 0`). An empty cell has no bytes.
    let bytes: [UInt8]
    let ends: [Int]

    /// Gathers `column`'s cells for `rows`.
    init(rows: ArraySlice<Int32>, column: AttributeColumn) {
        self.rows = rows
        var bytes: [UInt8] = []
        var ends: [Int] = []
        ends.reserveCapacity(rows.count)
        for row in rows {
            _ = column.withCellBytes(at: Int(row)) { bytes.append(contentsOf: $0) }
            ends.append(bytes.count)
        }
        self.bytes = bytes
        self.ends = ends
    }

    /// How many cells (rows of the kind).
    var count: Int { ends.count }
}

/// The kind-ordered copies made so far, one per (column, kind) that a query asked for, kept
/// for the graph's lifetime: built lazily, the first time a query reads most of a kind's
/// cells, so a graph no query scans pays nothing. A reference held by the immutable `Graph`
/// (like ``SearchScratch``): it changes nothing a user sees, only saves work.
final class KindTextViews: @unchecked Sendable {
    private let lock = NSLock()
    private var views: [Int: KindOrderedText] = [:]

    init() {}

    /// The copy for `column` (an index into the node table's columns) and `kind`, made on
    /// first use. Two threads asking at once may both build it; one copy is kept.
    func view(column: Int, kind: Int, in graph: Graph) -> KindOrderedText {
        let key = column &* 65_536 &+ kind
        lock.lock()
        let cached = views[key]
        lock.unlock()
        if let cached { return cached }
        let built = KindOrderedText(rows: graph.byKind.members(kind), column: graph.nodeTable.columns[column])
        lock.lock()
        defer { lock.unlock() }
        if let other = views[key] { return other }
        views[key] = built
        return built
    }
}
