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
