import Foundation
import PolicyGraph

/// Writes a synthetic policy graph of a given ``GraphShape`` as a graph folder, for the
/// benchmark and for tests at scale.
///
/// The shape: about two hundred countries; agencies (5 % of nodes), each a member of a
/// country; officials (most of the rest), each a member of one agency, and one member of each
/// agency also leads it; frameworks and risks (2 % each); organizations (1 %); each framework
/// references two others; every other edge is a stance (60 % `supports`) from an actor to a
/// framework or risk, targets drawn with Zipf-like popularity (P(rank k) ∝ 1/k). Countries take
/// at most one stance per target, so that overlaps between countries are well defined; other
/// actors may repeat themselves (parallel edges). Labels hold Chinese text and fields that need
/// CSV quoting. Rows are streamed to disk; memory is O(nodes), never O(edges).
///
/// Deterministic: the same shape and seed give the same bytes.
package enum GraphGenerator {
    /// Writes `nodes.csv` and `edges.csv` of `shape` into `folder` (created when missing).
    ///
    /// - Throws: ``AtomicFile/WriteError`` when a file cannot be written.
    /// - Complexity: O(nodes + edges) time, O(nodes) memory.
    @discardableResult
    package static func write(_ shape: GraphShape, to folder: String) throws(AtomicFile.WriteError) -> GeneratedGraph {
        try AtomicFile.makeFolder(folder)
        let population = Population(nodes: shape.nodes)
        var rng = SplitMix64(seed: shape.seed)
        var names = NodeNames(population: population)

        var nodesFile = try StreamingFile(path: GraphLoader.join(folder, GraphLoader.nodesFile))
        var order = Array(0..<Int32(population.total))
        order.shuffle(using: &rng)
        nodesFile.append("id,kind,label,label_zh,cite")
        nodesFile.endRecord()
        for logical in order {
            names.writeNodeRow(Int(logical), to: &nodesFile, rng: &rng)
        }
        order = []
        try nodesFile.close()

        var edgesFile = try StreamingFile(path: GraphLoader.join(folder, GraphLoader.edgesFile))
        edgesFile.append("from,relation,to,weight,date,cite")
        edgesFile.endRecord()
        var plan = EdgePlan(population: population, edges: shape.edges, rng: &rng)
        var written = 0
        while let edge = plan.next(rng: &rng) {
            names.writeEdgeRow(edge, to: &edgesFile, rng: &rng)
            written += 1
        }
        try edgesFile.close()

        return GeneratedGraph(
            folder: folder, nodes: population.total, edges: written, countries: population.countries,
            agencies: population.agencies, officials: population.officials,
            organizations: population.organizations, frameworks: population.frameworks,
            risks: population.risks, stances: plan.stances, countryStances: plan.countryStances)
    }
}

/// One generated edge between logical node numbers.
struct PlannedEdge {
    enum Relation: Int {
        case memberOf, leads, references, supports, opposes
    }

    let from: Int
    let relation: Relation
    let to: Int
}

/// The edges in the order they are written: the structure (memberships, leaders, references)
/// and the stances, interleaved at random so that no part of the file is special.
struct EdgePlan {
    let population: Population
    let stances: Int
    let countryStances: Int
    private var structuralLeft: Int
    private var stancesLeft: Int
    private var countryLeft: [PlannedEdge]
    private var structuralCursor = 0
    private let targetByRank: [Int32]

    init(population p: Population, edges: Int, rng: inout SplitMix64) {
        population = p
        let structural = p.structuralEdges
        stances = max(0, edges - structural)
        structuralLeft = structural
        stancesLeft = stances
        // Popularity ranks map to a shuffled list of targets, so that rank is not file order.
        var targets = (0..<Int32(p.targets)).map { Int32(p.frameworkStart) + $0 }
        targets.shuffle(using: &rng)
        targetByRank = targets
        // Country stances: at most one per (country, target), drawn up front (small: ≤ 150 each).
        let perCountry = min(150, p.targets, stances / (4 * p.countries))
        var country: [PlannedEdge] = []
        country.reserveCapacity(perCountry * p.countries)
        var used = [Bool](repeating: false, count: p.targets)
        for c in 0..<p.countries {
            var chosen: [Int] = []
            for _ in 0..<perCountry {
                var rank = Self.zipfRank(p.targets, rng: &rng)
                var tries = 0
                while used[rank] {
                    tries += 1
                    rank = tries < 32 ? Self.zipfRank(p.targets, rng: &rng) : (rank + 1) % p.targets
                }
                used[rank] = true
                chosen.append(rank)
                let relation: PlannedEdge.Relation = rng.next(below: 10) < 6 ? .supports : .opposes
                country.append(PlannedEdge(from: c, relation: relation, to: Int(targets[rank])))
            }
            for rank in chosen { used[rank] = false }
        }
        country.shuffle(using: &rng)
        countryStances = country.count
        // Reversed, so that taking the next is a removeLast.
        countryLeft = country.reversed()
    }

    /// A rank in 0..<count with P(k) ≈ log((k+2)/(k+1)) / log(count+1), i.e. ∝ 1/(k+1).
    static func zipfRank(_ count: Int, rng: inout SplitMix64) -> Int {
        let r = Int(Foundation.pow(Double(count) + 1, rng.nextUnit())) - 1
        return min(max(r, 0), count - 1)
    }

    mutating func next(rng: inout SplitMix64) -> PlannedEdge? {
        let total = structuralLeft + stancesLeft
        guard total > 0 else { return nil }
        if rng.next(below: total) < structuralLeft {
            structuralLeft -= 1
            return nextStructural()
        }
        stancesLeft -= 1
        // Country stances are spread evenly among the others.
        if !countryLeft.isEmpty, rng.next(below: stancesLeft + 1) < countryLeft.count {
            return countryLeft.removeLast()
        }
        let p = population
        let actor = p.otherActors.lowerBound + rng.next(below: p.otherActors.count)
        let target = Int(targetByRank[Self.zipfRank(p.targets, rng: &rng)])
        return PlannedEdge(from: actor, relation: rng.next(below: 10) < 6 ? .supports : .opposes, to: target)
    }

    /// The structural edges in a fixed order: agencies in countries; officials in agencies (the
    /// first official of each agency, numbered alike, also leads it); references of frameworks.
    private mutating func nextStructural() -> PlannedEdge {
        let p = population
        defer { structuralCursor += 1 }
        var k = structuralCursor
        if k < p.agencies {
            // Agency k belongs to country k mod C: every country gets agencies, evenly.
            return PlannedEdge(from: p.agencyStart + k, relation: .memberOf, to: k % p.countries)
        }
        k -= p.agencies
        if k < 2 * p.agencies {
            // Official i (i < agencies) is a member, then the leader, of agency i.
            let i = k / 2
            return PlannedEdge(from: p.officialStart + i, relation: k % 2 == 0 ? .memberOf : .leads, to: p.agencyStart + i)
        }
        k -= 2 * p.agencies
        if k < p.officials - p.agencies {
            let official = p.agencies + k
            // A fixed hash spreads the other officials over the agencies, deterministically.
            var h = SplitMix64(seed: UInt64(official))
            return PlannedEdge(from: p.officialStart + official, relation: .memberOf, to: p.agencyStart + h.next(below: p.agencies))
        }
        k -= p.officials - p.agencies
        let perFramework = p.referencesPerFramework
        let f = k / perFramework
        let j = k % perFramework
        // Framework f references the next one and (with three or more) one halfway round.
        let offset = j == 0 ? 1 : max(2, p.frameworks / 2)
        return PlannedEdge(from: p.frameworkStart + f, relation: .references, to: p.frameworkStart + (f + offset) % p.frameworks)
    }
}
