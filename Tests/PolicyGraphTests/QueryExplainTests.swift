import Testing
@testable import PolicyGraph

/// EXPLAIN (`Graph.explainQuery`): for a table of queries of both engines, the start,
/// direction and hops it names; parameters with their values; the text of each engine's plan
/// once; and the JSON form. The fast paths against the engine: `PatternExplainerTests`.
@Suite struct QueryExplainTests {
    static let graph = PatternPlannerTests.graph

    /// A step in short: its operation, variable and the fields set, for comparing with a table.
    static func signature(_ step: QueryPlanStep) -> String {
        var parts = [step.operation.rawValue, step.variable ?? "_"]
        if !step.kinds.isEmpty { parts.append(":" + step.kinds.joined(separator: "|")) }
        if let anchor = step.anchor { parts.append("from \(anchor)") }
        if let direction = step.direction { parts.append(direction.rawValue) }
        if !step.relations.isEmpty { parts.append(":" + step.relations.joined(separator: "|")) }
        if let hops = step.hops { parts.append("*\(hops)") }
        if !step.ids.isEmpty { parts.append("ids " + step.ids.joined(separator: ",")) }
        if let method = step.method { parts.append("by \(method.rawValue)") }
        return parts.joined(separator: " ")
    }

    struct Case: CustomStringConvertible, Sendable {
        let query: String
        var parameters: [String: QueryValue] = [:]
        let engine: QueryPlan.Engine
        /// Each clause's steps that bind or seek, in order, as ``signature(_:)`` gives them.
        let steps: [String]
        var description: String { query }
    }

    static let cases: [Case] = [
        Case(query: "MATCH (x)-[:memberOf]->(a {id: 'a7'}) RETURN x", engine: .pattern,
             steps: ["seek a ids a7 by idIndex", "expand x from a incoming :memberOf"]),
        Case(query: "MATCH (c:country) WHERE c.id = 'c3' RETURN c", engine: .pattern, steps: ["seek c :country ids c3 by idIndex"]),
        Case(query: "MATCH (c:country) WHERE c.id IN ['c3', 'c1'] RETURN c", engine: .pattern,
             steps: ["seek c :country ids c1,c3 by idIndex"]),
        Case(query: "MATCH (c:country)-[:supports]->(f) RETURN c, f", engine: .pattern,
             steps: ["scan c :country by kindIndex", "expand f from c outgoing :supports"]),
        Case(query: "MATCH (a {id: 'a7'})-[:memberOf*1..2]-(y) RETURN y", engine: .pattern,
             steps: ["seek a ids a7 by idIndex", "expand y from a both :memberOf *1..2"]),
        Case(query: "MATCH (c {id: 'c3'})<-[:memberOf*2]-(o) RETURN o", engine: .pattern,
             steps: ["seek c ids c3 by idIndex", "expand o from c incoming :memberOf *2"]),
        Case(query: "MATCH (n) RETURN n LIMIT 2", engine: .pattern, steps: ["scan n by allNodes"]),
        Case(query: "MATCH (x)-[r:memberOf]->(y) RETURN x, r, y", engine: .pattern, steps: ["scanEdges r outgoing :memberOf"]),
        // The pipeline seeks an id given in the pattern or named by WHERE, literal or parameter.
        Case(query: "MATCH (c:country {id: $who})<-[:memberOf]-(a) RETURN a", parameters: ["who": .string("c3")], engine: .pipeline,
             steps: ["seek c :country ids c3 by idIndex", "expand a from c incoming :memberOf"]),
        Case(query: "MATCH (c:country) WHERE c.id = $who RETURN c", parameters: ["who": .string("c3")], engine: .pipeline,
             steps: ["seek c :country ids c3 by idIndex"]),
        Case(query: "MATCH (c:country) OPTIONAL MATCH (c)<-[:memberOf*2]-(o:official) RETURN c, collect(o.id)", engine: .pipeline,
             steps: ["scan c :country by kindIndex", "bound c", "expand o :official from c incoming :memberOf *2"]),
        // Counted instead: the groups, then the groups with their matches, each one join.
        Case(query: "MATCH (c:country) OPTIONAL MATCH (c)<-[:memberOf*2]-(o:official) RETURN c, count(o)", engine: .patternLeftJoin,
             steps: ["scan c :country by kindIndex", "scan c :country by kindIndex", "expand o :official from c incoming :memberOf *2"]),
        // MATCH ... WITH answered by the pattern engine; then the path walked from c, bound before.
        Case(query: "MATCH (c:country) WITH c MATCH (f:framework)<-[:supports]-(c) RETURN f", engine: .patternThenPipeline,
             steps: ["scan c :country by kindIndex", "bound c", "expand f :framework from c outgoing :supports"]),
        Case(query: "MATCH (n) WHERE exists((n)-[:supports]->()) RETURN n", engine: .pipeline,
             steps: ["scan n by allNodes", "bound n", "expand _ from n outgoing :supports"]),
        Case(query: "UNWIND ['c1', 'c3'] AS id MATCH (c {id: id})-[:opposes|supports]-(f) RETURN f", engine: .pipeline,
             steps: ["seek c by idIndex", "expand f from c both :opposes|supports"]),
    ]

    @Test(arguments: cases)
    func explainNamesTheStartDirectionAndHops(_ c: Case) throws {
        let graph = try #require(Self.graph)
        let plan = try graph.explainQuery(c.query, parameters: c.parameters)
        #expect(plan.engine == c.engine)
        let binding: Set<QueryPlanStep.Operation> = [.seek, .scan, .scanEdges, .bound, .expand, .check]
        #expect(plan.allSteps.filter { binding.contains($0.operation) }.map(Self.signature) == c.steps)
    }

    /// A parameter's value is shown where the query reads it, and a WHERE on an id parameter is
    /// a seek of that id in the pipeline, the WHERE still checked on the node it finds.
    @Test func parametersAreShownWithTheirValues() throws {
        let graph = try #require(Self.graph)
        let seek = try graph.explainQuery("MATCH (c:country {id: $who}) RETURN c", parameters: ["who": .string("c3")])
        #expect(seek.description == """
            engine: clause pipeline (clause by clause, matches enumerated row by row)
            MATCH
              seek (c:country) by id $who ($who = 'c3'); checks :country
            RETURN c
              rows sorted by the columns
            """)
        let filtered = try graph.explainQuery("MATCH (c:country) WHERE c.id = $who RETURN c LIMIT $n",
                                              parameters: ["who": .string("c3"), "n": .int(1)])
        #expect(filtered.description == """
            engine: clause pipeline (clause by clause, matches enumerated row by row)
            MATCH
              seek (c:country) by the ids the WHERE names (1 node); checks :country
              filter c.id = $who ($who = 'c3')
              stops once it has made 1 row (all that the clauses after it read)
            RETURN c
              LIMIT 1: the first row as they come, then sorted by the columns
            """)
        let missing = try graph.explainQuery("MATCH (c:country) WHERE c.id = $who RETURN c")
        #expect(missing.allSteps.contains { $0.text == "filter c.id = $who ($who not given)" })
        #expect(throws: QueryError.self) {
            try graph.explainQuery("MATCH (c:country {id: $who}) RETURN c", parameters: ["who": .string("c33")])
        }
    }

    /// The pattern engine's plan in words, once: the start, counted leaves, the correction of
    /// a pair, the sum, and the order.
    @Test func aPatternPlanReadsAsTheStepsThatRun() throws {
        let graph = try #require(Self.graph)
        let plan = try graph.explainQuery(PatternPlannerTests.supportersOpposers)
        #expect(plan.description == """
            engine: pattern (MATCH ... RETURN planned as one join)
            MATCH
              from here on only the number of matches is read: they are added up and handed to their group once
              scan f:framework
              count (f:framework)<-[:supports]-(a:country) at each f, from a table of counts per f built once from a's side
              count (f:framework)<-[:opposes]-(b:country) at each f, from a table of counts per f built once from b's side
              minus the matches that bind a and b to the same node (counted once per f in a table)
            RETURN count(*)
              one group: count(*)
              groups sorted by the columns
            """)
    }

    /// The pipeline's plan in words, once: OPTIONAL MATCH padding, EXISTS under the filter that
    /// evaluates it (one edge between c and a node named by id: an edge test), grouping, a
    /// bounded heap, and a UNION.
    @Test func aPipelinePlanReadsAsTheClausesThatRun() throws {
        let graph = try #require(Self.graph)
        let plan = try graph.explainQuery("""
            MATCH (c:country) WHERE NOT EXISTS { (c)<-[:memberOf]-(:agency {id: 'a7'}) }
            OPTIONAL MATCH (c)-[:supports]->(f:framework)
            RETURN c.id AS id, count(f) AS n ORDER BY n DESC LIMIT 3
            UNION ALL RETURN 'none' AS id, 0 AS n
            """)
        #expect(plan.description == """
            engine: clause pipeline (clause by clause, matches enumerated row by row)
            MATCH
              scan (c:country)
              filter NOT EXISTS { (c)<-[:memberOf]-(:agency {id: 'a7'}) }
                EXISTS { (c)<-[:memberOf]-(:agency {id: 'a7'}) }: for each row, one edge looked for between (c) and (:agency {id: 'a7'}), in the shorter of their lists of :memberOf edges
            OPTIONAL MATCH
              start at (c), bound before
              expand (c)-[:supports]->(f:framework)
              no match: the row kept, with f null
            RETURN c.id AS id, count(f) AS n
              group by id: count(f)
              groups sorted by n DESC, then by the columns; the first 3 kept in a bounded heap
              LIMIT 3 after the sort
            UNION ALL: the rows of both queries, repeats kept
            RETURN 'none' AS id, 0 AS n
              rows sorted by the columns
            """)
    }

    /// The JSON form: the engine, then the clauses as a tree of steps with the fields each has.
    @Test func theJSONFormIsATreeOfSteps() throws {
        let graph = try #require(Self.graph)
        let plan = try graph.explainQuery("MATCH (c:country)-[:supports]->(f) RETURN c, count(*)")
        let json = plan.jsonValue
        #expect(json["engine"] == .string("pattern"))
        let match = try #require(json["steps"]?.arrayValue?.first)
        #expect(match["operation"] == .string("match") && match["text"] == .string("MATCH"))
        let steps = try #require(match["steps"]?.arrayValue)
        #expect(steps.first == .object([
            "operation": .string("scan"), "text": .string("scan c:country"), "variable": .string("c"),
            "kinds": .array([.string("country")]), "method": .string("kindIndex"),
        ]))
        let count = try #require(steps.last)
        #expect(count["operation"] == .string("count") && count["anchor"] == .string("c") && count["direction"] == .string("outgoing"))
        #expect(count["relations"] == .array([.string("supports")]) && count["hops"] == nil)
        let path = try graph.explainQuery("MATCH (a {id: 'a7'})-[:memberOf*1..]->(y) RETURN y").jsonValue
        let expand = try #require(path["steps"]?.arrayValue?.first?["steps"]?.arrayValue?.last)
        #expect(expand["hops"] == .object(["min": .int(1), "max": .null]))
    }
}
