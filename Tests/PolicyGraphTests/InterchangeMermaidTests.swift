import Foundation
import Testing
@testable import PolicyGraph

@Suite("Mermaid export")
struct InterchangeMermaidTests {
    static let adversarial = Fixtures.path("interchange/adversarial")

    @Test func idsAreValidUniqueAndMappedInAComment() throws {
        let graph = try GraphLoader.load(folder: Self.adversarial).graph
        let diagram = MermaidFlowchart.document(graph)
        let ids = graph.nodes.map { diagram.mermaidIDs[$0.id] ?? "" }
        #expect(Set(ids.map { $0.lowercased() }).count == graph.nodeCount)
        for id in ids {
            #expect(id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }, "\(id)")
            #expect(!(id.first?.isNumber ?? true) && !MermaidFlowchart.keywords.contains(id.lowercased()), "\(id)")
        }
        #expect(diagram.mermaidIDs["us_delegation"] == "us_delegation" && diagram.mermaidIDs["us-delegation"] == "us_delegation_2")
        #expect(diagram.mermaidIDs["end"] == "n_end" && diagram.mermaidIDs["123start"] == "n_123start")
        #expect(diagram.text.contains("  %% us_delegation_2: \"us-delegation\"\n"))
        #expect(diagram.text.contains("  %% tab_here: \"tab\\there\"\n"))
    }

    @Test func everyLineIsOneStatementWithQuotedLabels() throws {
        let graph = try GraphLoader.load(folder: Self.adversarial).graph
        let lines = MermaidFlowchart.document(graph).text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "flowchart LR" && lines.last == "")
        let body = lines.dropFirst().dropLast()
        #expect(body.filter { $0.contains("[\"") }.count == graph.nodeCount)
        #expect(body.filter { $0.contains(" -->|\"") }.count == graph.edgeCount)
        for line in body where !line.hasPrefix("  %%") {
            // Inside a label: no quote, no raw '#', '<' or '|' but entity codes and <br/>.
            let quoted = line.split(separator: "\"", omittingEmptySubsequences: false)
            #expect(quoted.count == 3, "\(line)")
            let label = quoted[1].replacing("<br/>", with: "")
            #expect(!label.contains("<") && !label.contains("|") && !label.contains("`"), "\(line)")
            #expect(label.replacing(/#(quot|amp|lt|gt|35|96|124);/, with: "").contains("#") == false, "\(line)")
        }
    }

    @Test func labelsUseMermaidEntityCodes() {
        #expect(MermaidFlowchart.escaped("Say \"hi\" #1 <b>&</b> `x` | y\r\nz\tq\u{7}") ==
                "Say #quot;hi#quot; #35;1 #lt;b#gt;#amp;#lt;/b#gt; #96;x#96; #124; y<br/>z q\u{FFFD}")
    }
}
