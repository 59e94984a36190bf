import Foundation
import Testing
@testable import PolicyGraph

@Suite("Cypher and Neo4j CSV export")
struct InterchangeCypherTests {
    static let adversarial = Fixtures.path("interchange/adversarial")

    @Test func stringLiteralsEscapeWhatEndsThem() {
        #expect(CypherText.string("it's \"x\" \\ \n\r\t\u{7}🚀") == "'it\\'s \\\"x\\\" \\\\ \\n\\r\\t\\u0007🚀'")
    }

    @Test(arguments: [("country", "country"), ("label_zh", "label_zh"), ("has-part", "`has-part`"), ("match", "`match`"),
                      ("RETURN", "`RETURN`"), ("组织", "`组织`"), ("1st", "`1st`"), ("a`b", "`a``b`"), ("odd column", "`odd column`")])
    func namesAreBacktickedWhenTheyMustBe(_ name: String, _ expected: String) {
        #expect(CypherText.name(name) == expected)
    }

    @Test func scriptCreatesEveryNodeAndEdgeOnce() throws {
        let graph = try GraphLoader.load(folder: Self.adversarial).graph
        let script = CypherScript.script(graph)
        let lines = script.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("  {id: ") || $0.hasPrefix(", {id: ") }.count == graph.nodeCount)
        #expect(lines.filter { $0.hasPrefix("  {from: ") || $0.hasPrefix(", {from: ") }.count == graph.edgeCount)
        #expect(lines[1] == "CREATE CONSTRAINT policygraph_node_id IF NOT EXISTS FOR (n:PolicyGraphNode) REQUIRE n.id IS UNIQUE;")
        #expect(script.contains("SET n:`match` SET n += row.properties;"))
        #expect(script.contains("CREATE (a)-[r:`has-part`]->(b) SET r = row.properties;"))
        let memgraph = CypherScript.script(graph, dialect: .memgraph).split(separator: "\n")
        #expect(memgraph[1] == "CREATE INDEX ON :PolicyGraphNode(id);")
        #expect(memgraph[2] == "CREATE CONSTRAINT ON (n:PolicyGraphNode) ASSERT n.id IS UNIQUE;")
    }

    static let antlr = """
        import sys
        from antlr4 import InputStream, CommonTokenStream
        from antlr4.error.ErrorListener import ErrorListener
        from antlr4_cypher.CypherLexer import CypherLexer
        from antlr4_cypher.CypherParser import CypherParser
        class Errors(ErrorListener):
            def __init__(self): self.found = []
            def syntaxError(self, recognizer, symbol, line, column, message, e): self.found.append(f"{line}:{column}: {message}")
        statements = 0
        for statement in open(sys.argv[1], encoding="utf-8").read().split(";\\n"):
            body = "\\n".join(l for l in statement.split("\\n") if not l.startswith("//")).strip()
            # The grammar is openCypher's: schema commands are each database's own.
            if not body or body.startswith("CREATE CONSTRAINT") or body.startswith("CREATE INDEX"): continue
            statements += 1
            lexer = CypherLexer(InputStream(body)); parser = CypherParser(CommonTokenStream(lexer))
            errors = Errors()
            for p in (lexer, parser): p.removeErrorListeners(); p.addErrorListener(errors)
            parser.script()
            for e in errors.found: print(body[:120].replace("\\n", " "), e)
        print(statements)
        """

    @Test(.enabled(if: Python.has("antlr4_cypher"), "python3 with antlr4-cypher is missing: \(Python.pipLine)"))
    func everyStatementParsesAsOpenCypher() throws {
        let graph = try GraphLoader.load(folder: Self.adversarial).graph
        let folder = try TemporaryFolder.make()
        let path = GraphLoader.join(folder, "g.cypher")
        try TemporaryFolder.write(Array(CypherScript.script(graph).utf8), to: path)
        let result = try Python.run(Self.antlr, arguments: [path])
        #expect(result.status == 0, "\(result.stderr)")
        let kinds = graph.kindCounts.values.filter { $0 > 0 }.count
        let relations = graph.relationCounts.values.filter { $0 > 0 }.count
        #expect(result.stdout == "\(kinds + relations)\n")
    }

    @Test func neo4jFilesCarryTheImportHeadersAndEveryRow() throws {
        let graph = try GraphLoader.load(folder: Self.adversarial).graph
        let files = Neo4jCSV.files(graph)
        let nodes = try RawCSV(bytes: Array(files[0].contents.utf8), file: "nodes.csv")
        let edges = try RawCSV(bytes: Array(files[1].contents.utf8), file: "relationships.csv")
        #expect(nodes.header == ["id:ID", ":LABEL", "kind", "label", "label_zh", "description", "score:double", "odd column", "x_y"])
        #expect(edges.header == [":START_ID", ":TYPE", ":END_ID", "weight:double", "date", "cite", "note"])
        #expect(nodes.rows.map { $0.fields[0] } == graph.nodes.map(\.id.rawValue))
        #expect(nodes.rows.map { $0.fields[1] } == graph.nodes.map { "PolicyGraphNode;\($0.kind)" })
        #expect(nodes.rows.map { $0.fields[3] } == graph.nodes.map(\.label))
        #expect(edges.rows.map { $0.fields[0...2].joined(separator: " ") } == graph.edges.map { "\($0.from) \($0.relation) \($0.to)" })
        #expect(edges.rows.map { $0.fields[5] } == graph.edges.map { $0.cite ?? "" })
    }
}
