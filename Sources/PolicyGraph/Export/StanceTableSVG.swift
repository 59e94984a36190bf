/// A ``StanceTable`` as a standalone SVG 1.1 document: actors down the left, targets across the
/// top (rotated), one coloured square per cell with its symbol, a tooltip per cell naming the
/// pair, the stance and its cites, and a legend. It needs no Graphviz and no script.
///
/// Support is blue, opposition red (paler for weaker stances), a neutral or cancelling stance
/// grey, no stance white. The table is drawn in its own order.
package enum StanceTableSVG {
    /// The SVG text; labels come from `graph` in `language` (`both`: label and label_zh side by
    /// side), `title` heads the picture.
    public static func render(_ table: StanceTable, graph: Graph, language: DOTOptions.Language = .both, title: String? = nil) -> String {
        let rowNames = table.actors.map { name(of: $0, graph: graph, language: language) }
        let columnNames = table.targets.map { name(of: $0, graph: graph, language: language) }
        // Long names are cut on the axes (the tooltip keeps them whole), so that one long
        // label does not push the grid off the page.
        let rowShown = rowNames.map { shortened($0, width: 48) }
        let columnShown = columnNames.map { shortened($0, width: 40) }
        let cell = 28
        let labelFont = 12.0
        let rowWidth = Int((rowShown.map { HeatmapSVG.textWidth($0, fontSize: labelFont) }.max() ?? 0).rounded(.up)) + 12
        let columnHeight = Int((columnShown.map { HeatmapSVG.textWidth($0, fontSize: labelFont) }.max() ?? 0).rounded(.up)) + 12
        let titleHeight = title == nil ? 10 : 34
        let left = 10 + rowWidth
        let top = titleHeight + columnHeight
        let gridWidth = cell * table.targets.count
        let gridHeight = cell * table.actors.count
        let legendY = top + gridHeight + 24
        let width = max(left + gridWidth + 20, 420)
        let height = legendY + 40
        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
            font-family="Helvetica, Arial, 'Noto Sans CJK SC', sans-serif">
            <rect width="100%" height="100%" fill="#ffffff"/>

            """
        if let title {
            svg += "<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">\(XMLText.text(title))</text>\n"
        }
        svg += "<g font-size=\"\(Int(labelFont))\">\n"
        for (i, name) in rowShown.enumerated() {
            svg += "<text x=\"\(left - 6)\" y=\"\(top + cell * i + cell / 2 + 4)\" text-anchor=\"end\">\(XMLText.text(name))</text>\n"
        }
        for (j, name) in columnShown.enumerated() {
            svg += "<text transform=\"translate(\(left + cell * j + cell / 2 + 4),\(top - 6)) rotate(-90)\">\(XMLText.text(name))</text>\n"
        }
        svg += "</g>\n<g stroke=\"#cccccc\" stroke-width=\"1\">\n"
        for (i, row) in table.cells.enumerated() {
            for (j, stance) in row.enumerated() {
                let tip = tooltip(actor: rowNames[i], target: columnNames[j], stance: stance)
                svg += "<rect x=\"\(left + cell * j)\" y=\"\(top + cell * i)\" width=\"\(cell)\" height=\"\(cell)\" "
                svg += "fill=\"\(fill(stance))\"><title>\(XMLText.text(tip))</title></rect>\n"
            }
        }
        svg += "</g>\n<g font-size=\"11\" text-anchor=\"middle\" pointer-events=\"none\">\n"
        for (i, row) in table.cells.enumerated() {
            for (j, stance) in row.enumerated() {
                guard let stance else { continue }
                let ink = abs(stance.value) > 0.6 ? "#ffffff" : "#222222"
                svg +=
                    "<text x=\"\(left + cell * j + cell / 2)\" y=\"\(top + cell * i + cell / 2 + 4)\" fill=\"\(ink)\">\(XMLText.text(stance.symbol))</text>\n"
            }
        }
        svg += "</g>\n"
        let entries = [("+", "supports", 1.0), ("−", "opposes", -1.0), ("0", "neutral or cancelling", 0.0)]
        var x = 10
        svg += "<g font-size=\"11\">\n"
        for (symbol, meaning, value) in entries {
            let stance = Stance(target: "", value: value)
            svg += "<rect x=\"\(x)\" y=\"\(legendY)\" width=\"16\" height=\"16\" fill=\"\(fill(stance))\" stroke=\"#cccccc\"/>"
            svg += "<text x=\"\(x + 22)\" y=\"\(legendY + 12)\">\(XMLText.text("\(symbol) \(meaning)"))</text>\n"
            x += 30 + Int(HeatmapSVG.textWidth("\(symbol) \(meaning)", fontSize: 11).rounded(.up))
        }
        svg += "<rect x=\"\(x)\" y=\"\(legendY)\" width=\"16\" height=\"16\" fill=\"#ffffff\" stroke=\"#cccccc\"/>"
        svg += "<text x=\"\(x + 22)\" y=\"\(legendY + 12)\">no stance</text>\n</g>\n</svg>\n"
        return svg
    }

    /// The label in `language`, the id when the node has no label.
    package static func name(of id: NodeID, graph: Graph, language: DOTOptions.Language) -> String {
        let node = graph.node(id)
        let english = node?.label.isEmpty == false ? node?.label ?? id.rawValue : id.rawValue
        let chinese = node?.attributes[Column.labelZh].flatMap { $0.isEmpty ? nil : $0 }
        switch language {
        case .english: return english
        case .chinese: return chinese ?? english
        case .both: return chinese.map { $0 == english ? english : "\(english) \($0)" } ?? english
        }
    }

    /// `text` cut to about `width` ems (CJK characters count one, others 0.6), with `…`.
    static func shortened(_ text: String, width: Double) -> String {
        var ems = 0.0
        var out = ""
        for character in text {
            ems += HeatmapSVG.textWidth(String(character), fontSize: 1)
            if ems > width - 1 { return out + "…" }
            out.append(character)
        }
        return out
    }

    /// Blue for support, red for opposition, paler for weaker stances; grey for 0, white for none.
    static func fill(_ stance: Stance?) -> String {
        guard let stance else { return "#ffffff" }
        if stance.value == 0 { return "#bdbdbd" }
        let end = stance.value > 0 ? (33.0, 102.0, 172.0) : (178.0, 24.0, 43.0)
        let light = stance.value > 0 ? (209.0, 229.0, 240.0) : (253.0, 219.0, 199.0)
        let t = min(1, abs(stance.value))
        func channel(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
        let digits = Array("0123456789abcdef")
        var out = "#"
        for c in [channel(light.0, end.0), channel(light.1, end.1), channel(light.2, end.2)] {
            out.append(digits[c / 16])
            out.append(digits[c % 16])
        }
        return out
    }

    /// `actor – target: +`, then the edges behind the stance with their cites.
    private static func tooltip(actor: String, target: String, stance: Stance?) -> String {
        guard let stance else { return "\(actor) – \(target): no stance" }
        var lines = ["\(actor) – \(target): \(stance.symbol)"]
        for edge in stance.evidence {
            var line = "\(edge.from) \(edge.relation) \(edge.to)"
            if let date = edge.date { line += " (\(date))" }
            if let cite = edge.cite { line += ": \(cite)" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
