/// How a node of one kind looks: a Graphviz shape, a fill colour and the `style` list.
package struct NodeStyle: Sendable, Hashable {
    package let shape: String
    /// `#rrggbb`.
    package let fillColor: String
    /// Graphviz `style`: always `filled`, plus `rounded` for some box shapes.
    package let style: String

    package init(shape: String, fillColor: String, style: String = "filled") {
        self.shape = shape
        self.fillColor = fillColor
        self.style = style
    }
}

/// How an edge of one relation looks: colour, line style, arrowhead and width.
package struct EdgeStyle: Sendable, Hashable {
    /// `#rrggbb`, used for the line and the relation label.
    package let color: String
    /// Graphviz `style`: `solid`, `dashed`, `dotted` or `bold`.
    package let style: String
    /// Graphviz `arrowhead`: `normal`, `tee` (opposition), `empty` (membership).
    package let arrowhead: String
    package let penWidth: Double

    package init(color: String, style: String = "solid", arrowhead: String = "normal", penWidth: Double = 1) {
        self.color = color
        self.style = style
        self.arrowhead = arrowhead
        self.penWidth = penWidth
    }
}

/// The look of every kind and relation of a schema.
///
/// Built-in kinds and relations have hand-picked styles (see the README's table). A stance
/// relation declared in `schema.json` looks like `supports` or `opposes` after its polarity;
/// any other custom kind or relation gets a shape and colour picked by a stable hash of its
/// name, so it looks the same in every diagram, on every machine, whatever else the schema has.
package struct DOTStyle: Sendable {
    /// The style of each kind of the schema.
    package let kinds: [Kind: NodeStyle]
    /// The style of each relation of the schema.
    package let relations: [Relation: EdgeStyle]

    package init(schema: Schema) {
        var kinds: [Kind: NodeStyle] = [:]
        for rule in schema.kinds { kinds[rule.kind] = Self.builtInKinds[rule.kind] ?? Self.derived(rule.kind) }
        var relations: [Relation: EdgeStyle] = [:]
        for rule in schema.relations {
            relations[rule.relation] = Self.style(of: rule.relation, polarity: rule.polarity, isStance: rule.isStance)
        }
        self.kinds = kinds
        self.relations = relations
    }

    /// The style of `kind`, derived from its name when the schema does not know it.
    package func style(for kind: Kind) -> NodeStyle { kinds[kind] ?? Self.builtInKinds[kind] ?? Self.derived(kind) }

    /// The style of `relation`, derived from its name when the schema does not know it.
    package func style(for relation: Relation) -> EdgeStyle {
        relations[relation] ?? Self.style(of: relation, polarity: 0)
    }

    // MARK: - The palette

    static let builtInKinds: [Kind: NodeStyle] = [
        .country: NodeStyle(shape: "doubleoctagon", fillColor: "#ffe0b2"),
        .delegation: NodeStyle(shape: "hexagon", fillColor: "#ffccbc"),
        .official: NodeStyle(shape: "ellipse", fillColor: "#bbdefb"),
        .person: NodeStyle(shape: "ellipse", fillColor: "#fff9c4"),
        .agency: NodeStyle(shape: "box", fillColor: "#c8e6c9", style: "rounded,filled"),
        .organization: NodeStyle(shape: "box", fillColor: "#e1bee7"),
        .framework: NodeStyle(shape: "note", fillColor: "#f0f4c3"),
        .event: NodeStyle(shape: "cds", fillColor: "#b2ebf2"),
        .risk: NodeStyle(shape: "octagon", fillColor: "#ffcdd2"),
        .topic: NodeStyle(shape: "ellipse", fillColor: "#eeeeee"),
        .technology: NodeStyle(shape: "component", fillColor: "#cfd8dc"),
        .place: NodeStyle(shape: "house", fillColor: "#d7ccc8"),
    ]

    static let supportColor = "#2e7d32"
    static let opposeColor = "#c62828"
    static let neutralColor = "#757575"
    /// A neutral stance (such as `abstains`): a position, so neither grey nor a custom colour.
    static let neutralStanceColor = "#f9a825"

    static let builtInRelations: [Relation: EdgeStyle] = [
        .leads: EdgeStyle(color: "#37474f", style: "bold", penWidth: 2),
        .references: EdgeStyle(color: neutralColor, style: "dotted"),
        .memberOf: EdgeStyle(color: neutralColor, arrowhead: "empty"),
    ]

    /// Shapes and fills for kinds the palette does not name (none of them used by a built-in).
    static let derivedShapes = ["box", "ellipse", "hexagon", "parallelogram", "trapezium", "box3d", "tab", "egg"]
    static let derivedFills = ["#b3e5fc", "#dcedc8", "#f8bbd0", "#d1c4e9", "#ffecb3", "#b2dfdb", "#f5f5f5", "#ffe0e0"]

    static func derived(_ kind: Kind) -> NodeStyle {
        let hash = DOT.fnv1a64(kind.rawValue)
        let shape = derivedShapes[Int(hash % UInt64(derivedShapes.count))]
        let fill = derivedFills[Int((hash >> 16) % UInt64(derivedFills.count))]
        return NodeStyle(shape: shape, fillColor: fill)
    }

    /// Line colours for custom relations that are no stance: muted, and neither green nor red.
    static let derivedColors = ["#5d4037", "#455a64", "#6a1b9a", "#00838f", "#ef6c00", "#1565c0"]

    static func style(of relation: Relation, polarity: Int, isStance: Bool = false) -> EdgeStyle {
        if let style = builtInRelations[relation] { return style }
        if polarity > 0 { return EdgeStyle(color: supportColor, penWidth: 1.5) }
        if polarity < 0 { return EdgeStyle(color: opposeColor, style: "dashed", arrowhead: "tee", penWidth: 1.5) }
        if isStance { return EdgeStyle(color: neutralStanceColor, arrowhead: "odot", penWidth: 1.5) }
        if Schema.builtIn.contains(relation) { return EdgeStyle(color: neutralColor) }
        let hash = DOT.fnv1a64(relation.rawValue)
        return EdgeStyle(color: derivedColors[Int(hash % UInt64(derivedColors.count))])
    }
}
