/// The graph's map from node id to row: an open-addressing table over the ids themselves.
///
/// It replaces a `[NodeID: Int32]` dictionary, which for a million nodes costs 40 MB and a
/// SipHash of a `String` per lookup. Here a lookup hashes the id's UTF-8 bytes and compares
/// them with the one candidate row, so the loader looks up an edge's endpoint straight from the
/// bytes of the CSV field. Reads like the dictionary did: `index[id]` is the row or `nil`.
struct NodeIndex: Sendable {
    /// The id of every row, in row order, indexed or not.
    private(set) var ids: [NodeID]
    private var slots: HashSlots

    /// An index over `ids`; a repeated id maps to its first row.
    init(ids: [NodeID]) {
        self.init(capacity: ids.count)
        for id in ids { append(id) }
    }

    /// An empty index, to be filled row by row.
    init(capacity: Int) {
        ids = []
        ids.reserveCapacity(capacity)
        slots = HashSlots(capacity: capacity)
    }

    /// The number of indexed (distinct) ids.
    var count: Int { slots.count }

    /// The indexed ids, in row order.
    var keys: [NodeID] { ids.indices.filter { self[ids[$0]] == Int32($0) }.map { ids[$0] } }

    /// The row of `id`, or `nil`. O(length of the id).
    subscript(id: NodeID) -> Int32? {
        var key = id.rawValue
        return key.withUTF8 { row(bytes: $0, hash: ByteHash.hash($0)) }
    }

    /// The row of the id written as `bytes`, or `nil`.
    @inline(__always)
    func row(bytes: UnsafeBufferPointer<UInt8>) -> Int32? { row(bytes: bytes, hash: ByteHash.hash(bytes)) }

    @inline(__always)
    private func row(bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        let code = ids.withUnsafeBufferPointer { ids in
            slots.find(hash: hash) { code in
                var candidate = ids[code].rawValue
                return candidate.withUTF8 { ByteHash.equal($0, bytes) }
            }
        }
        return code.map { Int32(truncatingIfNeeded: $0) }
    }

    /// Looks up many ids at once: `rows[k]` is the row of `keys[k]`, or -1.
    ///
    /// A lookup is two dependent reads at random (the slot, then the id it points to), each a
    /// cache miss in a big graph. One at a time, every miss waits for the one before; here all
    /// the slots are read in one pass and all the candidate ids in a second, so the processor
    /// has many misses in flight at once. This is most of the speed of loading edges.
    func rows(of keys: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, into rows: UnsafeMutableBufferPointer<Int32>,
              scratch: inout [UInt64], touched: inout UInt8) {
        let n = keys.count
        if scratch.count < 2 * n { scratch = [UInt64](repeating: 0, count: 2 * n) }
        scratch.withUnsafeMutableBufferPointer { scratch in
            for k in 0..<n { scratch[k] = ByteHash.hash(keys[k]) }
            for k in 0..<n { scratch[n + k] = slots.slot(at: slots.home(scratch[k])) }
            ids.withUnsafeBufferPointer { ids in
                // Touch each candidate id first (a pure gather), so that the comparisons below
                // find them in cache instead of waiting for them one by one.
                if let raw = UnsafeRawPointer(ids.baseAddress) {
                    var sink: UInt8 = 0
                    for k in 0..<n {
                        if let code = HashSlots.candidate(scratch[n + k], hash: scratch[k]) {
                            sink &+= raw.load(fromByteOffset: code * MemoryLayout<NodeID>.stride, as: UInt8.self)
                        }
                    }
                    touched = sink
                }
                for k in 0..<n {
                    let slot = scratch[n + k]
                    if slot == 0 {
                        rows[k] = -1
                        continue
                    }
                    if let code = HashSlots.candidate(slot, hash: scratch[k]) {
                        var candidate = ids[code].rawValue
                        if candidate.withUTF8({ ByteHash.equal($0, keys[k]) }) {
                            rows[k] = Int32(truncatingIfNeeded: code)
                            continue
                        }
                    }
                    rows[k] = row(bytes: keys[k], hash: scratch[k]) ?? -1
                }
            }
        }
    }

    /// Adds a row with `id` and indexes it; when the id is already indexed, the row is added
    /// unindexed (rows stay aligned with the file) and the earlier row is returned.
    @discardableResult
    mutating func append(_ id: NodeID) -> Int32? {
        var key = id.rawValue
        return key.withUTF8 { append(id, bytes: $0) }
    }

    /// ``append(_:)`` for an id whose UTF-8 bytes the caller already has.
    @inline(__always)
    mutating func append(_ id: NodeID, bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = ByteHash.hash(bytes)
        if let previous = row(bytes: bytes, hash: hash) {
            ids.append(id)
            return previous
        }
        slots.insert(hash: hash, code: ids.count)
        ids.append(id)
        return nil
    }

    /// Adds a row that is not indexed (an empty id, reported by the loader).
    mutating func appendUnindexed(_ id: NodeID) { ids.append(id) }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
