/// Names of nodes in edits, resolved the way the reading commands resolve them
/// (``Graph/resolve(_:)``), but on the raw rows, so that an edit can mend a graph that does not load.
extension EditPlanner {
    /// The id `name` stands for: an exact id wins; else the one node whose id, `label` or
    /// `label_zh` matches it case-insensitively.
    ///
    /// - Throws: ``EditError`` `.unknownName` with close ids and labels, or `.ambiguousName`,
    ///   located at the argument (`FROM`, `TO`, `ID`).
    func resolve(_ name: NodeID, argument: String) throws(EditError) -> NodeID {
        if nodeRecord(name) != nil { return name }
        let wanted = name.rawValue.lowercased()
        let labelColumns = [Column.label, Column.labelZh].compactMap { nodes.column($0) }
        var matches: [NodeID] = []
        for row in nodes.rows {
            guard let id = row.fields.first else { continue }
            if id.lowercased() == wanted || labelColumns.contains(where: { $0 < row.fields.count && row.fields[$0].lowercased() == wanted }) {
                matches.append(NodeID(id))
            }
        }
        let at = SourceLocation(file: "argument \(argument)", line: 0)
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 { throw EditError(.ambiguousName(name.rawValue, argument: argument, candidates: matches.sorted()), at: at) }
        throw EditError(.unknownName(name.rawValue, argument: argument, suggestions: suggestions(for: name.rawValue)), at: at)
    }

    /// Like ``resolve(_:argument:)``, but a name that edges use as written is taken as it is (so
    /// that an edge at an id missing from nodes.csv can still be removed).
    func resolveListed(_ name: NodeID, argument: String) throws(EditError) -> NodeID {
        if edges.rows.contains(where: { $0.fields.count >= 3 && ($0.fields[0] == name.rawValue || $0.fields[2] == name.rawValue) }) {
            return name
        }
        return try resolve(name, argument: argument)
    }

    /// Ids whose id or label is close to `name`; at most five, sorted.
    private func suggestions(for name: String) -> [NodeID] {
        let labelColumns = [Column.label, Column.labelZh].compactMap { nodes.column($0) }
        var owners: [String: [String]] = [:]
        for row in nodes.rows {
            guard let id = row.fields.first else { continue }
            owners[id, default: []].append(id)
            for c in labelColumns where c < row.fields.count && !row.fields[c].isEmpty { owners[row.fields[c], default: []].append(id) }
        }
        var found: Set<String> = []
        for close in Suggestions.closest(to: name, among: owners.keys, limit: 5) { found.formUnion(owners[close] ?? []) }
        return found.sorted().prefix(5).map { NodeID($0) }
    }
}
