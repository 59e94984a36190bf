/// The graph's map from node id to row: an open-addressing table that holds the ids themselves.
///
/// It replaces a `[NodeID: Int32]` dictionary, which for a million nodes costs 40 MB and a
/// SipHash of a `String` per lookup. Here a lookup hashes the id's UTF-8 bytes and probes a table
/// whose entries carry the id next to its row, so that one cache line answers it (ids up to 15
/// bytes live inside their `String`); the loader looks up an edge's endpoints straight from the
/// bytes of the CSV fields, a batch at a time. Reads like the dictionary did: `index[id]`.
struct NodeIndex: Sendable {
    /// One slot of the table: empty when `row1` is 0.
    private struct Entry {
        var id: NodeID
        /// The low 32 bits of the id's hash: a cheap first comparison, and its place on growth.
        var tag: UInt32
        /// 1 + the row.
        var row1: UInt32
    }

    /// The id of every row, in row order, indexed or not.
    private(set) var ids: [NodeID]
    private var table: [Entry]
    private var mask: Int
    /// The number of indexed (distinct) ids.
    private(set) var count = 0

    /// An index over `ids`; a repeated id maps to its first row.
    init(ids: [NodeID]) {
        self.init(capacity: ids.count)
        for id in ids { append(id) }
    }

    /// An empty index for about `capacity` rows, its table sized for `slots` ids (it grows).
    init(capacity: Int, slots: Int? = nil) {
        ids = []
        ids.reserveCapacity(capacity)
        ids.withUnsafeMutableBufferPointer { buffer in
            // Ids are read at random by row (`id(at:)`): ask for huge pages (see LargeArray).
            if let base = buffer.baseAddress {
                LargeArray.adviseHugePages(UnsafeMutableRawBufferPointer(start: base, count: capacity * MemoryLayout<NodeID>.stride))
            }
        }
        var size = 16
        while size < (slots ?? capacity) * 2 { size <<= 1 }
        table = Self.emptyTable(size)
        mask = size - 1
    }

    private static func emptyTable(_ size: Int) -> [Entry] {
        LargeArray.uninitialized(count: size) { $0.initialize(repeating: Entry(id: NodeID(""), tag: 0, row1: 0)) }
    }

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
        let tag = UInt32(truncatingIfNeeded: hash)
        return table.withUnsafeBufferPointer { t in
            var i = Int(truncatingIfNeeded: hash) & mask
            while true {
                let row1 = t[i].row1
                if row1 == 0 { return nil }
                if t[i].tag == tag, Self.matches(t[i].id, bytes) { return Int32(truncatingIfNeeded: row1 - 1) }
                i = (i + 1) & mask
            }
        }
    }

    @inline(__always)
    private static func matches(_ id: NodeID, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var text = id.rawValue
        return text.withUTF8 { ByteHash.equal($0, bytes) }
    }

    /// Looks up many ids at once: `rows[k]` is the row of `keys[k]`, or -1.
    ///
    /// A lookup is a read at random into a table far bigger than the caches. One at a time,
    /// every miss waits for the one before; here the work goes in passes over the whole batch:
    /// hash every key, read every home entry, then probe and compare (the lines are in cache by
    /// then). Within a pass the reads are independent, so the processor has many misses in
    /// flight at once. This is most of the speed of loading edges.
    func rows(of keys: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, into rows: UnsafeMutableBufferPointer<Int32>,
              scratch: inout [UInt64], touched: inout UInt8) {
        let n = keys.count
        if scratch.count < n { scratch = [UInt64](repeating: 0, count: n) }
        scratch.withUnsafeMutableBufferPointer { hashes in
            for k in 0..<n { hashes[k] = ByteHash.hash(keys[k]) }
            touched &+= warm(hashes[0..<n])
            for k in 0..<n { rows[k] = row(bytes: keys[k], hash: hashes[k]) ?? -1 }
        }
    }

    /// Reads the home entry of each hash (a pure gather), so that probing for these hashes
    /// right after finds their lines in cache; returns something to keep the reads.
    func warm(_ hashes: some Sequence<UInt64>) -> UInt8 {
        table.withUnsafeBufferPointer { t in
            var sink: UInt32 = 0
            for hash in hashes { sink &+= t[Int(truncatingIfNeeded: hash) & mask].row1 }
            return UInt8(truncatingIfNeeded: sink)
        }
    }

    /// Adds a row with `id` and indexes it; when the id is already indexed, the row is added
    /// unindexed (rows stay aligned with the file) and the earlier row is returned.
    @discardableResult
    mutating func append(_ id: NodeID) -> Int32? {
        var key = id.rawValue
        return key.withUTF8 { append(id, hash: ByteHash.hash($0)) }
    }

    /// ``append(_:)`` for an id whose UTF-8 bytes the caller already has.
    mutating func append(_ id: NodeID, bytes: UnsafeBufferPointer<UInt8>) -> Int32? { append(id, hash: ByteHash.hash(bytes)) }

    /// ``append(_:)`` for an id whose hash (of its UTF-8 bytes) the caller already has.
    @discardableResult
    mutating func append(_ id: NodeID, hash: UInt64) -> Int32? {
        var key = id.rawValue
        if let previous = key.withUTF8({ row(bytes: $0, hash: hash) }) {
            ids.append(id)
            return previous
        }
        if (count + 1) * 2 > table.count { grow() }
        insert(Entry(id: id, tag: UInt32(truncatingIfNeeded: hash), row1: UInt32(truncatingIfNeeded: ids.count + 1)), hash: hash)
        ids.append(id)
        count += 1
        return nil
    }

    /// Adds a row that is not indexed (an empty id, reported by the loader).
    mutating func appendUnindexed(_ id: NodeID) { ids.append(id) }

    private mutating func insert(_ entry: Entry, hash: UInt64) {
        let mask = mask
        table.withUnsafeMutableBufferPointer { t in
            var i = Int(truncatingIfNeeded: hash) & mask
            while t[i].row1 != 0 { i = (i + 1) & mask }
            t[i] = entry
        }
    }

    /// Doubles the table; each id's place comes from its hash, recomputed from its bytes.
    private mutating func grow() {
        let old = table
        table = Self.emptyTable(old.count * 2)
        mask = table.count - 1
        for entry in old where entry.row1 != 0 {
            var key = entry.id.rawValue
            insert(entry, hash: key.withUTF8 { ByteHash.hash($0) })
        }
    }
}
