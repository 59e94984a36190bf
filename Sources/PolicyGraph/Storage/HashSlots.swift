/// The slots of an open-addressing hash table (linear probing, at most half full) that maps
/// keys stored elsewhere to dense codes 0, 1, 2...
///
/// A slot holds the low 32 bits of the key's hash (a cheap first comparison, and enough to
/// rehash on growth without the keys) and 1 + the code; 0 is empty. The caller owns the keys
/// and says how to compare one with a code (``ValueInterner`` compares with its byte arena).
struct HashSlots: Sendable {
    private var slots: [UInt64]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 0) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = LargeArray.zeros(count: size)
        mask = size - 1
    }

    /// The code of the key with `hash` for which `equals(code)` holds, or `nil`.
    @inline(__always)
    func find(hash: UInt64, equals: (Int) -> Bool) -> Int? {
        let tag = hash & 0xFFFF_FFFF
        return slots.withUnsafeBufferPointer { s in
            var i = Int(truncatingIfNeeded: hash) & mask
            while true {
                let slot = s[i]
                if slot == 0 { return nil }
                if slot >> 32 == tag {
                    let code = Int(slot & 0xFFFF_FFFF) - 1
                    if equals(code) { return code }
                }
                i = (i + 1) & mask
            }
        }
    }

    /// Records `code` for a key with `hash` that is not in the table yet.
    @inline(__always)
    mutating func insert(hash: UInt64, code: Int) {
        if (count + 1) * 2 > slots.count { grow() }
        let slot = (hash & 0xFFFF_FFFF) << 32 | UInt64(code + 1)
        let mask = mask
        slots.withUnsafeMutableBufferPointer { s in
            var i = Int(truncatingIfNeeded: hash) & mask
            while s[i] != 0 { i = (i + 1) & mask }
            s[i] = slot
        }
        count += 1
    }

    private mutating func grow() {
        let old = slots
        slots = LargeArray.zeros(count: old.count * 2)
        mask = slots.count - 1
        let mask = mask
        slots.withUnsafeMutableBufferPointer { s in
            for slot in old where slot != 0 {
                var i = Int(slot >> 32) & mask
                while s[i] != 0 { i = (i + 1) & mask }
                s[i] = slot
            }
        }
    }
}
