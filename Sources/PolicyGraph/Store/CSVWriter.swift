/// Writes CSV in PolicyGraph's canonical form: UTF-8 without BOM, LF line ends, a line end after
/// every record, and a field quoted only when it holds a comma, a double quote, CR or LF (its
/// quotes doubled). Reading a canonical file and writing it again gives the same bytes.
package enum CSVWriter {
    /// One record, with its line end.
    package static func record(_ fields: [String]) -> String {
        var line = ""
        for (i, field) in fields.enumerated() {
            if i > 0 { line.append(",") }
            line.append(escape(field))
        }
        line.append("\n")
        return line
    }

    /// A whole file: the header then the rows.
    package static func document(header: [String], rows: [[String]]) -> String {
        var out = record(header)
        for row in rows { out.append(record(row)) }
        return out
    }

    /// A field, quoted when it needs to be.
    package static func escape(_ field: String) -> String {
        let needsQuotes = field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
