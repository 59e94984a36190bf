/// A heatmap of an ``OverlapMatrix`` as a standalone SVG document a person can read: actor
/// labels on both axes, the value printed in each cell, a colour scale with its legend, and a
/// tooltip per cell.
///
/// The matrix is drawn in its own order; call ``OverlapMatrix/clustered()`` first so that similar
/// actors sit together. Measures that run from -1 to 1 use a diverging scale (red for conflict,
/// white for 0, blue for agreement); jaccard runs from white (0) to blue (1). Undefined cells are
/// grey with a dash. All text is escaped for XML.
public enum HeatmapSVG {
    /// The SVG text. `labels` names actors (the id when missing); `title` heads the picture.
    ///
    /// Cells are 40 px square up to 20 actors and at least 24 px beyond, so that the values stay
    /// legible when zoomed; each cell has a tooltip naming the pair up to 200 actors.
    public static func render(_ matrix: OverlapMatrix, labels: [NodeID: String] = [:], title: String? = nil) -> String {
        let k = matrix.actors.count
        let names = matrix.actors.map { escape(labels[$0] ?? $0.rawValue) }
        let plainNames = matrix.actors.map { labels[$0] ?? $0.rawValue }
        let cell = k <= 20 ? 40 : max(24, (800 / k) & ~1)
        let valueFont = max(7, cell * 28 / 100)
        let labelFont = max(8, min(12, cell * 45 / 100))
        let labelWidth = Int((plainNames.map { textWidth($0, fontSize: Double(labelFont)) }.max() ?? 0).rounded(.up)) + 8
        let titleHeight = title == nil ? 10 : 34
        let left = 10 + labelWidth
        let top = titleHeight + labelWidth
        let grid = cell * k
        let legendX = left + grid + 24
        let width = legendX + 90
        let height = max(top + grid + 20, top + 230)
        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
            font-family="Helvetica, Arial, 'Noto Sans CJK SC', sans-serif">
            <rect width="100%" height="100%" fill="#ffffff"/>

            """
        svg.reserveCapacity(k * k * 110 + 4_096)
        if let title {
            svg += "<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">\(escape(title))</text>\n"
        }
        svg += "<g font-size=\"\(labelFont)\" dominant-baseline=\"central\">\n"
        for (i, name) in names.enumerated() {
            let middle = cell * i + cell / 2
            svg += "<text x=\"\(left - 6)\" y=\"\(top + middle)\" text-anchor=\"end\">\(name)</text>\n"
            svg += "<text transform=\"translate(\(left + middle),\(top - 6)) rotate(-90)\">\(name)</text>\n"
        }
        svg += "</g>\n<g stroke=\"#ffffff\" stroke-width=\"1\">\n"
        let tooltips = k <= 200
        for i in 0..<k {
            for j in 0..<k {
                let value = matrix.values[i][j]
                svg += "<rect x=\"\(left + cell * j)\" y=\"\(top + cell * i)\" width=\"\(cell)\" height=\"\(cell)\" fill=\"\(value.map { colour($0, measure: matrix.measure) } ?? "#d9d9d9")\""
                if tooltips {
                    svg += "><title>\(names[i]) – \(names[j]): \(value.map { fixed($0, digits: 3) } ?? "undefined")</title></rect>\n"
                } else {
                    svg += "/>\n"
                }
            }
        }
        // Values above the cells; they let the pointer through to the cells' tooltips.
        svg += "</g>\n<g font-size=\"\(valueFont)\" text-anchor=\"middle\" dominant-baseline=\"central\" fill=\"#222222\" pointer-events=\"none\">\n"
        for i in 0..<k {
            for j in 0..<k {
                let value = matrix.values[i][j]
                let ink = value.map { darkness($0, measure: matrix.measure) > 0.55 } ?? false ? " fill=\"#ffffff\"" : ""
                svg += "<text x=\"\(left + cell * j + cell / 2)\" y=\"\(top + cell * i + cell / 2)\"\(ink)>\(value.map { fixed($0, digits: 2) } ?? "–")</text>\n"
            }
        }
        svg += "</g>\n"
        svg += legend(x: Double(legendX), y: Double(top), measure: matrix.measure)
        svg += "</svg>\n"
        return svg
    }

    /// The colour scale: a bar from the maximum (top) to the minimum, ticks, and the grey of
    /// undefined cells.
    private static func legend(x: Double, y: Double, measure: OverlapMeasure) -> String {
        let barHeight = 160.0
        let low = measure.minimum
        var out = "<text x=\"\(number(x))\" y=\"\(number(y - 10))\" font-size=\"12\" font-weight=\"bold\">\(escape(measure.rawValue))</text>\n"
        out += "<defs><linearGradient id=\"scale\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\">"
        for step in 0...10 {
            let value = 1 - Double(step) / 10 * (1 - low)
            out += "<stop offset=\"\(step * 10)%\" stop-color=\"\(colour(value, measure: measure))\"/>"
        }
        out += "</linearGradient></defs>\n"
        out += "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"18\" height=\"\(number(barHeight))\" fill=\"url(#scale)\" stroke=\"#888888\"/>\n"
        let ticks = low < 0 ? [1.0, 0.5, 0, -0.5, -1] : [1.0, 0.75, 0.5, 0.25, 0]
        for tick in ticks {
            let ty = y + (1 - tick) / (1 - low) * barHeight
            out += "<line x1=\"\(number(x + 18))\" y1=\"\(number(ty))\" x2=\"\(number(x + 23))\" y2=\"\(number(ty))\" stroke=\"#888888\"/>"
            out += "<text x=\"\(number(x + 26))\" y=\"\(number(ty))\" font-size=\"10\" dominant-baseline=\"central\">\(fixed(tick, digits: 2))</text>\n"
        }
        let gy = y + barHeight + 14
        out += "<rect x=\"\(number(x))\" y=\"\(number(gy))\" width=\"18\" height=\"14\" fill=\"#d9d9d9\" stroke=\"#888888\"/>"
        out += "<text x=\"\(number(x + 26))\" y=\"\(number(gy + 7))\" font-size=\"10\" dominant-baseline=\"central\">undefined</text>\n"
        return out
    }

    /// How far `value` is from the light middle of the scale, 0...1.
    private static func darkness(_ value: Double, measure: OverlapMeasure) -> Double {
        measure.minimum < 0 ? min(1, abs(value)) : max(0, min(1, value))
    }

    /// The fill of a value: white to blue for jaccard; red, white, blue for the others.
    static func colour(_ value: Double, measure: OverlapMeasure) -> String {
        let blue = (33.0, 102.0, 172.0)
        let red = (178.0, 24.0, 43.0)
        let white = (247.0, 247.0, 247.0)
        let t = darkness(value, measure: measure)
        let end = measure.minimum < 0 && value < 0 ? red : blue
        func channel(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
        return hex(channel(white.0, end.0), channel(white.1, end.1), channel(white.2, end.2))
    }

    private static func hex(_ r: Int, _ g: Int, _ b: Int) -> String {
        let digits = Array("0123456789abcdef")
        var out = "#"
        for c in [r, g, b] {
            let v = max(0, min(255, c))
            out.append(digits[v / 16])
            out.append(digits[v % 16])
        }
        return out
    }

    /// `value` with `digits` decimals, without a minus sign on zero.
    static func fixed(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled.isFinite, scaled < 1e15 else { return "\(value)" }
        let whole = Int(scaled)
        let integer = whole / Int(scale)
        let fraction = String(whole % Int(scale))
        let padded = String(repeating: "0", count: digits - fraction.count) + fraction
        let sign = value < 0 && whole != 0 ? "-" : ""
        return digits == 0 ? "\(sign)\(integer)" : "\(sign)\(integer).\(padded)"
    }

    /// A coordinate with at most one decimal.
    private static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : fixed(rounded, digits: 1)
    }

    /// A rough rendered width: East Asian characters are a full em, others about 0.6 em.
    static func textWidth(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0x20000...0x3FFFD).contains(v)
            ems += wide ? 1 : 0.6
        }
        return ems * fontSize
    }

    /// Text safe inside an XML element or attribute (the shared XML escaping).
    static func escape(_ text: String) -> String { XMLText.attribute(text) }
}
