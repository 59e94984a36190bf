import Foundation
import PolicyGraph
import Testing
@testable import PolicyGraphCommands

/// `policygraph search` and the suggestions for unknown nodes, on the seed graph.
@Suite struct SearchCommandTests {
    func run(_ arguments: String...) -> CommandOutput {
        PolicyGraphTool.run(arguments + ["--graph", Fixtures.seedGraph])
    }

    @Test func chineseNameFindsTheOfficial() throws {
        let output = run("search", "森特", "--format", "json")
        #expect(output.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let matches = try #require(json["matches"] as? [[String: String]])
        #expect(matches.first == ["id": "seth-center", "kind": "official", "label": "Seth Center", "field": "label_zh", "text": "森特"])
    }

    @Test func exportControlFindsTheRegimesByIdBeforeDescriptions() throws {
        let output = run("search", "export control", "--format", "json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let matches = try #require(json["matches"] as? [[String: String]])
        let ids = matches.compactMap { $0["id"] }
        // The seed graph has one node for the US export-control regime on chips and AI.
        #expect(ids.prefix(2).contains("us-ai-export-controls"))
        #expect(ids.contains("ai-export-control-bill"))
        // Ids and labels come before descriptions, descriptions before cites.
        let order = ["id": 0, "label": 0, "label_zh": 0, "description": 1, "cite": 2, "edgeCite": 3]
        let ranks = matches.compactMap { $0["field"].flatMap { order[$0] } }
        #expect(ranks == ranks.sorted())
        // Width does not matter.
        #expect(run("search", "ＥＸＰＯＲＴ　ＣＯＮＴＲＯＬ", "--format", "json").stdout == output.stdout)
    }

    @Test func longTextsAreCutAroundTheMatch() {
        let text = String(repeating: "a", count: 70) + "森特" + String(repeating: "b", count: 70)
        let cut = SearchCommand.excerpt(text, around: "森特")
        // Centred: 59 characters, the match's two in the middle.
        #expect(cut == "…" + String(repeating: "a", count: 28) + "森特" + String(repeating: "b", count: 29) + "…")
        #expect(SearchCommand.excerpt("short", around: "x") == "short")
    }

    @Test func showUSOffersUsFirst() {
        // 'US' is the id 'us' in another case; 'USA' is close to it.
        #expect(run("show", "US").stdout.hasPrefix("us (country): United States\n"))
        let output = run("show", "USA")
        #expect(output.status == 1)
        #expect(output.stderr == "error: unknown node 'USA'; did you mean 'us'?\n")
    }

    @Test func noMatchSaysSoAndLimitShortens() {
        #expect(run("search", "zzzz").stdout == "No node matches 'zzzz'.\n")
        let empty = run("search", " ")
        #expect(empty.status == 2)
        #expect(empty.stderr.hasPrefix("error: TEXT is empty; give some text to look for\n"))
        let limited = run("search", "ai", "--limit", "2")
        #expect(limited.stdout.split(separator: "\n").count == 5)
        #expect(limited.stdout.hasSuffix("more; --limit 0 shows all)\n"))
    }
}
