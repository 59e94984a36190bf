extension Graph {
    /// The node a user means by `reference`: an exact id wins; otherwise the one node whose id,
    /// `label` or `label_zh` matches it case-insensitively.
    ///
    /// - Throws: ``QueryError`` `.ambiguousNode` listing the candidates, or `.unknownNode` with the
    ///   closest ids and labels.
    /// - Complexity: O(1) for an id, O(n) for a label.
    public func resolve(_ reference: String) throws(QueryError) -> NodeID {
        if let i = index[NodeID(reference)] { return id(at: i) }
        let wanted = reference.lowercased()
        var matches: [Int32] = []
        for i in 0..<Int32(nodeCount) {
            if id(at: i).rawValue.lowercased() == wanted || label(at: i).lowercased() == wanted || chineseLabel(at: i)?.lowercased() == wanted {
                matches.append(i)
            }
        }
        if matches.count == 1 { return id(at: matches[0]) }
        if matches.count > 1 {
            throw QueryError(.ambiguousNode(reference, candidates: matches.map { id(at: $0) }.sorted()))
        }
        throw QueryError(.unknownNode(reference, suggestions: suggestions(for: reference)))
    }

    /// Ids that match `reference` by the search ranking (exact after folding case and width,
    /// prefix, substring: `US` offers `us` first), then ids whose id or label is close to it;
    /// at most five. Names equal after folding are offered alone.
    package func suggestions(for reference: String) -> [NodeID] {
        let ranked = nameMatches(for: reference, limit: 5)
        if ranked.areExact { return ranked.ids }
        let close = closeNames(for: reference).filter { !ranked.ids.contains($0) }
        return Array((ranked.ids + close).prefix(5))
    }

    /// Ids whose id or label is close to `reference`, or that contain it; at most five, sorted.
    private func closeNames(for reference: String) -> [NodeID] {
        let wanted = reference.lowercased()
        var found: Set<Int32> = []
        var names: [String: [Int32]] = [:]
        for i in 0..<Int32(nodeCount) {
            let candidates = [id(at: i).rawValue, label(at: i), chineseLabel(at: i) ?? ""].filter { !$0.isEmpty }
            for name in candidates {
                names[name, default: []].append(i)
                if wanted.count >= 2, name.lowercased().contains(wanted) { found.insert(i) }
            }
            if found.count > 50 { break }
        }
        for name in Suggestions.closest(to: reference, among: names.keys, limit: 5) {
            for i in names[name] ?? [] { found.insert(i) }
        }
        return found.map { id(at: $0) }.sorted().prefix(5).map { $0 }
    }

    /// `kind` if the schema declares it, else an error with close names.
    public func checkedKind(_ name: String) throws(QueryError) -> Kind {
        let kind = Kind(name)
        guard schema.contains(kind) else {
            throw QueryError(.unknownKind(name, suggestions: Suggestions.closest(to: name, among: schema.kinds.map(\.kind.rawValue))))
        }
        return kind
    }

    /// `relation` if the schema declares it, else an error with close names.
    public func checkedRelation(_ name: String) throws(QueryError) -> Relation {
        let relation = Relation(name)
        guard schema.contains(relation) else {
            throw QueryError(.unknownRelation(name, suggestions: Suggestions.closest(to: name, among: schema.relations.map(\.relation.rawValue))))
        }
        return relation
    }
}
