import Foundation

// libFuzzer harness (c): the JSON interchange import.
//
// The input is a JSON document. A document that imports must give CSV files that load as they
// are (that is what `import` writes), so a failure there traps and the fuzzer keeps the input.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONImport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let imported = try? GraphJSON.read(bytes, file: "fuzz.json") else { return 0 }
    do {
        _ = try GraphLoader.load(nodes: Array(imported.nodesCSV.utf8), edges: Array(imported.edgesCSV.utf8),
                                 schema: imported.schemaJSON.map { Array($0.utf8) })
    } catch {
        fatalError("an imported document's CSV files do not load: \(error)")
    }
    return 0
}
