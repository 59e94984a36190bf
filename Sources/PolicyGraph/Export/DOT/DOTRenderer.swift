/// Draws a graph as Graphviz DOT: one statement per line, every id and text quoted, styles from
/// the schema, nodes sorted by id and edges by their ends, so that the same graph and options
/// give byte-identical text that diffs well in git.
///
/// Each node's DOT id is its graph id (quoted for DOT), so tools that read the DOT
/// map it back to the data; legend nodes use a prefix that no id of the graph has.
public struct DOTRenderer: Sendable {
    public let options: DOTOptions

    public init(options: DOTOptions = DOTOptions()) {
        self.options = options
    }

    /// The DOT text of `view`.
    ///
    /// `context` is the graph `--cluster` reads memberships from (default: `view`), so that a
    /// part of a graph keeps the boxes of the whole even when the `memberOf` edges that
    /// make them are not drawn.
    /// - Complexity: O((n + m) log(n + m)) for the view, plus O(n + m) of the context for clusters.
    public func render(_ view: Graph, context: Graph? = nil) -> String {
        let style = DOTStyle(schema: view.schema)
        var out = "digraph \(DOT.quote("policygraph")) {\n"
        out += "  graph " + attributes(graphAttributes) + ";\n"
        out += "  node " + attributes(nodeDefaults) + ";\n"
        out += "  edge " + attributes(edgeDefaults) + ";\n"
        let nodes = view.nodes.sorted { $0.id < $1.id }
        let numbers = options.mapLayout ? Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1.id, $0) }) : [:]
        let clusters = options.clusters ? DOTClusters(view: nodes, context: context ?? view, options: options) : nil
        if let clusters { out += clusterStatements(clusters, view: view, style: style, numbers: numbers) }
        let outside = nodes.filter { clusters?.contains($0.id) != true }
        if !outside.isEmpty { out += "\n" }
        for node in outside { out += "  " + statement(for: node, in: view, style: style, number: numbers[node.id]) + "\n" }
        let edges = Self.sorted(view.edges)
        if !edges.isEmpty { out += "\n" }
        for (i, edge) in edges.enumerated() {
            out += "  " + statement(for: edge, in: view, style: style, number: options.mapLayout ? i : nil) + "\n"
        }
        if options.legend {
            out += DOTLegend(view: view, nodes: nodes, edges: edges, style: style, options: options).text
        }
        out += "}\n"
        return out
    }

    /// Edges by source, target, relation, then attributes: the order of rows in `edges.csv` does
    /// not matter, except between twins that no one can tell apart.
    static func sorted(_ edges: [Edge]) -> [Edge] {
        func attributes(_ edge: Edge) -> [String] { edge.attributes.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] } }
        return edges.enumerated().sorted { a, b in
            let x = a.element, y = b.element
            if x.from != y.from { return x.from < y.from }
            if x.to != y.to { return x.to < y.to }
            if x.relation != y.relation { return x.relation < y.relation }
            let ax = attributes(x), ay = attributes(y)
            if ax != ay { return ax.lexicographicallyPrecedes(ay) }
            return a.offset < b.offset
        }.map(\.element)
    }

    // MARK: - Defaults

    var graphAttributes: [(String, String)] {
        var list = [("rankdir", options.rankDirection.rawValue), ("fontname", options.fontName),
                    ("fontsize", options.title == nil ? "12" : "16"), ("nodesep", "0.25"), ("ranksep", "0.6"),
                    ("outputorder", "edgesfirst"), ("newrank", "true")]
        if let title = options.title { list += [("label", title), ("labelloc", "t")] }
        if let overlap = options.overlapRemoval { list.append(("overlap", overlap)) }
        return list
    }

    var nodeDefaults: [(String, String)] {
        [("fontname", options.fontName), ("fontsize", "11"), ("color", "#424242"), ("penwidth", "1"),
         ("margin", "0.12,0.06")]
    }

    var edgeDefaults: [(String, String)] {
        [("fontname", options.fontName), ("fontsize", "9"), ("arrowsize", "0.7")]
    }

    func clusterAttributes(label: String) -> [(String, String)] {
        [("label", label), ("style", "rounded,filled"), ("fillcolor", "#fafafa"), ("color", "#9e9e9e"),
         ("fontsize", "13"), ("labeljust", "l")]
    }

    // MARK: - Statements

    /// The text a node shows: its label in the chosen language, its id when that is empty.
    func displayLabel(of node: Node) -> String {
        let english = node.label
        let chinese = node.chineseLabel ?? ""
        var text: String
        switch options.language {
        case .english: text = english
        case .chinese: text = chinese.isEmpty ? english : chinese
        case .both: text = chinese.isEmpty || chinese == english ? english : english.isEmpty ? chinese : english + "\n" + chinese
        }
        if text.isEmpty { text = node.id.rawValue }
        if options.mapLayout, text.count > Self.layoutLabelLimit { text = text.prefix(Self.layoutLabelLimit - 1) + "…" }
        if let width = options.wrapWidth { text = DOT.wrap(text, width: width) }
        return text
    }

    func statement(for node: Node, in graph: Graph, style: DOTStyle, number: Int? = nil) -> String {
        let look = style.style(for: node.kind)
        var tooltip = "\(node.id.rawValue) (\(node.kind.rawValue))"
        for name in graph.nodeAttributeNames where name != Column.label {
            if let value = node.attributes[name] { tooltip += "\n\(name): \(value)" }
        }
        let dimmed = !options.highlight.isEmpty && !options.highlight.nodes.contains(node.id)
        var list: [(String, String)] = [("label", displayLabel(of: node)), ("tooltip", tooltip), ("shape", look.shape),
                                        ("style", look.style), ("fillcolor", dimmed ? look.fillColor + "66" : look.fillColor)]
        if options.mapLayout { list.remove(at: 1) }
        if dimmed {
            list += [("color", Self.dimColor), ("fontcolor", Self.dimTextColor)]
        } else if !options.highlight.isEmpty {
            list += [("color", Self.highlightColor), ("penwidth", "3")]
        }
        if let number { list.append(("id", "n\(number)")) }
        return DOT.quoteID(node.id.rawValue) + " " + attributes(list) + ";"
    }

    func statement(for edge: Edge, in graph: Graph, style: DOTStyle, number: Int? = nil) -> String {
        let look = style.style(for: edge.relation)
        var tooltip = "\(edge.from.rawValue) \(edge.relation.rawValue) \(edge.to.rawValue)"
        for name in graph.edgeAttributeNames {
            if let value = edge.attributes[name] { tooltip += "\n\(name): \(value)" }
        }
        var list: [(String, String)] = []
        if options.edgeLabels { list.append(("label", edge.relation.rawValue)) }
        if !options.mapLayout { list.append(("tooltip", tooltip)) }
        var color = look.color
        var penWidth = look.penWidth
        var lineStyle = look.style
        if edge.attributes[Column.evidence] == Evidence.inferred.rawValue {
            // The authors' reading, not the holder's words: pale and dashed.
            (color, lineStyle) = Self.inferredLook(color: color, style: lineStyle)
        }
        if !options.highlight.isEmpty {
            if options.highlight.edges.contains(edge) { penWidth = max(3, penWidth) } else { color = Self.dimColor }
        }
        list += [("color", color), ("fontcolor", color), ("style", lineStyle), ("arrowhead", look.arrowhead),
                 ("penwidth", Self.number(penWidth))]
        if let number { list.append(("id", "e\(number)")) }
        return DOT.quoteID(edge.from.rawValue) + " -> " + DOT.quoteID(edge.to.rawValue) + " " + attributes(list) + ";"
    }

    /// `[name="value", ...]`; names are ours, values quoted (text people read as labels).
    func attributes(_ list: [(String, String)]) -> String {
        let labelled: Set<String> = ["label", "tooltip", "xlabel"]
        return "[" + list.map { name, value in
            name + "=" + (labelled.contains(name) ? DOT.quoteLabel(value) : DOT.quote(value))
        }.joined(separator: ", ") + "]"
    }

    /// The longest node label the HTML map's layout draws (the page shows the whole).
    static let layoutLabelLimit = 300

    static let highlightColor = "#d62728"
    static let dimColor = "#bdbdbd"
    static let dimTextColor = "#9e9e9e"

    /// A width as Graphviz reads it: no trailing `.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value)
    }
}
