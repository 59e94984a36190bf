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
