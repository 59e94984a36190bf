import Foundation
import Testing
@testable import PolicyGraph

/// Graphs with a schema of their own (`Fixtures/own-schema/graph`: kind `bloc`, relation `signs`,
/// `proposes` made a stance, numeric `score`) through GraphML and Kumu and back; `--schema`
/// files added to a graph's schema, and the conflicts they may cause; undeclared kinds and
/// relations reported all at once.
@Suite struct ImportSchemaTests {
    static let folder = Fixtures.path("own-schema/graph")

    func source() throws -> Graph { try GraphLoader.load(folder: Self.folder).graph }

    func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path(relative))))
    }

    func schemaFile(_ relative: String) throws -> ImportSchema {
        ImportSchema(bytes: try bytes(relative), file: relative)
    }

    /// Numeric cells compared as numbers (GraphML writes `3` as `3.0`).
    func rows(_ graph: Graph) -> [String] {
        func cells(_ attributes: [String: String]) -> String {
            attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\(NumberText.canonical($0.value) ?? $0.value)" }.joined(separator: " ")
        }
        return graph.nodes.map { "\($0.id) \($0.kind) \($0.label) \(cells($0.attributes))" }
            + graph.edges.map { "\($0.from) \($0.relation) \($0.to) \(cells($0.attributes))" }
    }

    func kumuFiles(_ graph: Graph) throws -> [String: [UInt8]] {
        guard case .files(let files) = try graph.exported(as: .kumu) else { return [:] }
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, Array($0.contents.utf8)) })
    }

    func failure(_ body: () throws -> Void) throws -> SheetImportFailure {
        do {
            try body()
        } catch let failure as SheetImportFailure {
            return failure
        }
        Issue.record("expected the import to fail")
        return SheetImportFailure([])
    }

    @Test func graphMLCarriesTheSchemaAndComesBackEqual() throws {
        let source = try source()
        guard case .text(let document) = try source.exported(as: .graphml) else { return }
        #expect(document.contains("attr.name=\"policygraph.schema\""))
        let scratch = ScratchFolder()
        let plan = try GraphMLReader.importDocument(Array(document.utf8), file: "own.graphml", into: .new(scratch.path))
        #expect(plan.schemaChange == .written)
        let imported = try GraphLoader.load(folder: scratch.path).graph
        #expect(imported.schema == source.schema)
        #expect(imported.schema.polarity(of: "proposes") == 1)
        #expect(rows(imported) == rows(source))
        // Exported again, the same document.
        guard case .text(let again) = try imported.exported(as: .graphml) else { return }
        #expect(again == document)
    }

    /// networkx, the independent reader, finds the schema as the graph's attribute.
    @Test(.enabled(if: Python.has("networkx"), "python3 with networkx is missing: \(Python.pipLine)"))
    func networkxReadsTheSchemaAsAGraphAttribute() throws {
        guard case .text(let document) = try source().exported(as: .graphml) else { return }
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try document.write(toFile: folder + "/own.graphml", atomically: true, encoding: .utf8)
        let script = "import sys, json, networkx as nx\ng = nx.read_graphml(sys.argv[1])\nprint(json.dumps(json.loads(g.graph['policygraph.schema']), sort_keys=True))\n"
        let result = try Python.run(script, arguments: [folder + "/own.graphml"])
        #expect(result.status == 0, "\(result.stderr)")
        let read = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? NSDictionary
        let file = try JSONSerialization.jsonObject(with: Data(try bytes("own-schema/graph/schema.json"))) as? NSDictionary
        // The fixture's schema.json, as written by hand, is what the export carries.
        #expect(read == file)
    }

    @Test func aGraphOfTheBuiltInSchemaCarriesNone() throws {
        let seed = try GraphLoader.load(folder: Fixtures.seedGraph).graph
        guard case .text(let document) = try seed.exported(as: .graphml) else { return }
        #expect(!document.contains("policygraph.schema"))
    }

    @Test func kumuNeedsTheSchemaAndReportsAllItLacksAtOnce() throws {
        let files = try kumuFiles(try source())
        let scratch = ScratchFolder()
        let failure = try failure {
            _ = try KumuSheets.importSheets(elements: files["elements.csv"] ?? [], elementsFile: "elements.csv",
                                            connections: files["connections.csv"] ?? [], connectionsFile: "connections.csv",
                                            into: .new(scratch.path))
        }
        // elements.csv: ID,Label,Type,... — the union is row 4, its Type after "african-union,African Union," (28 characters).
        // connections.csv: From,To,Type,... — the signs rows 2 and 5, Type after "kenya,open-accord,".
        #expect(failure.issues.map(\.description) == [
            "connections.csv:2:19: error: unknown relation 'signs'",
            "connections.csv:5:27: error: unknown relation 'signs'",
            "elements.csv:4:29: error: unknown kind 'bloc'",
        ])
        // The union is the source of a row: an actor.
        #expect(failure.undeclared.kinds == ["bloc": true])
        #expect(failure.undeclared.schemaSnippet == """
            {
              "kinds": {
                "bloc": {"description": "", "actor": true}
              },
              "relations": {
                "signs": {"description": "", "endpoints": [{"from": ["bloc", "country"], "to": ["framework"]}]}
              }
            }

            """)
        #expect(!FileManager.default.fileExists(atPath: scratch.path))
    }

    @Test func kumuWithTheSchemaComesBackEqual() throws {
        let source = try source()
        let files = try kumuFiles(source)
        let scratch = ScratchFolder()
        let plan = try KumuSheets.importSheets(elements: files["elements.csv"] ?? [], elementsFile: "elements.csv",
                                               connections: files["connections.csv"] ?? [], connectionsFile: "connections.csv",
                                               into: .new(scratch.path), schema: try schemaFile("own-schema/graph/schema.json"))
        #expect(plan.schemaChange == .written)
        let imported = try GraphLoader.load(folder: scratch.path).graph
        #expect(imported.schema == source.schema)
        #expect(rows(imported) == rows(source))
        // The file is written as given.
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/schema.json"))) == (try bytes("own-schema/graph/schema.json")))
    }

    /// A copy of the fixture graph to merge into.
    func copy(_ scratch: borrowing ScratchFolder) throws {
        try FileManager.default.copyItem(atPath: Self.folder, toPath: scratch.path)
    }

    @Test func aSchemaFileAddsToTheGraphsSchema() throws {
        let scratch = ScratchFolder()
        try copy(scratch)
        let plan = try StanceSheet.importSheet(try bytes("own-schema/stances.csv"), file: "stances.csv", into: .merge(scratch.path),
                                               schema: try schemaFile("own-schema/stances-schema.json"))
        #expect(plan.schemaChange == .extended)
        #expect(plan.nodes.map(\.id) == ["senegal", "ecowas", "data-pact"])
        let graph = try GraphLoader.load(folder: scratch.path).graph
        // abstains added (neutral), signs and proposes as the graph had them.
        #expect(graph.schema.isStance("abstains") && graph.schema.polarity(of: "abstains") == 0)
        #expect(graph.schema.polarity(of: "signs") == 1 && graph.schema.polarity(of: "proposes") == 1)
        #expect(graph.schema.contains(Kind("bloc")) && graph.schema.contains(Kind("country")))
        let written = try String(contentsOfFile: scratch.path + "/schema.json", encoding: .utf8)
        #expect(written.contains("\"abstains\"") && written.contains("\"proposes\"") && written.contains("\"score\""))
        // Again: nothing to add, schema.json untouched.
        let again = try StanceSheet.importSheet(try bytes("own-schema/stances.csv"), file: "stances.csv", into: .merge(scratch.path),
                                                schema: try schemaFile("own-schema/stances-schema.json"))
        #expect(again.isEmpty && again.schemaChange == .none)
        #expect(try String(contentsOfFile: scratch.path + "/schema.json", encoding: .utf8) == written)
    }

    @Test func aSchemaFileMayNotChangeAStanceTheGraphFixes() throws {
        let scratch = ScratchFolder()
        try copy(scratch)
        let before = try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted().map {
            try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/" + $0))
        }
        let failure = try failure {
            _ = try StanceSheet.importSheet(try bytes("own-schema/stances.csv"), file: "stances.csv", into: .merge(scratch.path),
                                            schema: try schemaFile("own-schema/conflicting-schema.json"))
        }
        let graphSchema = scratch.path + "/schema.json"
        #expect(failure.issues.map(\.description) == [
            "own-schema/conflicting-schema.json:3:5: error: relation 'signs' is a stance -1 here but a stance +1 in \(graphSchema); an import may add to the graph's schema, not change it",
            "own-schema/conflicting-schema.json:4:5: error: relation 'proposes' is no stance here but a stance +1 in \(graphSchema); an import may add to the graph's schema, not change it",
        ])
        let after = try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted().map {
            try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/" + $0))
        }
        #expect(after == before)
    }

    @Test func theBuiltInStancesAreFixedInAGraphWithoutSchema() throws {
        let scratch = ScratchFolder()
        _ = try GraphFolder.create(at: scratch.path)
        let failure = try failure {
            _ = try StanceSheet.importSheet(try bytes("own-schema/stances.csv"), file: "stances.csv", into: .merge(scratch.path),
                                            schema: ImportSchema(bytes: Array(#"{"relations": {"supports": {"stance": -1}}}"#.utf8), file: "s.json"))
        }
        #expect(failure.issues.map(\.description) == [
            "s.json:1:16: error: relation 'supports' is a stance -1 here but a stance +1 in the built-in schema; an import may add to the graph's schema, not change it",
        ])
    }

    @Test func aNewGraphTakesTheSchemaAsGiven() throws {
        // Into a new graph, a built-in relation's stance may change.
        let scratch = ScratchFolder()
        let sheet = "actor,relation,target,date,cite,actor_kind,target_kind\nSenegal,supports,Open Accord,2025,p. 1,country,framework\n"
        _ = try StanceSheet.importSheet(Array(sheet.utf8), file: "s.csv", into: .new(scratch.path),
                                        schema: ImportSchema(bytes: Array(#"{"relations": {"supports": {"stance": -1}}}"#.utf8), file: "s.json"))
        let graph = try GraphLoader.load(folder: scratch.path).graph
        #expect(graph.schema.polarity(of: "supports") == -1)
    }

    @Test func undeclaredRelationsAndKindsOfASheetAreAllReported() throws {
        let scratch = ScratchFolder()
        let failure = try failure {
            _ = try StanceSheet.importSheet(try bytes("own-schema/stances.csv"), file: "stances.csv", into: .new(scratch.path))
        }
        // Columns: "Senegal," is 8 characters, so relation at 9; "ECOWAS,signs,Open Accord,2025-02-01,Declaration p. 6," is 53, so actor_kind at 54.
        #expect(failure.issues.map(\.description) == [
            "stances.csv:2:9: error: unknown relation 'signs'",
            "stances.csv:3:8: error: unknown relation 'signs'",
            "stances.csv:3:54: error: unknown kind 'bloc'",
            "stances.csv:4:9: error: unknown relation 'abstains'",
        ])
        #expect(failure.undeclared.kinds == ["bloc": true])
        #expect(failure.undeclared.relations.keys.sorted() == ["abstains", "signs"])
        #expect(failure.undeclared.relations["signs"]?.from == ["bloc", "country"])
        #expect(failure.undeclared.relations["abstains"]?.to == ["framework"])
    }

    @Test func aNameOfAnUndeclaredKindIsReportedOnceNotAgainAsUnknown() throws {
        let scratch = ScratchFolder()
        let sheet = "actor,relation,target,date,cite,actor_kind,target_kind\nKenya,supports,AI Act,2025,c1,nation,framework\nKenya,opposes,AI Act,2025,c2,,\n"
        let failure = try failure {
            _ = try StanceSheet.importSheet(Array(sheet.utf8), file: "s.csv", into: .new(scratch.path))
        }
        #expect(failure.issues.map(\.description) == ["s.csv:2:31: error: unknown kind 'nation'"])
        #expect(failure.undeclared.kinds == ["nation": true])
    }

    @Test func anErrorInTheSchemaAGraphMLFileCarriesPointsIntoTheFile() throws {
        let document = """
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="s" for="graph" attr.name="policygraph.schema" attr.type="string"/>
              <key id="k" for="node" attr.name="kind"/>
              <graph edgedefault="directed">
                <data key="s">{
              "relations": {
                "signs": {"stance": 1, "endpoints": [{"from": ["nation"], "to": ["framework"]}]}
              }
            }</data>
                <node id="a"><data key="k">country</data></node>
              </graph>
            </graphml>
            """
        let scratch = ScratchFolder()
        do {
            _ = try GraphMLReader.importDocument(Array(document.utf8), file: "own.graphml", into: .new(scratch.path))
            Issue.record("expected a failure")
        } catch let failure as LoadFailure {
            #expect(failure.errors.map { "\($0.location.file):\($0.location.line)" } == ["own.graphml:7"])
            #expect(failure.errors.first?.message.contains("unknown kind 'nation'") == true)
        }
    }

    @Test func kumuSplitsOnlyTo() throws {
        let scratch = ScratchFolder()
        let failure = try failure {
            _ = try KumuSheets.importSheets(elements: Array("Label,Type\nKenya,country\nGhana,country\nAI Act,framework\n".utf8), elementsFile: "e.csv",
                                            connections: Array("From,To,Type\nKenya|Ghana,AI Act,supports\n".utf8), connectionsFile: "c.csv",
                                            into: .new(scratch.path))
        }
        #expect(failure.issues.map(\.description) == [
            "c.csv:2:1: error: 'Kenya|Ghana' is not one element: Kumu splits only 'To' at '|' (write a row per 'From')",
        ])
    }
}
