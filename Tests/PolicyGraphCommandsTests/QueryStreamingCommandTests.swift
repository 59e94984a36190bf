import Foundation
import Testing
@testable import PolicyGraph
@testable import PolicyGraphCommands

/// `policygraph query` writes its rows as it renders them: the pieces it streams are, end to end,
/// the bytes of the result rendered whole (``QueryResult/csv``, its JSON, ``TextTable``); and
/// names no node has get a warning or, for an id, the error a written id gets.
struct QueryStreamingCommandTests {
    static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("graph").path

    /// Gathers what the tool streams; the tool calls it from one thread, the lock keeps it Sendable.
    final class Pieces: @unchecked Sendable {
        private let lock = NSLock()
        private var pieces: [String] = []
        func add(_ text: String) { lock.withLock { pieces.append(text) } }
        var all: [String] { lock.withLock { pieces } }
    }

    /// Queries with many rows (several stream chunks) and every kind of value: nodes, edges,
    /// lists of edges, paths, maps, nulls, floats, Chinese text, text needing CSV quotes.
    static let queries = [
        "MATCH (a)-[:commentsOn|memberOf*0..1]->(b)-[r]-(c) RETURN DISTINCT *",
        "MATCH p = (o:official)-[e]->(d) RETURN p, e, o {.label, .label_zh}, o.description, 1.5 * size(o.label) AS x, null AS nothing",
        "MATCH (n) RETURN n.label_zh, n.description ORDER BY n.id",
        "MATCH (n) WHERE false RETURN n",
    ]

    @Test(arguments: queries)
    func streamedOutputIsTheWholeRendering(query: String) throws {
        let graph = try GraphLoader.load(folder: Self.seed).graph
        let result = try graph.query(query, limits: .unlimited)
        var table = TextTable(result.columns)
        for row in result.cells { table.append(row) }
        let whole = ["csv": result.csv, "json": result.jsonValue.rendered(), "text": result.rows.isEmpty ? "no rows\n" : table.text]
        for (format, expected) in whole {
            let pieces = Pieces()
            let output = PolicyGraphTool.run(["query", query, "--format", format, "--max-rows", "0", "--graph", Self.seed],
                                             streamingStandardOutput: { pieces.add($0) })
            #expect(output.status == 0)
            #expect(pieces.all.joined() + output.stdout == expected, "\(format): \(query)")
            // Large output really is streamed, in pieces of about one chunk, not held to the end.
            if expected.utf8.count > 4 * CommandOutput.streamChunk {
                #expect(pieces.all.count >= expected.utf8.count / (2 * CommandOutput.streamChunk))
                #expect(pieces.all.allSatisfy { $0.utf8.count < 2 * CommandOutput.streamChunk })
            }
            // Without a stream, stdout holds it all.
            #expect(PolicyGraphTool.run(["query", query, "--format", format, "--max-rows", "0", "--graph", Self.seed]).stdout == expected)
        }
    }

    @Test func aLabelNoNodeHasIsAWarningWithTheNameInItsCase() {
        let query = "MATCH (n) WHERE n.label = 'united states' RETURN n"
        let text = PolicyGraphTool.run(["query", query, "--graph", Self.seed])
        #expect(text == CommandOutput(stdout: "no rows\n", stderr: """
            query:1:27: warning: no node has label 'united states', so this comparison matches nothing; did you mean 'United States'?

            """))
        let json = PolicyGraphTool.run(["query", query, "--format", "json", "--graph", Self.seed])
        #expect(json == CommandOutput(stdout: """
            {
              "columns": ["n"],
              "rows": [],
              "warnings": ["query:1:27: warning: no node has label 'united states', so this comparison matches nothing; did you mean 'United States'?"]
            }

            """))
        // A name the graph has: no warning.
        #expect(PolicyGraphTool.run(["query", "MATCH (n) WHERE n.label = 'United States' RETURN n.id", "--graph", Self.seed]).stderr == "")
    }

    @Test func aMisspeltIDParameterIsTheErrorOfAMisspeltWrittenID() {
        let written = PolicyGraphTool.run(["query", "MATCH (n {id: 'chna'}) RETURN n", "--graph", Self.seed])
        let given = PolicyGraphTool.run(["query", "MATCH (n {id: $x}) RETURN n", "--param", "x='chna'", "--graph", Self.seed])
        #expect(written.status == 1 && given.status == 1)
        #expect(written.stderr.hasPrefix("query:1:15: error: unknown node 'chna'; did you mean 'china'?"))
        #expect(given.stderr == "query:1:15: error: unknown node 'chna'; did you mean 'china'?\n  MATCH (n {id: $x}) RETURN n\n                ^\n")
        let inWhere = PolicyGraphTool.run(["query", "MATCH (n) WHERE n.id = $x RETURN n", "--param", "x='chna'", "--graph", Self.seed])
        #expect(inWhere.status == 1 && inWhere.stderr.hasPrefix("query:1:24: error: unknown node 'chna'; did you mean 'china'?"))
    }
}
