import Foundation
@testable import PolicyGraph
@testable import PolicyGraphBench

/// Graphs for the position and overlap tests: inline CSV, the hand-computable fixture, and
/// seeded random graphs for comparing fast paths with brute force.
enum OverlapTestGraphs {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A graph from CSV text (header lines included) and an optional `schema.json`.
    static func graph(nodes: String, edges: String, schema: String? = nil) throws -> Graph {
        do {
            return try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(edges.utf8), schema: schema.map { Array($0.utf8) }).graph
        } catch {
            throw Failure(description: error.description)
        }
    }

    /// `Fixtures/overlap/graph`: four countries, their agencies, five frameworks and two risks
    /// (see the hand computations in OverlapTests).
    static func fixture() throws -> Graph {
        do {
            return try GraphLoader.load(folder: Fixtures.path("overlap/graph")).graph
        } catch {
            throw Failure(description: error.description)
        }
    }

    /// A random graph of `actors` countries (`c0`, `c1`, ...) and `targets` frameworks
    /// (`f0`, ...), each country taking about `stances` stance edges, some weighted, some dated,
    /// some repeated, so that clamping, cancelling and dates all happen. Agencies (`a0`, ...)
    /// belong to countries and to each other (cycles included).
    static func random(seed: UInt64, actors: Int, targets: Int, stances: Int, agencies: Int = 0) throws -> Graph {
        var rng = OverlapRandom(seed: seed)
        var nodes = "id,kind,label\n"
        for i in 0..<actors { nodes += "c\(i),country,Country \(i)\n" }
        for i in 0..<agencies { nodes += "a\(i),agency,Agency \(i)\n" }
        for i in 0..<targets { nodes += "f\(i),framework,Framework \(i)\n" }
        var edges = "from,relation,to,weight,date\n"
        let weights = ["", "", "", "0.5", "0.25", "2", "1.5"]
        let dates = ["", "", "2023", "2024-05", "2024-05-14", "2025-01-01"]
        func stanceEdges(from source: String, count: Int) {
            for _ in 0..<count {
                // Squaring skews popularity towards the first targets, as real positions are.
                let r = Double(rng.next() % 10_000) / 10_000
                let t = Int(r * r * Double(targets))
                let relation = rng.next() % 10 < 6 ? "supports" : "opposes"
                let weight = weights[Int(rng.next() % UInt64(weights.count))]
                let date = dates[Int(rng.next() % UInt64(dates.count))]
                edges += "\(source),\(relation),f\(t),\(weight),\(date)\n"
            }
        }
        for i in 0..<actors { stanceEdges(from: "c\(i)", count: Int(rng.next() % UInt64(2 * stances + 1))) }
        for i in 0..<agencies {
            let date = dates[Int(rng.next() % UInt64(dates.count))]
            if actors > 0 { edges += "a\(i),memberOf,c\(Int(rng.next() % UInt64(actors))),,\(date)\n" }
            let other = Int(rng.next() % UInt64(agencies))
            if other != i { edges += "a\(i),memberOf,a\(other),,\n" }
            stanceEdges(from: "a\(i)", count: Int(rng.next() % 4))
        }
        return try graph(nodes: nodes, edges: edges)
    }
}

/// The library's SplitMix64: seeded, the same on every platform.
typealias OverlapRandom = SplitMix64

