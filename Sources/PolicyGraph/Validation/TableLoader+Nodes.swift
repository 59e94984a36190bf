/// The node rows read so far: the table, the id index, and the line each row was on (for
/// `duplicate id ... first defined on line N`).
struct NodeRows {
    var table = NodeTable()
    var index: NodeIndex
    var firstLine: [Int32] = []
    /// Where the cache-warming reads of the id table go, so that they are not optimised away.
    var warmth: UInt8 = 0
}

/// Names looked up by their bytes: the kinds or relations of the schema, numbered as there.
/// A schema has a few dozen names, so candidates are grouped by length and compared directly:
/// cheaper than hashing for every row. A schema with many names of one length (thousands of
/// kinds) gets a hash table instead: a scan per row made loading nodes × kinds.
struct NameLookup {
    /// The most names of one length that are still scanned.
    static let scanLimit = 16

    private var names: [[UInt8]] = []
    /// Indices into `names` by byte length (names longer than the table go in the last group).
    private var byLength = [[Int]](repeating: [], count: 65)
    /// Open addressing by `ByteHash`: index + 1 into `names`, 0 for free; empty when scanning.
    private var slots: [Int32] = []

    init(_ all: [String]) {
        for (i, name) in all.enumerated() {
            let bytes = Array(name.utf8)
            names.append(bytes)
            byLength[min(bytes.count, 64)].append(i)
        }
        guard byLength.contains(where: { $0.count > Self.scanLimit }) else { return }
        var size = 16
        while size < names.count * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        for (i, bytes) in names.enumerated() {
            let found = bytes.withUnsafeBufferPointer { probe($0) }
            // A repeated name keeps its first index, as the scan finds it.
            if found.index == nil { slots[found.slot] = Int32(i + 1) }
        }
    }

    /// The index of `bytes` in the table, or the free slot where it would go.
    private func probe(_ bytes: UnsafeBufferPointer<UInt8>) -> (index: Int?, slot: Int) {
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: ByteHash.hash(bytes)) & mask
        while slots[s] != 0 {
            let i = Int(slots[s]) - 1
            if names[i].withUnsafeBufferPointer({ ByteHash.equal($0, bytes) }) { return (i, s) }
            s = (s + 1) & mask
        }
        return (nil, s)
    }

    @inline(__always)
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if !slots.isEmpty { return probe(bytes).index }
        for i in byLength[min(bytes.count, 64)] {
            if names[i].withUnsafeBufferPointer({ ByteHash.equal($0, bytes) }) { return i }
        }
        return nil
    }
}

extension TableLoader {
    func readNodes(_ source: CSVSource, errors: inout [LoadError], issues: inout [ValidationIssue]) throws(LoadError) -> NodeRows {
        try reading(source, errors: &errors, issues: &issues) { (cursor: inout CSVCursor, errors: inout [LoadError], issues: inout [ValidationIssue]) throws(LoadError) in
            try readNodeRows(&cursor, capacity: Self.estimatedRows(source.bytes.count, minimumRowBytes: 24), errors: &errors, issues: &issues)
        }
    }

    private func readNodeRows(
        _ cursor: inout CSVCursor, capacity: Int, errors: inout [LoadError], issues: inout [ValidationIssue]
    ) throws(LoadError) -> NodeRows {
        guard try cursor.next() else { throw LoadError(.emptyFile, at: SourceLocation(file: nodesFile, line: 1)) }
        let header = try header(cursor.record, required: Self.nodeHeader, file: nodesFile)
        var builders = header.dropFirst(2).map { AttributeColumnBuilder(name: $0, capacity: capacity) }
        // The id table starts small and grows: an estimate from the file size may be far off.
        var rows = NodeRows(index: NodeIndex(capacity: capacity, slots: capacity / 4))
        rows.table.kinds.reserveCapacity(capacity)
        rows.firstLine.reserveCapacity(capacity)
        let kindNames = schema.kinds.map(\.kind.rawValue)
        let kinds = NameLookup(kindNames)
        var kindSuggestions: [String: [String]] = [:]
        var batch = NodeBatch()
        do throws(LoadError) {
            while try cursor.next() {
                let line = cursor.record.line
                guard cursor.record.count == header.count else {
                    errors.append(LoadError(.fieldCount(expected: header.count, found: cursor.record.count, header: header),
                                            at: SourceLocation(file: nodesFile, line: line)))
                    continue
                }
                cursor.withRecord { (record: inout CSVRecord) in
                    var kind = UInt16.max
                    var kindIssue: ValidationIssue?
                    record.withBytes(1) { bytes in
                        if let k = kinds.find(bytes) {
                            kind = UInt16(truncatingIfNeeded: k)
                        } else if bytes.isEmpty {
                            kindIssue = ValidationIssue(.emptyField, field: Column.kind, at: SourceLocation(file: nodesFile, line: line))
                        } else {
                            let text = String(decoding: bytes, as: UTF8.self)
                            // As for relations: each distinct name once, the first `suggestionBudget`.
                            var suggestions: [String] = []
                            if let known = kindSuggestions[text] {
                                suggestions = known
                            } else if kindSuggestions.count < Self.suggestionBudget {
                                suggestions = Suggestions.closest(to: text, among: kindNames)
                                kindSuggestions[text] = suggestions
                            }
                            kindIssue = ValidationIssue(.unknownKind(Kind(text), suggestions: suggestions), field: Column.kind,
                                                        at: SourceLocation(file: nodesFile, line: line))
                        }
                    }
                    let emptyLabel = record.isEmpty(2)
                    record.withBytes(0) { bytes in
                        batch.append(id: NodeID(String(decoding: bytes, as: UTF8.self)), hash: bytes.isEmpty ? nil : ByteHash.hash(bytes),
                                     line: line, kind: kind, kindIssue: kindIssue, emptyLabel: emptyLabel,
                                     control: bytes.first { $0 < 0x20 || $0 == 0x7F })
                    }
                    for c in 2..<record.count {
                        record.withBytes(c) { _ = builders[c - 2].append(bytes: $0) }
                    }
                }
                if batch.isFull { finish(&batch, into: &rows, issues: &issues) }
            }
        } catch {
            finish(&batch, into: &rows, issues: &issues)
            throw error
        }
        finish(&batch, into: &rows, issues: &issues)
        rows.table.ids = rows.index.ids
        rows.table.columns = builders.map { $0.build() }
        return rows
    }

    /// Indexes a batch of node rows in file order and reports their findings in row order (id,
    /// then kind, then label), after reading all their id slots at once.
    private func finish(_ batch: inout NodeBatch, into rows: inout NodeRows, issues: inout [ValidationIssue]) {
        rows.warmth &+= rows.index.warm(batch.hashes.lazy.compactMap { $0 })
        for k in 0..<batch.count {
            let id = batch.ids[k]
            let at = SourceLocation(file: nodesFile, line: batch.lines[k])
            if let hash = batch.hashes[k] {
                if let previous = rows.index.append(id, hash: hash) {
                    issues.append(ValidationIssue(.duplicateID(id, firstLine: Int(rows.firstLine[Int(previous)])), field: Column.id, at: at))
                }
            } else {
                issues.append(ValidationIssue(.emptyField, field: Column.id, at: at))
                rows.index.appendUnindexed(id)
            }
            if let byte = batch.controls[k] { issues.append(ValidationIssue(.controlCharacterInID(byte), field: Column.id, at: at)) }
            if let issue = batch.kindIssues[k] { issues.append(issue) }
            if batch.emptyLabels[k] { issues.append(ValidationIssue(.emptyLabel, field: Column.label, at: at)) }
            rows.table.kinds.append(batch.kinds[k])
            rows.firstLine.append(Int32(truncatingIfNeeded: batch.lines[k]))
        }
        batch.reset()
    }
}

/// Node rows parsed but not yet indexed: indexing a batch at once lets the reads of the id
/// table's slots overlap instead of waiting for each other.
struct NodeBatch {
    static let capacity = 1024
    private(set) var count = 0
    private(set) var ids: [NodeID] = []
    /// The hash of each id's bytes; `nil` for an empty id.
    private(set) var hashes: [UInt64?] = []
    private(set) var lines: [Int] = []
    private(set) var kinds: [UInt16] = []
    private(set) var kindIssues: [ValidationIssue?] = []
    private(set) var emptyLabels: [Bool] = []
    /// The first control character of each id, if it has one.
    private(set) var controls: [UInt8?] = []

    var isFull: Bool { count == Self.capacity }

    mutating func append(id: NodeID, hash: UInt64?, line: Int, kind: UInt16, kindIssue: ValidationIssue?, emptyLabel: Bool,
                         control: UInt8?) {
        ids.append(id)
        hashes.append(hash)
        lines.append(line)
        kinds.append(kind)
        kindIssues.append(kindIssue)
        emptyLabels.append(emptyLabel)
        controls.append(control)
        count += 1
    }

    mutating func reset() {
        count = 0
        ids.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
        kinds.removeAll(keepingCapacity: true)
        kindIssues.removeAll(keepingCapacity: true)
        emptyLabels.removeAll(keepingCapacity: true)
        controls.removeAll(keepingCapacity: true)
    }
}
