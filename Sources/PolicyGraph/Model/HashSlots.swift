/// The slots of an open-addressing hash table (linear probing, at most half full) that maps
/// keys stored elsewhere to dense codes 0, 1, 2...
///
/// A slot holds the low 32 bits of the key's hash (a cheap first comparison, and enough to
/// rehash on growth without the keys) and 1 + the code; 0 is empty. The caller owns the keys
/// and says how to compare one with a code, so the same slots serve node ids (compared with
/// the `NodeID`s) and column values (compared with a byte arena).
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

    /// Where a key with `hash` is first looked for.
    @inline(__always)
    func home(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash) & mask }

    /// The slot at `i`: 0, or the key's hash tag (high half) and 1 + its code (low half).
    @inline(__always)
    func slot(at i: Int) -> UInt64 { slots.withUnsafeBufferPointer { $0[i] } }

    /// The code of the first slot from the key's home whose tag matches `hash`, or `nil` when an
    /// empty slot comes first (the key is absent). Usually within the cache line of the home slot.
    @inline(__always)
    func firstCandidate(hash: UInt64) -> Int? {
        let tag = hash & 0xFFFF_FFFF
        return slots.withUnsafeBufferPointer { s in
            var i = Int(truncatingIfNeeded: hash) & mask
            while true {
                let slot = s[i]
                if slot == 0 { return nil }
                if slot >> 32 == tag { return Int(slot & 0xFFFF_FFFF) - 1 }
                i = (i + 1) & mask
            }
        }
    }

    /// The code in a slot found at a key's home, when the slot's tag matches the key's hash.
    @inline(__always)
    static func candidate(_ slot: UInt64, hash: UInt64) -> Int? {
        slot != 0 && slot >> 32 == hash & 0xFFFF_FFFF ? Int(slot & 0xFFFF_FFFF) - 1 : nil
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

/// Distinct byte strings numbered in order of first appearance: the dictionary of an
/// attribute column, built without creating a `String` per cell.
struct ValueInterner: Sendable {
    private(set) var arena = ByteArena()
    private var slots = HashSlots()

    var count: Int { arena.count }

    /// The code of `text`, adding it when new; `isNew` says which.
    @inline(__always)
    mutating func intern(_ text: UnsafeBufferPointer<UInt8>) -> (code: Int, isNew: Bool) {
        let hash = ByteHash.hash(text)
        if let code = slots.find(hash: hash, equals: { arena.matches($0, text) }) { return (code, false) }
        let code = self.arena.count
        self.arena.append(text)
        slots.insert(hash: hash, code: code)
        return (code, true)
    }

    /// The code of `text`, or `nil`.
    func find(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        slots.find(hash: ByteHash.hash(text)) { arena.matches($0, text) }
    }
}
