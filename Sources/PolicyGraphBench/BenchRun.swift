import Foundation
import PolicyGraph

/// The ops of one benchmark run, in their fixed order, on one graph folder.
enum BenchRun {
    /// Loads `folder` and runs the ops `options` asks for, each `options.repeats` times.
    static func ops(folder: String, options: BenchOptions) throws -> [OpResult] {
        let times = options.repeats
        // The graph is always loaded; the load is repeated only when it is one of the ops asked for.
        let (load, graph) = try CoreOps.load(folder, times: options.runs("load") ? times : 1)
        var results = [load]
        func run(_ name: String, _ body: () throws -> JSONValue?) throws {
            guard options.runs(name) else { return }
            results.append(try measure(name, times: times, body))
        }
        let first = CoreOps.firstCountry(graph)
        try run("khop_out3") { try first.map { .int(try CoreOps.khopOut3(graph, from: $0)) } }
        try run("khop_both2") { try first.map { .int(try CoreOps.khopBoth2(graph, from: $0)) } }
        let pairs = EngineOps.pathPairs(ids: graph.nodeIDs, frameworks: graph.nodeIDs(of: .framework))
        try run("path") { try EngineOps.path(graph, pairs: pairs) }
        try run("pattern") { try EngineOps.pattern(graph) }
        try run("pattern_heavy") { try EngineOps.patternHeavy(graph) }
        try run("chain") { try EngineOps.chain(graph) }
        try run("overlap") { try EngineOps.overlap(graph) }
        return results
    }

    /// Runs every op once on a small generated graph (S, in a temporary folder) and forgets the
    /// answers: the Swift runtime's one-time work of a process (type metadata, protocol
    /// conformance caches: about 1.5 ms before the first pattern query) is then not counted in
    /// the first op that needs it, as the Python peers' imports are not counted either. The
    /// measured graph is not touched, so its data is as cold as without the warm-up.
    static func warmUp() {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("policygraph-bench-warmup-\(ProcessInfo.processInfo.processIdentifier)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard (try? GraphGenerator.write(.small, to: folder)) != nil else { return }
        _ = try? ops(folder: folder, options: BenchOptions())
    }
}
