import Foundation
import PolicyGraph
import Testing
@testable import PolicyGraphCommands

/// `policygraph cites`, `timeline` and `diff` end to end, outputs worked out by hand.
@Suite struct CitesCommandTests {
    @Test func citesPassOnTheSeedGraph() {
        let output = PolicyGraphTool.run(["cites", "--graph", Fixtures.seedGraph])
        #expect(output.status == 0)
        #expect(output.stderr == "")
        #expect(output.stdout.hasSuffix("citations checked, all valid\n"))
    }

    @Test func citesFailWithTheLineOfEachProblem() {
        let folder = Fixtures.path("invalid/citations")
        let output = PolicyGraphTool.run(["cites", "--graph", folder])
        #expect(output.status == 1)
        let lines = output.stderr.split(separator: "\n").map { String($0.prefix { $0 != " " }) }
        #expect(lines == ["\(folder)/edges.csv:3:", "\(folder)/edges.csv:4:", "\(folder)/edges.csv:5:",
                          "\(folder)/edges.csv:6:", "\(folder)/edges.csv:6:"])
        #expect(output.stdout == "\(folder): 8 citations checked, 5 errors\n")
    }

    @Test func validateRunsTheCitationChecks() {
        let output = PolicyGraphTool.run(["validate", "--graph", Fixtures.path("invalid/citations")])
        #expect(output.status == 1)
        #expect(output.stderr.contains("edges.csv:4: error: column 'cite': the quote is not in §01 ¶1 but in §01 ¶2"))
        #expect(output.stderr.hasSuffix("5 errors\n"))
        #expect(PolicyGraphTool.run(["validate", "--graph", Fixtures.path("valid/citations")]).status == 0)
    }

    @Test func citesJSONSuggestsTheLocator() throws {
        let output = PolicyGraphTool.run(["cites", "--graph", Fixtures.path("invalid/citations"), "--format", "json"])
        #expect(output.status == 1)
        let json = try JSONParser.parse(Array(output.stdout.utf8))
        let problems = try #require(json["problems"]?.arrayValue)
        #expect(problems.count == 5)
        #expect(problems[1]["suggestedLocator"] == .string("§01 ¶2"))
        #expect(problems[0]["suggestedLocator"] == .null)
    }

    @Test func citesFixRewritesInPlace() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("cites-fix-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Fixtures.path("invalid/citations")), to: temporary)
        let output = PolicyGraphTool.run(["cites", "--fix", "--graph", temporary.path])
        #expect(output.stdout.hasPrefix("fixed 1 locator\n"))
        #expect(output.status == 1)
        #expect(!output.stderr.contains("edges.csv:4:"))
    }

    @Test func timelineText() {
        let output = PolicyGraphTool.run(["timeline", "x", "--graph", Fixtures.path("timeline/graph")])
        #expect(output.status == 0)
        #expect(output.stdout == """
            2024-05     x opposes t2 (inferred, by authors) | §01 ¶2: x rejects t2
            2024-05-14  x participatesIn meet | §lead ¶1: met
            2024-05-14  x supports t1 (stated, by x) | §01 ¶1: x backs t1
            2024-06-10  x opposes t1 (stated, by x) | §01 ¶6: x turns on t1
            4 dated edges; 1 undated not shown (--undated lists them)

            """)
    }

    @Test func diffOfTwoDates() {
        let output = PolicyGraphTool.run(["diff", "--as-of", "2024-05-01", "--as-of", "2024-05-31",
                                          "--graph", Fixtures.path("timeline/graph"), "--format", "csv"])
        #expect(output.status == 0)
        #expect(output.stdout == "change,actor,target,before,after\nappeared,x,t1,,+1\nappeared,y,t1,,-0.5\n")
    }

    @Test func diffOfTwoFolders() {
        let output = PolicyGraphTool.run(["diff", Fixtures.path("timeline/graph"), Fixtures.path("timeline/graph-v2"), "--format", "csv"])
        #expect(output.stdout == "change,actor,target,before,after\nchanged,x,t2,-1,+1\nended,y,t2,+1,\nappeared,y,t3,,+1\n")
    }

    @Test func diffNeedsTwoDatesOrTwoFolders() {
        #expect(PolicyGraphTool.run(["diff", "--as-of", "2024-05-01"]).status == 2)
        #expect(PolicyGraphTool.run(["diff", "--as-of", "2024-13-01", "--as-of", "2024-05-01"]).status == 2)
    }

    @Test func evidenceOptionRejectsUnknownKinds() {
        let output = PolicyGraphTool.run(["overlap", "us", "china", "--evidence", "rumoured"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("not 'rumoured'"))
    }

    @Test func dotDrawsInferredStancesPaleAndDashed() {
        let output = PolicyGraphTool.run(["dot", "--graph", Fixtures.path("timeline/graph")])
        let line = output.stdout.split(separator: "\n").first { $0.contains("\"x\" -> \"t2\"") }
        #expect(line?.contains("style=\"dashed\"") == true)
        #expect(line?.contains("80\"") == true)
        #expect(!output.stdout.contains("evidence:inferred"))
        let legend = PolicyGraphTool.run(["dot", "--legend", "--graph", Fixtures.path("timeline/graph")])
        #expect(legend.stdout.contains("\"legend:evidence:inferred:from\" -> \"legend:evidence:inferred:to\""))
        let stated = PolicyGraphTool.run(["dot", "--graph", Fixtures.path("timeline/graph"), "--evidence", "stated"])
        #expect(!stated.stdout.contains("\"x\" -> \"t2\""))
        #expect(stated.stdout.contains("\"x\" -> \"meet\""))
    }
}
