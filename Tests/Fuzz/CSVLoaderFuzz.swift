import Foundation

// libFuzzer harness (a): the CSV loader with a schema.
//
// The input is `nodes.csv`, `edges.csv` and, optionally, `schema.json`, separated by the line
// `@@@@` (see `FuzzInput.swift`). A graph that loads must also survive the writers that read
// every field (DOT, the JSON interchange document), and its JSON document must load back: a
// failure there is a bug, so it traps and the fuzzer keeps the input.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let parts = FuzzInput.split(Array(UnsafeBufferPointer(start: data, count: size)))
    guard let loaded = try? GraphLoader.load(nodes: parts.nodes, edges: parts.edges, schema: parts.schema) else { return 0 }
    _ = DOTRenderer().render(loaded.graph)
    let document = GraphJSON.document(loaded.graph)
    do {
        _ = try GraphJSON.read(Array(document.utf8), file: "fuzz.json")
    } catch {
        fatalError("a loaded graph's JSON document does not load back: \(error)")
    }
    return 0
}
