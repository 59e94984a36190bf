/// The heatmap tab's data: for the actors of the view (the nodes with a stance edge in it), in
/// the order ``OverlapMatrix/clustered()`` gives, every pair's counts and measures.
///
/// At most ``maximumActors`` actors, those with the most stances (then by id): a grid of
/// 40 × 40 cells is as much as a person reads, and each pair costs an overlap.
struct MapAgreement {
    static let maximumActors = 40

    let json: JSONValue

    init(view: Graph, nodeIndex: [NodeID: Int]) {
        var stanceCounts: [NodeID: Int] = [:]
        for edge in view.edges where view.schema.isStance(edge.relation) {
            stanceCounts[edge.from, default: 0] += 1
        }
        let ranked = stanceCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        let chosen = ranked.prefix(Self.maximumActors).map(\.key).sorted()
        // The actors come from the view's own stance edges, so neither call can meet an unknown
        // actor; should one fail all the same, the page goes without the tab.
        guard chosen.count >= 2, let matrix = try? view.overlapMatrix(actors: chosen, measure: .sScore).clustered() else {
            json = .null
            return
        }
        var cells: [JSONValue] = []
        for (i, first) in matrix.actors.enumerated() {
            for second in matrix.actors[i...] {
                guard let overlap = try? view.overlap(between: first, and: second) else {
                    cells.append(.null)
                    continue
                }
                cells.append(.array([
                    .int(overlap.agree.count), .int(overlap.conflict.count), .int(overlap.onlyFirst.count),
                    .int(overlap.onlySecond.count), .double(overlap.jaccard), .double(overlap.signed),
                    .double(overlap.sScore), .double(overlap.kappa), .double(overlap.pi), .int(overlap.halfway.count),
                ]))
            }
        }
        json = .object([
            "actors": .array(matrix.actors.map { .int(nodeIndex[$0] ?? 0) }),
            "total": .int(stanceCounts.count),
            "fields": .array(["agree", "conflict", "onlyFirst", "onlySecond", "jaccard", "signed", "sScore", "kappa", "pi", "halfway"].map { .string($0) }),
            "cells": .array(cells),
        ])
    }
}
