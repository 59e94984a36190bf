import Foundation
import Testing
@testable import PolicyGraph
@testable import PolicyGraphCommands

@Suite struct FoundationCommandTests {
    @Test func statsJSONHasExactlyTheDocumentedShape() throws {
        let out = run("stats", "--format", "json")
        #expect(out.status == 0)
        #expect(out.stdout == """
            {
              "nodes": 12,
              "edges": 12,
              "kinds": {
                "agency": 1,
                "country": 2,
                "delegation": 1,
                "event": 1,
                "framework": 3,
                "official": 3,
                "risk": 1
              },
              "relations": {
                "concernedAbout": 1,
                "leads": 2,
                "memberOf": 2,
                "opposes": 2,
                "participatesIn": 1,
                "supports": 4
              },
              "stances": 6,
              "datedStances": 3,
              "datedShare": 0.5
            }

            """)
    }

    @Test func statsTextAndCSVAgreeWithJSON() {
        let csv = run("stats", "--format", "csv").stdout
        #expect(csv.hasPrefix("group,name,count\ntotal,nodes,12\ntotal,edges,12\ntotal,stances,6\ntotal,dated stances,3\nkind,agency,1\n"))
        // Of the 6 supports/opposes edges of the fixture, 3 carry a date.
        #expect(run("stats").stdout.hasPrefix("12 nodes, 12 edges (6 stances)\n3 of 6 stances dated (50%)\n"))
    }

    @Test func showFindsANodeByChineseLabel() {
        let out = run("show", "查布拉")
        #expect(out.status == 0)
        #expect(out.stdout.hasPrefix("tarun-chhabra (official): Tarun Chhabra\n  label_zh  查布拉\n"))
        #expect(out.stdout.contains("Outgoing (2):"))
        #expect(out.stdout.contains("-> leads"))
        #expect(out.stdout.contains("Incoming (0):\n  (none)\n"))
    }

    @Test func showJSONListsBothDirections() throws {
        let out = run("show", "us-delegation", "--format", "json")
        let json = try JSONParser.parse(out.stdout)
        #expect(json["node"]?["id"]?.stringValue == "us-delegation")
        #expect(json["outgoing"]?.arrayValue?.count == 1)
        #expect(json["incoming"]?.arrayValue?.compactMap { $0["from"]?.stringValue } == ["tarun-chhabra", "seth-center"])
    }

    @Test func unknownNodeIsADataErrorWithSuggestions() {
        let out = run("show", "chnia")
        #expect(out.status == 1)
        #expect(out.stderr == "error: unknown node 'chnia'; did you mean 'china'?\n")
    }

    @Test func neighborsFiltersAndFormats() throws {
        let csv = run("neighbors", "us-delegation", "--direction", "in", "--relation", "leads", "--format", "csv")
        #expect(csv.stdout == """
            distance,id,kind,label,from,relation,to
            1,seth-center,official,Seth Center,seth-center,leads,us-delegation
            1,tarun-chhabra,official,Tarun Chhabra,tarun-chhabra,leads,us-delegation

            """)
        let json = try JSONParser.parse(run("neighbors", "us", "--depth", "2", "--kind", "official", "--format", "json").stdout)
        #expect(json["neighbors"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == ["tarun-chhabra"])
        #expect(run("neighbors", "us", "--relation", "suports").stderr.contains("did you mean 'supports'?"))
    }

    @Test func validateReportsEveryProblemAndExitsOne() {
        let folder = Fixtures.path("invalid/many-errors")
        let out = run("validate", graph: folder)
        #expect(out.status == 1)
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.count == 8)
        #expect(lines.last == "7 errors")
        #expect(lines.allSatisfy { $0.hasPrefix(folder) || $0 == "7 errors" })
    }

    @Test func validateJSONListsProblemsWithFileLineAndField() throws {
        let out = run("validate", "--format", "json", graph: Fixtures.path("invalid/unknown-node"))
        #expect(out.status == 1)
        let json = try JSONParser.parse(out.stdout)
        #expect(json["valid"] == .bool(false))
        let problem = try #require(json["problems"]?.arrayValue?.first)
        #expect(problem["line"] == .number("3"))
        #expect(problem["field"]?.stringValue == "from")
        #expect(problem["file"]?.stringValue?.hasSuffix("edges.csv") == true)
    }

    @Test func validateAcceptsAValidFolder() {
        let out = run("validate")
        #expect(out.status == 0)
        #expect(out.stdout.hasSuffix("valid: 12 nodes, 12 edges\n"))
    }

    @Test(arguments: [
        (["stats", "--frmat", "json"], "unknown option '--frmat'; did you mean '--format'?"),
        (["stats", "--format", "xml"], "--format takes one of text, json, csv, not 'xml'"),
        (["show"], "missing argument ID"),
        (["show", "a", "b"], "unexpected argument 'b'"),
        (["neighbors", "us", "--depth", "zero"], "--depth takes a whole number of at least 1, not 'zero'"),
        (["neighbors", "us", "--depth"], "--depth needs a value (N)"),
        (["stat"], "unknown command 'stat'; did you mean 'set' or 'stats'?"),
    ])
    func usageErrorsExitTwo(arguments: [String], message: String) {
        let out = PolicyGraphTool.run(arguments)
        #expect(out.status == 2)
        #expect(out.stderr.hasPrefix("error: \(message)\nsee 'policygraph"), "\(out.stderr)")
    }

    @Test func noArgumentsShowsHelpAndExitsTwo() {
        let out = PolicyGraphTool.run([])
        #expect(out.status == 2)
        #expect(out.stderr.contains("Commands:"))
    }

    @Test func everyCommandHasHelp() {
        for command in PolicyGraphTool.commands {
            let out = PolicyGraphTool.run([command.spec.name, "--help"])
            #expect(out.status == 0)
            #expect(out.stdout.contains("Usage: policygraph \(command.spec.name)"))
            #expect(PolicyGraphTool.run(["help", command.spec.name]).stdout == out.stdout)
        }
    }

    @Test func missingGraphFolderIsADataError() {
        let out = run("stats", graph: "/nonexistent/folder")
        #expect(out.status == 1)
        #expect(out.stderr.hasPrefix("/nonexistent/folder: error: no such folder"))
        // The folder was named with --graph: no hint about it.
        #expect(!out.stderr.contains("hint:"))
        // Without --graph, the default folder is what is missing: the hint names the option.
        let missing = LoadFailure(errors: [LoadError(.missingFolder, at: SourceLocation(file: "graph", line: 0))], issues: [])
        #expect(PolicyGraphTool.graphHint(["stats"], missing) == "hint: no ./graph here; name the graph folder with --graph DIR, or start one with 'policygraph init DIR'")
        #expect(PolicyGraphTool.graphHint(["stats", "--graph", "x"], missing) == nil)
        #expect(PolicyGraphTool.graphHint(["stats"], LoadFailure(errors: [], issues: [])) == nil)
    }

    @Test func formatRewritesNonCanonicalFilesAtomically() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pg-format-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["nodes.csv", "edges.csv"] {
            try FileManager.default.copyItem(atPath: Fixtures.path("valid/noncanonical/\(name)"), toPath: folder + "/" + name)
        }
        #expect(run("format", "--check", graph: folder).status == 1)
        #expect(run("format", graph: folder).status == 0)
        #expect(run("format", "--check", graph: folder).status == 0)
        for name in ["nodes.csv", "edges.csv"] {
            let written = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            let canonical = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("valid/small/\(name)")))
            #expect(written == canonical)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["edges.csv", "nodes.csv"])
    }

    @Test func formatWaitsForTheGraphLockLikeAnEdit() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pg-format-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["nodes.csv", "edges.csv"] {
            try FileManager.default.copyItem(atPath: Fixtures.path("valid/noncanonical/\(name)"), toPath: folder + "/" + name)
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: folder + "/nodes.csv"))
        // An edit in progress: this process holds the lock.
        try "\(getpid())\n".write(toFile: folder + "/" + GraphLock.fileName, atomically: true, encoding: .utf8)
        let out = run("format", graph: folder)
        #expect(out.status == 1)
        #expect(out.stderr.contains("error: the graph is locked by another edit (pid \(getpid()))"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/nodes.csv")) == before)
        // --check writes nothing, so it needs no lock.
        #expect(run("format", "--check", graph: folder).status == 1)
        try FileManager.default.removeItem(atPath: folder + "/" + GraphLock.fileName)
        #expect(run("format", graph: folder).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["edges.csv", "nodes.csv"])
    }

    @Test func seedGraphLoadsFromTheDefaultFolder() throws {
        let out = run("stats", "--format", "json", graph: Fixtures.seedGraph)
        #expect(out.status == 0)
        let json = try JSONParser.parse(out.stdout)
        #expect((json["nodes"]?.numberValue ?? 0) >= 150)
    }
}
