import Foundation
import Testing
@testable import PolicyGraph

@Suite("JSON interchange")
struct InterchangeJSONTests {
    static let adversarial = Fixtures.path("interchange/adversarial")

    func files(_ folder: String) throws -> (nodes: [UInt8], edges: [UInt8]) {
        (try TemporaryFolder.read(GraphLoader.join(folder, "nodes.csv")), try TemporaryFolder.read(GraphLoader.join(folder, "edges.csv")))
    }

    @Test func adversarialGraphRoundTripsToTheSameCSVBytes() throws {
        let graph = try GraphLoader.load(folder: Self.adversarial).graph
        let json = GraphJSON.document(graph)
        let imported = try GraphJSON.read(Array(json.utf8), file: "g.json")
        let original = try files(Self.adversarial)
        #expect(Array(imported.nodesCSV.utf8) == original.nodes)
        #expect(Array(imported.edgesCSV.utf8) == original.edges)
        #expect(imported.graph.schema == graph.schema)
        // The schema.json written back gives the same schema as the fixture's own.
        let schema = try #require(imported.schemaJSON)
        #expect(try Schema.builtIn.extended(with: Array(schema.utf8), file: "schema.json") == graph.schema)
        // And the empty-label warning points at the row in the document.
        let warning = try #require(imported.warnings.first)
        let line = json.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("[\"empty-label\"") }
        #expect(warning.location.line == (line ?? -1) + 1)
    }

    @Test func importWritesTheFolderThatLoadsAsTheSameGraph() throws {
        let graph = try GraphLoader.load(folder: Self.adversarial).graph
        let folder = try TemporaryFolder.make()
        try GraphJSON.read(Array(GraphJSON.document(graph).utf8), file: "g.json").write(to: folder)
        let back = try files(folder)
        let original = try files(Self.adversarial)
        #expect(back.nodes == original.nodes && back.edges == original.edges)
        #expect(try GraphLoader.load(folder: folder).graph.schema == graph.schema)
        #expect(!FileManager.default.fileExists(atPath: GraphLoader.join(folder, GraphLock.fileName)))
    }

    @Test func seedGraphRoundTrips() throws {
        guard FileManager.default.fileExists(atPath: GraphLoader.join(Fixtures.seedGraph, "nodes.csv")) else { return }
        let graph = try GraphLoader.load(folder: Fixtures.seedGraph).graph
        let imported = try GraphJSON.read(Array(GraphJSON.document(graph).utf8), file: "g.json")
        #expect(imported.nodesCSV == GraphWriter.nodesCSV(graph))
        #expect(imported.edgesCSV == GraphWriter.edgesCSV(graph))
        #expect(imported.schemaJSON == nil)
    }

    /// The line and column just past the end of `text`: where a parser of a cut document stops.
    func end(of text: Substring) -> (line: Int, column: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.count, (lines.last?.count ?? 0) + 1)
    }

    @Test func truncatedDocumentFailsAtItsEndAndWritesNothing() throws {
        let graph = try GraphLoader.load(folder: Self.adversarial).graph
        let json = GraphJSON.document(graph)
        let characters = Array(json)
        let folder = try TemporaryFolder.make()
        let target = GraphLoader.join(folder, "out")
        for fraction in [0.05, 0.2, 0.37, 0.5, 0.73, 0.9, 0.999] {
            let cut = String(characters.prefix(Int(Double(characters.count) * fraction))).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(throws: ImportFailure.self) { _ = try GraphJSON.read(Array(cut.utf8), file: "cut.json") }
            do {
                _ = try GraphJSON.read(Array(cut.utf8), file: "cut.json")
            } catch {
                let e = try #require(error.errors.first)
                guard case .syntax = e.reason else { Issue.record("expected a syntax error, got \(e)"); continue }
                let expected = end(of: Substring(cut))
                #expect(e.location.line == expected.line && e.location.column == expected.column, "\(e) at fraction \(fraction)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func truncatedDocumentMessage() throws {
        let failure = #expect(throws: ImportFailure.self) { _ = try GraphJSON.read(Array("{\n  \"format\": \"policygraph\",\n  \"nodes\": [".utf8), file: "g.json") }
        #expect(failure?.description == "g.json:3:13: error: invalid JSON: the document ends where a value was expected; nothing was written")
    }

    /// A one-node, one-edge document with `nodeRow` and `edgeRow` as its rows' text.
    func document(nodeRows: String, edgeRows: String, schema: String? = nil) -> String {
        let builtIn = GraphJSON.schemaValue(.builtIn).rendered(pretty: false)
        return """
            {"format": "policygraph", "version": 1,
             "schema": \(schema ?? builtIn),
             "nodes": {"columns": ["id", "kind", "label"], "rows": [
            \(nodeRows)
             ]},
             "edges": {"columns": ["from", "relation", "to", "cite"], "rows": [
            \(edgeRows)
             ]}}
            """
    }

    @Test func rowWithACellTooFewIsReportedAtItsLine() throws {
        let text = document(nodeRows: "  [\"us\", \"country\", \"US\"],\n  [\"eu\", \"organization\"]", edgeRows: "")
        let failure = #expect(throws: ImportFailure.self) { _ = try GraphJSON.read(Array(text.utf8), file: "g.json") }
        #expect(failure?.errors.map(\.description) == ["g.json:5:3: error: nodes row 1: expected 3 cells as in nodes.columns, found 2"])
    }

    @Test func invalidEdgeIsReportedAtItsRowWithTheLoadersMessage() throws {
        let text = document(nodeRows: "  [\"us\", \"country\", \"US\"]", edgeRows: "  [\"us\", \"supports\", \"nowhere\", \"\"]")
        let failure = #expect(throws: ImportFailure.self) { _ = try GraphJSON.read(Array(text.utf8), file: "g.json") }
        #expect(failure?.lines == ["g.json:7:3: error: column 'to': unknown node 'nowhere'; add it to nodes.csv or fix the id"])
    }

    @Test func nonStringCellIsRefused() throws {
        let text = document(nodeRows: "  [\"us\", \"country\", 3]", edgeRows: "")
        let failure = #expect(throws: ImportFailure.self) { _ = try GraphJSON.read(Array(text.utf8), file: "g.json") }
        #expect(failure?.errors.first?.location.line == 4)
    }

    @Test func cellWithANulCharacterIsRefusedAtItsRow() throws {
        let text = document(nodeRows: "  [\"us\", \"country\", \"U\\u0000S\"]", edgeRows: "")
        let failure = #expect(throws: ImportFailure.self) { _ = try GraphJSON.read(Array(text.utf8), file: "g.json") }
        #expect(failure?.errors.map(\.description) == ["g.json:4:3: error: nodes row 0: a cell holds U+0000, which a CSV file cannot hold"])
    }

    @Test func changedBuiltInKindCannotBeWrittenAsSchemaJSON() throws {
        var value = GraphJSON.schemaValue(.builtIn).rendered(pretty: false)
        value = value.replacing("\"A state.\"", with: "\"A nation.\"")
        let text = document(nodeRows: "  [\"us\", \"country\", \"US\"]", edgeRows: "", schema: value)
        let failure = #expect(throws: ImportFailure.self) { _ = try GraphJSON.read(Array(text.utf8), file: "g.json") }
        #expect(failure?.errors.first?.message == "schema: built-in kind 'country' is changed (description or actor); a schema.json can only add kinds")
    }

    @Test func wrongFormatNameIsRefused() throws {
        let failure = #expect(throws: ImportFailure.self) { _ = try GraphJSON.read(Array("{\"format\": \"other\", \"version\": 1}".utf8), file: "g.json") }
        #expect(failure?.errors.first?.message == "'format' must be \"policygraph\"; this is not a policygraph export")
    }

    @Test func importRefusesAFolderWithAGraphUnlessReplacing() throws {
        let graph = try GraphLoader.load(folder: Self.adversarial).graph
        let imported = try GraphJSON.read(Array(GraphJSON.document(graph).utf8), file: "g.json")
        let folder = try TemporaryFolder.make()
        try TemporaryFolder.write(Array("id,kind,label\n".utf8), to: GraphLoader.join(folder, "nodes.csv"))
        #expect(throws: EditError.self) { try imported.write(to: folder) }
        #expect(try TemporaryFolder.read(GraphLoader.join(folder, "nodes.csv")) == Array("id,kind,label\n".utf8))
        try imported.write(to: folder, replacing: true)
        #expect(try files(folder).nodes == files(Self.adversarial).nodes)
    }
}
