import Foundation

/// One dictionary-encoded edge column (`weight`, `date`) gathered into the slot order of one
/// direction of the adjacency (``Graph/outgoing`` or ``Graph/incoming``): `codes[k]` is the
/// code of the edge in slot `k`.
///
/// A column holds its cells in file order, so a walk over a node's edges of one relation that
/// tests `r.date >= '2024'` reads a code at random per edge (a cache miss each in the 10M rows
/// of a large graph). Beside the slots, the codes of one run are read front to back, as a
/// relationship table stored in its adjacency order is.
struct SlotOrderedCodes: Sendable {
    /// The code of each slot's edge (0 for an empty cell, else 1 + the value's index).
    let codes: CodeArray
    /// For each code, an edge row holding it (-1 when no edge does): a condition on the column
    /// is evaluated once per code at that row.
    let representatives: [Int32]

    /// Gathers `column`'s codes in the order of `index`'s slots.
    init(index: CSRIndex, column: AttributeColumn) {
        var codes = [UInt32](repeating: 0, count: index.items.count)
        var representatives = [Int32](repeating: -1, count: column.distinctCount + 1)
        index.items.withUnsafeBufferPointer { items in
            codes.withUnsafeMutableBufferPointer { out in
                for k in items.indices {
                    let code = column.code(at: Int(items[k]))
                    out[k] = code
                    if representatives[Int(code)] < 0 { representatives[Int(code)] = items[k] }
                }
            }
        }
        self.codes = CodeArray(codes, distinct: column.distinctCount)
        self.representatives = representatives
    }
}

/// The slot-ordered copies made so far, one per (edge column, direction) that a query asked
/// for, kept for the graph's lifetime: built lazily, the first time a count reads a large share
/// of a relation's edges with a condition on the column, so a graph no such query reads pays
/// nothing. A reference held by the immutable `Graph` (like ``KindTextViews``).
final class SlotCodeViews: @unchecked Sendable {
    private let lock = NSLock()
    private var views: [Int: SlotOrderedCodes] = [:]
    private var asked: [Int: Int] = [:]

    init() {}

    /// Whether the copy for `column` and direction `outgoing` exists (so using it costs nothing).
    func isBuilt(column: Int, outgoing: Bool) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return views[Self.key(column, outgoing)] != nil
    }

    /// Whether a count that could use the copy should have it made now: from the second time
    /// one is asked for in this graph's life. The copy reads the whole column (0.2–0.4 s at 10M
    /// edges), far more than one query's random reads of it, so a one-off query (one
    /// `policygraph query` process) reads at random and only a graph queried again pays for it.
    func wanted(column: Int, outgoing: Bool) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let key = Self.key(column, outgoing)
        asked[key, default: 0] += 1
        return asked[key, default: 0] >= 2
    }

    /// What ``wanted(column:outgoing:)`` would answer now, without counting the question (for
    /// EXPLAIN, which must leave the graph as it found it).
    func wouldBeWanted(column: Int, outgoing: Bool) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return asked[Self.key(column, outgoing), default: 0] + 1 >= 2
    }

    /// The copy for edge column `column` in the slot order of the out-edges (`outgoing`) or
    /// in-edges, made on first use. Two threads asking at once may both build it; one is kept.
    func view(column: Int, outgoing: Bool, in graph: Graph) -> SlotOrderedCodes {
        let key = Self.key(column, outgoing)
        lock.lock()
        let cached = views[key]
        lock.unlock()
        if let cached { return cached }
        let built = SlotOrderedCodes(index: outgoing ? graph.outgoing : graph.incoming, column: graph.edgeTable.columns[column])
        lock.lock()
        defer { lock.unlock() }
        if let other = views[key] { return other }
        views[key] = built
        return built
    }

    private static func key(_ column: Int, _ outgoing: Bool) -> Int { column &* 2 &+ (outgoing ? 1 : 0) }
}
