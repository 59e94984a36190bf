import Foundation
import PolicyGraph
import Testing
@testable import PolicyGraphCommands

/// The overlap additions end to end on `Fixtures/overlap/graph`: the agreement measure in JSON,
/// the sentences under the measures, the filtered agreement network and the heatmap's title.
@Suite struct OverlapAgreementCommandTests {
    func run(_ arguments: String...) -> CommandOutput {
        PolicyGraphTool.run(["overlap"] + arguments + ["--graph", Fixtures.path("overlap/graph")])
    }

    @Test func jsonCarriesAgreementOnSharedTargets() throws {
        // atlantis–borealis share accord and export-ban (agree) and charter (conflict): 2/3.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run("atlantis", "borealis", "--format", "json").stdout.utf8)) as? [String: Any])
        #expect(json["agreement"] as? Double == 2.0 / 3)
        // Nothing shared: null.
        let empty = try #require(try JSONSerialization.jsonObject(with: Data(run("atlantis", "dorado", "--format", "json").stdout.utf8)) as? [String: Any])
        #expect(empty["agreement"] is NSNull)
    }

    @Test func eachMeasureIsFollowedByItsSentence() {
        let text = run("atlantis", "cydonia").stdout
        #expect(text.contains("kappa      0.286\n  kappa > 0: they agree more often than two actors taking these stances at random would.\n"))
        #expect(text.contains("agreement  0.750\n  on the 4 targets both take a stance on, they agree on 3 and conflict on 1;"))
        #expect(text.contains("jaccard    0.600\n  they take the same side on 3 of the 5 targets either takes a stance on.\n"))
    }

    @Test func theNetworkKeepsOnlyPairsAboveTheThresholdOrEachActorsStrongest() {
        // agreement: atlantis–borealis 2/3, atlantis–cydonia 3/4, borealis–cydonia 1/3.
        let all = run("--kind", "country", "--measure", "agreement", "--dot").stdout
        #expect(all.split(separator: "\n").filter { $0.contains(" -- ") }.count == 3)
        let strong = run("--kind", "country", "--measure", "agreement", "--dot", "--min", "0.7").stdout
        #expect(strong.split(separator: "\n").filter { $0.contains(" -- ") }.map { String($0.prefix(26)) } == ["  \"atlantis\" -- \"cydonia\" "])
        #expect(strong.contains("agreement network (agreement; ≥ 0.7)"))
        // Top 1 per actor: atlantis's best is cydonia, borealis's atlantis, cydonia's atlantis.
        let top = run("--kind", "country", "--measure", "agreement", "--dot", "--top", "1").stdout
        #expect(top.split(separator: "\n").filter { $0.contains(" -- ") }.map { String($0.prefix(26)) }
            == ["  \"atlantis\" -- \"borealis\"", "  \"atlantis\" -- \"cydonia\" "])
    }

    @Test func theHeatmapTakesATitle() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("heat-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let output = run("--kind", "country", "--svg", folder + "/h.svg", "--title", "Who agrees & how")
        #expect(output.status == 0)
        #expect(try String(contentsOfFile: folder + "/h.svg", encoding: .utf8).contains(">Who agrees &amp; how</text>"))
    }

    @Test(arguments: [
        (["--kind", "country", "--min", "0.5"], "error: --min picks the pairs of the agreement network; add --dot"),
        (["--kind", "country", "--title", "x"], "error: --title names the heatmap; add --svg FILE"),
        (["--kind", "country", "--dot", "--min", "x"], "error: --min takes a number, not 'x'"),
        (["--kind", "country", "--dot", "--top", "0"], "error: --top takes a whole number of at least 1, not '0'"),
        (["atlantis", "borealis", "--top", "2"], "error: --top is for the matrix; compare two actors A B, or leave A B out"),
    ])
    func usageErrorsExitTwo(arguments: [String], message: String) {
        let output = PolicyGraphTool.run(["overlap"] + arguments + ["--graph", Fixtures.path("overlap/graph")])
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix(message + "\n"))
    }
}
