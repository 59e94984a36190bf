import Foundation

// libFuzzer harness (d): the stance-sheet import.
//
// The input is a stance sheet (CSV bytes). It is imported as `policygraph import` does, without
// the files: into an empty graph and into a small graph of its own (the README's fixtures'
// names, and its summit schema with `signs` and `abstains`; `StanceSheetFuzzGraph`):
// the rows resolved and checked (`StanceSheet.records`, `GraphImporter.plan`), appended, and the
// result loaded (`GraphImporter.merged`). A refusal is an answer. An import that went through
// must be idempotent, as the README promises ("0 new nodes, 0 new edges" the second time):
// planned again against its own result, it adds nothing; anything else traps, and the fuzzer
// keeps the input. `FuzzRegressionTests` replays kept inputs with the same checks.

enum StanceSheetFuzzGraph {
    static let emptyNodes = Array("id,kind,label,label_zh,description,cite\n".utf8)
    static let emptyEdges = Array("from,relation,to,weight,date,cite,source,by,evidence\n".utf8)
    static let nodes = Array("""
        id,kind,label,label_zh,description,cite
        atlantis,country,Atlantis,亚特兰蒂斯,,
        borealis,country,Borealis,北方国,,
        cordova,country,Cordova,,,
        dorado,country,Dorado,,,
        eldoria,country,Eldoria,,,
        fennland,country,Fennland,,,
        meridia,country,Meridia,,,
        norvale,country,Norvale,,,
        hesperia,country,Hesperia,,,
        northern-union,organization,Northern Union,,,
        union-commission,agency,Union Commission,,,
        meridian,framework,Meridian Declaration,子午线宣言,,
        pact,framework,AI Incident Reporting Pact,,,
        open-weight,framework,Open-Weight Release Norm,,,
        summit,event,Meridian AI Summit 2025,,,
        capacity,topic,Capacity Building,能力建设,,

        """.utf8)
    /// The README's `summit/schema.json`: a stance relation and a neutral one.
    static let schema = Array("""
        {"relations": {
          "signs": {"stance": 1, "endpoints": [{"from": ["country", "organization"], "to": ["framework"]}]},
          "abstains": {"stance": 0, "endpoints": [{"from": ["country", "organization", "agency"], "to": ["framework", "risk", "topic"]}]}}}
        """.utf8)
    static let edges = Array("""
        from,relation,to,weight,date,cite,source,by,evidence
        atlantis,signs,meridian,,2025-03-11,Signature page ¶1,,,
        borealis,participatesIn,summit,,2025-03-10,Summit record §1 ¶2,,,stated

        """.utf8)

    /// Imports `sheet` into the graph of `nodes` and `edges`, then again into the result.
    /// Returns a sentence when the second import would add something or is refused.
    static func check(_ sheet: [UInt8], nodes: [UInt8], edges: [UInt8], schema: [UInt8]?) -> String? {
        guard let records = try? StanceSheet.records(sheet, file: "sheet.csv"),
              let planned = try? GraphImporter.plan(records, nodes: nodes, edges: edges, schema: schema, folder: "g"),
              let files = try? GraphImporter.merged(planned, schema: schema, folder: "g") else { return nil }
        do {
            let again = try GraphImporter.plan(records, nodes: files.nodes, edges: files.edges, schema: schema, folder: "g")
            guard again.plan.isEmpty else {
                return "importing the sheet again adds \(again.plan.nodes.map(\.id)) and \(again.plan.edges.count) edges"
            }
            return nil
        } catch {
            return "the sheet, imported once, is refused the second time: \(error)"
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStanceSheet(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let sheet = Array(UnsafeBufferPointer(start: data, count: size))
    if let problem = StanceSheetFuzzGraph.check(sheet, nodes: StanceSheetFuzzGraph.emptyNodes, edges: StanceSheetFuzzGraph.emptyEdges, schema: nil) {
        fatalError("into an empty graph: \(problem)")
    }
    if let problem = StanceSheetFuzzGraph.check(sheet, nodes: StanceSheetFuzzGraph.nodes, edges: StanceSheetFuzzGraph.edges,
                                                  schema: StanceSheetFuzzGraph.schema) {
        fatalError("into the harness's graph: \(problem)")
    }
    return 0
}
