import Foundation
import Testing
import PolicyGraph
@testable import PolicyGraphCommands

/// The adversarial fixture, found from this file (independent of where the shared Fixtures helper lives).
private let adversarialFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/interchange/adversarial").path

/// A fresh temporary folder for commands that write files.
private func temporaryFolder() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

private func contents(_ path: String) -> String? {
    (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) }
}

@Suite("export and import commands")
struct InterchangeCommandsTests {
    static let adversarial = adversarialFolder

    @Test func exportToStdoutThenImportGivesTheSameFiles() throws {
        let folder = try temporaryFolder()
        let export = PolicyGraphTool.run(["export", "--graph", Self.adversarial, "--format", "json"])
        #expect(export.status == 0 && export.stderr.isEmpty)
        let json = folder + "/g.json"
        try Data(export.stdout.utf8).write(to: URL(fileURLWithPath: json))
        let out = folder + "/restored"
        let result = PolicyGraphTool.run(["import", json, "--out", out])
        #expect(result.status == 0)
        #expect(result.stdout == "wrote \(out) (23 nodes, 18 edges, schema.json)\n")
        // The warnings point into the JSON file: an empty label, then an id with a tab.
        let warnings = result.stderr.split(separator: "\n").map { String($0.drop { $0 != " " }.dropFirst()) }
        #expect(warnings == [
            "warning: column 'label': empty label; diagrams and name lookups show the id instead",
            "warning: column 'id': the id contains a control character (U+0009); ids are usually plain text on one line: remove it unless it is meant",
        ])
        for file in ["nodes.csv", "edges.csv"] {
            #expect(contents(out + "/" + file) == contents(Self.adversarial + "/" + file))
        }
        // A second import into the same folder needs --force.
        let again = PolicyGraphTool.run(["import", json, "--out", out])
        #expect(again.status == 1 && again.stderr == "\(out): error: the folder already holds a graph (nodes.csv, edges.csv, schema.json); pass --force to replace it\n")
        #expect(PolicyGraphTool.run(["import", json, "--out", out, "--force"]).status == 0)
    }

    @Test func truncatedImportFailsWithThePositionAndWritesNothing() throws {
        let folder = try temporaryFolder()
        let json = folder + "/cut.json"
        try Data("{\n  \"format\": \"policygraph\",\n  \"version\": 1,\n  \"schema\": {\"kinds\": [".utf8).write(to: URL(fileURLWithPath: json))
        let result = PolicyGraphTool.run(["import", json, "--out", folder + "/out"])
        #expect(result.status == 1)
        #expect(result.stderr == "\(json):4:24: error: invalid JSON: the document ends where a value was expected; nothing was written\n1 error\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }

    @Test func folderFormatsNeedAnOutputFolder() {
        let result = PolicyGraphTool.run(["export", "--graph", Self.adversarial, "--format", "kuzu"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: --format kuzu writes a folder of files; name it with -o DIR\nsee 'policygraph export --help'\n")
    }

    @Test func badBaseIsAUsageError() {
        let result = PolicyGraphTool.run(["export", "--graph", Self.adversarial, "--format", "turtle", "--base", "https://x.org/ns"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: --base 'https://x.org/ns' must end with '/' or '#'"))
        #expect(PolicyGraphTool.run(["export", "--graph", Self.adversarial, "--format", "json", "--base", "https://x.org/"]).status == 2)
    }

    @Test func exportTakesTheSelectionOptions() throws {
        let result = PolicyGraphTool.run(["export", "--graph", Self.adversarial, "--format", "mermaid", "--focus", "match", "--relation", "return"])
        #expect(result.status == 0)
        #expect(result.stdout == """
            flowchart LR
              %% quote_id: "quote\\"id"
              %% Country_twin: "Country-twin"
              quote_id["Say #quot;hi#quot; 'there'"]
              match["MATCH (n) RETURN n; DROP TABLE x"]
              Country_twin["Country case twin"]
              zu["组织 node"]
              match -->|"return"| quote_id
              match -->|"return"| Country_twin
              match -->|"return"| zu

            """)
    }

    @Test func folderExportWritesEveryFile() throws {
        let out = try temporaryFolder() + "/neo4j"
        let result = PolicyGraphTool.run(["export", "--graph", Self.adversarial, "--format", "neo4j-csv", "-o", out])
        #expect(result.status == 0)
        #expect(result.stdout == "wrote 2 files to \(out) (neo4j-csv, 23 nodes, 18 edges)\n  nodes.csv\n  relationships.csv\n")
        #expect(contents(out + "/relationships.csv")?.hasPrefix(":START_ID,:TYPE,:END_ID,weight:double,date,cite,note\n") == true)
    }

    @Test func helpListsTheExportFormats() {
        let help = PolicyGraphTool.run(["export", "--help"]).stdout
        #expect(help.contains("output format: json|graphml|cypher|neo4j-csv|kuzu|ntriples|turtle|mermaid|kumu (default: json)"))
    }
}

@Suite("edit commands")
struct EditCommandsTests {
    func graph() throws -> String {
        let folder = try temporaryFolder()
        try Data("id,kind,label\nus,country,United States\nai,framework,AI rules\n".utf8).write(to: URL(fileURLWithPath: folder + "/nodes.csv"))
        try Data("from,relation,to,date\nus,supports,ai,2024\n".utf8).write(to: URL(fileURLWithPath: folder + "/edges.csv"))
        return folder
    }

    @Test func addNodeSetAndRenameReportWhatTheyDid() throws {
        let g = try graph()
        let add = PolicyGraphTool.run(["add-node", "cn", "--kind", "country", "--label", "China", "--set", "label_zh=中国", "--graph", g])
        #expect(add.status == 0)
        #expect(add.stdout == "added node 'cn' (country) at \(g)/nodes.csv:4\nadded column 'label_zh' to \(g)/nodes.csv (every row gets an empty cell)\n")
        let set = PolicyGraphTool.run(["set", "cn", "label=P.R. China", "--graph", g])
        #expect(set.stdout == "set cn.label: \"China\" -> \"P.R. China\" (\(g)/nodes.csv:4)\n")
        let rename = PolicyGraphTool.run(["rename", "us", "usa", "--graph", g])
        #expect(rename.stdout == "renamed 'us' to 'usa' (\(g)/nodes.csv:2) and in 1 edge\n")
        #expect(contents(g + "/nodes.csv") == "id,kind,label,label_zh\nusa,country,United States,\nai,framework,AI rules,\ncn,country,P.R. China,中国\n")
        #expect(contents(g + "/edges.csv") == "from,relation,to,date\nusa,supports,ai,2024\n")
    }

    @Test func refusalsExitOneAndSayWhy() throws {
        let g = try graph()
        let remove = PolicyGraphTool.run(["remove-node", "us", "--graph", g])
        #expect(remove.status == 1)
        #expect(remove.stderr == "\(g)/nodes.csv:2: error: node 'us' has 1 edge (edges.csv line 2); remove them first or pass --cascade\n")
        let invalid = PolicyGraphTool.run(["add-edge", "ai", "supports", "us", "--set", "date=2024-13", "--graph", g])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.hasSuffix("2 errors; the edit was not made\n"))
        let reserved = PolicyGraphTool.run(["add-node", "x", "--kind", "country", "--label", "X", "--set", "id=y", "--graph", g])
        #expect(reserved.status == 2)
        let lock = g + "/.policygraph.lock"
        try Data("\(getpid())\n".utf8).write(to: URL(fileURLWithPath: lock))
        let locked = PolicyGraphTool.run(["set", "us", "label=US", "--graph", g])
        #expect(locked.status == 1 && locked.stderr == "\(lock): error: the graph is locked by another edit (pid \(getpid())); wait for it to finish\n")
    }

    @Test func removeEdgeWithParallelEdgesNeedsAll() throws {
        let g = try graph()
        #expect(PolicyGraphTool.run(["add-edge", "us", "supports", "ai", "--graph", g]).status == 0)
        let refused = PolicyGraphTool.run(["remove-edge", "us", "supports", "ai", "--graph", g])
        #expect(refused.stderr == "\(g)/edges.csv:2: error: 2 parallel edges 'us supports ai' (edges.csv lines 2, 3); pass --all to remove them all\n")
        let all = PolicyGraphTool.run(["remove-edge", "us", "supports", "ai", "--all", "--graph", g])
        #expect(all.stdout == "removed 2 edges 'us supports ai' (\(g)/edges.csv lines 2, 3)\n")
        #expect(contents(g + "/edges.csv") == "from,relation,to,date\n")
    }
}
