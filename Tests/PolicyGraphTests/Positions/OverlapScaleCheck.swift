import Foundation
import Testing
@testable import PolicyGraph

/// A check to run by hand, in release mode, that the overlap matrix scales (it asserts answers,
/// never times; it prints the times):
///
///     OVERLAP_SCALE_CHECK=1 swift test -c release -Xswiftc -enable-testing --filter OverlapScaleCheck
///
/// 1,000 countries, 2,000 frameworks, about 40,000 stance edges with skewed popularity.
/// Measured on the 2-core machine: about 0.05 s per matrix, 0.01 s for the pairwise sums.
@Suite struct OverlapScaleCheck {
    static let enabled = ProcessInfo.processInfo.environment["OVERLAP_SCALE_CHECK"] != nil

    @Test(.enabled(if: enabled, "set OVERLAP_SCALE_CHECK=1 and build in release"))
    func thousandActorMatrix() throws {
        let started = ContinuousClock.now
        let graph = try OverlapTestGraphs.random(seed: 2024, actors: 1_000, targets: 2_000, stances: 40)
        let stanceEdges = graph.edgeCount
        let actors = graph.nodes(of: .country).map(\.id)
        print("graph: \(graph.nodeCount) nodes, \(stanceEdges) stance edges, built in \(ContinuousClock.now - started)")
        for measure in OverlapMeasure.allCases {
            let clock = ContinuousClock.now
            let matrix = try graph.overlapMatrix(actors: actors, measure: measure)
            print("overlapMatrix \(measure.rawValue): \(ContinuousClock.now - clock) for \(actors.count)² cells")
            #expect(matrix.values.count == actors.count)
        }
        let inherit = ContinuousClock.now
        _ = try graph.overlapMatrix(actors: actors, measure: .sScore, options: PositionOptions(inherit: true, asOf: "2024-05"))
        print("overlapMatrix sScore with inherit and as-of: \(ContinuousClock.now - inherit)")
        let pairwise = ContinuousClock.now
        let agreement = try graph.pairwiseAgreement(kind: .country)
        print("pairwiseAgreement: \(ContinuousClock.now - pairwise), agree \(agreement.agree), conflict \(agreement.conflict), best \(String(describing: agreement.best))")
        let ordering = ContinuousClock.now
        let small = try graph.overlapMatrix(actors: actors, measure: .signed).clustered()
        print("clustered order of 1,000 actors: \(ContinuousClock.now - ordering)")
        #expect(small.actors.count == actors.count)
    }
}
