import Foundation
import PolicyGraph
import Testing
@testable import PolicyGraphCommands

/// `overlap A B --inherit` says which targets it leaves out because stances cancel, and why, in
/// text and JSON (hand-computed on `Fixtures/overlap/graph`; see OverlapUncountedTests).
@Suite struct OverlapUncountedCommandTests {
    func run(_ arguments: String...) -> CommandOutput {
        PolicyGraphTool.run(["overlap"] + arguments + ["--graph", Fixtures.path("overlap/graph")])
    }

    @Test func theTextNamesEachCancelledTargetAndWhy() {
        let text = run("atlantis", "borealis", "--inherit").stdout
        #expect(text.hasSuffix("""

            not counted (3): stances that cancel out, so no position
              export-ban (Export Ban): atlantis 0, because its own stance (-1) and its members' (+1) cancel
                atlantis: opposes 2024 | A3: Atlantis rejects the Export Ban
                atlantis: atlantis-envoy supports | E1: the Envoy backs the Export Ban
              accord (Open Accord): borealis 0, because its own stance (+1) and its members' (-1) cancel
                borealis: supports 2024-05-14 | B1: Borealis backs the Open Accord
                borealis: borealis-council opposes | K1: the Council rejects the Open Accord
              treaty (Treaty): borealis 0, because its own stances cancel
                borealis: supports | B6: Borealis backs the Treaty
                borealis: opposes | B7: Borealis also rejects the Treaty

            """))
    }

    @Test func jsonListsThemUnderNotCounted() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run("atlantis", "borealis", "--inherit", "--format", "json").stdout.utf8)) as? [String: Any])
        let items = try #require(json["notCounted"] as? [[String: Any]])
        #expect(items.map { "\($0["actor"] ?? "") \($0["target"] ?? "") \($0["own"] ?? "") \($0["members"] ?? "")" }
            == ["atlantis export-ban -1 1", "borealis accord 1 -1", "borealis treaty 0 0"])
        #expect((items[1]["edges"] as? [[String: Any]])?.compactMap { $0["from"] as? String } == ["borealis", "borealis-council"])
    }

    @Test func nothingCancelledNoSection() {
        #expect(!run("atlantis", "cydonia").stdout.contains("not counted"))
    }
}
