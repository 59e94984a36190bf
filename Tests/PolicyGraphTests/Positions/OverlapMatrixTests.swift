import Testing
import TestSupport
@testable import PolicyGraph

/// The matrix from the inverted index against the single-pair overlap, which merges two
/// positions directly.
@Suite struct OverlapMatrixTests {
    @Test(arguments: OverlapMeasure.allCases)
    func matrixEqualsPairwiseOverlapOnRandomGraphs(measure: OverlapMeasure) throws {
        for seed in UInt64(1)...4 {
            let graph = try OverlapTestGraphs.random(seed: seed, actors: 12, targets: 15, stances: 5, agencies: 6)
            let actors = graph.nodes(of: .country).map(\.id) + ["a0", "a1"]
            for options in [PositionOptions(), PositionOptions(inherit: true, asOf: "2024-05-14")] {
                let matrix = try graph.overlapMatrix(actors: actors, measure: measure, options: options)
                #expect(matrix.actors == actors)
                for (i, a) in actors.enumerated() {
                    for (j, b) in actors.enumerated() {
                        let expected = try graph.overlap(between: a, and: b, options: options).value(of: measure)
                        #expect(matrix.values[i][j] == expected, "seed \(seed) \(a)–\(b)")
                    }
                }
            }
        }
    }

    @Test func fixtureMatrixIsSymmetricWithUndefinedCellsAsNil() throws {
        let graph = try OverlapTestGraphs.fixture()
        let matrix = try graph.overlapMatrix(actors: ["atlantis", "borealis", "cydonia", "dorado"], measure: .signed)
        // signed, by hand (see OverlapTests): atlantis–borealis 1/6, atlantis–cydonia 0.4,
        // borealis–cydonia -0.2; dorado shares nothing (0) and with itself has an empty U (nil).
        #expect(matrix.value(between: "atlantis", and: "borealis") == 1.0 / 6)
        #expect(matrix.value(between: "cydonia", and: "atlantis") == 0.4)
        #expect(matrix.value(between: "borealis", and: "cydonia") == -0.2)
        #expect(matrix.value(between: "dorado", and: "atlantis") == 0)
        #expect(matrix.values[3][3] == nil)
        #expect(matrix.values[0][0] == 1)
    }

    @Test func repeatedOrUnknownActorsThrow() throws {
        let graph = try OverlapTestGraphs.fixture()
        #expect(throws: QueryError(.invalidArgument("actor 'atlantis' is listed twice"))) {
            try graph.overlapMatrix(actors: ["atlantis", "borealis", "atlantis"])
        }
        let thrown = #expect(throws: QueryError.self) { try graph.overlapMatrix(actors: ["atlantis", "nowhere"]) }
        #expect(thrown.map { caseName($0.reason) } == "unknownNode")
        #expect(try graph.overlapMatrix(actors: []).values.isEmpty)
    }

    @Test func clusteredOrderPutsAlliesTogetherAndKeepsEveryValue() throws {
        // Two blocs: n0, n2, n4 support f0..f3; n1, n3, n5 oppose them. Input order alternates.
        var edges = "from,relation,to\n"
        for i in 0..<6 {
            for t in 0..<4 { edges += "n\(i),\(i % 2 == 0 ? "supports" : "opposes"),f\(t)\n" }
        }
        let nodes = "id,kind,label\n" + (0..<6).map { "n\($0),country,N\($0)\n" }.joined() + (0..<4).map { "f\($0),framework,F\($0)\n" }.joined()
        let graph = try OverlapTestGraphs.graph(nodes: nodes, edges: edges)
        let actors: [NodeID] = (0..<6).map { NodeID("n\($0)") }
        let matrix = try graph.overlapMatrix(actors: actors, measure: .signed)
        let clustered = matrix.clustered()
        let blocs = clustered.actors.map { Int($0.rawValue.dropFirst()).map { $0 % 2 } ?? -1 }
        #expect(blocs == [0, 0, 0, 1, 1, 1] || blocs == [1, 1, 1, 0, 0, 0], "\(clustered.actors)")
        #expect(Set(clustered.actors) == Set(actors))
        for a in actors {
            for b in actors { #expect(clustered.value(between: a, and: b) == matrix.value(between: a, and: b)) }
        }
        #expect(matrix.clustered() == clustered)
    }

    @Test func actorsWithoutStancesComeLastInTheClusteredOrder() throws {
        let graph = try OverlapTestGraphs.fixture()
        let matrix = try graph.overlapMatrix(actors: ["dorado", "atlantis", "borealis", "cydonia"], measure: .signed)
        #expect(matrix.stanceCounts == [0, 5, 4, 4])
        let clustered = matrix.clustered()
        #expect(clustered.actors.last == "dorado")
        #expect(clustered.stanceCounts?.last == 0)
        // atlantis sits between its closest allies: cydonia (0.4) and borealis (1/6).
        #expect(clustered.actors.prefix(3) == ["cydonia", "atlantis", "borealis"] || clustered.actors.prefix(3) == ["borealis", "atlantis", "cydonia"])
    }
}
