import Foundation
import Testing
@testable import PolicyGraph
@testable import PolicyGraphBench

/// `policygraph-bench --queries FILE`: reading a workload file and the report's shape.
@Suite struct BenchWorkloadTests {
    @Test func linesAreQueriesAndACommentNamesTheOneBelow() throws {
        let text = """
            // frameworks by prefix
            MATCH (f:framework) WHERE f.label STARTS WITH 'Trade' RETURN count(*)

              MATCH (c:country) RETURN c.id
            //
            MATCH (n) RETURN count(*)
            """
        #expect(try QueryWorkload.parse(text) == [
            WorkloadQuery(name: "frameworks by prefix", text: "MATCH (f:framework) WHERE f.label STARTS WITH 'Trade' RETURN count(*)"),
            WorkloadQuery(name: "q2", text: "MATCH (c:country) RETURN c.id"),
            WorkloadQuery(name: "q3", text: "MATCH (n) RETURN count(*)"),
        ])
    }

    @Test func aJSONListHoldsStringsOrNamedQueries() throws {
        let text = #"[{"name": "countries", "query": "MATCH (c:country) RETURN c"}, "MATCH (n) RETURN count(*)"]"#
        #expect(try QueryWorkload.parse(text) == [
            WorkloadQuery(name: "countries", text: "MATCH (c:country) RETURN c"),
            WorkloadQuery(name: "q2", text: "MATCH (n) RETURN count(*)"),
        ])
    }

    @Test(arguments: ["", "// only a comment\n", "[]", "[1]", #"[{"name": "x"}]"#, "[\"MATCH\""])
    func aFileWithoutQueriesIsAnError(text: String) {
        #expect(throws: WorkloadError.self) { try QueryWorkload.parse(text) }
    }

    @Test func optionsTakeTheWorkloadAndOneGraph() throws {
        let options = try BenchOptions.parse(["--queries", "w.txt", "--graph", "/data/L", "--repeat", "5"])
        #expect(options.queries == "w.txt" && options.sources.map(\.name) == ["/data/L"] && options.repeats == 5)
        #expect(throws: BenchOptions.UsageError.self) { try BenchOptions.parse(["--queries", "w.txt", "/a", "/b"]) }
        #expect(throws: BenchOptions.UsageError.self) { try BenchOptions.parse(["--queries", "w.txt", "--ops", "path"]) }
        #expect(throws: BenchOptions.UsageError.self) { try BenchOptions.parse(["--graph"]) }
    }

    @Test func theReportGivesEachQuerysTimesRowsAndPlanOrItsError() throws {
        let nodes = "id,kind,label\nchina,country,China\nus,country,United States\ngeneva,framework,Geneva talks\n"
        let edges = "from,relation,to\nchina,supports,geneva\nus,supports,geneva\n"
        let graph = try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(edges.utf8)).graph
        let queries = [
            WorkloadQuery(name: "countries", text: "MATCH (c:country) RETURN c.id"),
            WorkloadQuery(name: "bad", text: "MATCH (c:countri) RETURN c"),
        ]
        let timings = QueryWorkload.run(queries, on: graph, repeats: 3)
        let countries = 2
        let json = QueryWorkload.json(data: "seed", loadSeconds: 0.5, timings: timings)
        let items = try #require(json["queries"]?.arrayValue)
        #expect(json["data"] == .string("seed") && json["load_seconds"] == .number("0.500000"))
        #expect(items.count == 2)
        #expect(items[0].objectValue?.map(\.key) == ["name", "query", "seconds", "runs", "rows", "head", "plan"])
        #expect(items[0]["rows"] == .int(countries))
        #expect(items[0]["head"] == .array([.array([.string("china")]), .array([.string("us")])]))
        #expect(items[0]["runs"]?.arrayValue?.count == 3)
        let minimum = try #require(items[0]["seconds"]?["min"]?.numberValue)
        let median = try #require(items[0]["seconds"]?["median"]?.numberValue)
        #expect(minimum <= median)
        #expect(items[0]["plan"]?.stringValue == (try graph.explainQuery(queries[0].text)).description)
        #expect(items[1].objectValue?.map(\.key) == ["name", "query", "error", "plan"])
        #expect(items[1]["error"]?.stringValue?.contains("countri") == true)
        #expect(items[1]["plan"] == .null)
        // The table names each query, its rows or its error.
        let lines = QueryWorkload.table(timings).split(separator: "\n")
        #expect(lines.count == 3 && lines[1].hasPrefix("countries") && lines[1].hasSuffix(" \(countries)"))
        #expect(lines[2].hasPrefix("bad") && lines[2].contains("error:"))
        #expect(lines[0].hasPrefix("query  ") && !lines[2].contains("error: error:"))
        #expect(lines[2].components(separatedBy: "error:").count == 2)
    }

    /// The README: "The exit status is 1 when any query stops with an error".
    @Test func aQueryThatStopsWithAnErrorFailsTheRun() throws {
        let graph = try GraphLoader.load(nodes: Array("id,kind,label\nus,country,United States\n".utf8), edges: Array("from,relation,to\n".utf8)).graph
        let good = WorkloadQuery(name: "countries", text: "MATCH (c:country) RETURN c.id")
        let unknownProperty = WorkloadQuery(name: "bad", text: "MATCH (c:country) RETURN c.name")
        let overBudget = WorkloadQuery(name: "big", text: "UNWIND range(1, 10) AS x RETURN x")
        #expect(QueryWorkload.exitStatus(QueryWorkload.run([good], on: graph, repeats: 1)) == 0)
        #expect(QueryWorkload.exitStatus(QueryWorkload.run([good, unknownProperty], on: graph, repeats: 1)) == 1)
        #expect(QueryWorkload.exitStatus(QueryWorkload.run([overBudget, good], on: graph, repeats: 1,
                                                           limits: QueryLimits(maxSteps: nil, maxRows: 5))) == 1)
    }

    @Test func aJSONItemMayCarryItsOwnParameters() throws {
        let text = #"[{"name": "one", "query": "MATCH (c {id: $c}) RETURN c", "params": {"c": "us", "n": 2, "xs": [1, 2.5]}}, "RETURN $n"]"#
        let queries = try QueryWorkload.parse(text)
        #expect(queries[0].parameters == ["c": .string("us"), "n": .int(2), "xs": .list([.int(1), .double(2.5)])])
        #expect(queries[1].parameters.isEmpty)
        #expect(throws: WorkloadError(line: 1, message: "item 1: \"params\" is not an object of name: value")) {
            try QueryWorkload.parse(#"[{"query": "RETURN $n", "params": [1]}]"#)
        }
    }

    /// `--param`, `--params FILE` and `--max-rows` are read as `policygraph query` reads them:
    /// the same literals and JSON, the same messages, a `--param` winning over the file.
    @Test func optionsTakeParametersAndARowBudgetForTheWorkload() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bench-params-\(ProcessInfo.processInfo.processIdentifier).json").path
        try #"{"who": "china", "n": 3}"#.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let options = try BenchOptions.parse(["--queries", "w.txt", "--param", "who = 'us'", "--param", "$xs=[1, 'a']", "--params", file, "--max-rows", "50"])
        #expect(try options.parameters() == ["who": .string("us"), "n": .int(3), "xs": .list([.int(1), .string("a")])])
        #expect(options.limits == QueryLimits(maxSteps: QueryLimits.default.maxSteps, maxRows: 50))
        #expect(try BenchOptions.parse(["--queries", "w.txt", "--max-rows", "0"]).limits.maxRows == nil)
        #expect(try BenchOptions.parse(["--queries", "w.txt"]).limits == .default)
        func refusal(_ arguments: [String]) -> String? {
            do { _ = try BenchOptions.parse(arguments).parameters() } catch { return error.message }
            return nil
        }
        #expect(refusal(["--queries", "w.txt", "--param", "who"]) == "--param takes NAME=VALUE, found 'who'")
        #expect(refusal(["--queries", "w.txt", "--param", "who=china"])?.hasPrefix("--param who: ") == true)
        #expect(refusal(["--queries", "w.txt", "--max-rows", "-1"]) == "--max-rows takes a whole number of at least 0 (0 for no limit), not '-1'")
        #expect(refusal(["--param", "who='us'"]) == "--param applies to the queries of --queries FILE")
        #expect(refusal(["--queries", "w.txt", "--params", "/nonexistent/p.json"]) == "--params /nonexistent/p.json: no such file")
        try "[1]".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(refusal(["--queries", "w.txt", "--params", file]) == "--params \(file): expected a JSON object of name: value")
    }

    /// Each query runs with the workload's parameters and its own (which win), within the row
    /// budget; its plan is the one `explainQuery` gives with the same parameters.
    @Test func queriesRunWithTheirParametersAndTheRowBudget() throws {
        let nodes = "id,kind,label\nchina,country,China\nus,country,United States\ngeneva,framework,Geneva talks\nparis,framework,Paris\n"
        let edges = "from,relation,to\nchina,supports,geneva\nus,supports,geneva\nus,supports,paris\n"
        let graph = try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(edges.utf8)).graph
        let supported = "MATCH (c:country {id: $who})-[:supports]->(f) RETURN f.id"
        let queries = [
            WorkloadQuery(name: "given", text: supported),
            WorkloadQuery(name: "own", text: supported, parameters: ["who": .string("us")]),
            WorkloadQuery(name: "many", text: "MATCH (f:framework), (c:country) RETURN f, c"),
        ]
        let timings = QueryWorkload.run(queries, on: graph, repeats: 1, parameters: ["who": .string("china")],
                                        limits: QueryLimits(maxSteps: nil, maxRows: 3))
        #expect(timings[0].rows == 1 && timings[0].head == [[.string("geneva")]])
        #expect(timings[1].rows == 2 && timings[1].head == [[.string("geneva")], [.string("paris")]])
        #expect(timings[0].plan == (try graph.explainQuery(supported, parameters: ["who": .string("china")])).description)
        #expect(timings[1].plan?.contains("seek (c:country) by id $who ($who = 'us')") == true)
        #expect(timings[2].error?.contains("more than 3 rows") == true)
        let items = try #require(QueryWorkload.json(data: "seed", loadSeconds: nil, timings: timings)["queries"]?.arrayValue)
        #expect(items[0]["params"] == nil)
        #expect(items[1]["params"] == .object(["who": .string("us")]))
        #expect(items[1].objectValue?.map(\.key) == ["name", "query", "params", "seconds", "runs", "rows", "head", "plan"])
    }

    @Test func theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        let q = WorkloadQuery(name: "q", text: "")
        #expect(WorkloadTiming(query: q, runs: [4, 1, 3, 2], rows: 0, plan: nil, error: nil).median == 2.5)
        #expect(WorkloadTiming(query: q, runs: [3, 1, 2], rows: 0, plan: nil, error: nil).median == 2)
        #expect(WorkloadTiming(query: q, runs: [3, 1, 2], rows: 0, plan: nil, error: nil).minimum == 1)
    }

    @Test func theHeadGivesNumbersAsNumbers() throws {
        let nodes = "id,kind,label\nchina,country,China\nus,country,United States\n"
        let graph = try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array("from,relation,to\n".utf8)).graph
        let timings = QueryWorkload.run([WorkloadQuery(name: "n", text: "MATCH (c:country) RETURN count(c) AS n, 2.5 AS x, null AS z, true AS t, 'us' AS s")], on: graph, repeats: 1)
        let json = QueryWorkload.json(data: "seed", loadSeconds: nil, timings: timings)
        let head = try #require(json["queries"]?.arrayValue?.first?["head"])
        #expect(head == .array([.array([.number("2"), .number("2.5"), .null, .bool(true), .string("us")])]))
        #expect(json.rendered(pretty: false).contains("[[2, 2.5, null, true, \"us\"]]"))
    }
}
