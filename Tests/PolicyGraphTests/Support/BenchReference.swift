import Foundation
@testable import PolicyGraph
@testable import PolicyGraphBench

/// The benchmark's answers computed the slow, obvious way, straight from the CSV rows: no
/// `Graph`, no index, no engine. Plain breadth-first searches over adjacency dictionaries and
/// brute-force loops over the edge list. These are the values the benchmark's ops (and, once
/// wired, the path, pattern, chain and overlap engines) must reproduce on the generated S graph.
///
/// Each answer also renders in the exact JSON shape of the op's `result`.
struct BenchReference {
    struct NodeRow: Equatable {
        let id: String
        let kind: String
    }

    struct EdgeRow: Equatable {
        let from: String
        let relation: String
        let to: String
    }

    /// A start and a target of the `path` op.
    struct Pair: Equatable {
        let source: String
        let target: String
    }

    /// Rows in file order.
    let nodes: [NodeRow]
    let edges: [EdgeRow]

    init(nodes: [NodeRow], edges: [EdgeRow]) {
        self.nodes = nodes
        self.edges = edges
    }

    struct ReadError: Error {
        let message: String
    }

    /// Reads a graph folder's `nodes.csv` and `edges.csv` with ``ReferenceCSV``.
    init(folder: String) throws {
        func rows(_ file: String) throws -> [[String]] {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: GraphLoader.join(folder, file))))
            switch ReferenceCSV.read(bytes, file: file) {
            case .success(let records): return records.dropFirst().map(\.fields)
            case .failure(let error): throw ReadError(message: error.description)
            }
        }
        nodes = try rows(GraphLoader.nodesFile).map { NodeRow(id: $0[0], kind: $0[1]) }
        edges = try rows(GraphLoader.edgesFile).map { EdgeRow(from: $0[0], relation: $0[1], to: $0[2]) }
    }

    private var kindOf: [String: String] { Dictionary(nodes.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first }) }

    // MARK: load

    /// `load` → `{"nodes": N, "edges": M}`: every row counts.
    var loadJSON: JSONValue { .object(["nodes": .int(nodes.count), "edges": .int(edges.count)]) }

    // MARK: k-hop

    /// The first `country` row of nodes.csv.
    var firstCountry: String? { nodes.first { $0.kind == "country" }?.id }

    /// The number of nodes at distance 1...depth from `start` (start excluded), following
    /// out-edges only or edges both ways; a textbook BFS over adjacency lists.
    func khop(from start: String, depth: Int, bothWays: Bool) -> Int {
        var adjacency: [String: [String]] = [:]
        for e in edges {
            adjacency[e.from, default: []].append(e.to)
            if bothWays { adjacency[e.to, default: []].append(e.from) }
        }
        var distance: [String: Int] = [start: 0]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            guard let d = distance[node], d < depth else { continue }
            for next in adjacency[node] ?? [] where distance[next] == nil {
                distance[next] = d + 1
                queue.append(next)
            }
        }
        return distance.count - 1
    }

    var khopOut3: Int? { firstCountry.map { khop(from: $0, depth: 3, bothWays: false) } }
    var khopBoth2: Int? { firstCountry.map { khop(from: $0, depth: 2, bothWays: true) } }

    // MARK: path

    /// SplitMix64 as the issue writes it, kept separate from the library's on purpose.
    struct Mix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &+ 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The `path` pairs: `s = ids[next() % N]`, `t = frameworks[next() % F]`, s == t skipped.
    func pathPairs(count: Int = 100, seed: UInt64 = 20_240_601) -> [Pair] {
        let ids = nodes.map(\.id)
        let frameworks = nodes.filter { $0.kind == "framework" }.map(\.id)
        guard !ids.isEmpty, !frameworks.isEmpty else { return [] }
        var mix = Mix(state: seed)
        var pairs: [Pair] = []
        while pairs.count < count {
            let s = ids[Int(mix.next() % UInt64(ids.count))]
            let t = frameworks[Int(mix.next() % UInt64(frameworks.count))]
            if s != t { pairs.append(Pair(source: s, target: t)) }
        }
        return pairs
    }

    /// The length of a shortest directed path from `s` to `t` (edges), `nil` when there is none.
    func shortestPathLength(from s: String, to t: String) -> Int? {
        var adjacency: [String: [String]] = [:]
        for e in edges { adjacency[e.from, default: []].append(e.to) }
        var distance: [String: Int] = [s: 0]
        var queue = [s]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            if node == t { return distance[node] }
            for next in adjacency[node] ?? [] where distance[next] == nil {
                distance[next] = (distance[node] ?? 0) + 1
                queue.append(next)
            }
        }
        return nil
    }

    /// `path` → `{"pairs": 100, "connected": C, "sum_len": L}`.
    var pathJSON: JSONValue {
        let pairs = pathPairs()
        let lengths = pairs.compactMap { shortestPathLength(from: $0.source, to: $0.target) }
        return .object(["pairs": .int(pairs.count), "connected": .int(lengths.count), "sum_len": .int(lengths.reduce(0, +))])
    }

    // MARK: patterns

    /// Matches of `(a:aKind)-[:aRelation]->(f:framework)<-[:bRelation]-(b:bKind)`, with
    /// `a <> b` when asked: one per pair of edges, parallel edges counted apart, as a pattern
    /// query binds edges.
    func pairsOverFramework(_ aKind: String, _ aRelation: String, _ bKind: String, _ bRelation: String, distinct: Bool) -> Int {
        let kind = kindOf
        var count = 0
        for e1 in edges where e1.relation == aRelation && kind[e1.from] == aKind && kind[e1.to] == "framework" {
            for e2 in edges where e2.relation == bRelation && e2.to == e1.to && kind[e2.from] == bKind {
                if !distinct || e1.from != e2.from { count += 1 }
            }
        }
        return count
    }

    /// `pattern`: `(a:country)-[:supports]->(f:framework)<-[:opposes]-(b:country) WHERE a <> b`.
    var pattern: Int { pairsOverFramework("country", "supports", "country", "opposes", distinct: true) }
    /// `pattern_heavy`: `(o:official)-[:supports]->(f:framework)<-[:opposes]-(c:country)`.
    var patternHeavy: Int { pairsOverFramework("official", "supports", "country", "opposes", distinct: false) }

    // MARK: chain

    /// Matches of `(o:official)-[:memberOf]->(a:agency)-[:memberOf]->(c:country)` per country.
    var chainCounts: [String: Int] {
        let kind = kindOf
        var counts: [String: Int] = [:]
        for e1 in edges where e1.relation == "memberOf" && kind[e1.from] == "official" && kind[e1.to] == "agency" {
            for e2 in edges where e2.relation == "memberOf" && e2.from == e1.to && kind[e2.to] == "country" {
                counts[e2.to, default: 0] += 1
            }
        }
        return counts
    }

    /// `chain` → `{"total", "countries", "first": {"id", "count"}}`.
    var chainJSON: JSONValue {
        let counts = chainCounts
        let first = firstCountry ?? ""
        return .object([
            "total": .int(counts.values.reduce(0, +)), "countries": .int(counts.values.filter { $0 > 0 }.count),
            "first": .object(["id": .string(first), "count": .int(counts[first] ?? 0)]),
        ])
    }

    // MARK: overlap

    struct PairOverlap: Equatable {
        let a: String
        let b: String
        let agree: Int
        let conflict: Int
        let union: Int
    }

    /// Every unordered pair of countries (a < b by id) over their direct stances: agree = both
    /// support or both oppose a target, conflict = one each, union = targets of either. Assumes
    /// one stance per (country, target), which the generator guarantees.
    var countryPairs: [PairOverlap] {
        var stances: [String: [String: Int]] = [:]
        let kind = kindOf
        for e in edges where kind[e.from] == "country" && (e.relation == "supports" || e.relation == "opposes") {
            stances[e.from, default: [:]][e.to] = e.relation == "supports" ? 1 : -1
        }
        let countries = nodes.filter { $0.kind == "country" }.map(\.id).sorted()
        var pairs: [PairOverlap] = []
        for (i, a) in countries.enumerated() {
            for b in countries[(i + 1)...] {
                let sa = stances[a] ?? [:]
                let sb = stances[b] ?? [:]
                let shared = Set(sa.keys).intersection(sb.keys)
                let agree = shared.filter { sa[$0] == sb[$0] }.count
                pairs.append(PairOverlap(a: a, b: b, agree: agree, conflict: shared.count - agree, union: Set(sa.keys).union(sb.keys).count))
            }
        }
        return pairs
    }

    /// `overlap` → `{"agree", "conflict", "best": {"a", "b", "agree", "union", "jaccard"}}`: best is
    /// the highest agree / union (pairs without any stance skipped), compared as
    /// `agree1 * union2 > agree2 * union1` in scan order, so ties keep the first pair.
    var overlapJSON: JSONValue {
        let pairs = countryPairs
        var best: PairOverlap?
        for p in pairs where p.union > 0 {
            if let b = best, !(p.agree * b.union > b.agree * p.union) { continue }
            best = p
        }
        var bestJSON = JSONValue.null
        if let best {
            bestJSON = .object([
                "a": .string(best.a), "b": .string(best.b), "agree": .int(best.agree), "union": .int(best.union),
                "jaccard": .number(String(format: "%.6f", Double(best.agree) / Double(best.union))),
            ])
        }
        return .object([
            "agree": .int(pairs.map(\.agree).reduce(0, +)), "conflict": .int(pairs.map(\.conflict).reduce(0, +)), "best": bestJSON,
        ])
    }
}
