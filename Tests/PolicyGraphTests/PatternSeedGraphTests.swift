import Foundation
import Testing
@testable import PolicyGraph

/// Smoke test on the real seed graph (graph/), when it is there: the questions of
/// docs/readme/queries.md run without error and find the facts the article states.
struct PatternSeedGraphTests {
    static let graph: Graph? = try? GraphLoader.load(folder: Fixtures.seedGraph).graph

    @Test(.enabled(if: FileManager.default.fileExists(atPath: Fixtures.seedGraph + "/nodes.csv")))
    func theReadmeQuestionsRunOnTheSeedGraph() throws {
        let graph = try #require(Self.graph)
        let leaders = try graph.query("MATCH (o:official)-[:leads]->(:delegation {id: 'us-delegation'}) RETURN o")
        #expect(leaders.rows.contains([.node("tarun-chhabra")]))
        #expect(leaders.rows.contains([.node("seth-center")]))
        let questions = [
            "MATCH (:country {id: 'china'})-[:opposes]->(x)<-[:supports]-(who) RETURN who, x",
            "MATCH (w {id: 'wang-yi'})-[r*1..3]-(g {id: 'geneva-ai-dialogue-2024'}) RETURN size(r) AS steps, count(*) ORDER BY steps",
            "MATCH (f:framework)-[:references]->(:framework {id: 'san-francisco-consensus'}) RETURN f",
            "MATCH (a:country)-[:supports]->(f:framework)<-[:opposes]-(b:country) WHERE a <> b RETURN count(*)",
            "MATCH (x)-[:supports]->(f) RETURN labels(x) AS kind, count(*) AS n ORDER BY n DESC",
        ]
        for q in questions { _ = try graph.query(q) }
    }
}
