import PolicyGraph

/// A table for the terminal (columns aligned by display width, so Chinese labels line up) and
/// for CSV (canonical, the same writer as the graph files).
struct TextTable: Sendable {
    let header: [String]
    var rows: [[String]] = []

    init(_ header: [String]) { self.header = header }

    mutating func append(_ row: [String]) { rows.append(row) }

    /// The table aligned in columns, the header underlined.
    var text: String {
        let cells = [header] + rows.map { $0.map { $0.replacingNewlines } }
        var widths = [Int](repeating: 0, count: header.count)
        for row in cells { for (c, cell) in row.enumerated() where c < widths.count { widths[c] = max(widths[c], Self.displayWidth(cell)) } }
        var out = ""
        for (r, row) in cells.enumerated() {
            var line = ""
            for (c, cell) in row.enumerated() {
                line += c == row.count - 1 ? cell : cell.padding(toLength: widths[c]) + "  "
            }
            out += line.trimmedTrailing + "\n"
            if r == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return out
    }

    var csv: String { CSVWriter.document(header: header, rows: rows) }

    /// Terminal columns the text takes: East Asian wide characters and emoji count two,
    /// combining marks zero.
    static func displayWidth(_ s: String) -> Int {
        var width = 0
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark
                || v == 0x200B || v == 0x200D || (0xFE00...0xFE0F).contains(v) {
                continue
            }
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
                || (0x20000...0x3FFFD).contains(v)
            width += wide ? 2 : 1
        }
        return width
    }
}

extension String {
    /// Line breaks shown as `⏎`, so one cell stays on one line.
    var replacingNewlines: String {
        guard contains(where: \.isNewline) else { return self }
        return String(map { $0.isNewline ? "⏎" : $0 })
    }

    var trimmedTrailing: String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
