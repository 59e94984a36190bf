import Testing
@testable import PolicyGraph
@testable import PolicyGraphBench

/// The benchmark's ops on the generated S graph against ``BenchReference``, computed from the
/// CSV rows alone. The ops still waiting for their engines (`result: null`) are checked as
/// soon as they are wired.
@Suite struct BenchAnswersTests {
    @Test func theOpsOnSMatchTheReference() throws {
        let folder = ScratchFolder()
        try GraphGenerator.write(.small, to: folder.path)
        let reference = try BenchReference(folder: folder.path)
        let (load, graph) = try CoreOps.load(folder.path)
        #expect(load.result == reference.loadJSON)
        #expect(load.seconds != nil)
        #expect(CoreOps.khopOut3(graph).result == .int(try #require(reference.khopOut3)))
        #expect(CoreOps.khopBoth2(graph).result == .int(try #require(reference.khopBoth2)))

        let pairs = PendingOps.pathPairs(ids: graph.nodeIDs, frameworks: graph.nodeIDs(of: .framework))
        #expect(pairs.map { BenchReference.Pair(source: $0.source.rawValue, target: $0.target.rawValue) } == reference.pathPairs())
        if let path = PendingOps.path(graph, pairs: pairs) { #expect(path == reference.pathJSON) }
        if let pattern = PendingOps.pattern(graph) { #expect(pattern == .int(reference.pattern)) }
        if let heavy = PendingOps.patternHeavy(graph) { #expect(heavy == .int(reference.patternHeavy)) }
        if let chain = PendingOps.chain(graph) { #expect(chain == reference.chainJSON) }
        if let overlap = PendingOps.overlap(graph) { #expect(overlap == reference.overlapJSON) }
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
