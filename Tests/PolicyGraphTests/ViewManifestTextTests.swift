import Testing
import PolicyGraph

/// The view list written back as text reads back to the same views; freshness by fingerprint.
struct ViewManifestTextTests {
    @Test func theListReadsBackAsWritten() throws {
        let text = """
            # the first views
            overview: --cluster --legend --title "The dialogue at a glance"
            odd: --title 'it''s' --query "MATCH (a {id: 'x'}) RETURN a" --wrap 12
            """
        let list = try ViewManifest.parse(text, file: "views.txt")
        let again = try ViewManifest.parse(list.text, file: "views.txt")
        #expect(again.views.map(\.name) == ["overview", "odd"])
        #expect(again.views.map(\.arguments) == list.views.map(\.arguments))
        #expect(list.views[0].arguments == ["--cluster", "--legend", "--title", "The dialogue at a glance"])
    }

    @Test func freshnessComparesTheDOTAndTheSVGsFingerprint() {
        let dot = "digraph { a -> b }\n"
        let drawn = "<svg><!-- \(ViewManifest.fingerprint(ofDOT: dot)) --></svg>"
        #expect(ViewManifest.freshness(ofDOT: dot, committedDOT: dot, committedSVG: drawn) == .upToDate)
        #expect(ViewManifest.freshness(ofDOT: dot, committedDOT: "digraph {}\n", committedSVG: drawn) == .staleDOT)
        #expect(ViewManifest.freshness(ofDOT: dot, committedDOT: nil, committedSVG: drawn) == .staleDOT)
        #expect(ViewManifest.freshness(ofDOT: dot, committedDOT: dot, committedSVG: "<svg/>") == .staleSVG)
        #expect(ViewManifest.freshness(ofDOT: dot, committedDOT: dot, committedSVG: nil, checkingSVG: false) == .upToDate)
    }
}
