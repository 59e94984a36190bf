/// How directly a source attests a stance: the `evidence` column of an edge.
public enum Evidence: String, CaseIterable, Hashable, Sendable, Comparable {
    /// The holder said it, in the source or in a statement the source quotes.
    case stated
    /// A third party (a news agency, an analyst) reports the holder's stance.
    case reported
    /// The source's authors read it into what the holder did or said.
    case inferred

    /// The evidence of an edge whose `evidence` cell is empty: the edge's own holder asserting
    /// it, which is what a graph without the column means by a stance.
    public static let unstated: Evidence = .stated

    /// In the order stated, reported, inferred: from most to least direct.
    public static func < (a: Evidence, b: Evidence) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }
}

extension Column {
    /// The edge column naming the source (a row of `sources.csv`) a fact is read from.
    public static let source = "source"
    /// The edge column naming who asserts a stance (empty: the holder itself).
    public static let by = "by"
    /// The edge column saying how the stance is attested (``Evidence``).
    public static let evidence = "evidence"
    /// The `by` value for the source's own authors.
    public static let authorsValue = "authors"
}
