import Foundation
import Testing
@testable import PolicyGraph

@Suite("Citations checked against the texts of their sources")
struct CitationCheckTests {
    @Test func seedGraphCitesAllCheckOut() throws {
        let report = try CitationCheck.check(folder: Fixtures.seedGraph)
        #expect(report.hasSources)
        #expect(report.issues.map(\.description) == [])
        // Every node and edge of the seed carries a cite.
        let graph = try GraphLoader.load(folder: Fixtures.seedGraph).graph
        #expect(report.checkedCitations == graph.nodeCount + graph.edgeCount)
    }

    @Test func everySeedStanceNamesSourceSpeakerAndEvidence() throws {
        let graph = try GraphLoader.load(folder: Fixtures.seedGraph).graph
        let statements: Set<Relation> = [.supports, .opposes, .concernedAbout, .commentsOn, .proposes]
        for edge in graph.edges where statements.contains(edge.relation) {
            #expect(edge.attributes[Column.source] == "fudan-geneva-dialogue", "\(edge)")
            #expect(edge.attributes[Column.by] != nil, "\(edge)")
            #expect(edge.attributes[Column.evidence].flatMap(Evidence.init(rawValue:)) != nil, "\(edge)")
        }
    }

    @Test func wrongQuoteWrongLocatorAndUnknownSourceNameTheirLines() throws {
        let folder = Fixtures.path("invalid/citations")
        let report = try CitationCheck.check(folder: folder)
        let edges = folder + "/edges.csv"
        #expect(report.issues.map { "\($0.location.line) \($0.field)" } == ["3 cite", "4 cite", "5 source", "6 evidence", "6 by"])
        #expect(report.issues.allSatisfy { $0.location.file == edges })
        #expect(report.issues[0].reason == .quoteNotFound(quote: "乙方支持制裁", source: "talks"))
        #expect(report.issues[1].reason == .wrongLocator(CitationLocator(section: "01", paragraph: 1),
                                                          found: [CitationLocator(section: "01", paragraph: 2)]))
        #expect(report.issues[1].suggestedLocator == CitationLocator(section: "01", paragraph: 2))
        #expect(report.issues[2].reason == .unknownSource("memos", suggestions: ["memo"]))
        #expect(report.issues[3].reason == .unknownEvidence("guessed", suggestions: []))
        #expect(report.issues[4].reason == .unknownSpeaker("someone", suggestions: []))
        #expect(report.issues[1].description
            == "\(edges):4: error: column 'cite': the quote is not in §01 ¶1 but in §01 ¶2; write '§01 ¶2'")
        #expect(report.issues[2].description
            == "\(edges):5: error: column 'source': unknown source 'memos' (did you mean 'memo'?); add it to sources.csv or fix the id")
        // Nodes and the other edges check out: 4 node cites, 4 edge cites with a known source.
        #expect(report.checkedCitations == 8)
        #expect(report.fixes.count == 1)
    }

    @Test func validFixtureHasNoIssue() throws {
        let report = try CitationCheck.check(folder: Fixtures.path("valid/citations"))
        #expect(report.issues.map(\.description) == [])
        #expect(report.checkedCitations == 8)
    }

    @Test func fixRewritesOnlyTheLocator() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("citation-fix-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Fixtures.path("invalid/citations")), to: temporary)
        let edges = temporary.appendingPathComponent("edges.csv").path
        let before = try String(contentsOfFile: edges, encoding: .utf8)
        let report = try CitationCheck.check(folder: temporary.path)
        #expect(try CitationFix.apply(report.fixes) == 1)
        let after = try String(contentsOfFile: edges, encoding: .utf8)
        let expected = before.replacingOccurrences(of: "a,supports,sanctions,,,§01 ¶1: 甲方表示愿意合作",
                                                   with: "a,supports,sanctions,,,§01 ¶2: 甲方表示愿意合作")
        #expect(after == expected)
        #expect(after != before)
        let again = try CitationCheck.check(folder: temporary.path)
        #expect(again.issues.map(\.location.line) == [3, 5, 6, 6])
    }

    @Test func quotesMatchAcrossLineBreaksAndSpaces() throws {
        let text = try SourceText.parse("§01 ¶1\n甲方支持对话,\n乙方反对制裁。\n", file: "t.txt")
        #expect(text.locators(of: "甲方支持对话, 乙方反对制裁") == [CitationLocator(section: "01", paragraph: 1)])
        #expect(text.locators(of: "甲方支持对话,乙方") == [])
        #expect(text.locators(of: "  乙方反对制裁。 ") == [CitationLocator(section: "01", paragraph: 1)])
    }

    @Test func repeatedLocatorInATextIsAnError() {
        #expect(throws: SourceTextError(.duplicateLocator(CitationLocator(section: "01", paragraph: 1), firstLine: 1),
                                        at: SourceLocation(file: "t.txt", line: 4))) {
            try SourceText.parse("§01 ¶1\na\n\n§01 ¶1\nb\n", file: "t.txt")
        }
    }

    @Test(arguments: ["§01 ¶2: quote", "§lead ¶0: q", "§refs: q"])
    func citeCellsParse(_ cell: String) throws {
        let citation = try #require(Citation(cell))
        #expect("\(citation.locator): \(citation.quote)" == cell)
    }

    @Test(arguments: ["no locator", "§01 ¶x: q", "§01 ¶2:", "01 ¶2: q"])
    func malformedCiteCellsDoNotParse(_ cell: String) {
        #expect(Citation(cell) == nil)
    }
}
