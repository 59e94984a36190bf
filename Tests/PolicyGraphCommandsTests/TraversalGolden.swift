import Foundation
import Testing
import TestSupport
@testable import PolicyGraphCommands

/// Runs commands on the traversal fixture graph and compares their output with golden files in
/// `Fixtures/traversal/expected/`. Set `UPDATE_GOLDEN=1` to rewrite the files after
/// an intended change (then read the diff).
enum TraversalGolden {
    /// `Fixtures/traversal/`, found from this file: the nearest folder above it with a Package.swift.
    static let folder = Fixtures.path("traversal")
    static let graph = folder + "/graph"

    /// Runs `policygraph` with `arguments` on the fixture graph.
    static func run(_ arguments: [String]) -> CommandOutput {
        PolicyGraphTool.run(arguments + ["--graph", graph])
    }

    /// Runs the command, expects success with nothing on stderr, and compares stdout with `name`.
    static func expect(_ name: String, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let output = run(arguments)
        #expect(output.status == 0, sourceLocation: sourceLocation)
        #expect(output.stderr == "", sourceLocation: sourceLocation)
        let expected = try Golden.expected(at: folder + "/expected/" + name, actual: output.stdout)
        #expect(output.stdout == expected, sourceLocation: sourceLocation)
    }

    /// A fresh empty folder under the temporary directory.
    static func temporaryFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-traversal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}
