import Foundation
import Testing
@testable import PolicyGraph

/// A graph folder whose files use every habit an editor must keep: a BOM, CRLF line ends, a
/// blank line, quoting where none is needed, a column the format does not know, and (in
/// edges.csv) LF line ends without a final one.
struct EditFixture {
    static let nodes = "\u{FEFF}id,kind,label,extra\r\nus,country,\"United States\",keep me\r\ncn,country,China,\"quoted, comma\"\r\n\r\nai,framework,\"AI \"\"rules\"\"\",\r\n"
    static let edges = "from,relation,to,date,cite\nus,supports,ai,2024-05-14,\"a \"\"q\"\"\"\ncn,supports,ai,,x\ncn,supports,ai,,x"

    let folder: String
    var nodesPath: String { GraphLoader.join(folder, "nodes.csv") }
    var edgesPath: String { GraphLoader.join(folder, "edges.csv") }

    init() throws {
        folder = try TemporaryFolder.make("edit")
        try TemporaryFolder.write(Array(Self.nodes.utf8), to: nodesPath)
        try TemporaryFolder.write(Array(Self.edges.utf8), to: edgesPath)
    }

    var nodesText: String { (try? TemporaryFolder.read(nodesPath)).map { String(decoding: $0, as: UTF8.self) } ?? "" }
    var edgesText: String { (try? TemporaryFolder.read(edgesPath)).map { String(decoding: $0, as: UTF8.self) } ?? "" }

    @discardableResult
    func apply(_ edit: GraphEdit) throws -> EditReport { try GraphEditor.apply(edit, to: folder) }
}

@Suite("Editing")
struct EditTests {
    @Test func fixtureLoads() throws {
        let f = try EditFixture()
        #expect(try GraphLoader.load(folder: f.folder).graph.edgeCount == 3)
    }

    @Test func setChangesOnlyThatCell() throws {
        let f = try EditFixture()
        try f.apply(.set("cn", [ColumnValue(column: "label", value: "P.R. China")]))
        #expect(f.nodesText == EditFixture.nodes.replacing("cn,country,China,", with: "cn,country,P.R. China,"))
        #expect(f.edgesText == EditFixture.edges)
    }

    @Test func setQuotesOnlyWhenTheValueNeedsIt() throws {
        let f = try EditFixture()
        try f.apply(.set("us", [ColumnValue(column: "extra", value: "a, \"b\"")]))
        #expect(f.nodesText == EditFixture.nodes.replacing(",keep me\r\n", with: ",\"a, \"\"b\"\"\"\r\n"))
    }

    @Test func newColumnAddsACellToEveryRowAndNothingElse() throws {
        let f = try EditFixture()
        let report = try f.apply(.set("us", [ColumnValue(column: "note", value: "hi")]))
        #expect(f.nodesText == "\u{FEFF}id,kind,label,extra,note\r\nus,country,\"United States\",keep me,hi\r\ncn,country,China,\"quoted, comma\",\r\n\r\nai,framework,\"AI \"\"rules\"\"\",,\r\n")
        #expect(report.lines.first == "added column 'note' to \(f.nodesPath) (every row gets an empty cell)")
    }

    @Test func addNodeFollowsTheFilesLineEnds() throws {
        let f = try EditFixture()
        try f.apply(.addNode("eu", kind: .organization, label: "EU", set: [ColumnValue(column: "extra", value: "x")]))
        #expect(f.nodesText == EditFixture.nodes + "eu,organization,EU,x\r\n")
    }

    @Test func addEdgeKeepsAMissingFinalLineEndMissing() throws {
        let f = try EditFixture()
        try f.apply(.addEdge(from: "us", relation: .opposes, to: "ai", set: [ColumnValue(column: "date", value: "2024")]))
        #expect(f.edgesText == EditFixture.edges + "\nus,opposes,ai,2024,")
    }

    @Test func removeNodeIsRefusedWhileEdgesTouchIt() throws {
        let f = try EditFixture()
        let error = #expect(throws: EditError.self) { try f.apply(.removeNode("cn")) }
        #expect(error?.reason == .nodeHasEdges("cn", lines: [3, 4]))
        #expect(error?.description == "\(f.nodesPath):3: error: node 'cn' has 2 edges (edges.csv lines 3, 4); remove them first, or remove the node together with its edges")
        #expect(f.nodesText == EditFixture.nodes && f.edgesText == EditFixture.edges)
    }

    @Test func removeNodeWithCascadeRemovesItsRowsOnly() throws {
        let f = try EditFixture()
        try f.apply(.removeNode("cn", cascade: true))
        #expect(f.nodesText == EditFixture.nodes.replacing("cn,country,China,\"quoted, comma\"\r\n", with: ""))
        #expect(f.edgesText == "from,relation,to,date,cite\nus,supports,ai,2024-05-14,\"a \"\"q\"\"\"")
    }

    @Test func parallelEdgesAreListedAndRemovedOnlyWithAll() throws {
        let f = try EditFixture()
        let error = #expect(throws: EditError.self) { try f.apply(.removeEdge(from: "cn", relation: .supports, to: "ai")) }
        #expect(error?.reason == .severalEdges(from: "cn", relation: .supports, to: "ai", lines: [3, 4]))
        try f.apply(.removeEdge(from: "cn", relation: .supports, to: "ai", all: true))
        #expect(f.edgesText == "from,relation,to,date,cite\nus,supports,ai,2024-05-14,\"a \"\"q\"\"\"")
        try f.apply(.removeEdge(from: "us", relation: .supports, to: "ai"))
        #expect(f.edgesText == "from,relation,to,date,cite")
    }

    @Test func renameChangesTheIdAndEveryEdgeThatNamesIt() throws {
        let f = try EditFixture()
        try f.apply(.rename("cn", to: "prc"))
        #expect(f.nodesText == EditFixture.nodes.replacing("\r\ncn,", with: "\r\nprc,"))
        #expect(f.edgesText == EditFixture.edges.replacing("\ncn,", with: "\nprc,"))
    }

    @Test func renameToAnExistingIdIsRefused() throws {
        let f = try EditFixture()
        #expect(throws: EditError.self) { try f.apply(.rename("cn", to: "us")) }
    }

    @Test func editThatBreaksTheSchemaIsRefusedAndWritesNothing() throws {
        let f = try EditFixture()
        let failure = #expect(throws: LoadFailure.self) { try f.apply(.addEdge(from: "us", relation: .supports, to: "cn")) }
        #expect(failure?.lines == ["\(f.edgesPath):5: error: column 'relation': 'supports' cannot join a country to a country; the schema allows country|official|agency|organization|person|delegation -> framework|risk|topic|technology"])
        #expect(try EditFixture().nodesText == f.nodesText && f.edgesText == EditFixture.edges)
    }

    @Test func unknownNodeGetsSuggestions() throws {
        let f = try EditFixture()
        let error = #expect(throws: EditError.self) { try f.apply(.set("ua", [ColumnValue(column: "label", value: "x")])) }
        #expect(error?.reason == .unknownName("ua", argument: "ID", suggestions: ["us"]))
        #expect(error?.description == "error: unknown node 'ua' (argument ID); did you mean 'us'?")
    }

    @Test(arguments: ["=x", "novalue"])
    func keyValueNeedsAKey(_ text: String) {
        #expect(throws: EditError.self) { _ = try ColumnValue(parsing: text) }
    }

    @Test func valueMayHoldEqualsSigns() throws {
        #expect(try ColumnValue(parsing: "cite=a=b") == ColumnValue(column: "cite", value: "a=b"))
    }
}
