/// How a graph is drawn: the language of labels, the layout direction, and what to add.
public struct DOTOptions: Sendable, Equatable {
    /// Which label a node shows.
    public var language: DOTOptions.Language
    /// Which way edges run in `dot`'s layered layout.
    public var rankDirection: DOTOptions.RankDirection
    /// Whether edges show their relation (their tooltip is always there).
    public var edgeLabels: Bool
    /// Whether to add a legend of the kinds and relations in view.
    public var legend: Bool
    /// Whether to draw a box around the members of each actor that has some, nested as the
    /// memberships are (see ``DOTClusters``).
    public var clusters: Bool
    /// Nodes and edges to draw in front, the rest dimmed (a path on its surroundings).
    public var highlight: DOTOptions.Highlight
    /// The font of every text; see ``DOTOptions/latinFont`` and ``DOTOptions/chineseFont``.
    public var fontName: String
    /// A title drawn above the graph; `nil` for none.
    public var title: String?
    /// Break node labels at spaces to lines of at most this many characters; `nil` to keep them.
    public var wrapWidth: Int?
    /// Whether the DOT is the layout of the HTML map: each node, edge and box carries a DOT `id`
    /// (`n<i>`, `e<i>`, `c<i>`: its place among the nodes sorted by id, the edges in drawing order
    /// and the boxes in ``DOTClusters`` order) so
    /// that the SVG can be tied back to the data; no tooltips (the page has its own); labels cut
    /// to ``DOTRenderer/layoutLabelLimit`` characters (Graphviz reads no string of 16 KB).
    package var mapLayout = false
    /// Graphviz `overlap` (how force-directed layouts move overlapping nodes apart); `nil`
    /// leaves Graphviz's default.
    package var overlapRemoval: String?

    /// The default font for English labels (fontconfig maps it to the closest installed sans).
    public static let latinFont = "Helvetica"
    /// The font asked for when labels are Chinese: Noto Sans CJK (package `fonts-noto-cjk`).
    public static let chineseFont = "Noto Sans CJK SC"

    public init(language: DOTOptions.Language = .english, rankDirection: DOTOptions.RankDirection = .leftToRight,
                edgeLabels: Bool = true, legend: Bool = false, clusters: Bool = false,
                highlight: DOTOptions.Highlight = DOTOptions.Highlight(), fontName: String? = nil,
                title: String? = nil, wrapWidth: Int? = nil) {
        self.language = language
        self.rankDirection = rankDirection
        self.edgeLabels = edgeLabels
        self.legend = legend
        self.clusters = clusters
        self.highlight = highlight
        self.fontName = fontName ?? (language == .english ? Self.latinFont : Self.chineseFont)
        self.title = title
        self.wrapWidth = wrapWidth
    }
}

extension DOTOptions {
    /// Which label a node shows.
    public enum Language: String, Sendable, CaseIterable {
        /// `label`.
        case english = "en"
        /// `label_zh`, or `label` when a node has none.
        case chinese = "zh"
        /// `label` over `label_zh` (one line when they are equal or there is no `label_zh`).
        case both
    }
}

/// The name ``DOTOptions/Language`` had before it was nested.
package typealias DOTLanguage = DOTOptions.Language

extension DOTOptions {
    /// The direction of `dot`'s layers.
    public enum RankDirection: String, Sendable, CaseIterable {
        case leftToRight = "LR"
        case topToBottom = "TB"
    }
}

/// The name ``DOTOptions/RankDirection`` had before it was nested.
package typealias DOTRankDirection = DOTOptions.RankDirection

extension DOTOptions {
    /// What to draw in front: the nodes and edges of a path or of a query's match. When it is not
    /// empty, every other node and edge is drawn dimmed, so the highlight reads on its surroundings.
    public struct Highlight: Sendable, Equatable {
        public var nodes: Set<NodeID>
        /// Edges are matched by value (ends, relation and attributes), as `GraphPath.edges` gives them.
        public var edges: Set<Edge>

        public init(nodes: some Sequence<NodeID> = [NodeID](), edges: some Sequence<Edge> = [Edge]()) {
            self.nodes = Set(nodes)
            self.edges = Set(edges)
        }

        /// Whether nothing is highlighted.
        public var isEmpty: Bool { nodes.isEmpty && edges.isEmpty }
    }
}

/// The name ``DOTOptions/Highlight`` had before it was nested.
package typealias DOTHighlight = DOTOptions.Highlight
