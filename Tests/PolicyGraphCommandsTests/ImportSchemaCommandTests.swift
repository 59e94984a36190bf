import Foundation
import PolicyGraph
import Testing
@testable import PolicyGraphCommands

/// `policygraph import ... --schema FILE`, and the hint when a sheet uses what the schema lacks.
@Suite struct ImportSchemaCommandTests {
    let sheet = Fixtures.path("own-schema/stances.csv")

    func scratch() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("pg-import-schema-\(UUID().uuidString)").path
    }

    @Test func undeclaredKindsAndRelationsGetOneHintWithASchemaThatDeclaresThem() {
        let out = scratch()
        let output = PolicyGraphTool.run(["import", sheet, "--out", out])
        #expect(output.status == 1)
        #expect(output.stderr == """
            \(sheet):2:9: error: unknown relation 'signs'
            \(sheet):3:8: error: unknown relation 'signs'
            \(sheet):3:54: error: unknown kind 'bloc'
            \(sheet):4:9: error: unknown relation 'abstains'
            4 errors; nothing was written
            hint: the schema does not declare 1 kind and 2 relations used above; declare them in a schema file and import again with --schema FILE (add "stance": 1, -1 or 0 to a relation that is a stance), for example:
            {
              "kinds": {
                "bloc": {"description": "", "actor": true}
              },
              "relations": {
                "abstains": {"description": "", "endpoints": [{"from": ["country"], "to": ["framework"]}]},
                "signs": {"description": "", "endpoints": [{"from": ["bloc", "country"], "to": ["framework"]}]}
              }
            }

            """)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func theSchemaFileIsWrittenIntoANewGraph() throws {
        let out = scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let output = PolicyGraphTool.run(["import", sheet, "--out", out, "--schema", Fixtures.path("own-schema/stances-schema.json")])
        #expect(output.stdout == "imported \(sheet) into \(out): 4 new nodes, 3 new edges, 0 rows already in the graph; wrote schema.json\n")
        let graph = try GraphLoader.load(folder: out).graph
        #expect(graph.schema.isStance("abstains") && graph.node("ecowas")?.kind == Kind("bloc"))
    }

    @Test func aConflictStopsTheImport() throws {
        let out = scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        try FileManager.default.copyItem(atPath: Fixtures.path("own-schema/graph"), toPath: out)
        let conflicting = Fixtures.path("own-schema/conflicting-schema.json")
        let output = PolicyGraphTool.run(["import", sheet, "--graph", out, "--schema", conflicting])
        #expect(output.status == 1)
        #expect(output.stderr.hasPrefix("\(conflicting):3:5: error: relation 'signs' is a stance -1 here but a stance +1 in \(out)/schema.json;"))
        #expect(output.stderr.hasSuffix("2 errors; nothing was written\n"))
    }

    @Test func aJSONExportTakesNoSchemaFile() {
        let output = PolicyGraphTool.run(["import", "graph.json", "--out", scratch(), "--schema", "s.json"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("a JSON export carries its schema; --schema is for sheets, Kumu's pair and GraphML"))
    }
}
