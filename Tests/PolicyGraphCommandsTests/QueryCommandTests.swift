import Foundation
import PolicyGraph
import Testing
@testable import PolicyGraphCommands

/// `policygraph query`: the whole command, in-process, against the pattern fixture.
struct QueryCommandTests {
    /// `Fixtures/patterns`, found from this file (the target's `Fixtures.root` climbs one folder
    /// too many: this file is one level shallower than the library's Support/Fixtures.swift).
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/patterns").path
    let graph = ["--graph", Self.fixture]

    func run(_ arguments: [String]) -> CommandOutput { PolicyGraphTool.run(["query"] + arguments + graph) }

    @Test func printsATable() {
        let output = run(["MATCH (o:official)-[:leads]->(d:delegation) RETURN d, o.label AS leader, o.label_zh ORDER BY d, leader"])
        #expect(output.status == 0)
        #expect(output.stderr == "")
        #expect(output.stdout == """
            d                 leader         o.label_zh
            ----------------  -------------  ----------
            china-delegation  Yang Tao       杨涛
            us-delegation     Seth Center    森特
            us-delegation     Tarun Chhabra  查布拉

            """)
    }

    @Test func printsJSONWithNodesAsIdKindAndLabel() {
        let output = run(["MATCH (o:official {id: 'yang-tao'})-[r:leads]->(d) RETURN d, r, o.label, size(o.label) AS n", "--format", "json"])
        #expect(output.status == 0)
        #expect(output.stdout == """
            {
              "columns": ["d", "r", "o.label", "n"],
              "rows": [
                [
                  {
                    "id": "china-delegation",
                    "kind": "delegation",
                    "label": "Chinese delegation"
                  },
                  {
                    "from": "yang-tao",
                    "relation": "leads",
                    "to": "china-delegation"
                  },
                  "Yang Tao",
                  8
                ]
              ]
            }

            """)
    }

    @Test func printsCSVWithNullAsAnEmptyField() {
        let output = run(["MATCH (c:country) RETURN c.label, c.title, c.population ORDER BY c", "--format", "csv"])
        #expect(output.stdout == "c.label,c.title,c.population\nChina,,1410\nSwitzerland,,9\nUnited States,,335\n")
    }

    /// `--explain` prints the plan instead of the rows: the engine, each clause, and under it
    /// the start, each expansion or count; as JSON a tree of steps, as CSV a row per step.
    @Test func explainPrintsThePlanNotTheRows() throws {
        let query = "MATCH (o:official)-[:leads]->(d:delegation) RETURN d, count(*)"
        let text = run(["--explain", query])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("""
            engine: pattern (MATCH ... RETURN planned as one join)
            MATCH
              scan d:delegation
              count (d:delegation)<-[:leads]-(o:official) at each d,
            """))
        #expect(!text.stdout.contains("us-delegation"))
        let json = try JSONParser.parse(run(["--explain", query, "--format", "json"]).stdout)
        #expect(json["engine"] == .string("pattern"))
        let match = try #require(json["steps"]?.arrayValue?.first)
        #expect(match["operation"] == .string("match"))
        let start = try #require(match["steps"]?.arrayValue?.first)
        #expect(start["text"] == .string("scan d:delegation") && start["variable"] == .string("d") && start["method"] == .string("kindIndex"))
        let count = try #require(match["steps"]?.arrayValue?.last)
        #expect(count["operation"] == .string("count") && count["direction"] == .string("incoming") && count["relations"] == .array([.string("leads")]))
        let csv = run(["--explain", query, "--format", "csv"]).stdout.split(separator: "\n")
        #expect(csv.first == "depth,operation,text,variable,kinds,anchor,relations,direction,hops,ids,method")
        #expect(csv.dropFirst().first == "0,match,MATCH,,,,,,,,")
        #expect(csv.dropFirst(2).first == "1,scan,scan d:delegation,d,delegation,,,,,,kindIndex")
        let budget = run(["--explain", query, "--max-steps", "10"])
        #expect(budget.status == 2)
        #expect(budget.stderr.hasPrefix("error: --explain prints the plan without running the query; leave out --max-steps"))
        let misspelt = run(["--explain", "MATCH (o:oficial) RETURN o"])
        #expect(misspelt.status == 1)
        #expect(misspelt.stderr.contains("did you mean 'official'?"))
    }

    /// `--param` goes with `--explain`: a seek on `$who` shows the id it seeks, and a malformed
    /// or misspelt parameter is the error it is when the query runs.
    @Test func explainTakesParametersAndShowsTheirValues() throws {
        let query = "MATCH (c:country {id: $who})<-[:memberOf]-(a) RETURN a"
        let text = run(["--explain", query, "--param", "who='china'"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("\n  seek (c:country) by id $who ($who = 'china'); checks :country\n  expand (c:country)<-[:memberOf]-(a)\n"))
        let json = try JSONParser.parse(run(["--explain", query, "--param", "who='china'", "--format", "json"]).stdout)
        let seek = try #require(json["steps"]?.arrayValue?.first?["steps"]?.arrayValue?.first)
        #expect(seek["operation"] == .string("seek") && seek["ids"] == .array([.string("china")]))
        #expect(run(["--explain", query, "--param", "who"]).status == 2)
        let misspelt = run(["--explain", query, "--param", "who='chna'"])
        #expect(misspelt.status == 1)
        #expect(misspelt.stderr.contains("did you mean 'china'?"))
    }

    /// The caret belongs under the error line; the search hint comes after both.
    @Test func anUnknownParameterIdGivesTheCaretThenTheSearchHint() {
        let output = run(["MATCH (c:country {id: $who}) RETURN c", "--param", "who='zzzqqq'"])
        #expect(output.status == 1)
        #expect(output.stderr == """
            query:1:23: error: unknown node 'zzzqqq'; no id or label is close
              MATCH (c:country {id: $who}) RETURN c
                                    ^
            hint: 'policygraph search WORDS' finds nodes by the words of their labels and descriptions

            """)
    }

    /// A query file that is not there is missing input (status 1), as a missing graph folder is.
    @Test func aMissingQueryFileIsADataError() {
        let output = run(["--file", "/nonexistent/question.cypher"])
        #expect(output.status == 1)
        #expect(output.stderr == "/nonexistent/question.cypher: error: cannot read the file: no such file; --file takes a file that holds the query\n")
    }

    @Test func readsTheQueryFromAFile() {
        let output = run(["--file", Self.fixture + "/queries/leaders.cypher", "--format", "csv"])
        #expect(output.status == 0)
        #expect(output.stdout == "d,leader\nchina-delegation,Yang Tao\nus-delegation,Seth Center\nus-delegation,Tarun Chhabra\n")
    }

    @Test func saysSoWhenNothingMatches() {
        let output = run(["MATCH (c:country)-[:opposes]->(:risk) RETURN c"])
        #expect(output.status == 0)
        #expect(output.stdout == "no rows\n")
        #expect(run(["MATCH (c:country)-[:opposes]->(:risk) RETURN c", "--format", "json"]).stdout == "{\n  \"columns\": [\"c\"],\n  \"rows\": []\n}\n")
    }

    @Test func aQueryErrorShowsTheLineWithACaretAndExitsWithOne() {
        let output = run(["MATCH (a)\n   -[:suports]->(b)\nRETURN b"])
        #expect(output.status == 1)
        #expect(output.stdout == "")
        #expect(output.stderr == """
            query:2:7: error: unknown relation 'suports'; did you mean 'supports'?
                 -[:suports]->(b)
                    ^

            """)
    }

    @Test func theCaretStandsUnderWideCharacters() {
        // Column 37 counts characters; the caret sits at display column 39, as 王毅 takes four.
        let output = run(["MATCH (n {label_zh: '王毅'}) RETURN n.lable"])
        #expect(output.stderr == "query:1:37: error: unknown property 'lable'; did you mean 'label'?\n"
            + "  MATCH (n {label_zh: '王毅'}) RETURN n.lable\n" + "  " + String(repeating: " ", count: 38) + "^\n")
    }

    @Test func unsupportedClausesAreQueryErrors() {
        let output = run(["MATCH (a) DELETE a"])
        #expect(output.status == 1)
        #expect(output.stderr.hasPrefix("query:1:11: error: DELETE is not supported"))
    }

    @Test func theQueryComesFromOnePlace() {
        #expect(run([]).status == 2)
        #expect(run([]).stderr == "error: missing argument QUERY (or --file F)\nsee 'policygraph query --help'\n")
        let both = run(["MATCH (a) RETURN a", "--file", "x.cypher"])
        #expect(both.status == 2)
        #expect(both.stderr.hasPrefix("error: give the query either as an argument or with --file, not both"))
    }
}
