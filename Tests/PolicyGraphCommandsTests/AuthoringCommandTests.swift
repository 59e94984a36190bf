import Foundation
import PolicyGraphCommands
import Testing

/// Starting a graph and fixing its cells: `init`, `set-edge`, and edits that take labels.
@Suite struct AuthoringCommandTests {
    /// A fresh folder path under the temporary directory (not created).
    func scratch() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("pg-author-\(UUID().uuidString)").path
    }

    func text(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<missing>" }

    /// A graph with CRLF line ends, a quoted cell, an unknown column and parallel edges: the
    /// kind of file whose bytes an edit must keep.
    let nodes = "id,kind,label,label_zh,description,cite\r\nindia,country,India,印度,,\r\nact,framework,\"AI Act, 2024\",,,\r\n"
    let edges = "from,relation,to,weight,date,cite,note\r\nindia,supports,act,,2024,\"§1, ¶2\",x\r\nindia,supports,act,,2025,§2,\r\nindia,opposes,act,,,§3,y\r\n"

    func graph() throws -> String {
        let folder = scratch()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try nodes.write(toFile: folder + "/nodes.csv", atomically: true, encoding: .utf8)
        try edges.write(toFile: folder + "/edges.csv", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func setEdgeChangesOnlyTheCellsBytes() throws {
        let folder = try graph()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = PolicyGraphTool.run(["set-edge", "India", "opposes", "AI Act, 2024", "--set", "cite=§3 ¶1", "--graph", folder])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout == "set india opposes act.cite: \"§3\" -> \"§3 ¶1\" (\(folder)/edges.csv:4)\n")
        #expect(text(folder + "/edges.csv") == edges.replacingOccurrences(of: ",§3,y", with: ",§3 ¶1,y"))
        #expect(text(folder + "/nodes.csv") == nodes)
    }

    @Test func setEdgeClearsACellAndPicksTheNthOfParallelEdges() throws {
        let folder = try graph()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let refused = PolicyGraphTool.run(["set-edge", "india", "supports", "act", "--set", "date=", "--graph", folder])
        #expect(refused.status == 1)
        #expect(refused.stderr == "\(folder)/edges.csv:2: error: 2 parallel edges 'india supports act' (edges.csv lines 2, 3); say which with --nth N, 1 to 2\n")
        let output = PolicyGraphTool.run(["set-edge", "india", "supports", "act", "--nth", "2", "--set", "date=", "--graph", folder])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(text(folder + "/edges.csv") == edges.replacingOccurrences(of: "act,,2025,§2,", with: "act,,,§2,"))
    }

    @Test func setEdgeAddsAColumnWithAnEmptyCellElsewhere() throws {
        let folder = try graph()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = PolicyGraphTool.run(["set-edge", "india", "opposes", "act", "--set", "evidence=stated", "--graph", folder])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(text(folder + "/edges.csv") == "from,relation,to,weight,date,cite,note,evidence\r\nindia,supports,act,,2024,\"§1, ¶2\",x,\r\nindia,supports,act,,2025,§2,,\r\nindia,opposes,act,,,§3,y,stated\r\n")
    }

    @Test func editsTakeLabelsAndReportAnUnknownNameAtTheArgument() throws {
        let folder = try graph()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let added = PolicyGraphTool.run(["add-edge", "印度", "commentsOn", "ai act, 2024", "--graph", folder])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(text(folder + "/edges.csv").hasSuffix("india,commentsOn,act,,,,\r\n"))
        let unknown = PolicyGraphTool.run(["add-edge", "Indai", "supports", "act", "--graph", folder])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "error: unknown node 'Indai' (argument FROM); did you mean 'india'?\n")
    }

    @Test func initWritesTheCanonicalHeadersAndRefusesToOverwrite() throws {
        let folder = scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let created = PolicyGraphTool.run(["init", folder])
        #expect(created.status == 0)
        #expect(text(folder + "/nodes.csv") == "id,kind,label,label_zh,description,cite\n")
        #expect(text(folder + "/edges.csv") == "from,relation,to,weight,date,cite,source,by,evidence\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/schema.json"))
        let again = PolicyGraphTool.run(["init", folder, "--schema"])
        #expect(again.status == 1)
        #expect(again.stderr == "\(folder): error: the folder already holds a graph (nodes.csv, edges.csv); nothing was written\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/schema.json"))
    }

    @Test func starterSchemaLoadsAndDeclaresANeutralStance() throws {
        let folder = scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(PolicyGraphTool.run(["init", folder, "--schema"]).status == 0)
        let stats = PolicyGraphTool.run(["validate", "--graph", folder])
        #expect(stats.stdout == "\(folder): valid: 0 nodes, 0 edges\n")
    }

    /// A graph started by edits in an empty folder gets the canonical headers, so rows written
    /// by hand in the usual layout fit.
    @Test func aGraphStartedByEditsGetsTheCanonicalHeaders() throws {
        let folder = scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(PolicyGraphTool.run(["add-node", "eu", "--kind", "organization", "--label", "EU", "--graph", folder]).status == 0)
        #expect(PolicyGraphTool.run(["add-node", "ai-act", "--kind", "framework", "--label", "AI Act", "--graph", folder]).status == 0)
        let edge = PolicyGraphTool.run(["add-edge", "EU", "supports", "AI Act", "--set", "date=2024", "--set", "cite=p. 1", "--graph", folder])
        #expect(edge.status == 0, "\(edge.stderr)")
        #expect(text(folder + "/edges.csv") == "from,relation,to,weight,date,cite,source,by,evidence\neu,supports,ai-act,,2024,p. 1,,,\n")
    }

    @Test func aRowWithTheWrongFieldCountNamesTheHeader() throws {
        let folder = try graph()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "from,relation,to,date,cite\nindia,supports,act,,2024,§1,\n".write(toFile: folder + "/edges.csv", atomically: true, encoding: .utf8)
        let output = PolicyGraphTool.run(["validate", "--graph", folder])
        #expect(output.stderr.hasPrefix("\(folder)/edges.csv:2: error: expected 5 fields as in the header (from,relation,to,date,cite), found 7"))
    }

    @Test func messagesCountInTheSingular() throws {
        let folder = scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(PolicyGraphTool.run(["init", folder]).status == 0)
        #expect(PolicyGraphTool.run(["add-node", "eu", "--kind", "organization", "--label", "EU", "--graph", folder]).status == 0)
        #expect(PolicyGraphTool.run(["validate", "--graph", folder]).stdout == "\(folder): valid: 1 node, 0 edges\n")
        let refused = PolicyGraphTool.run(["add-edge", "eu", "leads", "eu", "--graph", folder])
        #expect(refused.stderr.contains("'leads' cannot join an organization to an organization"), "\(refused.stderr)")
    }

    @Test func importNeedsATargetAndASheetItRecognises() throws {
        let folder = try graph()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sheet = Fixtures.path("sheets/meridian-summit.csv")
        #expect(PolicyGraphTool.run(["import", sheet]).stderr.hasPrefix("error: name the graph: --out DIR for a new one, --graph DIR to merge into one"))
        #expect(PolicyGraphTool.run(["import", sheet, sheet, "--graph", folder]).status == 2)
        #expect(PolicyGraphTool.run(["import", "--kumu", sheet, "--graph", folder]).status == 2)
        let notASheet = PolicyGraphTool.run(["import", folder + "/edges.csv", "--graph", folder])
        #expect(notASheet.status == 1)
        #expect(notASheet.stderr.hasPrefix("\(folder)/edges.csv:1: error: not a stance sheet: the header needs the columns actor,relation,target,date,cite"))
        let dry = PolicyGraphTool.run(["import", sheet, "--out", folder + "/new", "--dry-run"])
        #expect(dry.status == 0 && dry.stdout.contains("would add 104 edges:\n") && dry.stdout.hasSuffix("0 rows already in the graph\n"))
        // Each edge it would add is named at its row.
        #expect(dry.stdout.split(separator: "\n").filter { $0.hasPrefix("  \(sheet):") }.count == 104)
        #expect(!FileManager.default.fileExists(atPath: folder + "/new"))
        let existing = PolicyGraphTool.run(["import", sheet, "--out", folder])
        #expect(existing.stderr == "\(folder): error: the folder already holds a graph (nodes.csv, edges.csv); nothing was written\n")
    }
}
