/// Graphviz's SVG made fit to sit inside the page: read, then written back with only the
/// elements and attributes that draw (no `<a>`, `<title>`, `<script>`, no `style`, no event
/// handler, no link), every text and attribute escaped again as XML.
///
/// The map never trusts the layout's markup: a label goes through Graphviz and comes back as
/// SVG text, and whatever Graphviz made of it, what reaches the page is text. The DOT gives each
/// node, edge and box the id `n<i>` / `e<i>` / `c<i>` (see ``DOTOptions/mapLayout``); they come
/// back as `data-n` / `data-e` / `data-c`, their places in the page's data.
enum MapSVG {
    /// Elements kept, with the attributes kept on each.
    private static let paint: Set<String> = [
        "fill", "stroke", "stroke-width", "stroke-dasharray", "stroke-opacity", "fill-opacity", "transform",
    ]
    private static let font: Set<String> = [
        "x", "y", "text-anchor", "font-family", "font-size", "font-weight", "font-style", "fill", "transform",
    ]
    private static let allowed: [String: Set<String>] = [
        "svg": ["viewBox"],
        "g": ["class", "transform", "id"],
        "path": paint.union(["d"]),
        "polygon": paint.union(["points"]),
        "polyline": paint.union(["points"]),
        "ellipse": paint.union(["cx", "cy", "rx", "ry"]),
        "circle": paint.union(["cx", "cy", "r"]),
        "rect": paint.union(["x", "y", "width", "height", "rx", "ry"]),
        "line": paint.union(["x1", "y1", "x2", "y2"]),
        "text": font,
        "tspan": font.union(["dx", "dy"]),
    ]
    /// Elements whose tags go but whose content stays (Graphviz wraps tooltips in `<a>`).
    private static let unwrapped: Set<String> = ["a"]

    /// What becomes of an element: written, its tags dropped but its content kept, or dropped whole.
    private enum Fate { case kept, unwrapped, skipped }

    /// The size of the drawing in CSS pixels, one per unit of its `viewBox`.
    struct Size: Equatable {
        var width: Double
        var height: Double
    }

    /// The cleaned SVG element and its size.
    struct Cleaned {
        let markup: String
        let size: Size
    }

    /// Drawings of more nodes and edges than this start without their labels, which the page
    /// shows once they are large enough on screen to read (laying out thousands of labels no one
    /// can read is most of the time a large page takes to open).
    static let levelOfDetailSize = 1_500

    /// Reads `svg` and writes it back clean; `large` marks the drawing as one whose labels
    /// depend on the scale (see ``levelOfDetailSize``).
    /// - Throws: ``HTMLMapError`` with `.unreadableLayout` when it is not well-formed or has no `<svg>`.
    static func clean(_ svg: String, large: Bool = false) throws(HTMLMapError) -> Cleaned {
        var reader = MarkupReader(Array(svg.utf8))
        var out = ""
        out.reserveCapacity(svg.utf8.count)
        var open: [(name: String, fate: Fate)] = []
        var skipping = 0
        var size: Size?
        while let token = try reader.next() {
            switch token {
            case .start(let name, let attributes, let selfClosing):
                var fate: Fate = skipping > 0 ? .skipped : unwrapped.contains(name) ? .unwrapped : allowed[name] == nil ? .skipped : .kept
                // The plain groups Graphviz puts around each `<a>` say nothing: their content stays, they go.
                if fate == .kept, name == "g", !attributes.contains(where: { $0.name == "class" || $0.name == "transform" }) {
                    fate = .unwrapped
                }
                if !selfClosing {
                    open.append((name, fate))
                    if fate == .skipped { skipping += 1 }
                }
                guard fate == .kept else { continue }
                if name == "svg" {
                    guard size == nil, open.count <= 1 else { throw reader.error("a second <svg>") }
                    let box = (attributes.first { $0.name == "viewBox" }?.value ?? "")
                        .split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
                    guard box.count == 4, box[2] > 0, box[3] > 0 else { throw reader.error("the <svg> has no viewBox") }
                    size = Size(width: box[2], height: box[3])
                    let classes = large ? " class=\"pg-large pg-no-edge-labels pg-no-node-labels\"" : ""
                    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"pg-svg\"\(classes) width=\"\(number(box[2]))\" height=\"\(number(box[3]))\" viewBox=\"\(box.map(number).joined(separator: " "))\">"
                } else {
                    guard size != nil else { throw reader.error("<\(name)> outside the <svg>") }
                    out += "<" + name
                    let kept = allowed[name] ?? []
                    for attribute in attributes where kept.contains(attribute.name) {
                        if attribute.name == "id" {
                            out += dataAttribute(forID: attribute.value)
                            continue
                        }
                        let value = attribute.value
                        if value.contains("url(") || value.lowercased().contains("script:") { continue }
                        out += " " + attribute.name + "=\"" + XMLText.attribute(value) + "\""
                    }
                    out += selfClosing ? "/>" : ">"
                }
            case .end(let name):
                guard let last = open.popLast(), last.name == name else { throw reader.error("</\(name)> closes nothing open") }
                switch last.fate {
                case .skipped: skipping -= 1
                case .unwrapped: break
                case .kept:
                    out += "</" + name + ">"
                    if name == "g" || name == "svg" { out += "\n" }
                }
            case .text(let text):
                guard skipping == 0, let top = open.last(where: { $0.fate == .kept }), top.name == "text" || top.name == "tspan" else { continue }
                out += XMLText.text(text)
            }
        }
        guard open.isEmpty else { throw reader.error("<\(open[open.count - 1].name)> is never closed") }
        guard let size else { throw reader.error("no <svg> element") }
        return Cleaned(markup: out, size: size)
    }

    /// `n12` → ` data-n="12"`, `e3` → ` data-e="3"`, `c0` → ` data-c="0"`; any other id
    /// (Graphviz's `graph0`, `clust1`, `a_n12`) is dropped, so that nothing of the layout's
    /// naming reaches the page's ids.
    private static func dataAttribute(forID id: String) -> String {
        guard let first = id.first, first == "n" || first == "e" || first == "c" else { return "" }
        let digits = id.dropFirst()
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let number = Int(digits), number >= 0 else { return "" }
        return " data-\(first)=\"\(number)\""
    }

    /// A number as short as it reads: no trailing `.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
