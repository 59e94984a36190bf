/// A count per node row, zero for rows never counted: the leaf tables and their corrections.
///
/// A table over a million-node graph that only a few thousand rows reach (the frameworks two
/// hundred countries take positions on) should not cost a million slots: the first touch of
/// each fresh page of a big array is a page fault, and on these virtual machines a few
/// megabytes of them cost more than the whole count. So counts live in a small open-addressing
/// hash (linear probing, at most half full, a slot's row and count side by side so that a probe
/// reads one cache line) and move to a plain array indexed by row only once so many rows are
/// counted that the array is the smaller of the two, or from the start when the caller expects
/// so many additions that the page faults cost less than hashing each one.
///
/// `Count` is `Int32` for counts of edges (fewer than 2³¹ in any graph), which halves the
/// memory, and `Int` for sums of products. The type itself puts no requirement on `Count` (its
/// methods do): a requirement on a generic type is checked when its metadata is first made, by
/// a search through every conformance in the process, which cost the first query a millisecond.
struct RowCounts<Count> {
    private let rowCount: Int
    private var isDense = false
    private var dense: [Count] = []
    /// Hash slots, two entries each: the row (-1 for an empty slot), then its count.
    private var slots: [Count]
    private var shift: UInt64
    /// How many rows have a count (not kept up in a dense table that does not keep its rows).
    private(set) var count = 0
    /// Whether `count` is kept up.
    var countIsExact: Bool { !isDense || keepsRows }
    /// The rows counted, when asked to keep them (for ``removeAll()``).
    private var rows: [Int32] = []
    private let keepsRows: Bool
}

extension RowCounts where Count: FixedWidthInteger & SignedInteger {
    /// A placeholder that holds nothing and allocates nothing: what a table is swapped with
    /// while a closure uses it. Never counted into.
    init() {
        rowCount = 0
        slots = []
        shift = 63
        keepsRows = false
    }

    /// An empty table for the rows of a graph of `rowCount` nodes, sized for about `expected`
    /// rows; dense from the start when `additions` are expected to reach a quarter of the rows.
    /// With `keepsRows`, it remembers the rows it counts so that ``removeAll()`` costs only those.
    init(rowCount: Int, expected: Int = 8, additions: Int = 0, keepsRows: Bool = false) {
        self.rowCount = rowCount
        self.keepsRows = keepsRows
        var capacity = 16
        while capacity < 2 * expected, capacity < 1 << 30 { capacity <<= 1 }
        if additions >= rowCount / 4, additions > 0 {
            dense = Self.zeros(rowCount)
            isDense = true
            slots = []
        } else {
            slots = Self.emptySlots(capacity)
        }
        shift = UInt64(64 - capacity.trailingZeroBitCount)
    }

    /// `count` zeros, backed by huge pages where the system allows: a dense table is written at
    /// random, and every fresh 4 kB page of it costs a page fault (a thousand for a million
    /// rows). A table of 2 MB or more reserves a little more than it uses, so that the hint
    /// (given for regions of 4 MB and up, over the whole 2 MB pages inside) covers it.
    private static func zeros(_ count: Int) -> [Count] {
        let stride = MemoryLayout<Count>.stride
        let capacity = count * stride >= 2 << 20 ? max(count, (LargeArray.threshold + (2 << 20)) / stride) : count
        return [Count](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            LargeArray.adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
            buffer.baseAddress?.initialize(repeating: 0, count: count)
            initialized = count
        }
    }

    private static func emptySlots(_ capacity: Int) -> [Count] {
        var slots = [Count](repeating: 0, count: 2 * capacity)
        for i in 0..<capacity { slots[2 * i] = -1 }
        return slots
    }

    @inline(__always)
    private func slot(_ row: Int32) -> Int {
        Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: row)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The count of `row`.
    @inline(__always)
    func value(_ row: Int32) -> Int {
        if isDense { return Int(dense[Int(row)]) }
        let mask = slots.count / 2 - 1
        let key = Count(truncatingIfNeeded: row)
        var i = slot(row)
        while true {
            let k = slots[2 * i]
            if k == key { return Int(slots[2 * i + 1]) }
            if k < 0 { return 0 }
            i = (i + 1) & mask
        }
    }

    /// Adds `n` to the count of `row`.
    @inline(__always)
    mutating func add(_ row: Int32, _ n: Count = 1) {
        if n == 0 { return }
        if isDense {
            // Without rows to keep, no branch on the old count: the read-modify-write of a
            // random row then overlaps with the next ones.
            if keepsRows, dense[Int(row)] == 0 {
                count += 1
                rows.append(row)
            }
            dense[Int(row)] &+= n
            return
        }
        let mask = slots.count / 2 - 1
        let key = Count(truncatingIfNeeded: row)
        var i = slot(row)
        while true {
            let k = slots[2 * i]
            if k == key {
                slots[2 * i + 1] &+= n
                return
            }
            if k < 0 { break }
            i = (i + 1) & mask
        }
        slots[2 * i] = key
        slots[2 * i + 1] = n
        count += 1
        if keepsRows { rows.append(row) }
        if 2 * count > mask + 1 { grow() }
    }

    /// Adds one to the count of each row in `rows` (a row as often as it occurs): in a dense
    /// table, one pass over its storage with no check per row.
    mutating func addOne(each rows: UnsafeBufferPointer<Int32>) {
        guard isDense, !keepsRows else {
            for row in rows { add(row) }
            return
        }
        dense.withUnsafeMutableBufferPointer { counts in
            for row in rows { counts[Int(row)] &+= 1 }
        }
    }

    /// Sets every count back to zero: in time proportional to the rows counted when it keeps
    /// them, else to its size.
    mutating func removeAll() {
        if keepsRows {
            if isDense {
                for row in rows { dense[Int(row)] = 0 }
            } else {
                let mask = slots.count / 2 - 1
                for row in rows {
                    var i = slot(row)
                    while slots[2 * i] != Count(truncatingIfNeeded: row) { i = (i + 1) & mask }
                    slots[2 * i] = -1
                    slots[2 * i + 1] = 0
                }
            }
            rows.removeAll(keepingCapacity: true)
        } else if isDense {
            for i in dense.indices { dense[i] = 0 }
        } else {
            slots = Self.emptySlots(slots.count / 2)
        }
        count = 0
    }

    /// Doubles the hash, or turns into the dense array once that is smaller (a slot is two
    /// counts, at most half full; a dense entry one).
    private mutating func grow() {
        let old = slots
        let capacity = old.count / 2
        if 4 * capacity * 8 >= rowCount * 8 {
            dense = Self.zeros(rowCount)
            for i in 0..<capacity where old[2 * i] >= 0 { dense[Int(old[2 * i])] = old[2 * i + 1] }
            isDense = true
            slots = []
            return
        }
        slots = Self.emptySlots(2 * capacity)
        shift -= 1
        let mask = 2 * capacity - 1
        for j in 0..<capacity where old[2 * j] >= 0 {
            var i = slot(Int32(truncatingIfNeeded: old[2 * j]))
            while slots[2 * i] >= 0 { i = (i + 1) & mask }
            slots[2 * i] = old[2 * j]
            slots[2 * i + 1] = old[2 * j + 1]
        }
    }
}
