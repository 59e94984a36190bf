import Foundation
import Testing
@testable import PolicyGraph
@testable import PolicyGraphBench

/// The benchmark graph generator: deterministic, loadable, and of the shape the issue gives.
@Suite struct ScaleGeneratorTests {
    static func bytes(_ folder: String, _ file: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: GraphLoader.join(folder, file)))
    }

    @Test func theSameSeedWritesTheSameBytes() throws {
        let a = ScratchFolder(), b = ScratchFolder(), c = ScratchFolder()
        let shape = GraphShape(nodes: 400, edges: 2000, seed: 7)
        try GraphGenerator.write(shape, to: a.path)
        try GraphGenerator.write(shape, to: b.path)
        try GraphGenerator.write(GraphShape(nodes: 400, edges: 2000, seed: 8), to: c.path)
        for file in [GraphLoader.nodesFile, GraphLoader.edgesFile] {
            #expect(try Self.bytes(a.path, file) == Self.bytes(b.path, file))
            #expect(try Self.bytes(a.path, file) != Self.bytes(c.path, file))
        }
    }

    @Test func theSmallGraphHasTheBenchmarkShape() throws {
        let folder = ScratchFolder()
        let generated = try GraphGenerator.write(.small, to: folder.path)
        #expect(generated.nodes == 1000 && generated.edges == 5000)
        #expect(generated.countries == 200 && generated.agencies == 50 && generated.frameworks == 20
                    && generated.risks == 20 && generated.organizations == 10 && generated.officials == 700)

        // It loads cleanly, and the plain reader reads the same rows.
        let loaded = try GraphLoader.load(folder: folder.path)
        #expect(loaded.warnings.isEmpty)
        let rows = try BenchReference(folder: folder.path)
        #expect(loaded.graph.nodeCount == rows.nodes.count && loaded.graph.edgeCount == rows.edges.count)

        let kind = Dictionary(uniqueKeysWithValues: rows.nodes.map { ($0.id, $0.kind) })
        func edges(_ relation: String, from fromKind: String) -> [BenchReference.EdgeRow] {
            rows.edges.filter { $0.relation == relation && kind[$0.from] == fromKind }
        }
        // Every agency is a member of exactly one country; every official of exactly one agency.
        let agencyIn = edges("memberOf", from: "agency")
        #expect(agencyIn.count == 50 && Set(agencyIn.map(\.from)).count == 50 && agencyIn.allSatisfy { kind[$0.to] == "country" })
        let officialIn = edges("memberOf", from: "official")
        #expect(officialIn.count == 700 && Set(officialIn.map(\.from)).count == 700 && officialIn.allSatisfy { kind[$0.to] == "agency" })
        // Each agency is led by one of its members.
        let members = Set(officialIn.map { "\($0.from)>\($0.to)" })
        let leads = edges("leads", from: "official")
        #expect(Set(leads.map(\.to)).count == 50 && leads.allSatisfy { members.contains("\($0.from)>\($0.to)") })
        // Each framework references two other frameworks.
        let references = edges("references", from: "framework")
        #expect(references.count == 40 && references.allSatisfy { kind[$0.to] == "framework" && $0.from != $0.to })
        // The rest are stances from actors to frameworks and risks, about 60 % supports.
        let stances = rows.edges.filter { $0.relation == "supports" || $0.relation == "opposes" }
        #expect(stances.count == generated.stances && stances.count == 5000 - 50 - 700 - 50 - 40)
        #expect(stances.allSatisfy { kind[$0.to] == "framework" || kind[$0.to] == "risk" })
        let supportShare = Double(stances.filter { $0.relation == "supports" }.count) / Double(stances.count)
        #expect(supportShare > 0.55 && supportShare < 0.65)
        // Countries take at most one stance per target.
        let countryStances = stances.filter { kind[$0.from] == "country" }
        #expect(countryStances.count == generated.countryStances && countryStances.count > 0)
        #expect(Set(countryStances.map { "\($0.from)>\($0.to)" }).count == countryStances.count)
        // Popularity is skewed: the most popular target draws far more than an even share.
        let perTarget = Dictionary(grouping: stances, by: \.to).mapValues(\.count)
        #expect((perTarget.values.max() ?? 0) > 5 * stances.count / 40)
        // Chinese labels, and fields that need quoting.
        let text = String(decoding: try Self.bytes(folder.path, GraphLoader.nodesFile), as: UTF8.self)
        #expect(text.contains("国家") && text.contains("\"\"Draft, v2\"\"") && text.contains("\"Agency "))
        #expect(loaded.graph.node("framework-1")?.label == "Framework 1: \"Draft, v2\"")
    }
}
