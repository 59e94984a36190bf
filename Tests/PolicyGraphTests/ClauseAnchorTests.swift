import Testing
@testable import PolicyGraph

/// Where the clause pipeline starts a path (at its bound or named end, whichever way it is
/// written), and the pattern engine answering a `MATCH ... WITH` beginning: the answers must be
/// those of the pipeline run as written, only the work smaller.
///
///     o0 … o39 (officials) ──leads──▶ a1 (even) or a2 (odd) ──memberOf──▶ c1
struct ClauseAnchorTests {
    static let graph: Graph? = {
        var nodes = "id,kind,label\na1,agency,Agency 1\na2,agency,Agency 2\nc1,country,Country 1\n"
        var edges = "from,relation,to\na1,memberOf,c1\na2,memberOf,c1\n"
        for i in 0..<40 {
            nodes += "o\(i),official,Official \(i)\n"
            edges += "o\(i),leads,a\(i % 2 + 1)\n"
        }
        return try? loadGraph(nodes: nodes, edges: edges)
    }()

    func rows(_ query: String, _ options: PatternOptions = PatternOptions(), limits: QueryLimits = .default) throws -> [[String]] {
        try #require(Self.graph).query(query, options: options, limits: limits).cells
    }

    @Test func optionalMatchWalksFromTheBoundEndWhicheverWayItIsWritten() throws {
        let backward = "MATCH (a:agency {id: 'a1'}) OPTIONAL MATCH (o:official)-[:leads]->(a) RETURN a.id, o.id ORDER BY o.id"
        let forward = "MATCH (a:agency {id: 'a1'}) OPTIONAL MATCH (a)<-[:leads]-(o:official) RETURN a.id, o.id ORDER BY o.id"
        let expected = (0..<20).map { ["a1", "o\($0 * 2)"] }.sorted { $0[1] < $1[1] }
        #expect(try rows(backward) == expected)
        #expect(try rows(forward) == expected)
        // From a1: its node and its 20 leads edges. From every official it would be 40 nodes
        // and their 40 edges, past this budget.
        let tight = QueryLimits(maxSteps: 50)
        #expect(try rows(backward, limits: tight) == expected)
        #expect(throws: QueryError(.workLimit(steps: 50))) {
            try rows("MATCH (a:agency {id: 'a1'}) OPTIONAL MATCH (o:official)-[:leads]->(b) WHERE b = a RETURN a.id, o.id", limits: tight)
        }
    }

    @Test func aPathWalkedBackwardsIsBoundInTheWrittenOrder() throws {
        // o is one of two ids, a is bound: the walk starts at a and turns the path back.
        let query = "MATCH (a:agency {id: 'a1'}) MATCH p = (o:official)-[:leads]->(a) WHERE o.id IN ['o0', 'o2'] RETURN [n IN nodes(p) | n.id], length(p) ORDER BY o.id"
        #expect(try rows(query) == [[#"["o0", "a1"]"#, "1"], [#"["o2", "a1"]"#, "1"]])
        let lists = "MATCH (c:country {id: 'c1'}) OPTIONAL MATCH (o:official)-[r:leads|memberOf*2]->(c) RETURN o.id, [x IN r | type(x)] ORDER BY o.id LIMIT 1"
        #expect(try rows(lists) == [["o0", #"["leads", "memberOf"]"#]])
    }

    @Test func theWhereIdsNarrowTheStartAndNothingElse() throws {
        let query = "MATCH (o:official) WHERE o.id IN ['o3', 'o1', 'nobody', 'o3'] AND o.label STARTS WITH 'Official' WITH o RETURN o.id"
        #expect(try rows(query) == [["o1"], ["o3"]])
        // The pipeline's own search: two officials tried, not forty.
        #expect(try rows(query, PatternOptions(pipeline: true), limits: QueryLimits(maxSteps: 5)) == [["o1"], ["o3"]])
        // A number in the list cannot name an id: the kind is scanned and the WHERE decides.
        #expect(try rows("MATCH (o:official) WHERE o.id IN ['o1', 1] WITH o RETURN o.id") == [["o1"]])
        #expect(try rows("MATCH (o:official) WHERE o.id = 'o7' OR o.id = 'o8' WITH o RETURN o.id") == [["o7"], ["o8"]])
    }

    @Test func aKindNamedTwiceStartsItsNodesOnce() throws {
        for query in ["MATCH (a:agency|agency) RETURN a.id", "MATCH (a:agency|agency|country) WITH a RETURN a.id"] {
            #expect(try rows(query, PatternOptions(pipeline: true)) == rows(query), "\(query)")
        }
        #expect(try rows("MATCH (a:agency|agency) RETURN a.id", PatternOptions(pipeline: true)) == [["a1"], ["a2"]])
    }

    @Test func aMatchWithBeginningGivesThePipelinesRows() throws {
        let queries = [
            "MATCH (o:official)-[:leads]->(a:agency) WITH a, count(*) AS n WHERE n >= 20 RETURN a.id, n",
            "MATCH (o:official)-[:leads]->(a:agency) WITH a, count(*) AS n ORDER BY n DESC, a.id LIMIT 1 RETURN a.id, n",
            "MATCH (o:official)-[:leads]->(a:agency)-[:memberOf]->(c) WITH DISTINCT c RETURN c.id",
            "MATCH (o:official)-[:leads]->(a:agency) WITH a.id AS agency, collect(o.id) AS people WHERE size(people) > 0 UNWIND people AS p RETURN agency, count(p)",
        ]
        for query in queries {
            #expect(try rows(query) == rows(query, PatternOptions(pipeline: true)), "\(query)")
        }
        #expect(try rows(queries[0]) == [["a1", "20"], ["a2", "20"]])
    }

    /// Found by a second reading: the shortcuts must not change which queries fail.
    @Test func theShortcutsNeitherAddNorHideErrors() throws {
        // A WHERE value that fails is not evaluated ahead of the matches that never reach it.
        #expect(try rows("UNWIND [1] AS x MATCH (a:official) WHERE false AND a.id = 'z' + (1 / 0) RETURN a.id") == [])
        // An unknown property is reported whichever end the search starts from, with or
        // without candidates there.
        for query in ["MATCH (a:agency {id: 'a1'}) OPTIONAL MATCH (o:official {bogus: 1})-[:leads]->(a) RETURN o.id",
                      "UNWIND [1] AS x MATCH (a:agency)-[:leads]->(b {bogus: 1}) WHERE a.id = 'a1' RETURN a.id"] {
            #expect(throws: QueryError.self, "\(query)") { try rows(query) }
        }
        // What the pattern engine's binder refuses in a MATCH ... WITH beginning, the pipeline runs.
        let ordered = "MATCH (a:agency)<-[:leads]-(o:official) WITH DISTINCT a ORDER BY o.id LIMIT 1 RETURN a.id"
        #expect(try rows(ordered) == rows(ordered, PatternOptions(pipeline: true)))
        #expect(try rows(ordered) == [["a1"]])
    }

    /// Random MATCH patterns (1–3 hops, both directions, variable lengths, WHERE) followed by a
    /// WITH that groups and filters: the pattern engine's beginning against the pipeline alone.
    @Test func randomMatchWithBeginningsAgreeWithThePipeline() throws {
        var random = PatternRandom(seed: 20_240_515)
        for _ in 0..<150 {
            let graph = try RandomPatterns.graph(&random)
            var query = RandomPatterns.query(&random, graph: graph, returning: true)
            guard let first = query.returned?.first else { continue }
            query.returned = nil
            let match = query.text.components(separatedBy: " RETURN ")[0]
            let v = query.nodes[first].name
            for tail in ["WITH \(v), count(*) AS n WHERE n >= 2 RETURN \(v).id, n",
                         "WITH \(v), count(*) AS n ORDER BY n DESC, \(v).id LIMIT 2 RETURN \(v).id, n",
                         "WITH DISTINCT \(v) RETURN count(*)"] {
                let text = match + " " + tail
                let engine = try graph.query(text).cells
                let pipeline = try graph.query(text, options: PatternOptions(pipeline: true)).cells
                #expect(engine == pipeline, "\(text)\n\(PatternPropertyTests.dump(graph))")
            }
        }
    }
}
