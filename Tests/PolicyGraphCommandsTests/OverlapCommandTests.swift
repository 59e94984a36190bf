import Foundation
import PolicyGraph
import Testing
import TestSupport
@testable import PolicyGraphCommands

/// `policygraph overlap` end to end on `Fixtures/overlap/graph`, against golden files in
/// `Fixtures/expected/overlap/` (regenerate with `UPDATE_GOLDEN=1 swift test --filter OverlapCommandTests`,
/// then read the diff).
@Suite struct OverlapCommandTests {
    let graph = ["--graph", Fixtures.path("overlap/graph")]

    func run(_ arguments: [String]) -> CommandOutput {
        PolicyGraphTool.run(["overlap"] + arguments + graph)
    }

    func expectGolden(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let expected = try Golden.expected(at: Fixtures.path("expected/overlap/\(name)"), actual: text)
        #expect(text == expected, "differs from \(name)", sourceLocation: sourceLocation)
    }

    static let goldenCases: [(arguments: [String], file: String)] = [
        (["atlantis", "borealis"], "pair.txt"),
        (["atlantis", "borealis", "--format", "json"], "pair.json"),
        (["Atlantis", "北方群岛", "--format", "csv"], "pair.csv"),
        (["atlantis", "borealis", "--inherit", "--as-of", "2024-06", "--target-kind", "framework"], "pair-inherit.txt"),
        (["dorado", "dorado"], "pair-empty.txt"),
        (["dorado", "dorado", "--format", "json"], "pair-empty.json"),
        (["--kind", "country"], "matrix-jaccard.txt"),
        (["--kind", "country", "--measure", "pi", "--format", "csv"], "matrix-pi.csv"),
        (["--actors", "atlantis,cydonia,dorado", "--measure", "kappa", "--format", "json"], "matrix-kappa.json"),
        (["--kind", "country", "--measure", "signed", "--dot"], "network-signed.dot"),
        (["--kind", "agency", "--inherit", "--measure", "sScore"], "matrix-agency-inherit.txt"),
    ]

    @Test(arguments: goldenCases)
    func outputMatchesGolden(arguments: [String], file: String) throws {
        let output = run(arguments)
        #expect(output.stderr == "")
        #expect(output.status == 0)
        try expectGolden(output.stdout, file)
    }

    @Test func svgHeatmapIsWrittenAtomicallyNextToTheTable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("overlap-svg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("heatmap.svg").path
        let output = run(["--kind", "country", "--measure", "signed", "--svg", path])
        #expect(output.status == 0)
        #expect(output.stdout == run(["--kind", "country", "--measure", "signed"]).stdout)
        try expectGolden(try String(contentsOfFile: path, encoding: .utf8), "heatmap-signed.svg")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["heatmap.svg"])
    }

    static let usageCases: [(arguments: [String], message: String)] = [
        (["atlantis"], "missing argument B"),
        ([], "missing argument A (or --kind K / --actors a,b,c)"),
        (["--measure", "pi"], "missing argument A (or --kind K / --actors a,b,c for --measure)"),
        (["atlantis", "borealis", "--kind", "country"], "--kind is for the matrix; compare two actors A B, or leave A B out"),
        (["atlantis", "--kind", "country"], "with --kind or --actors, leave out the actor 'atlantis'"),
        (["--kind", "country", "--dot", "--format", "json"], "--dot prints DOT; leave out --format"),
        (["--kind", "country", "--measure", "cosine"], "--measure takes one of jaccard, signed, sScore, kappa, pi, agreement, not 'cosine'"),
        (["atlantis", "borealis", "--as-of", "2024-13"], "--as-of takes a date written YYYY, YYYY-MM or YYYY-MM-DD, not '2024-13'"),
    ]

    @Test(arguments: usageCases)
    func usageErrorsExitTwo(arguments: [String], message: String) {
        let output = run(arguments)
        #expect(output.status == ExitStatus.usage)
        #expect(output.stdout == "")
        #expect(output.stderr == "error: \(message)\nsee 'policygraph overlap --help'\n")
    }

    static let queryCases: [(arguments: [String], message: String)] = [
        (["atlantic", "borealis"], "error: unknown node 'atlantic'; did you mean 'atlantis'?"),
        (["atlantis", "borealis", "--target-kind", "frameworks"], "error: unknown kind 'frameworks'; did you mean 'framework'?"),
        (["--kind", "country", "--actors", "atlantis,atlantis-ministry"], "error: 'atlantis-ministry' is an agency, not a country; leave out --kind or the actor"),
        (["--actors", "atlantis,borealis,atlantis"], "error: actor 'atlantis' is listed twice"),
    ]

    @Test(arguments: queryCases)
    func queryErrorsExitOne(arguments: [String], message: String) {
        let output = run(arguments)
        #expect(output.status == ExitStatus.failure)
        #expect(output.stdout == "")
        #expect(output.stderr == message + "\n")
    }

    @Test func fastMatrixTextLaysOutLikeTextTable() {
        let matrix = OverlapMatrix(actors: ["美国", "a", "a-much-longer-id"], measure: .sScore, values: [
            [1, -0.5, nil], [-0.5, 1, 0.125], [nil, 0.125, 2.0 / 3],
        ])
        var table = TextTable([matrix.measure.rawValue] + matrix.actors.map(\.rawValue))
        for (i, actor) in matrix.actors.enumerated() {
            table.append([actor.rawValue] + matrix.values[i].map { $0.map(OverlapRendering.decimals) ?? "-" })
        }
        #expect(OverlapRendering.matrixText(matrix) == table.text)
    }

    @Test func helpNamesBothForms() {
        let help = PolicyGraphTool.run(["overlap", "--help"]).stdout
        #expect(help.contains("Usage: policygraph overlap [A] [B] [options]"))
        #expect(help.contains("--measure M"))
        #expect(help.contains("--target-kind K (repeatable)"))
    }
}
