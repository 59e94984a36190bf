import Foundation
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

    /// `--explain` prints the plan instead of the rows: the start, then each expansion or count.
    @Test func explainPrintsThePlanNotTheRows() {
        let query = "MATCH (o:official)-[:leads]->(d:delegation) RETURN d, count(*)"
        let text = run(["--explain", query])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("scan d:delegation; count o:official from d:delegation"))
        #expect(!text.stdout.contains("us-delegation"))
        let json = run(["--explain", query, "--format", "json"])
        #expect(json.stdout == "{\n  \"plan\": \"\(text.stdout.dropLast())\"\n}\n")
        let budget = run(["--explain", query, "--max-steps", "10"])
        #expect(budget.status == 2)
        #expect(budget.stderr.hasPrefix("error: --explain prints the plan without running the query; leave out --max-steps"))
        let misspelt = run(["--explain", "MATCH (o:oficial) RETURN o"])
        #expect(misspelt.status == 1)
        #expect(misspelt.stderr.contains("did you mean 'official'?"))
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
