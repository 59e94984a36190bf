/// The dated edges of a graph in date order: stances and the facts about events, each with its
/// citation (on the edge).
public struct Timeline: Sendable, Hashable {
    /// One dated edge.
    public struct Entry: Sendable, Hashable {
        /// The edge's `date` as written; empty for an undated edge.
        public let date: String
        /// The dated edge, its cite among its attributes.
        public let edge: Edge
        /// Whether the edge is a stance (its relation is a stance, neutral ones included).
        public let isStance: Bool
    }

    /// The node the timeline is about; `nil` for the whole graph.
    public let node: NodeID?
    /// Dated edges by day (a year or month counts as its first day), ties in file order.
    public let entries: [Entry]
    /// How many edges in scope carry no date (listed only with ``TimelineOptions/includeUndated``).
    public let undated: Int
    /// The undated edges in scope, in file order, each with an empty ``Entry/date``, when
    /// ``TimelineOptions/includeUndated`` asks for them; empty otherwise.
    public internal(set) var undatedEntries: [Entry] = []
}

extension Graph {
    /// Every dated edge touching `node` (from or to it), or of the whole graph when `node` is
    /// `nil`, in date order; `options` narrows the edges in scope.
    ///
    /// - Throws: ``QueryError`` for an unknown node.
    /// - Complexity: O(m log m).
    public func timeline(of node: NodeID? = nil, options: TimelineOptions = TimelineOptions()) throws(QueryError) -> Timeline {
        var rows: [Int32]
        if let node {
            let row = try actorRow(node)
            rows = Array(Set(Array(outgoing.members(Int(row))) + Array(incoming.members(Int(row)))))
        } else {
            rows = Array(0..<Int32(edgeCount))
        }
        rows.sort()
        let evidence = options.evidence == Set(Evidence.allCases) ? [] : options.evidence
        var dated: [(day: Int, row: Int32, entry: Timeline.Entry)] = []
        var undated = 0
        var undatedEntries: [Timeline.Entry] = []
        for e in rows {
            if !evidence.isEmpty, let kind = self.evidence(ofEdge: e), !evidence.contains(kind) { continue }
            let relation = schema.relations[Int(edgeTable.relations[Int(e)])].relation
            if options.stancesOnly, !schema.isStance(relation) { continue }
            if !options.relations.isEmpty, !options.relations.contains(relation) { continue }
            let edge = edge(at: e)
            guard let date = edge.date, let day = DayNumber.parse(date) else {
                undated += 1
                if options.includeUndated { undatedEntries.append(Timeline.Entry(date: "", edge: edge, isStance: schema.isStance(edge.relation))) }
                continue
            }
            dated.append((day, e, Timeline.Entry(date: date, edge: edge, isStance: schema.isStance(edge.relation))))
        }
        dated.sort { $0.day != $1.day ? $0.day < $1.day : $0.row < $1.row }
        var timeline = Timeline(node: node, entries: dated.map(\.entry), undated: undated)
        timeline.undatedEntries = undatedEntries
        return timeline
    }
}
