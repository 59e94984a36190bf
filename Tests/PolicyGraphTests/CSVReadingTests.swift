import Foundation
import Testing
@testable import PolicyGraph

/// The CSV reader, seen through the loader: what users write in their files and what they get.
@Suite struct CSVReadingTests {
    @Test func quotedFieldsHoldCommasDoubledQuotesAndNewlines() throws {
        let nodes = "id,kind,label,description\nus,country,\"United States, the\",\"says \"\"hi\"\"\nand more\"\n"
        let graph = try loadGraph(nodes: nodes, edges: "from,relation,to\n")
        let us = try #require(graph.node("us"))
        #expect(us.label == "United States, the")
        #expect(us.attributes["description"] == "says \"hi\"\nand more")
    }

    @Test func leadingByteOrderMarkIsIgnored() throws {
        let graph = try loadGraph(nodes: "\u{FEFF}" + minimalNodes, edges: minimalEdges)
        #expect(graph.nodeAttributeNames == ["label"])
        #expect(graph.contains("us"))
    }

    @Test func crlfLineEndsReadLikeLF() throws {
        let crlf = try loadGraph(nodes: minimalNodes.replacingOccurrences(of: "\n", with: "\r\n"),
                                 edges: minimalEdges.replacingOccurrences(of: "\n", with: "\r\n"))
        let lf = try loadGraph(nodes: minimalNodes, edges: minimalEdges)
        #expect(crlf.nodes == lf.nodes)
        #expect(crlf.edges == lf.edges)
    }

    @Test func crlfInsideQuotedFieldIsKept() throws {
        let graph = try loadGraph(nodes: "id,kind,label\r\nus,country,\"a\r\nb\"\r\n", edges: "from,relation,to\r\n")
        #expect(graph.node("us")?.label == "a\r\nb")
    }

    @Test func lastLineWithoutNewlineAndBlankLinesAreAccepted() throws {
        let graph = try loadGraph(nodes: "id,kind,label\n\nus,country,US\n\nsfc,framework,SFC", edges: "from,relation,to\nus,supports,sfc")
        #expect(graph.nodeCount == 2)
        #expect(graph.edgeCount == 1)
    }

    @Test func emptyTrailingFieldsAreEmpty() throws {
        let graph = try loadGraph(nodes: "id,kind,label,label_zh\nus,country,US,\n", edges: "from,relation,to,cite\n")
        #expect(graph.node("us")?.chineseLabel == nil)
        #expect(graph.node("us")?.attributes.isEmpty == true)
    }

    @Test func lineNumbersCountNewlinesInsideQuotedFields() throws {
        let nodes = "id,kind,label\nus,country,\"two\nlines\"\nus,country,again\n"
        let failure = try #require(loadFailure(nodes: nodes, edges: "from,relation,to\n"))
        #expect(failure.issues.map(\.location.line) == [4])
    }

    @Test func canonicalFilesRoundTripByteForByte() throws {
        let folder = Fixtures.path("valid/small")
        let graph = try GraphLoader.load(folder: folder).graph
        let nodes = try String(contentsOfFile: folder + "/nodes.csv", encoding: .utf8)
        let edges = try String(contentsOfFile: folder + "/edges.csv", encoding: .utf8)
        #expect(GraphWriter.nodesCSV(graph) == nodes)
        #expect(GraphWriter.edgesCSV(graph) == edges)
    }

    @Test func nonCanonicalFilesAreWrittenInCanonicalForm() throws {
        let canonical = try GraphLoader.load(folder: Fixtures.path("valid/small")).graph
        let messy = try GraphLoader.load(folder: Fixtures.path("valid/noncanonical")).graph
        #expect(GraphWriter.nodesCSV(messy) == GraphWriter.nodesCSV(canonical))
        #expect(GraphWriter.edgesCSV(messy) == GraphWriter.edgesCSV(canonical))
    }

    @Test func writerQuotesOnlyWhatNeedsQuoting() {
        #expect(CSVWriter.record(["a", "b c", "d,e", "f\"g", "h\ni", "", "中国"]) == "a,b c,\"d,e\",\"f\"\"g\",\"h\ni\",,中国\n")
    }

    @Test func unknownColumnsKeepTheirOrderAndValues() throws {
        let nodes = "id,kind,label,zeta,alpha\nus,country,US,z1,a1\n"
        let edges = "from,relation,to,note,cite\n"
        let graph = try loadGraph(nodes: nodes, edges: edges)
        #expect(graph.nodeAttributeNames == ["label", "zeta", "alpha"])
        #expect(graph.edgeAttributeNames == ["note", "cite"])
        #expect(GraphWriter.nodesCSV(graph) == nodes)
        #expect(GraphWriter.edgesCSV(graph) == edges)
    }

    /// Random fields of awkward characters survive write → read → write.
    @Test func randomFieldsRoundTrip() throws {
        var rng = SeededRandom(seed: 7)
        let alphabet: [String] = ["a", "Z", ",", "\"", "\n", "\r\n", " ", "中", "😀", "\\", "'", "#"]
        for _ in 0..<50 {
            var rows: [[String]] = []
            for r in 0..<5 {
                var row = ["n\(r)", "country"]
                for _ in 0..<2 {
                    let length = Int(rng.next() % 6)
                    row.append((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined())
                }
                rows.append(row)
            }
            let text = CSVWriter.document(header: ["id", "kind", "label", "note"], rows: rows)
            let graph = try loadGraph(nodes: text, edges: "from,relation,to\n")
            #expect(GraphWriter.nodesCSV(graph) == text)
            for (r, row) in rows.enumerated() {
                let node = try #require(graph.node(NodeID("n\(r)")))
                #expect(node.label == row[2])
                #expect(node.attributes["note"] == (row[3].isEmpty ? nil : row[3]))
            }
        }
    }
}
