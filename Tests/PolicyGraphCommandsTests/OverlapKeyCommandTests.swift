import Foundation
import PolicyGraph
import Testing
import TestSupport
@testable import PolicyGraphCommands

/// The every-pair matrix says what its `-` cells mean, and the heatmap's default title reads as
/// English for every measure.
@Suite struct OverlapKeyCommandTests {
    let graph = ["--graph", Fixtures.path("overlap/graph")]

    @Test func aMatrixWithUndefinedCellsEndsWithTheirKey() {
        let output = PolicyGraphTool.run(["overlap", "--kind", "country"] + graph)
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n")
        // dorado holds no stance, so its row has `-` cells.
        #expect(lines.contains { $0.hasPrefix("dorado") && $0.contains(" -") })
        #expect(lines.last == "-: undefined (neither actor holds a stance)")
        let agreement = PolicyGraphTool.run(["overlap", "--kind", "country", "--measure", "agreement"] + graph)
        #expect(agreement.stdout.hasSuffix("\n-: undefined (no target on which both actors hold a stance)\n"))
    }

    @Test func theKeyIsOnlyInTextAndOnlyWhenACellIsUndefined() {
        for format in ["csv", "json"] {
            let output = PolicyGraphTool.run(["overlap", "--kind", "country", "--format", format] + graph)
            #expect(output.status == 0 && !output.stdout.contains("undefined"))
        }
        let defined = PolicyGraphTool.run(["overlap", "--actors", "atlantis,borealis"] + graph)
        #expect(defined.status == 0 && !defined.stdout.contains("-: undefined"))
    }

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
