import Foundation
import PolicyGraph
@testable import PolicyGraphBench
import Testing

/// An independent model of how Graphviz reads the strings of a DOT file and what it shows, taken
/// from its documentation (the DOT language and `escString` pages) and its sources (`scan.l`,
/// `labels.c`: `strdup_and_subst_obj0`, `make_simple_label`, `htmlEntityUTF8`), plus a driver
/// for the real `dot` that returns what it understood. The renderer is checked against this,
/// never against itself.
enum DOTReference {
    /// Whether Graphviz's `dot` is on `PATH`; tests that need it are skipped, with this said, when not.
    static let dotAvailable = GraphvizRunner().isAvailable(.dot)
    static let skipMessage: Comment = "Graphviz's 'dot' is not installed here; install graphviz (CI does) to run this test"

    /// What a text should look like once drawn: line breaks of any kind as "\n", control
    /// characters other than tab as their Unicode control pictures (XML cannot hold them).
    static func displayed(_ text: String) -> String {
        var out = ""
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar.value {
            case 0x0A where previousCR: continue
            case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: out += "\n"
            case 0x09: out.unicodeScalars.append(scalar)
            case 0x00..<0x20: out.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value) ?? "?")
            case 0x7F: out += "\u{2421}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A label's text as Graphviz shows it, from the attribute value it parsed (`-Tjson` gives
    /// those): `\N`, `\G`, `\E`, `\T`, `\H`, `\L` would be replaced by names (shown here as
    /// `«\N»` so that any use is a mismatch); `\n`, `\l`, `\r` break the line; `\` before anything
    /// else drops; then HTML entities are decoded.
    static func interpretLabel(_ raw: String) -> String {
        var out = ""
        var chars = raw.unicodeScalars.makeIterator()
        while let c = chars.next() {
            guard c == "\\" else {
                out.unicodeScalars.append(c)
                continue
            }
            guard let next = chars.next() else { break }
            switch next {
            case "N", "G", "E", "T", "H", "L": out += "«\\\(next)»"
            case "n", "l", "r": out += "\n"
            default: out.unicodeScalars.append(next)
            }
        }
        return decodeEntities(out)
    }

    /// Decodes `&name;`, `&#N;` and `&#xH;` as Graphviz does in plain labels (the names we test).
    static func decodeEntities(_ text: String) -> String {
        let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";") {
                let name = String(after[..<semi])
                var decoded: String?
                if let value = named[name] {
                    decoded = value
                } else if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16) {
                    decoded = Unicode.Scalar(v).map { String($0) }
                } else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()) {
                    decoded = Unicode.Scalar(v).map { String($0) }
                }
                if let decoded {
                    out += decoded
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }

    /// An id back from the name Graphviz gives its node (`-Tjson`'s `name`): the DOT writes
    /// each id so that Graphviz's name is the id as displayed (``displayed(_:)``), backslashes
    /// included, so there is nothing to undo.
    static func unescapeName(_ name: String) -> String { name }

    /// The name Graphviz gives the node of `id`: the id as displayed, unless ``DOT/quoteID(_:)``
    /// had to fall back to ``DOT/quote(_:)`` (a backslash last or before a quote or line break,
    /// and angle brackets that do not nest), whose name keeps its doubled backslashes.
    static func name(of id: String) -> String {
        let written = DOT.quoteID(id)
        guard written == DOT.quote(id), !written.hasPrefix("<") else { return displayed(id) }
        return String(written.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
    }

    /// What `dot -Tjson` understood of a DOT text.
    struct Layout {
        struct Object {
            let name: String
            /// Attribute values as Graphviz parsed them (before escString processing).
            let attributes: [String: String]
            /// The text lines Graphviz drew for the label, in order (empty lines are not drawn).
            let drawnLines: [String]
        }
        var nodes: [String: Object] = [:]
        var clusters: [String: Object] = [:]
        var edges: [(tail: String, head: String, object: Object)] = []
        var graphAttributes: [String: String] = [:]
        /// The names of the nodes inside `cluster_legend`.
        var legendNodes: Set<String> = []
        /// Whatever Graphviz wrote to standard error.
        var warnings: [String] = []
    }

    /// Runs the real `dot -Tjson` on `dot`. Fails on invalid DOT (Graphviz exits non-zero).
    static func layout(_ dot: String, engine: GraphvizEngine = .dot) throws -> Layout {
        let output = try GraphvizRunner().run(dot, engine: engine, format: "json")
        guard let root = try JSONSerialization.jsonObject(with: Data(output.bytes)) as? [String: Any] else {
            throw GraphvizError(.failed(program: "dot", status: 0, message: "-Tjson gave no JSON object"))
        }
        var layout = Layout(warnings: output.warnings)
        func object(_ dictionary: [String: Any]) -> Layout.Object {
            var attributes: [String: String] = [:]
            for (key, value) in dictionary { if let text = value as? String { attributes[key] = text } }
            let ops = dictionary["_ldraw_"] as? [[String: Any]] ?? []
            let lines = ops.filter { $0["op"] as? String == "T" }.compactMap { $0["text"] as? String }
            return Layout.Object(name: attributes["name"] ?? "", attributes: attributes, drawnLines: lines)
        }
        for (key, value) in root { if let text = value as? String { layout.graphAttributes[key] = text } }
        let subgraphCount = root["_subgraph_cnt"] as? Int ?? 0
        var names: [Int: String] = [:]
        for item in root["objects"] as? [[String: Any]] ?? [] {
            let gvid = item["_gvid"] as? Int ?? -1
            let parsed = object(item)
            // Objects are the subgraphs, then the nodes; `_gvid` is the place in that list.
            if gvid < subgraphCount {
                layout.clusters[parsed.name] = parsed
            } else {
                layout.nodes[parsed.name] = parsed
                names[gvid] = parsed.name
            }
        }
        for item in root["objects"] as? [[String: Any]] ?? [] where item["name"] as? String == "cluster_legend" {
            for gvid in item["nodes"] as? [Int] ?? [] { if let name = names[gvid] { layout.legendNodes.insert(name) } }
        }
        for item in root["edges"] as? [[String: Any]] ?? [] {
            let tail = names[item["tail"] as? Int ?? -1] ?? ""
            let head = names[item["head"] as? Int ?? -1] ?? ""
            layout.edges.append((tail, head, object(item)))
        }
        return layout
    }
}

/// The library's SplitMix64, so the random tests of DOT are the same on every run, with the
/// hostile text they draw.
typealias DOTRandom = SplitMix64

extension SplitMix64 {
    /// Pieces of text that break naive DOT writers, for random labels and ids.
    static let hostileFragments = [
        "\"", "\\", "\\n", "\n", "\r\n", "\r", "\\N", "\\G", "\\E", "\\T", "\\H", "\\L", "\\l", "\\r", "\\\"",
        "&amp;", "&#65;", "&lt;", "&", "<", ">", "{", "}", "|", "//", "/*", "*/", "#", ";", "[", "]", "=", "->",
        "--", "node", "GRAPH", "Subgraph", "2024", "中文", "🤖", "👩‍💻", "שלום", "مرحبا", " ", "  ", "\t", "a",
        "\u{7}", "\u{2028}", "label=", "\"]; x [", "<b>", "}",
    ]

    /// A string of one to `maxFragments` hostile fragments.
    mutating func hostileText(maxFragments: Int = 8) -> String {
        let count = Int.random(in: 1...maxFragments, using: &self)
        return (0..<count).map { _ in Self.hostileFragments.randomElement(using: &self) ?? "" }.joined()
    }
}
