/// How to match a bound query: an ordered list of steps over the core of the pattern, then the
/// factored-out leaves.
struct MatchPlan: Sendable {
    enum Operation: Sendable, Equatable {
        /// Bind a node slot from its id rows, its kinds' index, or every node.
        case scanNodes(Int)
        /// Bind a relationship and both its ends from the relation index.
        case scanEdges(Int)
        /// Bind a relationship and its unbound end from the bound one (`forward`: from `from`).
        case expand(Int, forward: Bool)
        /// Bind a relationship whose two ends are bound.
        case expandInto(Int)
    }

    struct Step: Sendable {
        var operation: Operation
        /// Node slots this step binds (to check against their kinds and ids).
        var newNodes: [Int] = []
        /// Predicates whose variables are all bound after this step.
        var predicates: [Int] = []
        /// Earlier relationships the new edge must differ from (same MATCH clause).
        var isoEdges: [Int] = []
        var isoPaths: [Int] = []
    }

    var steps: [Step] = []
    var leaves: [LeafPlan] = []
    var pairs: [LeafPair] = []
    /// Predicates without variables: checked once.
    var constantPredicates: [Int] = []
    /// The planner's guess of the core's row count (before leaves).
    var estimatedRows = 1.0
}

/// Greedy planning, the way a person orders the loops: start from the most selective element
/// (an id, the rarest kind, or the rarest relation), then repeatedly take the expansion that
/// produces the fewest rows, closing cycles as soon as both ends are bound. Predicates run at
/// the first step that binds all their variables.
enum PatternPlanner {
    /// Plans `query`. With `factorize`, leaves are counted instead of enumerated (not for
    /// ``Graph/patternSubgraph(_:)``, which needs every bound element).
    static func plan(_ query: BoundQuery, graph: Graph, factorize: Bool, leafMode: LeafMode = .automatic) -> MatchPlan {
        let named = query.relationships.map { $0.relations }
        let relations: Set<Int>? = named.contains { $0 == nil } ? nil : Set(named.compactMap { $0 }.joined())
        let statistics = PatternStatistics(graph: graph, relations: relations)
        var plan = MatchPlan()
        var leafNodes: Set<Int> = []
        var leafRelationships: Set<Int> = []
        var consumed: Set<Int> = []
        if factorize {
            let choice = PatternLeaves.choose(query, statistics: statistics)
            plan.leaves = choice.leaves
            plan.pairs = choice.pairs
            consumed = choice.consumed
            leafNodes = Set(choice.leaves.map { $0.node })
            leafRelationships = Set(choice.leaves.map { $0.relationship })
        }
        var boundNodes = [Bool](repeating: false, count: query.nodes.count)
        var placed = [Bool](repeating: false, count: query.relationships.count)
        var placedOrder: [Int] = []
        var rows = 1.0
        func remainingNodes() -> [Int] { query.nodes.indices.filter { !boundNodes[$0] && !leafNodes.contains($0) } }
        func remainingRelationships() -> [Int] { query.relationships.indices.filter { !placed[$0] && !leafRelationships.contains($0) } }

        while true {
            let openRelationships = remainingRelationships()
            let openNodes = remainingNodes()
            if openRelationships.isEmpty && openNodes.isEmpty { break }
            var step: MatchPlan.Step
            if let closing = openRelationships.first(where: { boundNodes[query.relationships[$0].from] && boundNodes[query.relationships[$0].to] }) {
                step = MatchPlan.Step(operation: .expandInto(closing))
                placed[closing] = true
            } else {
                var best: (cost: Double, scan: Double, operation: MatchPlan.Operation)?
                for ri in openRelationships {
                    let r = query.relationships[ri]
                    for forward in [true, false] {
                        let anchor = forward ? r.from : r.to
                        guard boundNodes[anchor] else { continue }
                        let target = forward ? r.to : r.from
                        let e = statistics.expansion(r, anchor: query.nodes[anchor], target: query.nodes[target], forward: forward)
                        if let b = best, e.out > b.cost || (e.out == b.cost && e.scan >= b.scan) { continue }
                        best = (e.out, e.scan, .expand(ri, forward: forward))
                    }
                }
                if let best {
                    step = MatchPlan.Step(operation: best.operation)
                    rows *= max(best.cost, 0.001)
                } else {
                    // A new connected component: the cheapest start.
                    var start: (cost: Double, out: Double, operation: MatchPlan.Operation)?
                    for v in openNodes {
                        let c = statistics.cardinality(query.nodes[v])
                        if let s = start, c >= s.cost { continue }
                        start = (c, c, .scanNodes(v))
                    }
                    for ri in openRelationships {
                        let r = query.relationships[ri]
                        guard !r.isPath, !boundNodes[r.from], !boundNodes[r.to] else { continue }
                        let e = statistics.edgeScan(r, from: query.nodes[r.from], to: query.nodes[r.to])
                        if let s = start, e.scan >= s.cost { continue }
                        start = (e.scan, e.out, .scanEdges(ri))
                    }
                    guard let start else { break }
                    step = MatchPlan.Step(operation: start.operation)
                    rows *= max(start.out, 0.001)
                }
                if case .expand(let ri, _) = step.operation { placed[ri] = true }
                if case .scanEdges(let ri) = step.operation { placed[ri] = true }
            }
            // Nodes this step binds, and the edges it must differ from.
            var newRelationship: Int?
            switch step.operation {
            case .scanNodes(let v): step.newNodes = [v]
            case .scanEdges(let ri), .expand(let ri, _), .expandInto(let ri):
                newRelationship = ri
                let r = query.relationships[ri]
                step.newNodes = [r.from, r.to].filter { !boundNodes[$0] }
                if r.from == r.to { step.newNodes = Array(Set(step.newNodes)) }
            }
            for v in step.newNodes { boundNodes[v] = true }
            if let ri = newRelationship {
                for p in placedOrder where query.relationships[ri].mayShareEdges(with: query.relationships[p]) {
                    if query.relationships[p].isPath { step.isoPaths.append(p) } else { step.isoEdges.append(p) }
                }
                placedOrder.append(ri)
            }
            plan.steps.append(step)
        }
        plan.estimatedRows = rows
        assignPredicates(query, &plan, leafNodes: leafNodes, leafRelationships: leafRelationships, consumed: consumed)
        PatternLeafCounter.chooseModes(&plan, query: query, statistics: statistics, mode: leafMode)
        return plan
    }

    /// Puts each predicate at the first step after which its variables are bound; predicates
    /// over leaves stay with the leaves.
    private static func assignPredicates(_ query: BoundQuery, _ plan: inout MatchPlan, leafNodes: Set<Int>,
                                         leafRelationships: Set<Int>, consumed: Set<Int>) {
        var boundAfter: [(nodes: Set<Int>, relationships: Set<Int>)] = []
        var nodes: Set<Int> = []
        var relationships: Set<Int> = []
        for step in plan.steps {
            nodes.formUnion(step.newNodes)
            switch step.operation {
            case .scanEdges(let ri), .expand(let ri, _), .expandInto(let ri): relationships.insert(ri)
            case .scanNodes: break
            }
            boundAfter.append((nodes, relationships))
        }
        for (pi, p) in query.predicates.enumerated() where !consumed.contains(pi) {
            if !p.nodes.isDisjoint(with: leafNodes) || !p.relationships.isDisjoint(with: leafRelationships) { continue }
            if p.nodes.isEmpty && p.relationships.isEmpty {
                plan.constantPredicates.append(pi)
                continue
            }
            if let k = boundAfter.firstIndex(where: { p.nodes.isSubset(of: $0.nodes) && p.relationships.isSubset(of: $0.relationships) }) {
                plan.steps[k].predicates.append(pi)
            }
        }
    }
}

extension MatchPlan {
    /// The first step after every step that binds a variable `projection` reads, when one
    /// follows: from there an aggregation sees only how many matches there are. `nil` when the
    /// last step binds such a variable.
    func firstStepAfter(reading projection: PatternProjection, in query: BoundQuery) -> Int? {
        var last = -1
        for (k, step) in steps.enumerated() {
            var reads = step.newNodes.contains { projection.nodes.contains($0) }
            switch step.operation {
            case .scanEdges(let ri), .expand(let ri, _), .expandInto(let ri): reads = reads || projection.relationships.contains(ri)
            case .scanNodes: break
            }
            if reads { last = k }
        }
        return last + 1 < steps.count ? last + 1 : nil
    }
}
