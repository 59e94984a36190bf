import Foundation
import PolicyGraph
import Testing
@testable import PolicyGraphCommands

/// `policygraph diff --as-of A --as-of B` says when a stance dated only by its month or year
/// counts as on or before A, and so is on both sides.
@Suite struct DiffCoarseDateCommandTests {
    func run(_ arguments: String...) -> CommandOutput {
        PolicyGraphTool.run(["diff"] + arguments + ["--graph", Fixtures.path("timeline/graph")])
    }

    @Test func aMonthHoldingTheStartIsNoted() {
        // x opposes t2 is dated 2024-05: as of 2024-05-01 it already holds, so it is no change.
        let output = run("--as-of", "2024-05-01", "--as-of", "2024-05-31")
        #expect(output.status == 0)
        #expect(!output.stdout.contains(" t2 "))
        #expect(output.stdout.hasSuffix(
            "2 appeared, 0 changed, 0 ended\nnote: 1 stance dated 2024-05 (a month) counts as its first day, 2024-05-01, so it is on both sides\n"))
        let later = run("--as-of", "2024-05-20", "--as-of", "2024-06-30")
        #expect(later.stdout.contains("note: 1 stance dated 2024-05 (a month)"))
    }

    @Test func noNoteWhenTheStartIsNotInsideACoarseDate() {
        for dates in [["2024-04-30", "2024-05-31"], ["2024-05", "2024-06"], ["2024-06-01", "2024-07-01"]] {
            let output = run("--as-of", dates[0], "--as-of", dates[1])
            #expect(output.status == 0 && !output.stdout.contains("note:"), "\(dates)")
        }
        // The stance is inferred: not counted when only stated stances are compared.
        #expect(!run("--as-of", "2024-05-01", "--as-of", "2024-05-31", "--evidence", "stated").stdout.contains("note:"))
    }

    @Test func jsonHasTheCoarseDates() throws {
        let output = run("--as-of", "2024-05-01", "--as-of", "2024-05-31", "--format", "json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect((json["changes"] as? [[String: Any]])?.count == 2)
        let coarse = try #require(json["coarseStart"] as? [[String: Any]])
        #expect(coarse.count == 1)
        #expect(coarse.first?["date"] as? String == "2024-05" && coarse.first?["precision"] as? String == "month")
        #expect(coarse.first?["countsAs"] as? String == "2024-05-01" && coarse.first?["stances"] as? Int == 1)
    }

    @Test func theLibraryCountsTheCoarseDatesHoldingTheStart() throws {
        let graph = try GraphLoader.load(folder: Fixtures.path("timeline/graph")).graph
        let coarse = try graph.stanceDiff(asOf: "2024-05-01", "2024-05-31").coarseStart
        #expect(coarse.map(\.date) == ["2024-05"] && coarse.map(\.precision) == [.month])
        #expect(coarse.map(\.firstDay) == ["2024-05-01"] && coarse.map(\.stances) == [1])
        #expect(try graph.stanceDiff(asOf: "2024-04", "2024-05").coarseStart.isEmpty)
        #expect(try Graph.stanceDiff(from: graph, to: graph).coarseStart.isEmpty)
    }
}
