/// `setEdge`: cells of one edge's row changed in place.
extension EditPlanner {
    /// The change that sets `values` on the edge `from relation to` (the `nth` of parallel ones):
    /// its line stays where it is, and only the changed fields' bytes change (and, for a new
    /// column, the header and an empty cell on every other row).
    func setEdge(from: NodeID, relation: Relation, to: NodeID, nth: Int?, values: [ColumnValue]) throws -> Change {
        let from = try resolveListed(from, argument: "FROM")
        let to = try resolveListed(to, argument: "TO")
        for v in values where v.column.isEmpty {
            throw EditError(.emptyColumnName, at: SourceLocation(file: "argument '=\(v.value)'", line: 0))
        }
        let matching = edgeRecords { $0.from == from.rawValue && $0.relation == relation.rawValue && $0.to == to.rawValue }
        guard !matching.isEmpty else {
            throw EditError(.noSuchEdge(from: from, relation: relation, to: to, between: edges(between: from, and: to)),
                            at: SourceLocation(file: edgesFile, line: 0))
        }
        let record: RawCSV.Record
        if let nth {
            guard nth >= 1, nth <= matching.count else {
                throw EditError(.noNthEdge(from: from, relation: relation, to: to, nth: nth, count: matching.count),
                                at: SourceLocation(file: edgesFile, line: matching[0].line))
            }
            record = matching[nth - 1]
        } else {
            guard matching.count == 1 else {
                throw EditError(.whichEdge(from: from, relation: relation, to: to, lines: matching.map(\.line)),
                                at: SourceLocation(file: edgesFile, line: matching[0].line))
            }
            record = matching[0]
        }
        let change = setCells(of: record, in: edges, name: "\(from) \(relation) \(to)", values: values)
        return Change(edges: change.bytes, lines: change.lines)
    }
}
