@testable import PolicyGraph
import Testing

/// A neutral stance (polarity 0, such as `abstains`) is drawn as a position: its own colour in
/// the edges and the legend, not the grey of relations that take no position.
@Suite struct DOTNeutralStanceTests {
    @Test func aNeutralStanceHasItsOwnColourInTheEdgesAndTheLegend() throws {
        let graph = try GraphLoader.load(folder: Fixtures.path("html/summit")).graph
        let style = DOTStyle(schema: graph.schema)
        #expect(graph.schema.isStance(Relation("abstains")) && graph.schema.polarity(of: Relation("abstains")) == 0)
        #expect(style.style(for: Relation("abstains")).color == DOTStyle.neutralStanceColor)
        #expect(style.style(for: .memberOf).color == DOTStyle.neutralColor)
        #expect(style.style(for: .participatesIn).color == DOTStyle.neutralColor)
        let dot = DOTRenderer(options: DOTOptions(legend: true)).render(graph)
        #expect(dot.contains("\"legend:relation:abstains:from\" -> \"legend:relation:abstains:to\" [label=\"abstains\", tooltip=\"abstains: Abstains on (a neutral position).\", color=\"#f9a825\""))
        #expect(dot.contains("\"ireland\" -> \"frontier-risk\" [label=\"abstains\""))
        #expect(dot.components(separatedBy: ", color=\"#f9a825\"").count - 1 == 5, "two edges, and the legend's edge and its two ends")
    }
}
