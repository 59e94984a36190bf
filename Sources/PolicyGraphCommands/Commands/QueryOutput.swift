import PolicyGraph

/// Prints a query's rows as they are rendered: CSV and JSON a row at a time, the text table in
/// two passes over the rows (the first measures the columns, the second prints), so that only
/// the engine's rows are held, never the whole text. The bytes are those of rendering it whole.
enum QueryOutput {
    static func write(_ rows: QueryRows, format: String, to output: inout CommandOutput) {
        switch format {
        case "json":
            rows.writeJSON { output.write($0) }
        case "csv":
            rows.writeCSV { output.write($0) }
            warn(rows, &output)
        default:
            writeTable(rows, to: &output)
            warn(rows, &output)
        }
    }

    /// The warnings on standard error, after the rows (JSON carries them in the document).
    private static func warn(_ rows: QueryRows, _ output: inout CommandOutput) {
        for warning in rows.warnings { output.stderr += warning.description + "\n" }
    }

    /// The table ``TextTable/text`` would print for the rows.
    private static func writeTable(_ rows: QueryRows, to output: inout CommandOutput) {
        guard rows.count > 0 else {
            output.write("no rows\n")
            return
        }
        func cells(_ i: Int) -> [String] { rows.row(i).map { $0.text.replacingNewlines } }
        var widths = rows.columns.map(TextTable.displayWidth)
        for i in 0..<rows.count {
            for (c, cell) in cells(i).enumerated() where c < widths.count { widths[c] = max(widths[c], TextTable.displayWidth(cell)) }
        }
        func line(_ row: [String]) -> String {
            var line = ""
            for (c, cell) in row.enumerated() {
                line += c == row.count - 1 ? cell : cell.padding(toLength: widths[c]) + "  "
            }
            return line.trimmedTrailing + "\n"
        }
        output.write(line(rows.columns))
        output.write(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n")
        for i in 0..<rows.count { output.write(line(cells(i))) }
    }
}
