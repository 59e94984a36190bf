/// The node rows read so far: the table, the id index, and the line each row was on (for
/// `duplicate id ... first defined on line N`).
struct NodeRows {
    var table = NodeTable()
    var index: NodeIndex
    var firstLine: [Int32] = []
}

/// Names looked up by their bytes: the kinds or relations of the schema, numbered as there.
struct NameLookup {
    private var names = ValueInterner()

    init(_ all: [String]) {
        for name in all {
            var text = name
            text.withUTF8 { _ = names.intern($0) }
        }
    }

    @inline(__always)
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? { names.find(bytes) }
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
        var rows = NodeRows(index: NodeIndex(capacity: capacity))
        rows.table.kinds.reserveCapacity(capacity)
        rows.firstLine.reserveCapacity(capacity)
        let kindNames = schema.kinds.map(\.kind.rawValue)
        let kinds = NameLookup(kindNames)
        while try cursor.next() {
            let line = cursor.record.line
            guard cursor.record.count == header.count else {
                errors.append(LoadError(.fieldCount(expected: header.count, found: cursor.record.count),
                                        at: SourceLocation(file: nodesFile, line: line)))
                continue
            }
            cursor.withRecord { (record: inout CSVRecord) in
                record.withBytes(0) { bytes in
                    let id = NodeID(String(decoding: bytes, as: UTF8.self))
                    if bytes.isEmpty {
                        issues.append(ValidationIssue(.emptyField, field: Column.id, at: SourceLocation(file: nodesFile, line: line)))
                        rows.index.appendUnindexed(id)
                    } else if let previous = rows.index.append(id, bytes: bytes) {
                        issues.append(ValidationIssue(.duplicateID(id, firstLine: Int(rows.firstLine[Int(previous)])),
                                                      field: Column.id, at: SourceLocation(file: nodesFile, line: line)))
                    }
                }
                var kind = UInt16.max
                record.withBytes(1) { bytes in
                    if let k = kinds.find(bytes) {
                        kind = UInt16(truncatingIfNeeded: k)
                    } else if bytes.isEmpty {
                        issues.append(ValidationIssue(.emptyField, field: Column.kind, at: SourceLocation(file: nodesFile, line: line)))
                    } else {
                        let text = String(decoding: bytes, as: UTF8.self)
                        let suggestions = Suggestions.closest(to: text, among: kindNames)
                        issues.append(ValidationIssue(.unknownKind(Kind(text), suggestions: suggestions), field: Column.kind,
                                                      at: SourceLocation(file: nodesFile, line: line)))
                    }
                }
                if record.isEmpty(2) {
                    issues.append(ValidationIssue(.emptyLabel, field: Column.label, at: SourceLocation(file: nodesFile, line: line)))
                }
                rows.table.kinds.append(kind)
                rows.firstLine.append(Int32(truncatingIfNeeded: line))
                for c in 2..<record.count {
                    record.withBytes(c) { _ = builders[c - 2].append(bytes: $0) }
                }
            }
        }
        rows.table.ids = rows.index.ids
        rows.table.columns = builders.map { $0.build() }
        return rows
    }
}
