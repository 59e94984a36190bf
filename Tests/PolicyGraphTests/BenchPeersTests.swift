import Foundation
import Testing
@testable import PolicyGraph
@testable import PolicyGraphBench

/// The benchmark's peers (`peers/peer_ops.py` with igraph, rustworkx, networkx and Kùzu) on the
/// generated S graph against the answers of the library's own bench ops: every op of the
/// benchmark checked against four independent implementations, so that the comparison with
/// them (`peers/compare.py`) compares equal answers.
@Suite struct BenchPeersTests {
    static let script = Fixtures.root.appendingPathComponent("Sources/PolicyGraphBench/peers/peer_ops.py").path
    static let ops = ["load", "khop_out3", "khop_both2", "path", "pattern", "pattern_heavy", "chain", "overlap"]

    /// Each op's `result` from the library, through the calls `policygraph-bench` makes.
    static func libraryAnswers(_ folder: String) throws -> [String: JSONValue] {
        let (load, graph) = try CoreOps.load(folder)
        let start = try #require(CoreOps.firstCountry(graph))
        let pairs = EngineOps.pathPairs(ids: graph.nodeIDs, frameworks: graph.nodeIDs(of: .framework))
        return [
            "load": load.result,
            "khop_out3": .int(try CoreOps.khopOut3(graph, from: start)),
            "khop_both2": .int(try CoreOps.khopBoth2(graph, from: start)),
            "path": try EngineOps.path(graph, pairs: pairs) ?? .null,
            "pattern": try EngineOps.pattern(graph) ?? .null,
            "pattern_heavy": try EngineOps.patternHeavy(graph) ?? .null,
            "chain": try EngineOps.chain(graph) ?? .null,
            "overlap": try EngineOps.overlap(graph) ?? .null,
        ]
    }

    /// Runs `peer` on a fresh S graph and expects the library's answer for every op.
    static func expectLibraryAnswers(from peer: String) throws {
        let folder = ScratchFolder()
        try GraphGenerator.write(.small, to: folder.path)
        let expected = try libraryAnswers(folder.path)
        let run = try Python.run(file: script, arguments: [peer, folder.path])
        try #require(run.status == 0, "peer_ops.py \(peer) failed: \(run.stderr)")
        let report = try JSONParser.parse(run.stdout)
        #expect(report["peer"] == .string(peer))
        #expect(report["ops"]?.objectValue?.map(\.key) == ops)
        for op in ops {
            let answer = try #require(expected[op])
            #expect(answer != .null, "the library has no answer for \(op)")
            let given = report["ops"]?[op]?["result"]
            let text = "\(peer) \(op): \(given?.rendered(pretty: false) ?? "missing"), the library \(answer.rendered(pretty: false))"
            #expect(given == answer, "\(text)")
            #expect(report["ops"]?[op]?["seconds"]?.numberValue != nil, "\(peer) \(op) has no time")
        }
    }

    @Test(.enabled(if: Python.has("igraph"), "python3 with igraph is missing: \(Python.pipLine)"))
    func igraphGivesTheLibrarysAnswers() throws { try Self.expectLibraryAnswers(from: "igraph") }

    @Test(.enabled(if: Python.has("rustworkx"), "python3 with rustworkx is missing: \(Python.pipLine)"))
    func rustworkxGivesTheLibrarysAnswers() throws { try Self.expectLibraryAnswers(from: "rustworkx") }

    @Test(.enabled(if: Python.has("networkx"), "python3 with networkx is missing: \(Python.pipLine)"))
    func networkxGivesTheLibrarysAnswers() throws { try Self.expectLibraryAnswers(from: "networkx") }

    @Test(.enabled(if: Python.has("kuzu"), "python3 with kuzu is missing: \(Python.pipLine)"))
    func kuzuGivesTheLibrarysAnswers() throws { try Self.expectLibraryAnswers(from: "kuzu") }
}
