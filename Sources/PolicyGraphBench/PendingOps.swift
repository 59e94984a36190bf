import PolicyGraph

// The ops that go through engines other helpers are writing (shortest paths, the pattern
// query engine, overlap). Each is its own function returning `nil` — printed as
// `"result": null` — until the lead wires it after the merge. The inputs (the path pairs) and
// the result shapes are final; the independent reference answers are in the tests'
// Support/BenchReference.swift.

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

enum PendingOps {
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
    static func path(_ graph: Graph, pairs: [PathPair]) -> JSONValue? {
        // wired by the lead after merge: for each pair,
        //   graph.shortestPath(from: pair.source, to: pair.target, filter: <out-edges, any relation>)
        // counts as connected when it returns a GraphPath, adding path.edges.count to sumLength;
        // then return pathResult(pairs: pairs.count, connected: connected, sumLength: sumLength).
        nil
    }

    /// `pattern` → an integer: the count of
    /// `MATCH (a:country)-[:supports]->(f:framework)<-[:opposes]-(b:country) WHERE a <> b RETURN count(*)`.
    static let patternQuery =
        "MATCH (a:country)-[:supports]->(f:framework)<-[:opposes]-(b:country) WHERE a <> b RETURN count(*)"

    static func pattern(_ graph: Graph) -> JSONValue? {
        // wired by the lead after merge: .int(graph.query(patternQuery).rows[0][0] as an Int)
        nil
    }

    /// `pattern_heavy` → an integer: the count of
    /// `(o:official)-[:supports]->(f:framework)<-[:opposes]-(c:country)`.
    static let patternHeavyQuery =
        "MATCH (o:official)-[:supports]->(f:framework)<-[:opposes]-(c:country) RETURN count(*)"

    static func patternHeavy(_ graph: Graph) -> JSONValue? {
        // wired by the lead after merge: .int(graph.query(patternHeavyQuery).rows[0][0] as an Int)
        nil
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

    static func chain(_ graph: Graph) -> JSONValue? {
        // wired by the lead after merge: run chainQuery (count per country), then
        // chainResult(total: sum of counts, countries: rows with count > 0,
        //             firstCountry: graph.nodeIDs(of: .country)[0], firstCount: its count or 0).
        nil
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

    static func overlap(_ graph: Graph) -> JSONValue? {
        // wired by the lead after merge: the overlap engine over graph.nodeIDs(of: .country)
        // sorted by id, pairs a < b, summing agree and conflict and keeping the best pair;
        // then overlapResult(agree:conflict:best:).
        nil
    }
}
