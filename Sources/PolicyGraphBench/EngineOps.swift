import PolicyGraph

// The ops that go through the library's engines: shortest paths, the pattern query engine and
// the overlap engine, each called through the public API exactly as a user's program would.
// The independent reference answers are in the tests' Support/BenchReference.swift.

/// One start–target pair of the `path` op.
struct PathPair: Equatable {
    let source: NodeID
    let target: NodeID
}

/// The best pair of the `overlap` op and its counts.
struct OverlapBest {
    let a: NodeID
    let b: NodeID
    let agree: Int
    let union: Int
}

enum EngineOps {
    static let pathSeed: UInt64 = 20_240_601
    static let pathPairCount = 100

    /// The pairs of the `path` op: SplitMix64(20240601) over the file order of nodes.csv,
    /// `s = ids[next() % N]` then `t = frameworks[next() % F]`, a pair with s == t skipped and
    /// drawn again until there are `count`. Empty when there is no framework.
    static func pathPairs(ids: [NodeID], frameworks: [NodeID], count: Int = pathPairCount) -> [PathPair] {
        guard !ids.isEmpty, !frameworks.isEmpty else { return [] }
        // A graph whose only node is its only framework has no pair: stop instead of looping.
        if ids.count == 1, frameworks.count == 1, ids[0] == frameworks[0] { return [] }
        var rng = SplitMix64(seed: pathSeed)
        var pairs: [PathPair] = []
        while pairs.count < count {
            let s = ids[rng.next(below: ids.count)]
            let t = frameworks[rng.next(below: frameworks.count)]
            if s != t { pairs.append(PathPair(source: s, target: t)) }
        }
        return pairs
    }

    /// `path` → `{"pairs": 100, "connected": C, "sum_len": L}`.
    static func pathResult(pairs: Int, connected: Int, sumLength: Int) -> JSONValue {
        .object(["pairs": .int(pairs), "connected": .int(connected), "sum_len": .int(sumLength)])
    }

    /// `path`: a shortest directed unweighted path per pair.
    static func path(_ graph: Graph, pairs: [PathPair]) throws(QueryError) -> JSONValue? {
        var connected = 0
        var sumLength = 0
        for pair in pairs {
            if let path = try graph.shortestPath(from: pair.source, to: pair.target, filter: PathFilter()) {
                connected += 1
                sumLength += path.edges.count
            }
        }
        return pathResult(pairs: pairs.count, connected: connected, sumLength: sumLength)
    }

    /// `pattern` → an integer: the count of
    /// `MATCH (a:country)-[:supports]->(f:framework)<-[:opposes]-(b:country) WHERE a <> b RETURN count(*)`.
    static let patternQuery =
        "MATCH (a:country)-[:supports]->(f:framework)<-[:opposes]-(b:country) WHERE a <> b RETURN count(*)"

    static func pattern(_ graph: Graph) throws(QueryError) -> JSONValue? {
        try count(graph, patternQuery)
    }

    /// `pattern_heavy` → an integer: the count of
    /// `(o:official)-[:supports]->(f:framework)<-[:opposes]-(c:country)`.
    static let patternHeavyQuery =
        "MATCH (o:official)-[:supports]->(f:framework)<-[:opposes]-(c:country) RETURN count(*)"

    static func patternHeavy(_ graph: Graph) throws(QueryError) -> JSONValue? {
        try count(graph, patternHeavyQuery)
    }

    /// `chain`: matches of `(o:official)-[:memberOf]->(a:agency)-[:memberOf]->(c:country)` →
    /// `{"total": T, "countries": countries with a match, "first": {"id": first country of
    /// nodes.csv, "count": its matches}}`.
    static let chainQuery =
        "MATCH (o:official)-[:memberOf]->(a:agency)-[:memberOf]->(c:country) RETURN c, count(*)"

    static func chainResult(total: Int, countries: Int, firstCountry: NodeID, firstCount: Int) -> JSONValue {
        .object([
            "total": .int(total), "countries": .int(countries),
            "first": .object(["id": .string(firstCountry.rawValue), "count": .int(firstCount)]),
        ])
    }

    static func chain(_ graph: Graph) throws(QueryError) -> JSONValue? {
        let result = try graph.query(chainQuery)
        guard let first = graph.nodeIDs(of: .country).first else { return nil }
        // One row per country (the query groups by it), so no map is needed to add them up.
        var total = 0, countries = 0, firstCount = 0
        for row in result.rows {
            guard row.count == 2, case .node(let country) = row[0], case .int(let n) = row[1] else { continue }
            total += n
            countries += n > 0 ? 1 : 0
            if country == first { firstCount += n }
        }
        return chainResult(total: total, countries: countries, firstCountry: first, firstCount: firstCount)
    }

    /// `overlap`: every unordered pair of countries over their direct stance edges →
    /// `{"agree": sum, "conflict": sum, "best": {"a", "b", "agree", "union", "jaccard"}}`; best is
    /// the highest agree / union, compared as `agree1 * union2 > agree2 * union1` scanning pairs
    /// a < b in id order (ties keep the first; pairs with no stance at all are skipped),
    /// jaccard rounded to 6 places.
    static func overlapResult(agree: Int, conflict: Int, best: OverlapBest?) -> JSONValue {
        var bestValue = JSONValue.null
        if let best {
            let jaccard = best.union == 0 ? 0 : Double(best.agree) / Double(best.union)
            bestValue = .object([
                "a": .string(best.a.rawValue), "b": .string(best.b.rawValue),
                "agree": .int(best.agree), "union": .int(best.union),
                "jaccard": .number(BenchReport.format(jaccard, places: 6)),
            ])
        }
        return .object(["agree": .int(agree), "conflict": .int(conflict), "best": bestValue])
    }

    static func overlap(_ graph: Graph) throws(QueryError) -> JSONValue? {
        let pairs = try graph.pairwiseAgreement(kind: .country)
        let best = pairs.best.map { OverlapBest(a: $0.first, b: $0.second, agree: $0.agree, union: $0.union) }
        return overlapResult(agree: pairs.agree, conflict: pairs.conflict, best: best)
    }

    /// The single `count(*)` of a pattern query, as an integer.
    private static func count(_ graph: Graph, _ query: String) throws(QueryError) -> JSONValue? {
        let result = try graph.query(query)
        guard result.rows.count == 1, result.rows[0].count == 1, case .int(let n) = result.rows[0][0] else { return nil }
        return .int(n)
    }
}
