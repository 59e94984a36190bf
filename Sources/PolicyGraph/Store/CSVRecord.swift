/// One field of a CSV record: a byte range into the file, and whether it was quoted with
/// doubled quotes inside that must be undone.
struct CSVField {
    var start: Int
    var end: Int
    var escaped: Bool
}

/// One record of a CSV file as the reader hands it out: field boundaries into the file's bytes,
/// valid until the next record. Fields are decoded to `String` only when asked for, so that
/// bulk loading does not allocate a string per cell it does not keep.
struct CSVRecord {
    /// The 1-based line the record starts on.
    var line = 0
    var count = 0
    /// The record's bytes in the buffer, from its first byte up to (not including) its line end:
    /// what an editor replaces to change this record and nothing else.
    var byteRange: Range<Int> = 0..<0
    let base: UnsafeBufferPointer<UInt8>
    /// The fields, in a buffer reused from record to record (shared by copies of the record,
    /// which is only valid until the next one anyway).
    private let storage = FieldStorage()
    /// Where escaped fields are unquoted for ``withBytes(_:_:)``.
    private var scratch: [UInt8] = []

    init(base: UnsafeBufferPointer<UInt8>) { self.base = base }

    /// Field `i`'s place in the file.
    @inline(__always)
    func field(_ i: Int) -> CSVField {
        precondition(i >= 0 && i < count, "CSV field index out of range")
        return storage.fields[i]
    }

    /// The fields, for a caller that keeps them.
    var fields: [CSVField] { (0..<count).map { field($0) } }

    mutating func reset(line: Int) {
        self.line = line
        count = 0
    }

    @inline(__always)
    mutating func append(start: Int, end: Int, escaped isEscaped: Bool) {
        if count == storage.capacity { storage.grow() }
        storage.fields[count] = CSVField(start: start, end: end, escaped: isEscaped)
        count += 1
    }

    /// A growable buffer of fields written without copy-on-write checks.
    private final class FieldStorage {
        private(set) var fields: UnsafeMutablePointer<CSVField>
        private(set) var capacity = 16

        init() { fields = .allocate(capacity: capacity) }

        func grow() {
            let bigger = UnsafeMutablePointer<CSVField>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: fields, count: capacity)
            fields.deallocate()
            fields = bigger
            capacity *= 2
        }

        deinit { fields.deallocate() }
    }

    /// The bytes of field `i` as written, quotes included (a quoted field's content starts
    /// right after its opening quote, an unquoted one after a comma or at the record's start).
    func rawRange(_ i: Int) -> Range<Int> {
        let f = field(i)
        let quoted = f.start > byteRange.lowerBound && base[f.start - 1] == 0x22
        return quoted ? (f.start - 1)..<(f.end + 1) : f.start..<f.end
    }

    func isEmpty(_ i: Int) -> Bool {
        let f = field(i)
        return f.start == f.end
    }

    /// The raw bytes of field `i` (quotes not undone).
    @inline(__always)
    func raw(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let f = field(i)
        return UnsafeBufferPointer(rebasing: base[f.start..<f.end])
    }

    /// The bytes of field `i` with quotes undone.
    func bytes(_ i: Int) -> [UInt8] {
        var out: [UInt8] = []
        Self.unquote(raw(i), into: &out)
        return out
    }

    /// Calls `body` with the bytes of field `i`, quotes undone: no copy unless the field holds
    /// doubled quotes.
    @inline(__always)
    mutating func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard field(i).escaped else { return body(raw(i)) }
        Self.unquote(raw(i), into: &scratch)
        return scratch.withUnsafeBufferPointer(body)
    }

    private static func unquote(_ slice: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var skip = false
        for b in slice {
            if b == 0x22 {
                if skip {
                    skip = false
                    continue
                }
                skip = true
            } else {
                skip = false
            }
            out.append(b)
        }
    }

    /// Field `i` as text. The reader checks the file for valid UTF-8.
    func string(_ i: Int) -> String {
        if !field(i).escaped { return String(decoding: raw(i), as: UTF8.self) }
        return String(decoding: bytes(i), as: UTF8.self)
    }

    /// Whether field `i` is exactly the ASCII/UTF-8 text `literal` (no allocation).
    func equals(_ i: Int, _ literal: StaticString) -> Bool {
        guard !field(i).escaped else { return string(i) == literal.description }
        let field = raw(i)
        guard field.count == literal.utf8CodeUnitCount else { return false }
        let p = literal.utf8Start
        for k in 0..<field.count where field[k] != p[k] { return false }
        return true
    }
}
