/// What the HTML map shows besides the graph: the first language of its labels, its title, how
/// labels wrap, and how large a graph it accepts.
package struct HTMLMapOptions: Sendable, Equatable {
    /// The labels the page opens with (the reader can switch without reloading).
    package var language: DOTOptions.Language
    /// The page's title and heading; `nil` for a plain one.
    package var title: String?
    /// Break relabelled node labels at spaces to lines of at most this many characters, as the
    /// layout's labels were broken; `nil` to keep them whole.
    package var wrapWidth: Int?
    /// Whether the layout has the boxes of `--cluster`, whose labels the language switch relabels.
    package var clusters: Bool
    package var limits: HTMLMapLimits

    package init(language: DOTOptions.Language = .english, title: String? = nil, wrapWidth: Int? = nil,
                 clusters: Bool = false, limits: HTMLMapLimits = HTMLMapLimits()) {
        self.language = language
        self.title = title
        self.wrapWidth = wrapWidth
        self.clusters = clusters
        self.limits = limits
    }
}

/// The largest graph the map takes. Above it, Graphviz's layout takes minutes and the page
/// stutters, and a picture of thousands of nodes shows nothing anyway: a part reads better.
package struct HTMLMapLimits: Sendable, Equatable {
    package var nodes: Int
    package var edges: Int

    /// The defaults: a generated 2,000-node graph stays smooth (see the README's numbers).
    package static let defaultNodes = 2_500
    package static let defaultEdges = 10_000

    package init(nodes: Int = HTMLMapLimits.defaultNodes, edges: Int = HTMLMapLimits.defaultEdges) {
        self.nodes = nodes
        self.edges = edges
    }
}

/// The map cannot be made: the graph is too large, or the layout is not an SVG that can be read.
package struct HTMLMapError: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Reason: Sendable, Equatable {
        /// The view has more nodes or edges than the limits allow.
        case tooLarge(nodes: Int, edges: Int, limits: HTMLMapLimits)
        /// The layout is not well-formed SVG; `offset` is the UTF-8 offset where reading stopped.
        case unreadableLayout(offset: Int, message: String)
        /// The part to draw has no node: a blank page would look like a broken one.
        case empty
    }

    package let reason: Reason

    package init(_ reason: Reason) { self.reason = reason }

    package var description: String {
        switch reason {
        case .tooLarge(let nodes, let edges, let limits):
            let over = nodes > limits.nodes
                ? "\(nodes) nodes, above the limit of \(limits.nodes)"
                : "\(edges) edges, above the limit of \(limits.edges)"
            return "the map would have \(over); draw a part of the graph (the surroundings of one node, or some kinds or relations only), or raise the limit"
        case .unreadableLayout(let offset, let message):
            return "the Graphviz layout is not readable SVG (at byte \(offset)): \(message)"
        case .empty:
            return "the part to draw has no node, so there is no map to write; check the selection (a query that matches nothing, kinds or relations that leave nothing)"
        }
    }
}
