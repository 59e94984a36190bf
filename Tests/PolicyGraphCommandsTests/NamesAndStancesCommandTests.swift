import Foundation
import PolicyGraphCommands
import Testing

/// What a new user tripped over outside the import: ids in another case, the overlap of a
/// non-actor, neutral stances in `stats`, and a `set-edge` of an edge that is not there.
@Suite struct NamesAndStancesCommandTests {
    let nodes = """
        id,kind,label,label_zh,description,cite
        g7,organization,Group of Seven,七国集团,,
        G8,organization,g7,,,
        china,country,China,中国,,
        uk,country,United Kingdom,,,
        loc,risk,Loss of Control,,,
        decl,framework,Bletchley Declaration,,,

        """
    let edges = """
        from,relation,to,weight,date,cite
        china,signs,decl,,2023,c1
        uk,signs,decl,,2023,c2
        uk,abstains,loc,,2023,c3
        china,opposes,loc,,2023,c4

        """
    let schema = """
        {"relations": {
          "signs": {"stance": 1, "endpoints": [{"from": ["country", "organization"], "to": ["framework"]}]},
          "abstains": {"stance": 0, "endpoints": [{"from": ["country", "organization"], "to": ["framework", "risk"]}]}
        }}

        """

    func graph() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pg-names-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try nodes.write(toFile: folder + "/nodes.csv", atomically: true, encoding: .utf8)
        try edges.write(toFile: folder + "/edges.csv", atomically: true, encoding: .utf8)
        try schema.write(toFile: folder + "/schema.json", atomically: true, encoding: .utf8)
        return folder
    }

    func text(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<missing>" }

    @Test func anIdMatchesInAnyCaseWhenOneNodeHasIt() throws {
        let folder = try graph()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // 'CHINA' is only china's id (in another case): edits and readers take it.
        let added = PolicyGraphTool.run(["add-edge", "CHINA", "signs", "DECL", "--set", "cite=c5", "--set", "date=2024", "--graph", folder])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(text(folder + "/edges.csv").hasSuffix("china,signs,decl,,2024,c5\n"))
        #expect(PolicyGraphTool.run(["show", "CHINA", "--graph", folder]).stdout.hasPrefix("china (country): China\n"))
        // 'G7' is the id of G8's label 'g7' and of node g7 in another case: two nodes, so
        // it is ambiguous; the exact id 'g7' and 'G8' always win.
        let ambiguous = PolicyGraphTool.run(["add-edge", "G7", "signs", "decl", "--graph", folder])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr == "error: 'G7' (argument FROM) is the label of 2 nodes: 'G8', 'g7'; give the id\n")
        #expect(PolicyGraphTool.run(["show", "g7", "--graph", folder]).stdout.hasPrefix("g7 (organization): Group of Seven\n"))
        #expect(PolicyGraphTool.run(["show", "G8", "--graph", folder]).stdout.hasPrefix("G8 (organization): g7\n"))
        #expect(PolicyGraphTool.run(["show", "G7", "--graph", folder]).status == 1)
    }

    @Test func anUnknownNameInAnEditReadsLikeTheReadersMessage() throws {
        let folder = try graph()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let edit = PolicyGraphTool.run(["add-edge", "Chinaa", "signs", "decl", "--graph", folder])
        let read = PolicyGraphTool.run(["show", "Chinaa", "--graph", folder])
        #expect(edit.stderr == "error: unknown node 'Chinaa' (argument FROM); did you mean 'china'?\n")
        #expect(read.stderr == "error: unknown node 'Chinaa'; did you mean 'china'?\n")
    }

    @Test func overlapOfTwoRefusesANonActorAsTheMatrixDoes() throws {
        let folder = try graph()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = PolicyGraphTool.run(["overlap", "Loss of Control", "China", "--graph", folder])
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == "error: 'loc' is a risk, not an actor; the schema's actor kinds are agency, country, delegation, official, organization, person\n")
        #expect(PolicyGraphTool.run(["overlap", "--actors", "china,loc", "--graph", folder]).status == 1)
        #expect(PolicyGraphTool.run(["overlap", "China", "United Kingdom", "--graph", folder]).status == 0)
    }

    @Test func statsShowsZeroForANeutralStance() throws {
        let folder = try graph()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let stats = PolicyGraphTool.run(["stats", "--graph", folder]).stdout
        for line in ["abstains (0)  1", "opposes (-1)  1", "signs (+1)    2"] { #expect(stats.contains(line + "\n"), "\(stats)") }
    }

    @Test func setEdgeOfAMissingEdgeNamesTheEdgesBetweenTheNodes() throws {
        let folder = try graph()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let missing = PolicyGraphTool.run(["set-edge", "china", "supports", "loss of control", "--set", "cite=x", "--graph", folder])
        #expect(missing.status == 1)
        #expect(missing.stderr == "\(folder)/edges.csv: error: no edge 'china supports loc'; between them: 'china opposes loc' (line 5)\n")
        let none = PolicyGraphTool.run(["remove-edge", "uk", "supports", "china", "--graph", folder])
        #expect(none.stderr == "\(folder)/edges.csv: error: no edge 'uk supports china'; the two nodes have no edge between them\n")
        #expect(text(folder + "/edges.csv") == edges)
    }

    @Test func theStarterSchemaDeclaresSignsAndAbstains() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pg-starter-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(PolicyGraphTool.run(["init", folder, "--schema"]).status == 0)
        try "actor,relation,target,date,cite,actor_kind,target_kind\nChina,signs,Bletchley Declaration,2023,c1,country,framework\nUK,abstains,Bletchley Declaration,2023,c2,country,\n"
            .write(toFile: folder + "/sheet.csv", atomically: true, encoding: .utf8)
        let imported = PolicyGraphTool.run(["import", folder + "/sheet.csv", "--graph", folder])
        #expect(imported.status == 0, "\(imported.stderr)")
        let stats = PolicyGraphTool.run(["stats", "--graph", folder]).stdout
        for line in ["abstains (0)  1", "signs (+1)    1"] { #expect(stats.contains(line + "\n"), "\(stats)") }
    }
}
