import Testing
@testable import PolicyGraph

/// The clause pipeline against tables worked out by hand on a small graph: three countries,
/// two frameworks, supports edges with dates.
///
///     us ──supports(2023-11)──▶ sfc        china ──supports(2024-05-14)──▶ sfc
///     us ──supports(2024)─────▶ gdi        uk (no edges)
struct ClausePipelineTests {
    static let graph: Graph? = try? loadGraph(
        nodes: """
            id,kind,label
            us,country,United States
            china,country,China
            uk,country,United Kingdom
            sfc,framework,San Francisco Consensus
            gdi,framework,Global Development Initiative
            """,
        edges: """
            from,relation,to,date
            us,supports,sfc,2023-11
            us,supports,gdi,2024
            china,supports,sfc,2024-05-14
            """)

    func cells(_ query: String, parameters: [String: QueryValue] = [:]) throws -> [[String]] {
        let graph = try #require(Self.graph)
        return try graph.query(query, parameters: parameters).cells
    }

    @Test func optionalMatchKeepsRowsWithoutAMatchAsNull() throws {
        #expect(try cells("MATCH (c:country) OPTIONAL MATCH (c)-[:supports]->(f:framework) RETURN c, f")
            == [["china", "sfc"], ["uk", "null"], ["us", "gdi"], ["us", "sfc"]])
        #expect(try cells("MATCH (c:country) OPTIONAL MATCH (c)-[:supports]->(f:framework) RETURN c, count(f)")
            == [["china", "1"], ["uk", "0"], ["us", "2"]])
    }

    @Test func optionalMatchWhereFiltersTheOptionalPartOnly() throws {
        #expect(try cells("MATCH (c:country) OPTIONAL MATCH (c)-[r:supports]->(f) WHERE r.date >= '2024' RETURN c, f.id")
            == [["china", "sfc"], ["uk", "null"], ["us", "gdi"]])
    }

    @Test func optionalMatchOnANullVariableMatchesNothing() throws {
        #expect(try cells("MATCH (c:country {id: 'uk'}) OPTIONAL MATCH (c)-->(f) OPTIONAL MATCH (f)<--(other) RETURN c, f, other")
            == [["uk", "null", "null"]])
    }

    @Test func notExistsFindsAbsence() throws {
        #expect(try cells("MATCH (c:country) WHERE NOT EXISTS { (c)-[:supports]->(:framework {id: 'sfc'}) } RETURN c") == [["uk"]])
        #expect(try cells("MATCH (c:country) WHERE NOT (c)-[:supports]->(:framework {id: 'sfc'}) RETURN c") == [["uk"]])
        #expect(try cells("MATCH (c:country) WHERE exists((c)-->()) RETURN c") == [["china"], ["us"]])
        #expect(try cells("MATCH (c:country) WHERE EXISTS { MATCH (c)-[r]->() WHERE r.date STARTS WITH '2024' } RETURN c") == [["china"], ["us"]])
    }

    @Test func withAggregatesFiltersAndPages() throws {
        #expect(try cells("MATCH (c:country)-[:supports]->(f) WITH f, count(c) AS n WHERE n > 1 RETURN f.id, n") == [["sfc", "2"]])
        // RETURN without ORDER BY keeps the order WITH gave.
        #expect(try cells("MATCH (c:country) WITH c ORDER BY c.label DESC LIMIT 2 RETURN c.id") == [["us"], ["uk"]])
        #expect(try cells("UNWIND [1, 2, 3] AS x WITH x WHERE x <> 2 RETURN x") == [["1"], ["3"]])
        #expect(try cells("MATCH (f:framework) RETURN size([x IN collect(f) | x.id]) AS n") == [["2"]])
        #expect(try cells("MATCH (c:country) WITH c ORDER BY c.label SKIP 1 LIMIT 1 RETURN c.id") == [["uk"]])
        // Frameworks in file order: sfc, then gdi.
        #expect(try cells("MATCH (f:framework) WITH collect(f.id) AS ids RETURN size(ids), ids") == [["2", "[\"sfc\", \"gdi\"]"]])
    }

    /// Cypher: an aggregate in a comprehension's list makes its item an aggregate too, also when
    /// another item holds the same aggregate (the user's query: frameworks beside all supports).
    @Test(arguments: [
        ("MATCH (c:country)-[:supports]->(f) RETURN c.id, [i IN collect(f) WHERE i.id <> 'gdi' | i.label] AS frameworks, size(collect(f)) AS n",
         [["china", "[\"San Francisco Consensus\"]", "1"], ["us", "[\"San Francisco Consensus\"]", "2"]]),
        ("MATCH (c:country)-[:supports]->(f) RETURN c.id, size(collect(f)) AS n, [i IN collect(f) WHERE i.id <> 'gdi' | i.label] AS frameworks",
         [["china", "1", "[\"San Francisco Consensus\"]"], ["us", "2", "[\"San Francisco Consensus\"]"]]),
        ("MATCH (x:country) RETURN size(collect(x)) AS b, [i IN collect(x) WHERE i.id = 'uk' | i.label] AS a", [["3", "[\"United Kingdom\"]"]]),
        ("MATCH (x:country) RETURN [i IN collect(x) WHERE i.id = 'uk' | i.id] AS a, collect(x)[0] IS NOT NULL AS b", [["[\"uk\"]", "true"]]),
        ("MATCH (x:country) WITH count(x) AS n, [i IN collect(x) WHERE i.id = 'uk' | i.id] AS a RETURN n, a", [["3", "[\"uk\"]"]]),
        ("MATCH (x:country) WITH collect(x) AS b, any(i IN collect(x) WHERE i.id = 'uk') AS a RETURN size(b), a", [["3", "true"]]),
    ])
    func aggregateInAComprehensionBesideTheSameAggregate(query: String, expected: [[String]]) throws {
        let graph = try #require(Self.graph)
        #expect(try graph.query(query).cells == expected)
        #expect(try graph.query(query, options: PatternOptions(pipeline: true)).cells == expected)
    }

    /// A kind name is never followed by '.', '(', '[' or '{': the '|' before such a word is the
    /// comprehension's, not a second kind.
    @Test func labelTestInAComprehensionLeavesItsBarToTheValue() throws {
        #expect(try cells("MATCH (x) RETURN [i IN collect(x) WHERE i:framework | i.id] AS a") == [["[\"sfc\", \"gdi\"]"]])
        #expect(try cells("MATCH (x) RETURN [i IN collect(x) WHERE i:framework | size(i.id)] AS a") == [["[3, 3]"]])
        #expect(try cells("MATCH (x) RETURN [i IN collect(x) WHERE i:framework|country | i {.id}] AS a")
            == [["[{id: \"us\"}, {id: \"china\"}, {id: \"uk\"}, {id: \"sfc\"}, {id: \"gdi\"}]"]])
        #expect(try cells("MATCH (c:country {id: 'us'}) RETURN [(c)-->(f) WHERE f:framework | f.label] AS a")
            == [["[\"San Francisco Consensus\", \"Global Development Initiative\"]"]])
        // Still two kinds when the word after '|' is not followed by one of those.
        #expect(try cells("MATCH (x) RETURN [i IN collect(x) WHERE i:framework|country] AS a")
            == [["[us, china, uk, sfc, gdi]"]])
    }

    @Test func unwindTurnsAListIntoRows() throws {
        #expect(try cells("UNWIND [3, 1, null, 2] AS x RETURN x ORDER BY x") == [["1"], ["2"], ["3"], ["null"]])
        #expect(try cells("UNWIND [] AS x RETURN x") == [])
        #expect(try cells("UNWIND ['us', 'uk'] AS id MATCH (c {id: id}) RETURN c.label ORDER BY c.label") == [["United Kingdom"], ["United States"]])
    }

    @Test func unionDropsDuplicatesUnionAllKeepsThem() throws {
        #expect(try cells("MATCH (c:country {id: 'us'}) RETURN c.id AS x UNION MATCH (c:country) WHERE c.id = 'us' RETURN c.id AS x") == [["us"]])
        #expect(try cells("RETURN 1 AS x UNION ALL RETURN 1 AS x") == [["1"], ["1"]])
    }

    static let expressions: [(String, QueryValue)] = [
        ("CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' END", .string("two")),
        ("CASE WHEN 1 > 2 THEN 'a' ELSE 'b' END", .string("b")),
        ("CASE WHEN null THEN 'a' END", .null),
        ("{a: 1, b: [2]}.b[0]", .int(2)),
        ("[1, 2, 3, 4][1..3]", .list([.int(2), .int(3)])),
        ("[1, 2, 3][-2..]", .list([.int(2), .int(3)])),
        ("[x IN range(1, 5) WHERE x % 2 = 1 | x * 10]", .list([.int(10), .int(30), .int(50)])),
        ("range(10, 1, -4)", .list([.int(10), .int(6), .int(2)])),
        ("any(x IN [1, null] WHERE x = 1)", .bool(true)),
        ("all(x IN [1, null] WHERE x = 1)", .null),
        ("none(x IN [1, 2] WHERE x > 5)", .bool(true)),
        ("single(x IN [1, 2, 3] WHERE x > 2)", .bool(true)),
        ("reverse([1, 2])", .list([.int(2), .int(1)])),
        ("trim('  a b ')", .string("a b")),
        ("split('a,b', ',')", .list([.string("a"), .string("b")])),
        ("substring('policy', 2, 3)", .string("lic")),
        ("replace('a-b-c', '-', '+')", .string("a+b+c")),
        ("left('policy', 3) + right('policy', 2)", .string("polcy")),
        ("[1, 0] >= [1]", .bool(true)),
        ("[1, 2] < [1, 3]", .bool(true)),
        ("0.0 / 0.0 > 1", .bool(false)),
        ("0.0 / 0.0 = 0.0 / 0.0", .bool(false)),
        ("date('2024-05-14') > '2024-05'", .bool(true)),
        ("keys({b: 1, a: 2})", .list([.string("a"), .string("b")])),
        ("0x1F + 0o17 + .5", .double(46.5)),
        (".25 * 2", .double(0.5)),
    ]

    @Test(arguments: expressions)
    func expressionsAsOpenCypherDefinesThem(_ expression: String, _ expected: QueryValue) throws {
        let graph = try #require(Self.graph)
        #expect(try graph.query("RETURN " + expression + " AS v").rows == [[expected]])
    }

    @Test func propertiesReadByComputedKeyAndProjection() throws {
        #expect(try cells("MATCH (c {id: 'us'}) RETURN c['lab' + 'el'] AS l") == [["United States"]])
        let graph = try #require(Self.graph)
        let rows = try graph.query("MATCH (c {id: 'us'}) RETURN c {.label, two: 1 + 1} AS m").rows
        #expect(rows == [[.map(["label": .string("United States"), "two": .int(2)])]])
    }

    @Test func pathVariablesGiveNodesRelationshipsAndLength() throws {
        #expect(try cells("MATCH p = (:country {id: 'china'})-[:supports]->(f)<-[:supports]-(other) RETURN length(p), [n IN nodes(p) | n.id], other")
            == [["2", "[\"china\", \"sfc\", \"us\"]", "us"]])
        #expect(try cells("MATCH p = (c {id: 'us'})-[*1..2]-(x {id: 'china'}) RETURN size(relationships(p))") == [["2"]])
    }

    @Test func patternComprehensionsCollectPerRow() throws {
        // A node's edges in file order: us supports sfc, then gdi.
        #expect(try cells("MATCH (c:country) RETURN c, [(c)-[:supports]->(f) | f.id] AS fs ORDER BY c")
            == [["china", "[\"sfc\"]"], ["uk", "[]"], ["us", "[\"sfc\", \"gdi\"]"]])
    }

    @Test func parametersAreValuesGivenBesideTheQuery() throws {
        #expect(try cells("MATCH (c:country) WHERE c.id IN $ids RETURN c", parameters: ["ids": .list([.string("uk"), .string("china")])])
            == [["china"], ["uk"]])
        let graph = try #require(Self.graph)
        #expect(throws: QueryError(.syntax("parameter $idz is not given; did you mean '$ids'?"), at: QueryLocation(line: 1, column: 33, lineText: "MATCH (c:country) WHERE c.id IN $idz RETURN c"))) {
            try graph.query("MATCH (c:country) WHERE c.id IN $idz RETURN c", parameters: ["ids": .list([])])
        }
    }

    @Test func datesCompareWithTheDateColumnInDocumentedOrder() throws {
        #expect(try cells("MATCH (c)-[r:supports]->(f) WHERE r.date >= date('2024') RETURN c, f, r.date ORDER BY r.date")
            == [["us", "gdi", "2024"], ["china", "sfc", "2024-05-14"]])
    }

    static let errors: [(String, String)] = [
        ("RETURN 1 IN true", "IN needs a list on its right, found 'true'"),
        ("RETURN 1.34E999", "number '1.34e999' is too large for a float"),
        ("RETURN 9223372036854775807 + 1", "integer overflow"),
        ("WITH 1 + 1 RETURN 1", "an expression in WITH needs a name: write '1 + 1 AS name'"),
        ("UNWIND [1] AS x RETURN y", "variable 'y' is not defined; did you mean 'x'?"),
        ("MATCH (c:contry) OPTIONAL MATCH (c)-->(d) RETURN d", "unknown kind 'contry'; did you mean 'country'?"),
        ("RETURN date('2024-13')", "date() needs YYYY, YYYY-MM or YYYY-MM-DD, found '2024-13'"),
        ("RETURN 1 AS x UNION RETURN 2 AS y", "the queries of a UNION must return the same columns: x and y"),
        ("RETURN [1][0..1] + rang(1, 2)", "unknown function 'rang'; did you mean 'rand', 'range'?"),
        ("MATCH (c:country) WITH c ORDER BY count(*) RETURN c", "ORDER BY can use an aggregate only when WITH returns it; add 'count(*)' to WITH"),
        ("MATCH (c:country) WHERE (c)-[:supports]->(f) RETURN c", "a pattern in an expression cannot introduce the new variable 'f'; use EXISTS { ... } or a pattern comprehension"),
    ]

    @Test(arguments: errors)
    func errorsAreTypedWithAPlace(_ query: String, _ message: String) throws {
        let graph = try #require(Self.graph)
        do {
            _ = try graph.query(query)
            Issue.record("no error for \(query)")
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func rowBudgetStopsABigResult() throws {
        let graph = try #require(Self.graph)
        let limits = QueryLimits(maxSteps: nil, maxRows: 10)
        #expect(throws: QueryError(.rowLimit(rows: 10))) { try graph.query("UNWIND range(1, 11) AS x RETURN x", limits: limits) }
        #expect(throws: QueryError(.rowLimit(rows: 10))) { try graph.query("UNWIND range(1, 11) AS x WITH x RETURN count(*)", limits: limits) }
        #expect(try graph.query("UNWIND range(1, 10) AS x RETURN count(*)", limits: limits).rows == [[.int(10)]])
        #expect(throws: QueryError(.rowLimit(rows: 2))) { try graph.query("MATCH (c:country) RETURN c", limits: QueryLimits(maxSteps: nil, maxRows: 2)) }
    }
}
