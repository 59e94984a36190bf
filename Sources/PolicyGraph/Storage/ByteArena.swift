/// Many short byte strings in one buffer: string `k` is `bytes[start(k)..<end(k)]`.
///
/// A million ids or labels as Swift `String`s cost a million objects and their headers; here
/// they cost their bytes plus four bytes each. Offsets widen to `Int` only if the bytes ever
/// pass 4 GiB.
struct ByteArena: Sendable {
    private(set) var bytes: [UInt8] = []
    private var ends: [UInt32] = []
    private var wideEnds: [Int]?

    init(capacity: Int = 0, bytes byteCapacity: Int = 0) {
        ends.reserveCapacity(capacity)
        bytes.reserveCapacity(byteCapacity)
    }

    var count: Int { wideEnds?.count ?? ends.count }

    @inline(__always)
    func start(_ k: Int) -> Int { k == 0 ? 0 : end(k - 1) }

    @inline(__always)
    func end(_ k: Int) -> Int {
        if let wideEnds { return wideEnds[k] }
        return Int(ends[k])
    }

    /// Appends one string.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: text)
        appendEnd()
    }

    /// Appends every string of `other`, in order.
    mutating func append(contentsOf other: ByteArena) {
        let shift = bytes.count
        bytes.append(contentsOf: other.bytes)
        if wideEnds == nil, bytes.count <= Int(UInt32.max), other.wideEnds == nil {
            let delta = UInt32(shift)
            ends.append(contentsOf: other.ends.lazy.map { $0 &+ delta })
        } else {
            var wide = wideEnds ?? ends.map { Int($0) }
            for k in 0..<other.count { wide.append(other.end(k) + shift) }
            wideEnds = wide
            ends = []
        }
    }

    /// Appends one empty string.
    mutating func appendEmpty() { appendEnd() }

    private mutating func appendEnd() {
        if wideEnds != nil {
            wideEnds?.append(bytes.count)
        } else if bytes.count <= Int(UInt32.max) {
            ends.append(UInt32(bytes.count))
        } else {
            var wide = ends.map { Int($0) }
            wide.append(bytes.count)
            wideEnds = wide
            ends = []
        }
    }

    /// Whether string `k` is `text`, byte for byte.
    @inline(__always)
    func equals(_ k: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let s = start(k)
        let n = end(k) - s
        guard n == text.count else { return false }
        return bytes.withUnsafeBufferPointer { ByteHash.equal(UnsafeBufferPointer(rebasing: $0[s..<s + n]), text) }
    }

    /// Whether string `k` is `text`, reading the storage without bounds checks beyond the
    /// caller's (the hot comparison of a column's dictionary lookups).
    @inline(__always)
    func matches(_ k: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard wideEnds == nil else { return equals(k, text) }
        return ends.withUnsafeBufferPointer { ends in
            let s = k == 0 ? 0 : Int(ends[k - 1])
            let e = Int(ends[k])
            guard e - s == text.count else { return false }
            return bytes.withUnsafeBufferPointer { b in
                guard let base = b.baseAddress else { return text.isEmpty }
                return ByteHash.equal(UnsafeBufferPointer(start: base + s, count: e - s), text)
            }
        }
    }

    /// String `k` as text (invalid UTF-8 repaired; the loader has checked it).
    func string(_ k: Int) -> String {
        let s = start(k)
        let e = end(k)
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[s..<e]), as: UTF8.self) }
    }

    /// Calls `body` with the bytes of string `k`.
    @inline(__always)
    func withBytes<R>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let s = start(k)
        let e = end(k)
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[s..<e])) }
    }

    /// Whether string `k` is empty.
    func isEmpty(_ k: Int) -> Bool { start(k) == end(k) }

    /// The memory the arena holds on to, for the benchmark's accounting.
    var byteSize: Int { bytes.capacity + ends.capacity * 4 + (wideEnds?.capacity ?? 0) * 8 }

    /// Drops spare capacity once building is over.
    mutating func shrink() {
        if bytes.capacity > bytes.count + bytes.count / 8 { bytes = Array(bytes) }
        if ends.capacity > ends.count + ends.count / 8 { ends = Array(ends) }
    }
}
