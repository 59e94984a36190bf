import Testing
@testable import PolicyGraph

/// Text folding and node search: case, width and id separators do not matter, results ranked.
@Suite struct SearchTests {
    @Test(arguments: [
        ("US", "us"), ("ＵＳ", "us"), ("Ｅｘｐｏｒｔ　Ｃｏｎｔｒｏｌ", "export control"),
        ("us-chip_export--controls", "us chip export controls"), ("  Seth   Center ", "seth center"), ("森特", "森特"),
    ])
    func foldingIgnoresCaseWidthAndSeparators(_ text: String, _ folded: String) {
        #expect(TextMatch.fold(text) == folded)
    }

    @Test func matchesAreExactPrefixOrSubstring() {
        #expect(TextMatch.match("us", query: "us") == .exact)
        #expect(TextMatch.match("us chip export controls", query: "us") == .prefix)
        #expect(TextMatch.match("us chip export controls", query: "export control") == .substring)
        #expect(TextMatch.match("国务院关键与新兴技术代理特使森特", query: "森特") == .substring)
        #expect(TextMatch.match("china", query: "us") == nil)
        #expect(TextMatch.match("china", query: "") == nil)
    }

    static let graph = """
        id,kind,label,label_zh,description,cite
        us,country,United States,美国,One of the parties.,§lead: 中美
        us-chip-export-controls,framework,US chip export ban,高端芯片的禁运政策,Export controls on GPUs.,§02
        export-regime,framework,Export control regime,出口管制,,
        gpu,technology,Advanced GPUs,,Covered by US export controls.,
        seth-center,official,Seth Center,森特,Envoy.,§01: 特使森特(Seth Center)
        russia,country,Russia,俄罗斯,Named in the export bill.,

        """

    func search(_ text: String, kind: Kind? = nil) throws -> [SearchMatch] {
        try OverlapTestGraphs.graph(nodes: Self.graph, edges: "from,relation,to\n").search(text, kind: kind)
    }

    @Test func rankedExactIdThenExactLabelThenPrefixThenSubstringThenDescriptionThenCite() throws {
        let found = try search("export control")
        // export-regime: label prefix (2); us-chip-export-controls: id substring (3);
        // gpu: description (4). russia's description says "export bill": no match.
        #expect(found.map(\.id) == ["export-regime", "us-chip-export-controls", "gpu"])
        #expect(found.map(\.field) == ["label", "id", "description"])
        #expect(found.map(\.rank) == [2, 3, 4])
        let us = try search("US")
        #expect(us.first?.id == "us")
        #expect(us.first?.field == "id")
        #expect(us.first?.rank == 0)
    }

    @Test func chineseMatchesBySubstringAndCitesCount() throws {
        let found = try search("森特")
        #expect(found.map(\.id) == ["seth-center"])
        #expect(found.first?.field == "label_zh")
        // A word found only in a cite ranks last.
        #expect(try search("中美").map(\.field) == ["cite"])
        #expect(try search("管制").map(\.id) == ["export-regime"])
    }

    @Test func anEdgesCiteFindsTheNodesAtItAfterEverythingElse() throws {
        let g = try OverlapTestGraphs.graph(nodes: Self.graph, edges: """
            from,relation,to,cite
            seth-center,memberOf,us,§01: 森特带队
            russia,supports,export-regime,§02: 俄方支持
            us,supports,export-regime,§03: 美方支持出口管制

            """)
        // seth-center matches by its Chinese label; us only through the edge, once, by the first edge.
        let found = try g.search("森特")
        #expect(found.map(\.id) == ["seth-center", "us"])
        #expect(found.map(\.field) == ["label_zh", "edgeCite"])
        #expect(found.last?.text == "seth-center memberOf us: §01: 森特带队")
        #expect(found.last?.rank == 6)
        // export-regime matches by its own label_zh first; us through the third edge.
        #expect(try g.search("出口管制").map(\.field) == ["label_zh", "edgeCite"])
        #expect(try g.search("支持", kind: .country).map(\.id) == ["russia", "us"])
    }

    @Test func kindFiltersAndAnUnknownKindIsAnError() throws {
        #expect(try search("export", kind: .technology).map(\.id) == ["gpu"])
        #expect(throws: QueryError.self) { try search("export", kind: "countyr") }
        #expect(try search("   ").isEmpty)
    }

    @Test func suggestionsFollowTheSameRanking() throws {
        let g = try OverlapTestGraphs.graph(nodes: Self.graph, edges: "from,relation,to\n")
        // An id in another case is that id (one node has it); a near miss gets suggestions.
        #expect(try g.resolve("US") == "us")
        #expect(throws: QueryError.self) { try g.resolve("USA") }
        #expect(g.suggestions(for: "US") == ["us"])
        #expect(g.suggestions(for: "ｓｅｔｈ").first == "seth-center")
    }
}
