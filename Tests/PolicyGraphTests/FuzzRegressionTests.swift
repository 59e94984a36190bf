import Foundation
@testable import PolicyGraph
import Testing

/// Replays every input the fuzzers (`Tests/Fuzz/`) ever found crashing, hanging or blowing
/// memory, kept under `Fixtures/fuzz/<harness>/`: each must now end in a result or an error.
/// The checks are the harnesses' own (a loaded graph's JSON loads back, an imported document's
/// files load).
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static func inputs(_ harness: String) -> [String] {
        let folder = Fixtures.path("fuzz/\(harness)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { folder + "/" + $0 }
    }

    /// The CSV harness's input: nodes, edges and schema separated by the line `@@@@`
    /// (`Tests/Fuzz/FuzzInput.swift`).
    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        let separator = Array("\n@@@@\n".utf8)
        var pieces: [[UInt8]] = []
        var start = 0, i = 0
        while i + separator.count <= bytes.count, pieces.count < 2 {
            if bytes[i..<(i + separator.count)].elementsEqual(separator) {
                pieces.append(Array(bytes[start..<i]))
                i += separator.count
                start = i
            } else {
                i += 1
            }
        }
        pieces.append(Array(bytes[start...]))
        return pieces
    }

    @Test(arguments: inputs("csv-loader"))
    func csvLoaderInput(_ path: String) throws {
        let parts = Self.split(try TemporaryFolder.read(path))
        guard let loaded = try? GraphLoader.load(nodes: parts[0], edges: parts.count > 1 ? parts[1] : [],
                                                 schema: parts.count > 2 ? parts[2] : nil) else { return }
        _ = DOTRenderer().render(loaded.graph)
        _ = try GraphJSON.read(Array(GraphJSON.document(loaded.graph).utf8), file: "replay.json")
    }

    @Test(arguments: inputs("query"))
    func queryInput(_ path: String) throws {
        let text = String(decoding: try TemporaryFolder.read(path), as: UTF8.self)
        let graph = try loadGraph(nodes: minimalNodes, edges: minimalEdges)
        _ = try? graph.query(text, limits: QueryLimits(maxSteps: 20_000, maxRows: 20_000))
    }

    /// The stance-sheet harness's graph (a copy of `StanceSheetFuzzGraph` in
    /// `Tests/Fuzz/StanceSheetFuzz.swift`): a few nodes named in the seeds, the README's summit schema.
    static let sheetGraph = (
        nodes: "id,kind,label,label_zh,description,cite\natlantis,country,Atlantis,亚特兰蒂斯,,\nborealis,country,Borealis,北方国,,\ncordova,country,Cordova,,,\n"
            + "dorado,country,Dorado,,,\neldoria,country,Eldoria,,,\nfennland,country,Fennland,,,\nmeridia,country,Meridia,,,\n"
            + "norvale,country,Norvale,,,\nhesperia,country,Hesperia,,,\nnorthern-union,organization,Northern Union,,,\nunion-commission,agency,Union Commission,,,\n"
            + "meridian,framework,Meridian Declaration,子午线宣言,,\npact,framework,AI Incident Reporting Pact,,,\nopen-weight,framework,Open-Weight Release Norm,,,\nsummit,event,Meridian AI Summit 2025,,,\n"
            + "capacity,topic,Capacity Building,能力建设,,\n",
        edges: "from,relation,to,weight,date,cite,source,by,evidence\natlantis,signs,meridian,,2025-03-11,Signature page ¶1,,,\n"
            + "borealis,participatesIn,summit,,2025-03-10,Summit record §1 ¶2,,,stated\n",
        schema: #"{"relations": {"signs": {"stance": 1, "endpoints": [{"from": ["country", "organization"], "to": ["framework"]}]}, "#
            + #""abstains": {"stance": 0, "endpoints": [{"from": ["country", "organization", "agency"], "to": ["framework", "risk", "topic"]}]}}}"#)

    /// An import that goes through adds nothing when planned again against its own result.
    static func importTwice(_ sheet: [UInt8], nodes: String, edges: String, schema: String?) throws {
        let schemaBytes = schema.map { Array($0.utf8) }
        guard let records = try? StanceSheet.records(sheet, file: "sheet.csv"),
              let planned = try? GraphImporter.plan(records, nodes: Array(nodes.utf8), edges: Array(edges.utf8), schema: schemaBytes, folder: "g"),
              let files = try? GraphImporter.merged(planned, schema: schemaBytes, folder: "g") else { return }
        let again = try GraphImporter.plan(records, nodes: files.nodes, edges: files.edges, schema: schemaBytes, folder: "g")
        #expect(again.plan.isEmpty, "the second import adds \(again.plan.nodes.map(\.id)) and \(again.plan.edges.count) edges")
    }

    @Test(arguments: inputs("stance-sheet"))
    func stanceSheetInput(_ path: String) throws {
        let sheet = try TemporaryFolder.read(path)
        try Self.importTwice(sheet, nodes: "id,kind,label,label_zh,description,cite\n",
                             edges: "from,relation,to,weight,date,cite,source,by,evidence\n", schema: nil)
        try Self.importTwice(sheet, nodes: Self.sheetGraph.nodes, edges: Self.sheetGraph.edges, schema: Self.sheetGraph.schema)
    }

    /// The harness's own check, on the sheets the README imports (its seeds): each goes through
    /// into the harness's graph, and a second time adds nothing.
    @Test func readmeSheetsImportOnceOnly() throws {
        for name in ["meridian-summit", "meridian-declaration"] {
            let sheet = try TemporaryFolder.read(Fixtures.path("sheets/\(name).csv"))
            let records = try StanceSheet.records(sheet, file: "sheet.csv")
            let planned = try GraphImporter.plan(records, nodes: Array(Self.sheetGraph.nodes.utf8), edges: Array(Self.sheetGraph.edges.utf8),
                                                 schema: Array(Self.sheetGraph.schema.utf8), folder: "g")
            #expect(!planned.plan.edges.isEmpty)
            try Self.importTwice(sheet, nodes: Self.sheetGraph.nodes, edges: Self.sheetGraph.edges, schema: Self.sheetGraph.schema)
        }
    }

    @Test(arguments: inputs("json-import"))
    func jsonImportInput(_ path: String) throws {
        guard let imported = try? GraphJSON.read(try TemporaryFolder.read(path), file: "replay.json") else { return }
        _ = try GraphLoader.load(nodes: Array(imported.nodesCSV.utf8), edges: Array(imported.edgesCSV.utf8),
                                 schema: imported.schemaJSON.map { Array($0.utf8) })
    }
}
