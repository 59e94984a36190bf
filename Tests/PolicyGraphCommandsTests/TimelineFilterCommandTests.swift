import Foundation
import PolicyGraph
import Testing
@testable import PolicyGraphCommands

/// `policygraph timeline` narrowed to stances, to some relations or to some evidence, and with
/// the undated edges listed at the end.
@Suite struct TimelineFilterCommandTests {
    func run(_ arguments: String...) -> CommandOutput {
        PolicyGraphTool.run(["timeline"] + arguments + ["--graph", Fixtures.path("timeline/graph")])
    }

    @Test func stancesLeaveOutTheEvents() {
        let output = run("x", "--stances")
        #expect(output.status == 0)
        #expect(output.stdout == """
            2024-05     x opposes t2 (inferred, by authors) | §01 ¶2: x rejects t2
            2024-05-14  x supports t1 (stated, by x) | §01 ¶1: x backs t1
            2024-06-10  x opposes t1 (stated, by x) | §01 ¶6: x turns on t1
            3 dated stances; 1 undated not shown (--undated lists them)

            """)
    }

    @Test func relationsAreRepeatable() {
        let opposes = run("--relation", "opposes", "--format", "csv").stdout.split(separator: "\n")
        #expect(opposes.dropFirst().map { $0.split(separator: ",")[2] } == ["opposes", "opposes", "opposes"])
        let both = run("--relation", "opposes", "--relation", "participatesIn", "--format", "csv").stdout.split(separator: "\n")
        #expect(both.count == 1 + 4)
        let unknown = run("--relation", "oppose")
        #expect(unknown.status == 1 && unknown.stderr.contains("unknown relation 'oppose'"))
    }

    @Test func undatedEdgesAreListedLast() throws {
        let output = run("x", "--undated")
        #expect(output.stdout.hasSuffix("""
            2024-06-10  x opposes t1 (stated, by x) | §01 ¶6: x turns on t1
            undated     x supports t3 (reported, by x) | §01 ¶4: x backs t3
            4 dated edges; 1 undated listed last

            """))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run("x", "--undated", "--format", "json").stdout.utf8)) as? [String: Any])
        let entries = try #require(json["entries"] as? [[String: Any]])
        #expect(entries.count == 5)
        #expect(entries.last?["date"] is NSNull && entries.last?["to"] as? String == "t3")
        #expect(run("x", "--undated", "--format", "csv").stdout.hasSuffix("\n,x,supports,t3,x,reported,§01 ¶4: x backs t3\n"))
    }

    @Test func evidenceFiltersStatementsAndKeepsFacts() {
        let output = run("x", "--evidence", "stated")
        #expect(output.stdout == """
            2024-05-14  x participatesIn meet | §lead ¶1: met
            2024-05-14  x supports t1 (stated, by x) | §01 ¶1: x backs t1
            2024-06-10  x opposes t1 (stated, by x) | §01 ¶6: x turns on t1
            3 dated edges; 0 undated not shown (--undated lists them)

            """)
        #expect(run("x", "--evidence", "hearsay").status == 2)
    }

    @Test func theLibraryTimelineAppliesEveryOption() throws {
        let graph = try GraphLoader.load(folder: Fixtures.path("timeline/graph")).graph
        let all = try graph.timeline()
        #expect(all.entries.count == 6 && all.undated == 1 && all.undatedEntries.isEmpty)
        let stances = try graph.timeline(options: TimelineOptions(stancesOnly: true, includeUndated: true))
        #expect(stances.entries.allSatisfy(\.isStance) && stances.entries.count == 5)
        #expect(stances.undatedEntries.map(\.edge.to) == ["t3"] && stances.undatedEntries.first?.date == "")
        let reported = try graph.timeline(options: TimelineOptions(relations: [.supports], evidence: [.reported]))
        #expect(reported.entries.isEmpty && reported.undated == 1)
    }
}
