/// Sheets saved by spreadsheets set to a European locale separate cells with `;`, and "text"
/// exports with tabs. The delimiter is read from the header line: one without a comma but with
/// `;` (or else a tab) sets it for the whole sheet.
extension StanceSheet {
    /// A sheet's rows with their cells as written, whatever the delimiter.
    struct Table {
        let csv: RawCSV
        let header: [String]
        /// Each data row's record and its cells.
        let rows: [(record: RawCSV.Record, fields: [String])]
    }

    /// The delimiter of the sheet's header line: `;` or a tab when the line has no comma but
    /// has one of them, else `,`.
    static func delimiter(of bytes: [UInt8]) -> UInt8 {
        var line = bytes.prefix { $0 != 0x0A && $0 != 0x0D }[...]
        if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
        if line.contains(0x2C) { return 0x2C }
        if line.contains(0x3B) { return 0x3B }
        if line.contains(0x09) { return 0x09 }
        return 0x2C
    }

    /// The sheet read as CSV. Another delimiter is swapped with the comma byte for byte before
    /// reading and back in every cell after, so that quoting works as with commas and every
    /// cell keeps its line and column.
    static func table(_ bytes: [UInt8], file: String) throws(LoadError) -> Table {
        let d = delimiter(of: bytes)
        guard d != 0x2C else {
            let csv = try RawCSV(bytes: bytes, file: file)
            return Table(csv: csv, header: csv.header, rows: csv.rows.map { ($0, $0.fields) })
        }
        let swapped = bytes.map { $0 == d ? 0x2C : $0 == 0x2C ? d : $0 }
        let csv = try RawCSV(bytes: swapped, file: file)
        let other = Character(Unicode.Scalar(d))
        func back(_ field: String) -> String {
            guard field.contains(",") || field.contains(other) else { return field }
            return String(field.map { $0 == "," ? other : $0 == other ? "," : $0 })
        }
        return Table(csv: csv, header: csv.header.map(back), rows: csv.rows.map { ($0, $0.fields.map(back)) })
    }
}
