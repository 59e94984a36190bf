import Foundation
import PolicyGraph
import Testing
import TestSupport
@testable import PolicyGraphCommands

/// The heatmap's default title reads as English for every measure.
@Suite struct OverlapKeyCommandTests {
    let graph = ["--graph", Fixtures.path("overlap/graph")]

    @Test(arguments: OverlapMeasure.allCases)
    func theDefaultHeatmapTitleNamesTheMeasureOnce(measure: OverlapMeasure) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pg-title-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("h.svg").path
        let output = PolicyGraphTool.run(["overlap", "--kind", "country", "--measure", measure.rawValue, "--svg", path] + graph)
        #expect(output.status == 0)
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg.contains(">agreement of 4 country actors, by \(measure.rawValue)</text>"))
        #expect(!svg.contains(": agreement of"))
    }
}
