import Foundation
import PolicyGraph
import Testing
@testable import PolicyGraphCommands

/// `policygraph html` refuses what would give a blank or misleading page: an empty part, a
/// stance map of a node that is no actor, a page named as a picture; and an unknown node with
/// nothing close by spelling points to `search`.
@Suite struct HTMLCommandRefusalTests {
    let seed = ["--graph", Fixtures.root.appendingPathComponent("graph").path]

    func withFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pg-html-refusal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder.path)
    }

    @Test(.enabled(if: GraphvizRunner().isAvailable(), "Graphviz's 'dot' is not installed here"))
    func anEmptySelectionWritesNothing() throws {
        try withFolder { folder in
            let path = folder + "/empty.html"
            let output = PolicyGraphTool.run(["html", "-o", path, "--query", "MATCH (a:country)-[:leads]->(b) RETURN a, b"] + seed)
            #expect(output.status == 1)
            #expect(output.stdout == "")
            #expect(output.stderr == "error: \(HTMLMapError(.empty))\n")
            #expect(output.stderr.contains("no node"))
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test(.enabled(if: GraphvizRunner().isAvailable(), "Graphviz's 'dot' is not installed here"))
    func aStanceMapOfAPlaceIsRefusedAsOverlapRefusesNonActors() throws {
        try withFolder { folder in
            let path = folder + "/geneva.html"
            let output = PolicyGraphTool.run(["html", "-o", path, "--stances", "geneva"] + seed)
            #expect(output.status == 1)
            #expect(output.stderr.hasPrefix("error: 'geneva' is a place, not an actor; a stance map is drawn for nodes of the actor kinds: "))
            #expect(!FileManager.default.fileExists(atPath: path))
            // dot draws the same parts, and refuses the same way.
            #expect(PolicyGraphTool.run(["dot", "--stances", "geneva"] + seed).status == 1)
            #expect(PolicyGraphTool.run(["dot", "--stances", "us"] + seed).status == 0)
        }
    }

    @Test(.enabled(if: GraphvizRunner().isAvailable(), "Graphviz's 'dot' is not installed here"))
    func aPageNamedAsAPictureIsAUsageError() throws {
        try withFolder { folder in
            let path = folder + "/x.svg"
            let output = PolicyGraphTool.run(["html", "-o", path, "--focus", "us"] + seed)
            #expect(output.status == 2)
            #expect(output.stderr.contains("'\(path)' does not end in .html or .htm"))
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test(.enabled(if: GraphvizRunner().isAvailable(), "Graphviz's 'dot' is not installed here"))
    func anUnknownNodeWithNothingCloseSuggestsSearch() {
        let output = PolicyGraphTool.run(["html", "-o", "/nonexistent/x.html", "--focus", "US delegation lead"] + seed)
        #expect(output.status == 1)
        #expect(output.stderr.contains("no id or label is close\nhint: 'policygraph search WORDS' finds nodes"))
    }

    @Test(.enabled(if: GraphvizRunner().isAvailable(), "Graphviz's 'dot' is not installed here"))
    func aPartWithNodesButNoEdgesIsWrittenWithANote() throws {
        try withFolder { folder in
            let path = folder + "/countries.html"
            let output = PolicyGraphTool.run(["html", "-o", path, "--query", "MATCH (a:country) RETURN a"] + seed)
            #expect(output.status == 0)
            #expect(output.stderr == "note: the map has no edges: its nodes are shown unconnected\n")
            #expect(FileManager.default.fileExists(atPath: path))
        }
    }
}
