/// Which edges count towards a node's rank.
public enum DegreeMeasure: String, Sendable, CaseIterable {
    /// Edges at the node either way (a self-loop counts twice).
    case degree
    /// Edges arriving at the node.
    case indegree
    /// Edges leaving the node.
    case outdegree
}

/// A node's place in a degree ranking, with all three of its counts.
public struct DegreeEntry: Hashable, Sendable {
    /// 1-based; nodes with equal counts share a rank ("1, 2, 2, 4").
    public let rank: Int
    public let node: NodeID
    public let kind: Kind
    public let label: String
    public let indegree: Int
    public let outdegree: Int

    public init(rank: Int, node: NodeID, kind: Kind, label: String, indegree: Int, outdegree: Int) {
        self.rank = rank
        self.node = node
        self.kind = kind
        self.label = label
        self.indegree = indegree
        self.outdegree = outdegree
    }

    /// In- plus out-degree.
    public var degree: Int { indegree + outdegree }

    /// The count `measure` names.
    public func value(of measure: DegreeMeasure) -> Int {
        switch measure {
        case .degree: return degree
        case .indegree: return indegree
        case .outdegree: return outdegree
        }
    }
}

extension Graph {
    /// The nodes (of `kinds`, all when empty) ranked by how many edges (of `relations`, all when
    /// empty; parallel edges each count) they have by `measure`: highest first, ties by id.
    /// Nodes without such edges are ranked too, last.
    ///
    /// - Throws: ``QueryError`` for a kind or relation the schema does not declare.
    /// - Complexity: O(n + m) to count, O(n log n) to sort.
    public func degreeRanking(by measure: DegreeMeasure = .degree, relations: Set<Relation> = [],
                              kinds: Set<Kind> = []) throws(QueryError) -> [DegreeEntry] {
        try check(TraversalFilter(relations: relations, kinds: kinds))
        let mask = relationMask(relations)
        var indegree = [Int](repeating: 0, count: nodeCount)
        var outdegree = [Int](repeating: 0, count: nodeCount)
        if let mask {
            for e in 0..<edgeCount where mask[Int(edgeTable.relations[e])] {
                outdegree[Int(edgeTable.from[e])] += 1
                indegree[Int(edgeTable.to[e])] += 1
            }
        } else {
            for i in 0..<nodeCount {
                outdegree[i] = outgoing.range(i).count
                indegree[i] = incoming.range(i).count
            }
        }
        let kindMask = kinds.isEmpty ? nil : schema.kinds.map { kinds.contains($0.kind) }
        var entries: [DegreeEntry] = []
        for i in 0..<Int32(nodeCount) where kindMask?[Int(nodeTable.kinds[Int(i)])] ?? true {
            entries.append(DegreeEntry(rank: 0, node: id(at: i), kind: kind(at: i), label: label(at: i),
                                       indegree: indegree[Int(i)], outdegree: outdegree[Int(i)]))
        }
        entries.sort { a, b in
            let x = a.value(of: measure), y = b.value(of: measure)
            return x != y ? x > y : a.node < b.node
        }
        var ranked: [DegreeEntry] = []
        ranked.reserveCapacity(entries.count)
        for (position, e) in entries.enumerated() {
            let tied = ranked.last.map { $0.value(of: measure) == e.value(of: measure) } ?? false
            let rank = tied ? ranked[ranked.count - 1].rank : position + 1
            ranked.append(DegreeEntry(rank: rank, node: e.node, kind: e.kind, label: e.label, indegree: e.indegree, outdegree: e.outdegree))
        }
        return ranked
    }
}
