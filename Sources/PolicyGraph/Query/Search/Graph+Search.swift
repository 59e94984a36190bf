/// One node found by ``Graph/search(_:kind:)``: which field matched and its text.
public struct SearchMatch: Sendable, Hashable {
    public let id: NodeID
    public let kind: Kind
    public let label: String
    /// The column that matched: `id`, `label`, `label_zh`, `description`, `cite`, or `edgeCite`
    /// for the cite of an edge at the node.
    public let field: String
    /// That column's text.
    public let text: String
    /// How good the match is: 0 exact id, 1 exact label, 2 prefix, 3 substring of an id or label,
    /// 4 in the description, 5 in the cite, 6 in the cite of an edge at the node. Lower is better.
    public let rank: Int

    /// A match as given.
    public init(id: NodeID, kind: Kind, label: String, field: String, text: String, rank: Int) {
        self.id = id
        self.kind = kind
        self.label = label
        self.field = field
        self.text = text
        self.rank = rank
    }
}

extension Graph {
    /// The nodes whose id, labels (both languages), description or cite contain `text`, or that
    /// an edge whose cite contains it starts or ends at, compared after `TextMatch.fold(_:)`
    /// (case, width and id separators do not matter; CJK by substring); each node once, at its
    /// best match, best first: exact id, exact label, prefix of an id or label, substring of one,
    /// then the description, the node's cite, and last an edge's cite (the first such edge in
    /// file order, as `from relation to: cite`); ties by field, then id.
    ///
    /// - Throws: ``QueryError`` for an unknown kind.
    /// - Complexity: O(total length of the searched columns).
    public func search(_ text: String, kind: Kind? = nil) throws(QueryError) -> [SearchMatch] {
        let kindIndex: Int? = try kind.map { k throws(QueryError) in schema.kindIndex[try checkedKind(k.rawValue)] } ?? nil
        let query = TextMatch.fold(text)
        guard !query.isEmpty else { return [] }
        let fields = searchFields()
        var found: [SearchMatch] = []
        for i in 0..<Int32(nodeCount) {
            if let kindIndex, Int(nodeTable.kinds[Int(i)]) != kindIndex { continue }
            if let match = bestMatch(row: i, query: query, fields: fields) { found.append(match) }
        }
        found += edgeCiteMatches(query: query, kindIndex: kindIndex, skipping: Set(found.map(\.id)))
        return found.sorted {
            if $0.rank != $1.rank { return $0.rank < $1.rank }
            let a = Self.searchFieldOrder.firstIndex(of: $0.field) ?? 0
            let b = Self.searchFieldOrder.firstIndex(of: $1.field) ?? 0
            return a != b ? a < b : $0.id < $1.id
        }
    }

    /// The fields in the order that breaks ties.
    static let searchFieldOrder = [Column.id, Column.label, Column.labelZh, "description", "cite", "edgeCite"]

    /// Rank 6: the ends of edges whose cite contains the query, for nodes not matched otherwise;
    /// each node once, by the first such edge in file order.
    private func edgeCiteMatches(query: String, kindIndex: Int?, skipping matched: Set<NodeID>) -> [SearchMatch] {
        guard let c = edgeTable.columns.firstIndex(where: { $0.name == "cite" }) else { return [] }
        let column = edgeTable.columns[c]
        var seen = Set<Int32>()
        var found: [SearchMatch] = []
        for e in 0..<edgeTable.from.count {
            guard let cite = column.value(at: e), TextMatch.match(TextMatch.fold(cite), query: query) != nil else { continue }
            let from = edgeTable.from[e]
            let to = edgeTable.to[e]
            let relation = schema.relations[Int(edgeTable.relations[e])].relation
            for row in [from, to] where seen.insert(row).inserted && !matched.contains(id(at: row)) {
                if let kindIndex, Int(nodeTable.kinds[Int(row)]) != kindIndex { continue }
                found.append(
                    SearchMatch(
                        id: id(at: row), kind: kind(at: row), label: label(at: row), field: "edgeCite",
                        text: "\(id(at: from)) \(relation) \(id(at: to)): \(cite)", rank: 6))
            }
        }
        return found
    }

    /// (column name, node column index) of the searched attribute columns the graph has.
    private func searchFields() -> [SearchField] {
        Self.searchFieldOrder.dropFirst().compactMap { name in
            nodeTable.columns.firstIndex { $0.name == name }.map { SearchField(name: name, column: $0) }
        }
    }

    /// The best match of one node row, `nil` when nothing matches.
    private func bestMatch(row i: Int32, query: String, fields: [SearchField]) -> SearchMatch? {
        var best: (rank: Int, field: String, text: String)?
        func consider(_ field: String, _ text: String) {
            guard let kind = TextMatch.match(TextMatch.fold(text), query: query) else { return }
            let rank: Int
            switch field {
            case Column.id: rank = kind == .exact ? 0 : kind == .prefix ? 2 : 3
            case Column.label, Column.labelZh: rank = kind == .exact ? 1 : kind == .prefix ? 2 : 3
            case "description": rank = 4
            default: rank = 5
            }
            if best.map({ rank < $0.rank }) ?? true { best = (rank, field, text) }
        }
        consider(Column.id, id(at: i).rawValue)
        for field in fields {
            guard let text = nodeTable.columns[field.column].value(at: Int(i)), !text.isEmpty else { continue }
            consider(field.name, text)
        }
        return best.map {
            SearchMatch(id: id(at: i), kind: kind(at: i), label: label(at: i), field: $0.field, text: $0.text, rank: $0.rank)
        }
    }

    /// Ids whose id or label (either language) matches `reference` by the search ranking (exact,
    /// prefix, substring, after folding), best first: the head of every "did you mean" list.
    /// When some are equal after folding, only those.
    func nameMatches(for reference: String, limit: Int) -> NameMatches {
        let query = TextMatch.fold(reference)
        guard !query.isEmpty else { return NameMatches(ids: [], areExact: false) }
        let fields = searchFields().filter { $0.name == Column.label || $0.name == Column.labelZh }
        var found: [SearchMatch] = []
        for i in 0..<Int32(nodeCount) {
            if let match = bestMatch(row: i, query: query, fields: fields), match.rank != 3 || query.count >= 2 {
                found.append(match)
            }
        }
        found.sort { $0.rank != $1.rank ? $0.rank < $1.rank : $0.id < $1.id }
        // A name equal after folding (`US` for `us`, `wang_yi` for `wang-yi`) is surely meant:
        // offer it alone rather than next to every label that mentions it.
        let exact = found.filter { $0.rank <= 1 }
        return NameMatches(ids: (exact.isEmpty ? found : exact).prefix(limit).map(\.id), areExact: !exact.isEmpty)
    }
}

/// The ids ``Graph/nameMatches(for:limit:)`` offers, and whether they are equal to the
/// reference after folding (then nothing else is worth offering).
struct NameMatches {
    let ids: [NodeID]
    let areExact: Bool
}

/// A searched node column.
private struct SearchField {
    let name: String
    let column: Int
}
