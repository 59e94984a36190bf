import Testing
@testable import PolicyGraph
@testable import PolicyGraphBench

/// The benchmark's ops on the generated S graph against ``BenchReference``, computed from the
/// CSV rows alone, every op through the library's engines.
@Suite struct BenchAnswersTests {
    @Test func theOpsOnSMatchTheReference() throws {
        let folder = ScratchFolder()
        try GraphGenerator.write(.small, to: folder.path)
        let reference = try BenchReference(folder: folder.path)
        let (load, graph) = try CoreOps.load(folder.path)
        #expect(load.result == reference.loadJSON)
        #expect(load.seconds != nil)
        let start = try #require(CoreOps.firstCountry(graph))
        #expect(try CoreOps.khopOut3(graph, from: start) == (try #require(reference.khopOut3)))
        #expect(try CoreOps.khopBoth2(graph, from: start) == (try #require(reference.khopBoth2)))

        let pairs = EngineOps.pathPairs(ids: graph.nodeIDs, frameworks: graph.nodeIDs(of: .framework))
        #expect(pairs.map { BenchReference.Pair(source: $0.source.rawValue, target: $0.target.rawValue) } == reference.pathPairs())
        #expect(try EngineOps.path(graph, pairs: pairs) == reference.pathJSON)
        #expect(try EngineOps.pattern(graph) == .int(reference.pattern))
        #expect(try EngineOps.patternHeavy(graph) == .int(reference.patternHeavy))
        #expect(try EngineOps.chain(graph) == reference.chainJSON)
        #expect(try EngineOps.overlap(graph) == reference.overlapJSON)
    }

    @Test func theReferenceAnswersOnSAreNotTrivial() throws {
        // So that comparing an engine with them means something.
        let folder = ScratchFolder()
        try GraphGenerator.write(.small, to: folder.path)
        let reference = try BenchReference(folder: folder.path)
        #expect((reference.khopOut3 ?? 0) > 1 && (reference.khopBoth2 ?? 0) > 100)
        #expect(reference.pattern > 0 && reference.patternHeavy > reference.pattern)
        #expect(reference.chainCounts.values.reduce(0, +) == 700)
        guard case .object(let path) = reference.pathJSON else { return }
        #expect(path.first { $0.key == "connected" }?.value != .int(0))
        #expect(reference.countryPairs.contains { $0.agree > 0 } && reference.countryPairs.contains { $0.conflict > 0 })
    }

    @Test func theReportIsJSONInTheFixedOrder() {
        let report = BenchReport(data: "S", ops: [
            OpResult(name: "load", seconds: 0.5, result: .object(["nodes": .int(1), "edges": .int(2)])),
            OpResult(name: "pattern", seconds: nil, result: .null),
        ], peakRSSMegabytes: 12.25)
        #expect(report.json.rendered(pretty: false) == #"{"peer": "policygraph", "version": "0.1.0", "data": "S", "ops": {"load": {"seconds": 0.500000, "result": {"nodes": 1, "edges": 2}}, "pattern": {"seconds": null, "result": null}}, "peak_rss_mb_self": 12.2}"#)
        #expect(report.table.contains("pattern") && report.table.contains("(pending)"))
    }
}
