import Foundation
import Testing
@testable import PolicyGraph

/// The byte-level loader (interning from bytes, batched lookups, compact columns, two threads
/// for large files) against ``ReferenceLoader``, the row-by-row loader over strings: on random
/// graphs it keeps the same rows and reports the same problems, word for word and line for line.
@Suite struct ScaleLoaderTests {
    enum Outcome: Equatable {
        case loaded(nodes: [Node], edges: [Edge], warnings: [ValidationIssue])
        case failed([String])
    }

    static func reference(_ files: (nodes: [UInt8], edges: [UInt8])) -> Outcome {
        let out = ReferenceLoader(schema: .builtIn).load(nodes: files.nodes, edges: files.edges)
        if let lines = out.failureLines { return .failed(lines) }
        return .loaded(nodes: out.nodes, edges: out.edges, warnings: out.warnings)
    }

    /// Loads through the library; `parallelThreshold` small enough splits even a tiny edge file.
    static func load(_ files: (nodes: [UInt8], edges: [UInt8]), parallelThreshold: Int? = nil) -> (Outcome, Graph?) {
        var loader = TableLoader(schema: .builtIn, nodesFile: "nodes.csv", edgesFile: "edges.csv")
        if let parallelThreshold { loader.parallelThreshold = parallelThreshold }
        let result = files.nodes.withUnsafeBufferPointer { n in files.edges.withUnsafeBufferPointer { e in loader.run(nodes: n, edges: e) } }
        switch result {
        case .success(let loaded):
            return (.loaded(nodes: loaded.graph.nodes, edges: loaded.graph.edges, warnings: loaded.warnings), loaded.graph)
        case .failure(let failure):
            return (.failed(failure.lines), nil)
        }
    }

    @Test(arguments: 0..<25)
    func cleanRandomGraphsLoadTheSameRows(seed: Int) throws {
        var random = RandomGraphCSV(seed: UInt64(seed), noise: 0)
        let files = random.folder(nodes: 5 + seed * 7, edges: 10 + seed * 23)
        let expected = Self.reference(files)
        let (outcome, graph) = Self.load(files)
        #expect(outcome == expected)
        let loaded = try #require(graph)
        Self.expectIndexes(of: loaded)
    }

    @Test(arguments: 0..<120)
    func noisyRandomGraphsReportTheSameProblems(seed: Int) {
        var random = RandomGraphCSV(seed: UInt64(10_000 + seed), noise: 6 + seed % 30)
        let files = random.folder(nodes: 4 + seed % 40, edges: 5 + (seed * 13) % 90)
        #expect(Self.load(files).0 == Self.reference(files))
    }

    @Test(arguments: 0..<120)
    func readingAnEdgeFileInTwoHalvesChangesNothing(seed: Int) {
        var random = RandomGraphCSV(seed: UInt64(20_000 + seed), noise: seed % 3 == 0 ? 0 : 8 + seed % 40)
        let files = random.folder(nodes: 6 + seed % 30, edges: 20 + (seed * 7) % 200)
        let expected = Self.reference(files)
        #expect(Self.load(files, parallelThreshold: 1).0 == expected)
    }

    @Test(arguments: [0, 150])
    func edgeFilesOfManyBatchesLoadTheSameRows(noise: Int) {
        var random = RandomGraphCSV(seed: UInt64(30_000 + noise), noise: noise)
        let files = random.folder(nodes: 300, edges: 3500)
        let expected = Self.reference(files)
        #expect(Self.load(files).0 == expected)
        #expect(Self.load(files, parallelThreshold: 1).0 == expected)
    }

    @Test func aSplitInsideAQuotedFieldFallsBackToOneThread() {
        // The line break at the middle of the edge file is inside a quoted cite.
        let nodes = Array("id,kind,label\na,country,A\nf,framework,F\n".utf8)
        var edges = "from,relation,to,cite\n"
        edges += "a,supports,f,\"" + String(repeating: "x", count: 200) + "\n" + String(repeating: "y", count: 200) + "\"\n"
        edges += "a,opposes,f,\n"
        let files = (nodes, Array(edges.utf8))
        #expect(Self.load(files, parallelThreshold: 1).0 == Self.reference(files))
        #expect(Self.load(files, parallelThreshold: 1).1?.edgeCount == 2)
    }

    @Test func anErrorInTheSecondHalfKeepsItsLineNumber() {
        let nodes = Array("id,kind,label\na,country,A\nf,framework,F\n".utf8)
        let edges = "from,relation,to\n" + String(repeating: "a,supports,f\n", count: 50) + "a,supports,ghost\n"
            + String(repeating: "a,supports,f\n", count: 20) + "a,supports,\"f\"x\n"
        let files = (nodes, Array(edges.utf8))
        let (outcome, _) = Self.load(files, parallelThreshold: 1)
        #expect(outcome == .failed([
            "edges.csv:52: error: column 'to': unknown node 'ghost'; add it to nodes.csv or fix the id",
            "edges.csv:73:15: error: text after a closing quote; a quoted field must end at a comma or the line end (write a quote inside a field as '\"\"')",
        ]))
        #expect(outcome == Self.reference(files))
    }

    @Test func aBrokenByteLateInTheFileTakesBackEveryFindingOfThatFile() {
        // An empty label (line 2) and a duplicate id (line 4) come before the bad byte (line 5):
        // only the bad byte is reported, as if the text had been checked first. The node file
        // failing, the edges are checked without knowing any node (no unknown 'zzz').
        let nodes = Array("id,kind,label\na,country,\nb,country,B\nb,country,B\n".utf8) + [0xFF] + Array("\n".utf8)
        let edges = Array("from,relation,to\na,supports,zzz\n".utf8)
        let expected: Outcome = .failed(["nodes.csv:5:1: error: invalid UTF-8 byte sequence; save the file as UTF-8"])
        #expect(Self.load((nodes, edges)).0 == expected)
        #expect(Self.reference((nodes, edges)) == expected)
    }

    @Test(arguments: 0..<6)
    func aMappedFolderLoadsLikeItsBytes(seed: Int) throws {
        var random = RandomGraphCSV(seed: UInt64(50_000 + seed), noise: seed % 2 == 0 ? 0 : 10)
        let files = random.folder(nodes: 40, edges: 150)
        let folder = ScratchFolder()
        try AtomicFile.makeFolder(folder.path)
        let nodesPath = GraphLoader.join(folder.path, GraphLoader.nodesFile)
        let edgesPath = GraphLoader.join(folder.path, GraphLoader.edgesFile)
        try AtomicFile.write(files.nodes, to: nodesPath)
        try AtomicFile.write(files.edges, to: edgesPath)
        func outcome(_ load: () throws(LoadFailure) -> LoadedGraph) -> Outcome {
            do {
                let loaded = try load()
                return .loaded(nodes: loaded.graph.nodes, edges: loaded.graph.edges, warnings: loaded.warnings)
            } catch {
                return .failed(error.lines)
            }
        }
        let mapped = outcome { () throws(LoadFailure) in try GraphLoader.load(folder: folder.path) }
        let fromBytes = outcome { () throws(LoadFailure) in
            try GraphLoader.load(nodes: files.nodes, edges: files.edges, nodesFile: nodesPath, edgesFile: edgesPath)
        }
        #expect(mapped == fromBytes)
    }

    /// The indices agree with a plain reading of the edge list: adjacency by relation then file
    /// order, nodes by kind, edges by relation, and every id found.
    static func expectIndexes(of graph: Graph) {
        let edges = graph.edges
        let relationOrder = Dictionary(uniqueKeysWithValues: graph.schema.relations.enumerated().map { ($1.relation, $0) })
        func byRelation(_ list: [(Int, Edge)]) -> [Edge] {
            list.sorted { (relationOrder[$0.1.relation] ?? 0, $0.0) < (relationOrder[$1.1.relation] ?? 0, $1.0) }.map(\.1)
        }
        for node in graph.nodes {
            #expect(graph.contains(node.id))
            #expect(graph.edges(from: node.id) == byRelation(edges.enumerated().filter { $0.1.from == node.id }.map { ($0.0, $0.1) }))
            #expect(graph.edges(to: node.id) == byRelation(edges.enumerated().filter { $0.1.to == node.id }.map { ($0.0, $0.1) }))
        }
        for rule in graph.schema.kinds {
            #expect(graph.nodes(of: rule.kind) == graph.nodes.filter { $0.kind == rule.kind })
            #expect(graph.nodeIDs(of: rule.kind) == graph.nodes.filter { $0.kind == rule.kind }.map(\.id))
        }
        for rule in graph.schema.relations {
            #expect(graph.edges(relation: rule.relation) == edges.filter { $0.relation == rule.relation })
        }
        #expect(graph.nodeIDs == graph.nodes.map(\.id))
        for e in 0..<Int32(graph.edgeCount) {
            #expect(graph.weight(ofEdge: e) == (edges[Int(e)].weight ?? 1))
        }
        #expect(!graph.contains("no such node"))
    }
}
