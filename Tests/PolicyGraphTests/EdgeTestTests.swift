import Testing
@testable import PolicyGraph

/// A pattern predicate or EXISTS of one edge between two nodes the row fixes (`EdgeTest`):
/// the answers of the search, on random graphs against brute force and on a small graph by
/// hand; the shapes it does not take; the errors and the budget as before; and EXPLAIN naming
/// it exactly when the run takes it.
///
///     c1 ──supports──▶ f1 ──memberOf──▶ c3      c2 ──supports──▶ f2, c2 ──supports──▶ c2
///     c1 ──opposes(2)─▶ f2                      o1 ──memberOf──▶ c1
struct EdgeTestTests {
    static let graph: Graph? = try? loadGraph(
        nodes: """
            id,kind,label
            c1,country,C1
            c2,country,C2
            c3,country,C3
            f1,framework,F1
            f2,framework,F2
            o1,official,O1
            """,
        edges: """
            from,relation,to,weight
            c1,supports,f1,1
            c1,opposes,f2,2
            c2,supports,f2,1
            c2,supports,c2,1
            f1,memberOf,c3,
            o1,memberOf,c1,
            """,
        schema: RandomPatterns.schema)

    func cells(_ query: String, parameters: [String: QueryValue] = [:], limits: QueryLimits = .default) throws -> [[String]] {
        try #require(Self.graph).query(query, parameters: parameters, limits: limits).cells
    }

    /// What a pipeline run of `query` did: how many predicates the edge test answered and how
    /// many the search did.
    static func run(_ query: String, on graph: Graph, parameters: [String: PatternValue] = [:]) throws -> ClauseContext {
        var pipeline = ClausePipeline(context: ClauseContext(graph: graph, parameters: parameters, limits: .default))
        _ = try pipeline.run(try PatternParser.parseClauses(query))
        return pipeline.context
    }

    /// Whether EXPLAIN names the edge test for `query`.
    func explained(_ query: String, parameters: [String: QueryValue] = [:]) throws -> Bool {
        try #require(Self.graph).explainQuery(query, parameters: parameters).allSteps.contains { $0.method == .edgeTest }
    }

    @Test(arguments: [
        // A self-loop joins a node to itself, once, whichever way the pattern points.
        ("MATCH (c:country) WHERE (c)-[:supports]->(c) RETURN c.id", [["c2"]]),
        ("MATCH (c:country) WHERE (c)-[:supports]-(c) RETURN c.id", [["c2"]]),
        ("MATCH (c:country) WHERE EXISTS { (c)<-[:supports]-({id: 'c2'}) } RETURN c.id", [["c2"]]),
        // Undirected, and written from either end: f1 -> c3 only.
        ("MATCH (f:framework) WHERE EXISTS { (f)-[:memberOf]-(:country {id: 'c3'}) } RETURN f.id", [["f1"]]),
        ("MATCH (c:country) WHERE EXISTS { (c)-[:memberOf]-({id: 'f1'}) } RETURN c.id", [["c3"]]),
        ("MATCH (c:country) WHERE EXISTS { (c)<-[:memberOf]-(:framework {id: 'f1'}) } RETURN c.id", [["c3"]]),
        ("MATCH (c:country) WHERE EXISTS { ({id: 'f1'})-[:memberOf]->(c) } RETURN c.id", [["c3"]]),
        ("MATCH (c:country) WHERE EXISTS { (c)-[:memberOf]->({id: 'f1'}) } RETURN c.id", []),
        // Several relations, and none: c1 opposes f2, c2 supports it.
        ("MATCH (c:country) WHERE EXISTS { (c)-[:supports|opposes]->({id: 'f2'}) } RETURN c.id", [["c1"], ["c2"]]),
        ("MATCH (c:country) WHERE EXISTS { (c)-[:opposes|memberOf]->({id: 'f2'}) } RETURN c.id", [["c1"]]),
        ("MATCH (c:country) WHERE (c)-->({id: 'f2'}) RETURN c.id", [["c1"], ["c2"]]),
        // The kinds of both ends are checked: f2 is not a country.
        ("MATCH (c:country) WHERE EXISTS { (c:country)-->(:country {id: 'f2'}) } RETURN c.id", []),
        // Both ends bound by the MATCH.
        ("MATCH (c:country), (f:framework) WHERE NOT (c)-[:supports]->(f) RETURN c.id, f.id",
         [["c1", "f2"], ["c2", "f1"], ["c3", "f1"], ["c3", "f2"]]),
        // The workload's shape.
        ("MATCH (c:country) WHERE NOT EXISTS { (c)-[:supports]->(:framework {id: 'f1'}) } RETURN count(*)", [["2"]]),
    ])
    func anEdgeBetweenTwoFixedNodesIsLookedUp(_ query: String, _ expected: [[String]]) throws {
        #expect(try cells(query) == expected)
        #expect(try explained(query))
        let context = try Self.run(query, on: try #require(Self.graph))
        #expect(context.edgeTests > 0 && context.patternSearches == 0)
    }

    /// With OPTIONAL MATCH a bound end may be null: nothing is joined to null, at either end.
    @Test func aNullEndJoinsNothing() throws {
        let query = """
            MATCH (c:country) OPTIONAL MATCH (c)<-[:memberOf]-(o:official)
            RETURN c.id, EXISTS { (o)-[:memberOf]->(c) } AS a, EXISTS { ({id: 'c1'})<-[:memberOf]-(o) } AS b ORDER BY c.id
            """
        #expect(try cells(query) == [["c1", "true", "true"], ["c2", "false", "false"], ["c3", "false", "false"]])
        #expect(try explained(query))
    }

    @Test func aParameterIdIsLookedUpLikeALiteral() throws {
        let query = "MATCH (c:country) WHERE EXISTS { (c)-[:supports]->({id: $f}) } RETURN c.id"
        #expect(try cells(query, parameters: ["f": .string("f2")]) == [["c2"]])
        #expect(try explained(query, parameters: ["f": .string("f2")]))
    }

    /// A relationship variable, a property map, a WHERE, a second property or a computed id:
    /// the search answers, as before.
    @Test(arguments: [
        ("MATCH (c:country) WHERE EXISTS { (c)-[s:supports]->({id: 'f1'}) } RETURN c.id", [["c1"]]),
        ("MATCH (c:country) WHERE EXISTS { (c)-[:supports|opposes {weight: 2}]->({id: 'f2'}) } RETURN c.id", [["c1"]]),
        ("MATCH (c:country) WHERE EXISTS { MATCH (c)-[:supports]->(f {id: 'f2'}) WHERE c.label = 'C2' } RETURN c.id", [["c2"]]),
        ("MATCH (c:country) WHERE EXISTS { MATCH (c)-[:supports]->(f {id: 'f2'}) WHERE c.label = 'C1' } RETURN c.id", []),
        ("MATCH (c:country) WHERE EXISTS { (c)-->({id: 'f1', label: 'F1'}) } RETURN c.id", [["c1"]]),
        ("MATCH (c:country) WHERE EXISTS { (c)-->({id: 'f' + '1'}) } RETURN c.id", [["c1"]]),
        ("MATCH (c:country) WHERE EXISTS { (c)-[:supports*1]->({id: 'f1'}) } RETURN c.id", [["c1"]]),
        ("MATCH (c:country) WHERE EXISTS { (c)-[:supports]->(f)-->({id: 'c3'}) } RETURN c.id", [["c1"]]),
        ("MATCH (c:country) WHERE EXISTS { (c)-[:supports]->(:framework) } RETURN c.id", [["c1"], ["c2"]]),
        // An id that is not a string names no node.
        ("MATCH (c:country) WHERE NOT EXISTS { (c)-->({id: 1}) } RETURN count(*)", [["3"]]),
    ])
    func otherShapesAreSearched(_ query: String, _ expected: [[String]]) throws {
        #expect(try cells(query) == expected)
        #expect(try !explained(query))
        let context = try Self.run(query, on: try #require(Self.graph))
        #expect(context.edgeTests == 0 && context.patternSearches > 0)
    }

    /// Names the graph lacks are reported as before: by the binder, before any row is read,
    /// whether or not a row would reach them; and a parameter not given.
    @Test func unknownNamesAreReportedAsBefore() throws {
        let relation = "MATCH (c:country) WHERE EXISTS { (c)-[:suports]->({id: 'f1'}) } RETURN c.id"
        #expect(throws: QueryError(.unknownRelation("suports", suggestions: ["supports"]), at: Self.location(of: "suports", in: relation))) {
            try cells(relation)
        }
        let kind = "MATCH (c:country {id: 'c1'}) WHERE EXISTS { (c)-[:supports]->(:framwork {id: 'f1'}) } RETURN c.id"
        #expect(throws: QueryError(.unknownKind("framwork", suggestions: ["framework"]), at: Self.location(of: "framwork", in: kind))) {
            try cells(kind)
        }
        // c3 has no supports edge: a search from it would never check the far end.
        let unreached = "MATCH (c:country {id: 'c3'}) WHERE EXISTS { (c)-[:supports]->(:framwork {id: 'f1'}) } RETURN c.id"
        #expect(throws: QueryError(.unknownKind("framwork", suggestions: ["framework"]), at: Self.location(of: "framwork", in: unreached))) {
            try cells(unreached)
        }
        let id = "MATCH (c:country) WHERE NOT EXISTS { (c)-->({id: 'f9'}) } RETURN count(*)"
        #expect(throws: QueryError(.unknownNode("f9", suggestions: ["f1", "f2"]), at: Self.location(of: "'f9'", in: id))) {
            try cells(id)
        }
        let parameter = "MATCH (c:country) WHERE EXISTS { (c)-->({id: $f}) } RETURN c.id"
        #expect(throws: QueryError(.syntax("parameter $f is not given"), at: Self.location(of: "$f", in: parameter))) {
            try cells(parameter)
        }
    }

    /// A bound name that holds no node: the search decides, as before (an error at the start,
    /// no match at the far end).
    @Test func anEndBoundToAValueIsLeftToTheSearch() throws {
        let near = "UNWIND [1] AS c MATCH (f:framework) WHERE EXISTS { (c)-[:supports]->(f) } RETURN f.id"
        #expect(throws: QueryError(.syntax("'c' is not a node, so it cannot be matched as one"), at: Self.location(of: "c)-[", in: near))) {
            try cells(near)
        }
        #expect(try cells("UNWIND [1] AS c MATCH (f:framework) WHERE NOT EXISTS { (f)<-[:supports]-(c) } RETURN f.id") == [["f1"], ["f2"]])
    }

    /// The near node and each slot read are steps: 3 countries, then c1 and c2 read one slot
    /// each (f1's one supporter against their own supports) and c3 none. The search would
    /// take 9 (c2's two supports edges).
    @Test func theTestSpendsTheStepBudget() throws {
        let query = "MATCH (c:country) WHERE EXISTS { (c)-[:supports]->({id: 'f1'}) } RETURN c.id"
        #expect(try cells(query, limits: QueryLimits(maxSteps: 8)) == [["c1"]])
        #expect(throws: QueryError(.workLimit(steps: 7))) { try cells(query, limits: QueryLimits(maxSteps: 7)) }
    }

    /// A test is recognised once per pattern of the query and kept; a row that binds other
    /// names (here `f`, which the pattern then requires) gets the search, and the one after it
    /// the test again.
    @Test func aRecognisedTestIsReusedOnlyForRowsThatBindTheSameNames() throws {
        let graph = try #require(Self.graph)
        let query = try PatternParser.parseClauses("MATCH (c) WHERE EXISTS { (c)-->(f {id: 'f1'}) } RETURN c")
        guard case .match(let match, _)? = query.parts.first?.clauses.first, case .exists(let clause)? = match.predicate?.form else {
            Issue.record("no EXISTS in the parsed query")
            return
        }
        let c1 = try #require(graph.index[NodeID("c1")]), c2 = try #require(graph.index[NodeID("c2")])
        let test = try #require(EdgeTest(clause, in: graph, isBound: { $0 == "c" }, parameters: [:]))
        #expect(test.applies(to: ["c": .node(c2)]))
        #expect(!test.applies(to: [:]))
        #expect(!test.applies(to: ["c": .node(c1), "f": .node(c2)]))
        var context = ClauseContext(graph: graph, parameters: [:], limits: .default)
        #expect(try context.hasMatch(clause, ["c": .node(c1)]))
        #expect(try !context.hasMatch(clause, ["c": .node(c1), "f": .node(c2)]))
        #expect(try !context.hasMatch(clause, ["c": .node(c2)]))
        #expect(context.edgeTests == 2 && context.patternSearches == 1)
    }

    /// Random graphs and queries whose WHERE holds a pattern predicate of one relationship
    /// (to a node by id, a bound variable or any node; with a relationship variable, a map or
    /// a WHERE now and then): the rows are brute force's, the edge test answers the shapes it
    /// can, and EXPLAIN names it exactly for the queries whose run took it.
    @Test func patternPredicatesAgreeWithBruteForceOnRandomGraphs() throws {
        var random = PatternRandom(seed: 15_150)
        var tested = 0, searched = 0
        for i in 0..<300 {
            let graph = try RandomPatterns.graph(&random)
            let query = RandomPatterns.probed(&random, graph: graph, returning: i % 2 == 0)
            let reference = ReferenceMatcher(graph).matches(query)
            if query.returned == nil {
                #expect(try graph.query(query.text).rows == [[.int(reference.count)]], "\(query.text)\n\(PatternPropertyTests.dump(graph))")
            } else {
                let rows = try graph.query(query.text).cells.sorted { $0.lexicographicallyPrecedes($1) }
                #expect(rows == reference.sorted { $0.lexicographicallyPrecedes($1) }, "\(query.text)\n\(PatternPropertyTests.dump(graph))")
            }
            let context = try Self.run(query.text, on: graph)
            let named = try graph.explainQuery(query.text).allSteps.contains { $0.method == .edgeTest }
            if context.edgeTests > 0 {
                tested += 1
                #expect(named && context.patternSearches == 0, "\(query.text)")
            }
            if context.patternSearches > 0 {
                searched += 1
                #expect(!named, "\(query.text)")
            }
        }
        #expect(tested > 60 && searched > 20, "\(tested) answered by the edge test, \(searched) by the search")
    }

    /// Where `needle` starts in the one-line `query`.
    static func location(of needle: String, in query: String) -> QueryLocation {
        let column = query.range(of: needle).map { query.distance(from: query.startIndex, to: $0.lowerBound) } ?? -1
        return QueryLocation(line: 1, column: column + 1, lineText: query)
    }
}
