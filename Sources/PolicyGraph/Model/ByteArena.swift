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

/// A fast non-cryptographic hash of a byte string (a multiply–xorshift mix in the style of
/// wyhash), and byte-string equality, both reading whole words: ids and cells are short, so the
/// last partial word is read as an overlapping word instead of byte by byte. Graph files are
/// the user's own data, so no defence against deliberate collisions.
enum ByteHash {
    @inline(__always)
    static func hash(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = text.count
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(truncatingIfNeeded: n)
        guard let base = text.baseAddress, n > 0 else { return mix(h) }
        let raw = UnsafeRawPointer(base)
        if n >= 8 {
            var i = 0
            while i + 8 < n {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                h ^= h >> 32
                i += 8
            }
            // The last eight bytes, overlapping the word before when n is not a multiple of 8.
            h = (h ^ raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
        } else if n >= 4 {
            let low = UInt64(raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            let high = UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
            h = (h ^ (low | high << 32)) &* 0x9E37_79B9_7F4A_7C15
        } else {
            let w = UInt64(base[0]) | UInt64(base[n >> 1]) << 8 | UInt64(base[n - 1]) << 16
            h = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
        }
        return mix(h)
    }

    /// Whether two byte strings are equal, word by word, without a call.
    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = a.count
        guard n == b.count else { return false }
        guard n > 0, let p = a.baseAddress, let q = b.baseAddress else { return true }
        let x = UnsafeRawPointer(p)
        let y = UnsafeRawPointer(q)
        if n >= 8 {
            var i = 0
            while i + 8 < n {
                if x.loadUnaligned(fromByteOffset: i, as: UInt64.self) != y.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
                i += 8
            }
            return x.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == y.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        }
        if n >= 4 {
            return x.loadUnaligned(fromByteOffset: 0, as: UInt32.self) == y.loadUnaligned(fromByteOffset: 0, as: UInt32.self)
                && x.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self) == y.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
        }
        return p[0] == q[0] && p[n >> 1] == q[n >> 1] && p[n - 1] == q[n - 1]
    }

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return h
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
