import Testing
@testable import PolicyGraph

/// `MATCH ... OPTIONAL MATCH ... RETURN keys, count(x)` planned as a left join of two
/// pattern-engine answers (the groups, and the counts of the groups that have matches): the
/// answers must be the pipeline's, zero included, and a query outside the shape must not take it.
///
///     c1 ──supports──▶ f1, f2 (f2 unlabelled)     c1 ──opposes──▶ f3
///     c2 ──supports──▶ f1                          c3 (nothing)
///     c1, c2, c3 ──memberOf──▶ u1;  c1 ──memberOf──▶ u2      o1 (official) ──supports──▶ f1
struct OptionalCountJoinTests {
    static let graph: Graph? = try? loadGraph(
        nodes: """
        id,kind,label
        c1,country,Country 1
        c2,country,Country 2
        c3,country,Country 3
        f1,framework,Framework 1
        f2,framework,
        f3,framework,Framework 3
        u1,organization,Union 1
        u2,organization,Union 2
        o1,official,Official 1

        """,
        edges: """
        from,relation,to
        c1,supports,f1
        c1,supports,f2
        c2,supports,f1
        c1,opposes,f3
        c1,memberOf,u1
        c2,memberOf,u1
        c3,memberOf,u1
        c1,memberOf,u2
        o1,supports,f1

        """)

    func rows(_ query: String, pipeline: Bool = false) throws -> [[String]] {
        try #require(Self.graph).query(query, options: PatternOptions(pipeline: pipeline)).cells
    }

    func engine(_ query: String) throws -> QueryPlan.Engine {
        try #require(Self.graph).explainQuery(query).engine
    }

    @Test func everyCountryWithItsCountZeroIncluded() throws {
        let query = "MATCH (c:country) OPTIONAL MATCH (c)-[:supports]->(f:framework) RETURN c.id, count(f) AS n ORDER BY n DESC, c.id"
        #expect(try engine(query) == .patternLeftJoin)
        // Hand-counted from the edges above.
        #expect(try rows(query) == [["c1", "2"], ["c2", "1"], ["c3", "0"]])
        #expect(try rows(query, pipeline: true) == rows(query))
    }

    @Test func theCountsMatchThePipelineForEachShape() throws {
        let queries = [
            // Hand-worked below: DISTINCT, a property with an empty cell, two keys.
            "MATCH (c:country) OPTIONAL MATCH (c)-[:supports]->(f) RETURN c.id, count(DISTINCT f) AS d, count(f.label) AS l ORDER BY c.id",
            // A group made of several rows of the first MATCH: each row's matches count.
            "MATCH (c:country)-[:memberOf]->(u) OPTIONAL MATCH (c)-[:supports]->(f) RETURN u.id, count(f) AS n ORDER BY u.id",
            "MATCH (c:country)-[:memberOf]->(u) OPTIONAL MATCH (c)-[:supports]->(f) RETURN u.id, count(DISTINCT f) AS n ORDER BY u.id",
            // The OPTIONAL MATCH's WHERE reads the first MATCH's variable.
            "MATCH (c:country) OPTIONAL MATCH (c)-[:supports]->(f) WHERE f.id <> c.id AND c.id <> 'c2' RETURN c.id, count(f) ORDER BY c.id",
            // WITH ... WHERE on the count: the countries that support nothing.
            "MATCH (c:country) OPTIONAL MATCH (c)-[:supports]->(f) WITH c, count(f) AS n WHERE n = 0 RETURN c.id",
            "MATCH (c:country) OPTIONAL MATCH (c)-[:supports]->(f) WITH c.label AS name, count(f) AS n ORDER BY n RETURN name, n",
            // ORDER BY an item as written, paging, DISTINCT.
            "MATCH (c:country) OPTIONAL MATCH (c)<-[:supports]-(o) RETURN c.id, count(o) ORDER BY count(o) DESC, c.id SKIP 1 LIMIT 1",
            "MATCH (c) OPTIONAL MATCH (c)-[:supports]->(f) RETURN DISTINCT labels(c) AS k, count(f) AS n ORDER BY k",
            "MATCH (f:framework) OPTIONAL MATCH (f)<-[r:supports|opposes]-(a) RETURN f.id, count(r) AS n, count(DISTINCT a) AS actors ORDER BY f.id",
            // LIMIT without ORDER BY: an aggregating RETURN's page is of the rows sorted by the columns.
            "MATCH (c:country) OPTIONAL MATCH (c)-[:supports]->(f) RETURN count(f) AS n, c.id LIMIT 2",
            "MATCH (c:country) OPTIONAL MATCH (c)-[:supports]->(f) RETURN count(f) AS n, c.id SKIP 1",
        ]
        for query in queries {
            #expect(try engine(query) == .patternLeftJoin, "\(query)")
            #expect(try rows(query) == rows(query, pipeline: true), "\(query)")
        }
        #expect(try rows(queries[0]) == [["c1", "2", "1"], ["c2", "1", "1"], ["c3", "0", "0"]])
        #expect(try rows(queries[1]) == [["u1", "3"], ["u2", "2"]])
        #expect(try rows(queries[2]) == [["u1", "2"], ["u2", "2"]])
        #expect(try rows(queries[4]) == [["c3"]])
        #expect(try rows(queries[9]) == [["0", "c3"], ["1", "c2"]])
    }

    @Test func queriesOutsideTheShapeKeepThePipeline() throws {
        for query in [
            // count(*) counts the row a missing match leaves: 1, not 0.
            "MATCH (c:country) OPTIONAL MATCH (c)-[:supports]->(f) RETURN c.id, count(*)",
            // A key that reads the optional part, an aggregate other than count, two optional parts.
            "MATCH (c:country) OPTIONAL MATCH (c)-[:supports]->(f) RETURN f.id, count(c)",
            "MATCH (c:country) OPTIONAL MATCH (c)-[:supports]->(f) RETURN c.id, collect(f.id)",
            "MATCH (c:country) OPTIONAL MATCH (c)-[:supports]->(f) OPTIONAL MATCH (c)-[:opposes]->(g) RETURN c.id, count(f)",
            // count() of something that is not null on a padded row.
            "MATCH (c:country) OPTIONAL MATCH (c)-[:supports]->(f) RETURN c.id, count(coalesce(f.id, 'none'))",
            // A WITH's page takes the groups in the order they came.
            "MATCH (c:country) OPTIONAL MATCH (c)-[:supports]->(f) WITH c, count(f) AS n ORDER BY n LIMIT 1 RETURN c.id",
            // ORDER BY what no item names.
            "MATCH (c:country) OPTIONAL MATCH (c)-[:supports]->(f) RETURN c.id, count(f) ORDER BY c.label",
        ] {
            #expect(try engine(query) != .patternLeftJoin, "\(query)")
            #expect(try rows(query) == rows(query, pipeline: true), "\(query)")
        }
        #expect(try rows("MATCH (c:country) OPTIONAL MATCH (c)-[:supports]->(f) RETURN c.id, count(*)")
                == [["c1", "2"], ["c2", "1"], ["c3", "1"]])
    }

    /// Found by a second reading: ORDER BY reads an item written the same way before a column
    /// of that name (the pipeline's `projected` values), so `ORDER BY f` here is the node.
    @Test func orderByReadsAnItemWrittenTheSameWayBeforeAnAlias() throws {
        let query = "MATCH (f:framework) OPTIONAL MATCH (f)<-[:supports]-(a) RETURN f AS node, f.label AS f, count(a) AS n ORDER BY f"
        #expect(try engine(query) == .patternLeftJoin)
        // By the node f1, f2, f3; by the label it would be Framework 1, Framework 3, then f2's empty one.
        #expect(try rows(query) == [["f1", "Framework 1", "3"], ["f2", "null", "1"], ["f3", "Framework 3", "0"]])
        #expect(try rows(query, pipeline: true) == rows(query))
        let with = "MATCH (f:framework) OPTIONAL MATCH (f)<-[:supports]-(a) WITH f AS node, f.label AS f, count(a) AS n ORDER BY f RETURN node.id, n"
        #expect(try rows(with) == [["f1", "3"], ["f2", "1"], ["f3", "0"]])
        #expect(try rows(with, pipeline: true) == rows(with))
    }

    /// Found by a second reading: the columns are named as the pipeline names them, so `(c)` is
    /// `c`, and a name given twice is the pipeline's error, not an answer.
    @Test func columnsAreNamedAsThePipelineNamesThem() throws {
        let graph = try #require(Self.graph)
        let query = "MATCH (c:country) OPTIONAL MATCH (c)-[:supports]->(f) RETURN (c), count(f) AS n"
        #expect(try engine(query) == .patternLeftJoin)
        #expect(try graph.query(query).columns == ["c", "n"])
        #expect(try graph.query(query, options: PatternOptions(pipeline: true)).columns == ["c", "n"])
        let twice = "MATCH (c:country) OPTIONAL MATCH (c)-[:supports]->(f) RETURN c, (c), count(f)"
        let expected = QueryError(.syntax("the column name 'c' appears twice; give one of them another name with AS"),
                                  at: QueryLocation(line: 1, column: 65, lineText: twice))
        #expect(throws: expected) { try rows(twice) }
        #expect(throws: expected) { try rows(twice, pipeline: true) }
    }

    /// Found by a second reading: the pipeline runs the OPTIONAL MATCH (its WHERE) for every
    /// row before it reads a key; the groups' answer reads the keys first. The error reported is
    /// the pipeline's.
    @Test func anErrorIsTheOneThePipelineReports() throws {
        let query = "MATCH (c:country) OPTIONAL MATCH (c)-[:supports]->(f) WHERE f.id / 2 = 1 RETURN c.id / 2 AS k, count(f)"
        #expect(try engine(query) == .patternLeftJoin)
        var joined: QueryError?, piped: QueryError?
        do { _ = try rows(query) } catch let error as QueryError { joined = error }
        do { _ = try rows(query, pipeline: true) } catch let error as QueryError { piped = error }
        // The WHERE's division (column 61), not the key's (column 81).
        #expect(piped?.location?.column == 61)
        #expect(joined == piped)
    }

    /// Found by a second reading: explain says both answers are joined as found; a count of
    /// pairs (``PairCountPlan``) kept them sorted all the same.
    @Test func countedPairsAreJoinedAsFound() throws {
        let graph = try #require(Self.graph)
        let query = "MATCH (a:country), (b:country) OPTIONAL MATCH (a)-[:memberOf]->(m)<-[:memberOf]-(b) RETURN b, a, count(m) AS n"
        #expect(try engine(query) == .patternLeftJoin)
        #expect(try graph.explainQuery(query).description.contains("count pairs"))
        let join = try #require(ClausePlanner.leftJoin(try PatternParser.parseClauses(query)))
        let counts = try PatternBinder.bind(join.counts, in: graph)
        let pairs = try #require(PairCountPlan.recognize(counts, graph: graph))
        let found = try pairs.rows(counts, graph: graph, limits: .default).rows
        let joined = try graph.patternEngineRows(counts, options: PatternOptions(), limits: .default, sorted: false).values
        #expect(joined == found)
        // Grouped by a as found, by b sorted: the two orders differ here.
        let sorted = try graph.patternEngineRows(counts, options: PatternOptions(), limits: .default).values
        #expect(joined != sorted)
        #expect(try rows(query) == rows(query, pipeline: true))
    }

    @Test func explainShowsBothAnswersAndTheJoin() throws {
        let plan = try #require(Self.graph).explainQuery("MATCH (c:country) OPTIONAL MATCH (c)-[:supports]->(f) RETURN c.id, count(f) AS n")
        let text = plan.description
        #expect(text.contains("MATCH, for the groups: c.id"), "\(text)")
        #expect(text.contains("count (c:country)-[:supports]->(f) at each c"), "\(text)")
        #expect(text.contains("no match: the group's count 0"), "\(text)")
        #expect(plan.steps.map(\.operation) == [.match, .optionalMatch, .return])
    }

    /// Random first MATCH clauses, an OPTIONAL MATCH from one of their variables, and a
    /// projection counting what it binds: the join against the pipeline alone.
    @Test func randomOptionalCountsAgreeWithThePipeline() throws {
        var random = PatternRandom(seed: 20_240_514)
        var joined = 0, total = 0
        for _ in 0..<150 {
            let graph = try RandomPatterns.graph(&random)
            var query = RandomPatterns.query(&random, graph: graph, returning: true)
            guard let first = query.returned?.first else { continue }
            query.returned = nil
            let match = query.text.components(separatedBy: " RETURN ")[0]
            let v = query.nodes[first].name
            let relation = random.chance(0.7) ? ":" + random.pick(RandomPatterns.relations) : ""
            let kind = random.chance(0.4) ? ":" + random.pick(RandomPatterns.kinds) : ""
            let hop = random.pick(["-[r\(relation)]->", "<-[r\(relation)]-", "-[r\(relation)]-"])
            let condition = random.pick(["", " WHERE x.score >= 2", " WHERE x <> \(v)", " WHERE r.date >= '2021'"])
            let optional = "OPTIONAL MATCH (\(v))\(hop)(x\(kind))\(condition)"
            for tail in ["RETURN \(v).id, count(x) AS n ORDER BY n DESC, \(v).id",
                         "RETURN \(v).tag AS t, count(DISTINCT x) AS n, count(x.score) AS s, count(r) AS e ORDER BY t",
                         "WITH \(v), count(x) AS n WHERE n < 2 RETURN \(v).id, n",
                         "RETURN \(v).label AS l, count(x) AS n ORDER BY n, l LIMIT 2"] {
                let text = match + " " + optional + " " + tail
                total += 1
                if try graph.explainQuery(text).engine == .patternLeftJoin { joined += 1 }
                let engine = try graph.query(text).cells
                let pipeline = try graph.query(text, options: PatternOptions(pipeline: true)).cells
                #expect(engine == pipeline, "\(text)\n\(PatternPropertyTests.dump(graph))")
            }
        }
        // The shape is the point: most of these must take the join.
        #expect(joined * 10 >= total * 9, "\(joined) of \(total)")
    }
}
