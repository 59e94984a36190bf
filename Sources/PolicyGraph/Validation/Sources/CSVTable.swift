/// A small CSV file read whole: its header and every row with its line and, per field, where
/// the field sits in the file's bytes (so that an edit can replace a field and keep every other
/// byte). For side files such as `sources.csv`, and for checks that need a row's line.
package struct CSVTable: Sendable {
    /// One row: its 1-based line, its fields with quotes undone, and each field's bytes in the
    /// file as written (quotes included).
    package struct Row: Sendable {
        package let line: Int
        package let fields: [String]
        package let rawRanges: [Range<Int>]
    }

    package let file: String
    package let header: [String]
    package let rows: [Row]

    /// Reads `bytes`; `file` names it in errors.
    ///
    /// - Throws: ``LoadError`` at the first syntax error, or when a row's field count differs
    ///   from the header's.
    package static func parse(_ bytes: [UInt8], file: String) throws(LoadError) -> CSVTable {
        var records: [Row] = []
        try bytes.withUnsafeBufferPointer { (buffer) throws(LoadError) in
            try CSVReader.read(buffer, file: file) { (record) throws(LoadError) in
                records.append(Row(line: record.line, fields: (0..<record.count).map { record.string($0) },
                                   rawRanges: (0..<record.count).map { record.rawRange($0) }))
            }
        }
        guard let first = records.first else {
            throw LoadError(.emptyFile, at: SourceLocation(file: file, line: 0))
        }
        let rows = Array(records.dropFirst())
        for row in rows where row.fields.count != first.fields.count {
            throw LoadError(.fieldCount(expected: first.fields.count, found: row.fields.count, header: first.fields),
                            at: SourceLocation(file: file, line: row.line))
        }
        return CSVTable(file: file, header: first.fields, rows: rows)
    }

    /// The position of `column` in the header, `nil` when the file has no such column.
    package func index(of column: String) -> Int? { header.firstIndex(of: column) }

    /// The cell of `row` in `column`, `""` when the file has no such column.
    package func value(_ row: Row, _ column: String) -> String {
        guard let i = index(of: column) else { return "" }
        return row.fields[i]
    }
}
