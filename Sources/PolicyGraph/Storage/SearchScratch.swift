import Foundation

/// Visited arrays for the searches over one graph, handed back cleared for the next search.
///
/// A shortest-path search that touches a few hundred nodes of a 100k-node graph must not pay
/// for clearing 100k slots: that cost more than the search itself (400 kB of writes per map,
/// which also push the adjacency out of the cache). `Graph` is an immutable value shared across
/// threads, so it cannot lend out an array it owns; it holds this pool instead (a reference,
/// invisible to the graph's value) and a search borrows an array, then gives it back with the
/// slots it touched reset. A search that never gives one back costs one allocation, nothing
/// else: the pool only saves work.
final class SearchScratch: @unchecked Sendable {
    /// The value of a slot no search has written.
    static let empty: Int32 = -1
    /// Arrays kept for reuse (two per path search; a few threads at once).
    private static let kept = 4

    let nodeCount: Int
    private let lock = NSLock()
    private var free: [[Int32]] = []

    init(nodeCount: Int) { self.nodeCount = nodeCount }

    /// An array of `nodeCount` slots, all `empty`.
    func take() -> [Int32] {
        lock.lock()
        let reused = free.popLast()
        lock.unlock()
        return reused ?? [Int32](repeating: Self.empty, count: max(nodeCount, 1))
    }

    /// Takes back an array whose slots are all `empty` again.
    func give(_ slots: [Int32]) {
        guard slots.count == max(nodeCount, 1) else { return }
        lock.lock()
        if free.count < Self.kept { free.append(slots) }
        lock.unlock()
    }
}
