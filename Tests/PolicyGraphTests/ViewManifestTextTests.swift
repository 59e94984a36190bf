import Testing
@testable import PolicyGraph

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

/// A view drawn through the library's specification is the CLI's `dot` output for the same options.
struct ViewSpecificationTests {
    @Test func aSpecificationDrawsWhatTheGoldenShows() throws {
        let graph = try GraphLoader.load(folder: Fixtures.path("dot/small")).graph
        let plain = try ViewSpecification().dot(of: graph)
        #expect(plain == (try DOTRendererTests.golden("small.dot")))
        let both = ViewSpecification(options: DOTOptions(language: .both, rankDirection: .topToBottom, legend: true, clusters: true,
                                                         title: #"A "small" graph"#, wrapWidth: 12))
        #expect(try both.dot(of: graph) == (try DOTRendererTests.golden("small-cluster-legend-both.dot")))
    }

    @Test func aMissingPathIsAReasonNotAText() throws {
        var builder = GraphBuilder()
        builder.addNode("us", kind: .country, label: "United States")
        builder.addNode("ai", kind: .framework, label: "AI")
        let graph = try builder.build().graph
        let error = #expect(throws: QueryError.self) { try ViewSpecification(part: .path(from: "us", to: "ai")).dot(of: graph) }
        #expect(error?.reason == .noPath(from: "us", to: "ai", directed: false))
        #expect(error?.message == "no path from 'us' to 'ai'; nothing to draw")
    }
}
