/// One attribute column of the node or edge table.
///
/// Most columns repeat themselves (dates, weights, sources): those are dictionary-encoded, each
/// row holding a code into the distinct values, 0 for an empty cell, in one, two or four bytes a
/// row as the number of values needs, and nothing at all for a column with no value. Columns
/// whose cells are nearly all different (labels) are stored plain instead, the cells' bytes one
/// after another, so a million labels cost their bytes rather than a dictionary of a million
/// strings. Either way numeric columns can be parsed once per distinct value.
struct AttributeColumn: Sendable {
    enum Storage: Sendable {
        case dictionary(codes: CodeArray, values: [String])
        /// Every row's cell in row order; an empty string is an empty cell.
        case plain(ByteArena)
    }

    let name: String
    let storage: Storage

    init(name: String, storage: Storage) {
        self.name = name
        self.storage = storage
    }

    /// A dictionary-encoded column: `codes[row]` is 0 for empty, else 1 + an index into `values`.
    init(name: String, codes: [UInt32] = [], values: [String] = []) {
        self.init(name: name, storage: .dictionary(codes: CodeArray(codes, distinct: values.count), values: values))
    }

    /// The number of rows.
    var count: Int {
        switch storage {
        case .dictionary(let codes, _): return codes.count
        case .plain(let arena): return arena.count
        }
    }

    /// The code of `row`: 0 for an empty cell, else 1 + an index into ``values``.
    @inline(__always)
    func code(at row: Int) -> UInt32 {
        switch storage {
        case .dictionary(let codes, _): return codes[row]
        case .plain(let arena): return arena.isEmpty(row) ? 0 : UInt32(truncatingIfNeeded: row + 1)
        }
    }

    /// Per row: 0 for empty, otherwise 1 + the index into `values`. Built on demand for a plain
    /// column (O(rows)); prefer ``code(at:)``.
    var codes: CodeArray {
        switch storage {
        case .dictionary(let codes, _): return codes
        case .plain(let arena):
            return CodeArray((0..<arena.count).map { arena.isEmpty($0) ? 0 : UInt32(truncatingIfNeeded: $0 + 1) }, distinct: arena.count)
        }
    }

    /// The number of codes a row can hold besides 0: the distinct values of a dictionary column,
    /// the rows of a plain one (each row its own code). O(1), unlike ``values``.
    var distinctCount: Int {
        switch storage {
        case .dictionary(_, let values): return values.count
        case .plain(let arena): return arena.count
        }
    }

    /// Whether each row is its own value (a plain column), so that remembering anything per
    /// value would be remembering it per row.
    var isPlain: Bool {
        if case .plain = storage { return true }
        return false
    }

    /// The value of `code` (1 + an index into ``values``; not 0), without building ``values``
    /// of a plain column.
    @inline(__always)
    func value(code: UInt32) -> String {
        switch storage {
        case .dictionary(_, let values): return values[Int(code) - 1]
        case .plain(let arena): return arena.string(Int(code) - 1)
        }
    }

    /// The distinct values (for a plain column, every row's cell: O(rows) strings; prefer
    /// ``value(at:)``).
    var values: [String] {
        switch storage {
        case .dictionary(_, let values): return values
        case .plain(let arena): return (0..<arena.count).map { arena.string($0) }
        }
    }

    /// The cell of `row`, `nil` when empty.
    func value(at row: Int) -> String? {
        switch storage {
        case .dictionary(let codes, let values):
            let code = codes[row]
            return code == 0 ? nil : values[Int(code) - 1]
        case .plain(let arena):
            return arena.isEmpty(row) ? nil : arena.string(row)
        }
    }

    /// Calls `body` with the UTF-8 bytes of `row`'s cell, without making a `String` of a plain
    /// column's cell; `nil` for an empty cell.
    @inline(__always)
    func withCellBytes<R>(at row: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        switch storage {
        case .dictionary(let codes, let values):
            let code = codes[row]
            if code == 0 { return nil }
            var text = values[Int(code) - 1]
            return text.withUTF8(body)
        case .plain(let arena):
            return arena.withBytes(row) { $0.isEmpty ? nil : body($0) }
        }
    }

    /// The cell of `row` as written, empty string for an empty cell.
    func text(at row: Int) -> String { value(at: row) ?? "" }
}

/// Per-row codes stored as narrow as the number of distinct values allows: nothing for an
/// all-empty column, then one, two or four bytes a row.
struct CodeArray: RandomAccessCollection, Sendable {
    enum Storage: Sendable {
        case zeros(Int)
        case bytes([UInt8])
        case shorts([UInt16])
        case words([UInt32])
    }

    let storage: Storage

    init(storage: Storage) { self.storage = storage }

    /// Narrows `codes`, whose largest value is at most `distinct`.
    init(_ codes: [UInt32], distinct: Int) {
        if distinct == 0 {
            storage = .zeros(codes.count)
        } else if distinct <= Int(UInt8.max) {
            storage = .bytes(codes.map { UInt8(truncatingIfNeeded: $0) })
        } else if distinct <= Int(UInt16.max) {
            storage = .shorts(codes.map { UInt16(truncatingIfNeeded: $0) })
        } else {
            storage = .words(codes)
        }
    }

    var startIndex: Int { 0 }

    var endIndex: Int {
        switch storage {
        case .zeros(let n): return n
        case .bytes(let a): return a.count
        case .shorts(let a): return a.count
        case .words(let a): return a.count
        }
    }

    @inline(__always)
    subscript(position: Int) -> UInt32 {
        switch storage {
        case .zeros(let n):
            precondition(position >= 0 && position < n, "CodeArray index out of range")
            return 0
        case .bytes(let a): return UInt32(a[position])
        case .shorts(let a): return UInt32(a[position])
        case .words(let a): return a[position]
        }
    }
}
