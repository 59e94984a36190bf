import Foundation
import PolicyGraphCommands
import Testing

/// A stance sheet kept as the master copy: a row naming an edge the graph has (same from,
/// relation, to and date) with other cells is reported, not added again; `--update` writes its
/// cells into that edge in place.
@Suite struct SheetUpdateCommandTests {
    let nodes = "id,kind,label,label_zh,description,cite\nchina,country,China,中国,,\ndecl,framework,Bletchley Declaration,,,\n"
    /// CRLF and a quoted cell: bytes an in-place update must keep.
    let edges = "from,relation,to,weight,date,cite\r\nchina,signs,decl,,2023-11-01,\"Chair, ¶31 (corrected)\"\r\nchina,supports,decl,,2023,x\r\n"
    let sheet = "actor,relation,target,date,cite\nChina,signs,Bletchley Declaration,2023-11-01,\"Chair, ¶31\"\nChina,supports,Bletchley Declaration,2024,y\n"

    func scratch() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pg-sheet-update-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/g", withIntermediateDirectories: true)
        try nodes.write(toFile: folder + "/g/nodes.csv", atomically: true, encoding: .utf8)
        try edges.write(toFile: folder + "/g/edges.csv", atomically: true, encoding: .utf8)
        try sheet.write(toFile: folder + "/sheet.csv", atomically: true, encoding: .utf8)
        try #"{"relations": {"signs": {"stance": 1, "endpoints": [{"from": ["country"], "to": ["framework"]}]}}}"#
            .write(toFile: folder + "/g/schema.json", atomically: true, encoding: .utf8)
        return folder
    }

    func text(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<missing>" }

    static let differing = """
          SHEET:2: china signs decl (2023-11-01), the edge at G:2
            cite: graph "Chair, ¶31 (corrected)", sheet "Chair, ¶31"

        """

    func differing(_ folder: String) -> String {
        Self.differing.replacingOccurrences(of: "SHEET", with: folder + "/sheet.csv").replacingOccurrences(of: "G:", with: folder + "/g/edges.csv:")
    }

    @Test func aRowDifferingFromAnEdgeIsReportedAndNotAdded() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = PolicyGraphTool.run(["import", folder + "/sheet.csv", "--graph", folder + "/g"])
        #expect(output.status == 0, "\(output.stderr)")
        // The 2024 row is a parallel edge with another date: legitimately new.
        #expect(output.stdout == "imported \(folder)/sheet.csv into \(folder)/g: 0 new nodes, 1 new edge, 0 rows already in the graph\n"
            + "1 row differs from an edge the graph has (same from, relation, to and date) and was not imported:\n" + differing(folder)
            + "hint: to write the sheet's cells into those edges in place, import again with --update; to keep the graph's, change the sheet\n")
        #expect(text(folder + "/g/edges.csv") == edges + "china,supports,decl,,2024,y\r\n")
        // Importing again adds nothing and still reports the difference.
        let again = PolicyGraphTool.run(["import", folder + "/sheet.csv", "--graph", folder + "/g"])
        #expect(again.stdout.hasPrefix("imported \(folder)/sheet.csv into \(folder)/g: 0 new nodes, 0 new edges, 1 row already in the graph\n1 row differs"))
        #expect(text(folder + "/g/edges.csv") == edges + "china,supports,decl,,2024,y\r\n")
    }

    @Test func updateWritesTheSheetsCellsInPlace() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let dry = PolicyGraphTool.run(["import", folder + "/sheet.csv", "--graph", folder + "/g", "--update", "--dry-run"])
        #expect(dry.stdout.hasPrefix("dry run: nothing written\nwould create 0 nodes\nwould add 1 edge:\n"))
        #expect(dry.stdout.contains("\n  \(folder)/sheet.csv:3  china supports decl  2024\n"))
        #expect(dry.stdout.hasSuffix("would update 1 edge:\n" + differing(folder) + "0 rows already in the graph\n"))
        #expect(text(folder + "/g/edges.csv") == edges)
        let output = PolicyGraphTool.run(["import", folder + "/sheet.csv", "--graph", folder + "/g", "--update"])
        #expect(output.stdout == "imported \(folder)/sheet.csv into \(folder)/g: 0 new nodes, 1 new edge, 1 updated edge, 0 rows already in the graph\n" + differing(folder))
        // Only the cite's bytes change (quoted as before, CRLF kept); the line stays where it is.
        #expect(text(folder + "/g/edges.csv") == edges.replacingOccurrences(of: "¶31 (corrected)", with: "¶31") + "china,supports,decl,,2024,y\r\n")
        #expect(text(folder + "/g/nodes.csv") == nodes)
        // Now the sheet and the graph agree.
        let again = PolicyGraphTool.run(["import", folder + "/sheet.csv", "--graph", folder + "/g", "--update"])
        #expect(again.stdout == "imported \(folder)/sheet.csv into \(folder)/g: 0 new nodes, 0 new edges, 2 rows already in the graph\n")
    }

    @Test func aColumnTheGraphLacksIsAddedForTheUpdatedEdgeOnly() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "actor,relation,target,date,cite,note\nChina,supports,Bletchley Declaration,2023,x,checked\n".write(toFile: folder + "/sheet.csv", atomically: true, encoding: .utf8)
        let output = PolicyGraphTool.run(["import", folder + "/sheet.csv", "--graph", folder + "/g", "--update"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(text(folder + "/g/edges.csv") == """
            from,relation,to,weight,date,cite,note\r
            china,signs,decl,,2023-11-01,"Chair, ¶31 (corrected)",\r
            china,supports,decl,,2023,x,checked\r

            """)
    }
}
