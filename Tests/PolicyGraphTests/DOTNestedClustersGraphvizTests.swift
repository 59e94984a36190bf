import Foundation
@testable import PolicyGraph
import Testing

/// Nested boxes as the real Graphviz draws them: the box of each cluster (`bb` in `dot -Tjson`)
/// holds the boxes and the node centres (`pos`) it should, and no box holds what it should not.
@Suite(.enabled(if: DOTReference.dotAvailable, DOTReference.skipMessage))
struct DOTNestedClustersGraphvizTests {
    struct Box {
        let x0, y0, x1, y1: Double
        func holds(_ x: Double, _ y: Double) -> Bool { x > x0 && x < x1 && y > y0 && y < y1 }
        func holds(_ other: Box) -> Bool { other.x0 > x0 && other.x1 < x1 && other.y0 > y0 && other.y1 < y1 }
    }

    func numbers(_ text: String) -> [Double] { text.split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Double($0) } }

    /// The summit fixture (`Fixtures/html/summit`): G7 ⊃ EU ⊃ Commission, France, Germany, Ireland;
    /// the UK's box (it has an institute) inside the G7's; Japan in the G7's; Brazil in none.
    @Test func theEUsBoxIsInsideTheG7sAndHoldsTheCommission() throws {
        let graph = try GraphLoader.load(folder: Fixtures.path("html/summit")).graph
        let layout = try DOTReference.layout(DOTRenderer(options: DOTOptions(clusters: true)).render(graph))
        #expect(layout.warnings == [])
        var boxes: [String: Box] = [:]
        for (name, cluster) in layout.clusters {
            let bb = numbers(cluster.attributes["bb"] ?? "")
            if bb.count == 4 { boxes[name] = Box(x0: bb[0], y0: bb[1], x1: bb[2], y1: bb[3]) }
        }
        #expect(Set(boxes.keys) == ["cluster_organization_g7", "cluster_organization_european-union", "cluster_country_united-kingdom"])
        let g7 = try #require(boxes["cluster_organization_g7"])
        let eu = try #require(boxes["cluster_organization_european-union"])
        let uk = try #require(boxes["cluster_country_united-kingdom"])
        #expect(g7.holds(eu) && g7.holds(uk) && !eu.holds(uk) && !uk.holds(eu))
        func inside(_ id: String) throws -> Set<String> {
            let pos = numbers(try #require(layout.nodes[id]?.attributes["pos"]))
            return Set(boxes.filter { $0.value.holds(pos[0], pos[1]) }.keys)
        }
        let inEU: Set = ["cluster_organization_g7", "cluster_organization_european-union"]
        for id in ["european-commission", "european-union", "france", "germany", "ireland"] { #expect(try inside(id) == inEU, "\(id)") }
        for id in ["g7", "japan"] { #expect(try inside(id) == ["cluster_organization_g7"], "\(id)") }
        for id in ["united-kingdom", "uk-ai-safety-institute"] {
            #expect(try inside(id) == ["cluster_organization_g7", "cluster_country_united-kingdom"], "\(id)")
        }
        for id in ["brazil", "declaration", "frontier-risk", "summit"] { #expect(try inside(id) == [], "\(id)") }
    }
}
