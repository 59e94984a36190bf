/// Builds an ``AttributeColumn`` row by row from text or straight from CSV bytes, interning
/// repeated values without a `String` per cell.
///
/// It starts dictionary-encoded, codes one byte a row, widened when the values outgrow it; rows
/// before the first value cost nothing. At 65536 rows and every doubling after, a column with
/// more distinct values than half its rows turns plain (see ``AttributeColumn``).
struct AttributeColumnBuilder {
    let name: String
    private let capacity: Int
    private var rows = 0
    private var interner = ValueInterner()
    /// Codes of the rows so far (nothing stored while every row so far is empty).
    private var codes: CodeBuffer
    private var plain: ByteArena?
    private var nextCheck: Int

    /// A builder expecting about `capacity` rows; `firstCheck` is when it first considers
    /// turning plain (tests lower it to exercise that on small columns).
    init(name: String, capacity: Int = 0, firstCheck: Int = 1 << 16) {
        self.name = name
        self.capacity = capacity
        codes = CodeBuffer(expected: capacity)
        nextCheck = max(1, firstCheck)
    }

    /// The number of distinct non-empty values so far (of a dictionary column).
    var distinctCount: Int { interner.count }

    /// Appends a cell given as text.
    mutating func append(_ value: String) {
        var text = value
        text.withUTF8 { _ = append(bytes: $0) }
    }

    /// Appends a cell given as bytes; returns its code (0 for empty, else 1 + the value's index)
    /// and whether the value is new, so that callers can check each distinct value once.
    /// A plain column returns code 0 and `isNew` true for every non-empty cell.
    @inline(__always) @discardableResult
    mutating func append(bytes text: UnsafeBufferPointer<UInt8>) -> (code: UInt32, isNew: Bool) {
        defer {
            rows += 1
            if rows == nextCheck { reconsider() }
        }
        if plain != nil {
            if text.isEmpty { plain?.appendEmpty() } else { plain?.append(text) }
            return (0, !text.isEmpty)
        }
        if text.isEmpty {
            appendCode(0)
            return (0, false)
        }
        let (index, isNew) = interner.intern(text)
        let code = UInt32(truncatingIfNeeded: index + 1)
        appendCode(code)
        return (code, isNew)
    }

    @inline(__always)
    private mutating func appendCode(_ code: UInt32) {
        if !isKnownUniquelyReferenced(&codes) { codes = codes.copy() }
        codes.append(code)
    }

    private func code(_ row: Int) -> UInt32 { codes[row] }

    /// Appends every row of `other` (the same column of a later part of the file, built on
    /// another thread): codes are translated through this column's dictionary, plain cells are
    /// copied in bulk.
    mutating func append(contentsOf other: AttributeColumnBuilder) {
        if plain == nil, other.plain == nil {
            var map = [UInt32](repeating: 0, count: other.interner.count + 1)
            let values = other.interner.arena
            values.bytes.withUnsafeBufferPointer { b in
                for v in 0..<values.count {
                    let (index, _) = interner.intern(UnsafeBufferPointer(rebasing: b[values.start(v)..<values.end(v)]))
                    map[v + 1] = UInt32(truncatingIfNeeded: index + 1)
                }
            }
            if !isKnownUniquelyReferenced(&codes) { codes = codes.copy() }
            codes.append(contentsOf: other.codes, through: map)
            rows += other.rows
        } else if plain != nil, let otherPlain = other.plain {
            plain?.append(contentsOf: otherPlain)
            rows += other.rows
        } else {
            other.forEachCell { _ = append(bytes: $0) }
            return
        }
        while rows >= nextCheck { reconsider() }
    }

    /// Calls `body` with each row's cell, in row order (empty for an empty cell).
    private func forEachCell(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let arena = plain ?? interner.arena
        arena.bytes.withUnsafeBufferPointer { b in
            let empty = UnsafeBufferPointer(rebasing: b[0..<0])
            for row in 0..<rows {
                if plain != nil {
                    body(UnsafeBufferPointer(rebasing: b[arena.start(row)..<arena.end(row)]))
                } else {
                    let c = Int(code(row))
                    body(c == 0 ? empty : UnsafeBufferPointer(rebasing: b[arena.start(c - 1)..<arena.end(c - 1)]))
                }
            }
        }
    }

    /// Turns a column of mostly distinct values plain.
    private mutating func reconsider() {
        nextCheck = max(nextCheck, rows) * 2
        guard plain == nil, interner.count * 2 > rows else { return }
        var arena = ByteArena(capacity: max(capacity, rows), bytes: interner.arena.bytes.count * max(capacity, rows) / rows)
        let values = interner.arena
        values.bytes.withUnsafeBufferPointer { b in
            for row in 0..<rows {
                let c = Int(code(row))
                if c == 0 {
                    arena.appendEmpty()
                } else {
                    arena.append(UnsafeBufferPointer(rebasing: b[values.start(c - 1)..<values.end(c - 1)]))
                }
            }
        }
        plain = arena
        interner = ValueInterner()
        codes = CodeBuffer(expected: 0)
    }

    func build() -> AttributeColumn {
        if var plain {
            plain.shrink()
            return AttributeColumn(name: name, storage: .plain(plain))
        }
        let values = (0..<interner.count).map { interner.arena.string($0) }
        let codes = codes.codeArray()
        return AttributeColumn(name: name, storage: .dictionary(codes: codes, values: values))
    }
}
