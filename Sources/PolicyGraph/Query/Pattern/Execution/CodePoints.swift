import Foundation

/// How the query language compares strings, everywhere (`=`, `<`, `STARTS WITH`, `ENDS WITH`,
/// `CONTAINS`, `IN`, ORDER BY, DISTINCT, grouping, `min`/`max`, `split`, `replace`): by their
/// Unicode code points, with no normalisation, as openCypher and Neo4j do. So `'e\u0301'
/// CONTAINS 'e'` is true, the Kelvin sign U+212A is not `K`, and `'e\u0301' < 'é'`.
///
/// Swift's own `==`, `<`, `hasPrefix` and `contains` on `String` compare by canonical
/// equivalence and whole characters instead, so the engine never uses them on values.
/// Everything here works on UTF-8 bytes: two strings' bytes agree exactly when their code
/// points do, and UTF-8's byte order is code point order.
enum CodePoints {
    /// `body` over `text`'s UTF-8 bytes, without a copy for a native string.
    @inline(__always)
    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = text.utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = text
        return copy.withUTF8(body)
    }

    /// Whether `a` and `b` are the same code points.
    @inline(__always)
    static func equal(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        return withBytes(a) { x in withBytes(b) { y in bytesEqual(x, y, count: x.count) } }
    }

    /// -1, 0 or 1 as `a` comes before, with or after `b` in code point order (a prefix first).
    static func compare(_ a: String, _ b: String) -> Int {
        withBytes(a) { x in withBytes(b) { y in compare(buffers: x, y) } }
    }

    /// ``compare(_:_:)`` on UTF-8 bytes already taken out of their strings.
    static func compare(bytes a: [UInt8], _ b: [UInt8]) -> Int {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in compare(buffers: x, y) } }
    }

    /// UTF-8's byte order is code point order: memcmp over the shared length, then the shorter first.
    @inline(__always)
    private static func compare(buffers x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Int {
        let shared = Swift.min(x.count, y.count)
        if shared > 0, let p = x.baseAddress, let q = y.baseAddress {
            let c = memcmp(p, q, shared)
            if c != 0 { return c < 0 ? -1 : 1 }
        }
        return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
    }

    /// Whether `a` comes before `b` in code point order: a sort's `by:`.
    static func precedes(_ a: String, _ b: String) -> Bool { compare(a, b) < 0 }

    /// `a STARTS WITH b`, `a ENDS WITH b` or `a CONTAINS b` (any other operator: `a = b`), the
    /// same test the byte scans of node cells run (``CellTextMatch``).
    static func test(_ op: BinaryOperator, _ a: String, _ b: String) -> Bool {
        withBytes(a) { x in withBytes(b) { y in CellTextMatch.test(op, cell: x, needle: y) } }
    }

    /// Feeds `text`'s code points (its UTF-8 bytes) to `hasher`: equal under ``equal(_:_:)``,
    /// equal hashes.
    static func hash(_ text: String, into hasher: inout Hasher) {
        withBytes(text) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(text.utf8.count)
    }

    /// The number of code points: what `size()`, `left()`, `right()` and `substring()` count.
    static func count(_ text: String) -> Int { text.unicodeScalars.count }

    /// The text of some code points.
    static func string<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The byte offsets where `needle` (not empty) starts in `text`, left to right, without
    /// overlaps: where `split` cuts and `replace` replaces.
    static func occurrences(of needle: String, in text: String) -> [Int] {
        withBytes(text) { x in
            withBytes(needle) { n in
                var found: [Int] = []
                guard !n.isEmpty, x.count >= n.count else { return found }
                var i = 0
                while i <= x.count - n.count {
                    if x[i] == n[0], bytesEqual(UnsafeBufferPointer(rebasing: x[i...]), n, count: n.count) {
                        found.append(i)
                        i += n.count
                    } else {
                        i += 1
                    }
                }
                return found
            }
        }
    }

    /// `text` cut at every occurrence of `separator` (not empty), as `split()` does.
    static func split(_ text: String, by separator: String) -> [String] {
        let cuts = occurrences(of: separator, in: text)
        let width = separator.utf8.count
        return withBytes(text) { x in
            var parts: [String] = []
            var start = 0
            for cut in cuts {
                parts.append(String(decoding: UnsafeBufferPointer(rebasing: x[start..<cut]), as: UTF8.self))
                start = cut + width
            }
            parts.append(String(decoding: UnsafeBufferPointer(rebasing: x[start...]), as: UTF8.self))
            return parts
        }
    }

    /// `text` with every occurrence of `target` (not empty) replaced by `replacement`.
    static func replacing(_ target: String, with replacement: String, in text: String) -> String {
        split(text, by: target).joined(separator: replacement)
    }

    /// `text` without the whitespace code points at its start (`leading`) and end (`trailing`).
    static func trimming(_ text: String, leading: Bool = true, trailing: Bool = true) -> String {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while leading, start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while trailing, end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    @inline(__always)
    private static func bytesEqual(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>, count: Int) -> Bool {
        guard count > 0, let p = x.baseAddress, let q = y.baseAddress else { return true }
        return memcmp(p, q, count) == 0
    }
}

/// A string as a set member or dictionary key that is equal to another exactly when
/// ``CodePoints/equal(_:_:)`` says so (a `Set<String>` would hold `K` and the Kelvin sign as one).
struct CodePointKey: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: CodePointKey, b: CodePointKey) -> Bool { CodePoints.equal(a.text, b.text) }

    func hash(into hasher: inout Hasher) { CodePoints.hash(text, into: &hasher) }
}
