import Foundation
@testable import PolicyGraph
import Testing

/// Replays every input the fuzzers (`Tests/Fuzz/`) ever found crashing, hanging or blowing
/// memory, kept under `Fixtures/fuzz/<harness>/`: each must now end in a result or an error.
/// The checks are the harnesses' own (a loaded graph's JSON loads back, an imported document's
/// files load).
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static func inputs(_ harness: String) -> [String] {
        let folder = Fixtures.path("fuzz/\(harness)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { folder + "/" + $0 }
    }

    /// The CSV harness's input: nodes, edges and schema separated by the line `@@@@`
    /// (`Tests/Fuzz/FuzzInput.swift`).
    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        let separator = Array("\n@@@@\n".utf8)
        var pieces: [[UInt8]] = []
        var start = 0, i = 0
        while i + separator.count <= bytes.count, pieces.count < 2 {
            if bytes[i..<(i + separator.count)].elementsEqual(separator) {
                pieces.append(Array(bytes[start..<i]))
                i += separator.count
                start = i
            } else {
                i += 1
            }
        }
        pieces.append(Array(bytes[start...]))
        return pieces
    }

    @Test(arguments: inputs("csv-loader"))
    func csvLoaderInput(_ path: String) throws {
        let parts = Self.split(try TemporaryFolder.read(path))
        guard let loaded = try? GraphLoader.load(nodes: parts[0], edges: parts.count > 1 ? parts[1] : [],
                                                 schema: parts.count > 2 ? parts[2] : nil) else { return }
        _ = DOTRenderer().render(loaded.graph)
        _ = try GraphJSON.read(Array(GraphJSON.document(loaded.graph).utf8), file: "replay.json")
    }

    @Test(arguments: inputs("query"))
    func queryInput(_ path: String) throws {
        let text = String(decoding: try TemporaryFolder.read(path), as: UTF8.self)
        let graph = try loadGraph(nodes: minimalNodes, edges: minimalEdges)
        _ = try? graph.query(text, limits: QueryLimits(maxSteps: 20_000))
    }

    @Test(arguments: inputs("json-import"))
    func jsonImportInput(_ path: String) throws {
        guard let imported = try? GraphJSON.read(try TemporaryFolder.read(path), file: "replay.json") else { return }
        _ = try GraphLoader.load(nodes: Array(imported.nodesCSV.utf8), edges: Array(imported.edgesCSV.utf8),
                                 schema: imported.schemaJSON.map { Array($0.utf8) })
    }
}
