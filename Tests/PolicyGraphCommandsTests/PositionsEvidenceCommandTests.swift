import Foundation
import PolicyGraph
import Testing
@testable import PolicyGraphCommands

/// `policygraph positions` says who asserts each stance and how directly (`by`, `evidence`), in
/// text, CSV and JSON, and `--evidence` keeps only the stances attested a given way.
@Suite struct PositionsEvidenceCommandTests {
    func run(_ arguments: String...) -> CommandOutput {
        PolicyGraphTool.run(["positions"] + arguments + ["--graph", Fixtures.path("timeline/graph")])
    }

    @Test func oneActorsEdgesSayWhoAssertsThemAndHow() {
        let output = run("x")
        #expect(output.status == 0)
        #expect(output.stdout.contains("\n    opposes 2024-05 (inferred, by authors) | §01 ¶2: x rejects t2\n"))
        #expect(output.stdout.contains("\n    supports (reported, by x) | §01 ¶4: x backs t3\n"))
    }

    @Test func oneActorsCSVHasByAndEvidenceColumns() {
        let lines = run("x", "--format", "csv").stdout.split(separator: "\n")
        #expect(lines.first == "target,label,value,from,relation,to,weight,date,by,evidence,cite")
        #expect(lines.contains("t2,Topic 2,-1,x,opposes,t2,,2024-05,authors,inferred,§01 ¶2: x rejects t2"))
    }

    @Test func jsonStanceEdgesCarryByAndEvidence() throws {
        for output in [run("x", "--format", "json"), run("--actors", "x,y", "--format", "json")] {
            #expect(output.status == 0)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
            let groups = try #require((json["stances"] ?? json["cells"]) as? [[String: Any]])
            let edges = groups.flatMap { ($0["stances"] as? [[String: Any]]) ?? [] }
            let t2 = try #require(edges.first { $0["from"] as? String == "x" && $0["to"] as? String == "t2" })
            #expect(t2["by"] as? String == "authors")
            #expect(t2["evidence"] as? String == "inferred")
        }
    }

    @Test func evidenceKeepsOnlyTheStancesAttestedThatWay() {
        let stated = run("x", "--evidence", "stated", "--format", "csv").stdout
        #expect(stated.contains("\nt1,"))
        #expect(!stated.contains("\nt2,") && !stated.contains("\nt3,"))
        let indirect = run("--actors", "x", "--evidence", "reported,inferred", "--sort", "id", "--format", "csv").stdout
        #expect(indirect == "actor,label,t2,t3\nx,X,-1,1\n")
        let bad = run("x", "--evidence", "rumoured")
        #expect(bad.status == 2 && bad.stderr.hasPrefix("error: --evidence takes stated, reported or inferred"))
    }
}
