/// A self-join counted per pair instead of enumerated: `MATCH (a)-[r1]->(m)<-[r2]-(b) WHERE …
/// RETURN a.id, b.id, count(*)` (either edge may point either way), where nothing but `a` and `b`
/// is read after matching and the returned keys tell every pair apart.
///
/// The matcher would walk every `a`–`m`–`b` path; around a popular `m` with thousands of
/// supporters that is millions of paths, most of them through `b`s of the wrong kind. Here each
/// `m`'s list of acceptable `b` ends is gathered once (one pass over its edges), and for each `a`
/// the pairs are counted in a table indexed by node row: the count of `(a, b)` is the number of
/// (`r1`, `r2`) edge pairs, exactly the matches the general path would count, without a row per
/// match. The planner takes it only when ``recognize(_:graph:)`` proves it equal to the general
/// path (see its conditions); the property tests compare the two on random graphs.
///
/// Work (the steps of ``QueryLimits``): one step per `a` tried, per edge from an `a`, and per
/// edge of each `m` met once; the counting itself is table arithmetic, as the leaf counts are.
struct PairCountPlan {
    let a: Int
    let b: Int
    let middle: Int
    /// The relationship between `a` and the middle node, and between `b` and it.
    let first: Int
    let second: Int
    /// Whether `a` is the `from` end of `first` (so its edges are its out-edges).
    let aIsFrom: Bool
    /// Whether `b` is the `from` end of `second`.
    let bIsFrom: Bool
    /// Whether an edge may be bound to both relationships (same clause, shared relations):
    /// then the pair of an edge with itself is not a match.
    let mayShareEdges: Bool
    /// Predicates that read `a` alone, checked once per `a`; the rest read `a` and `b`.
    let aPredicates: [CompiledExpression]
    let pairPredicates: [CompiledExpression]
    /// `a.id < b.id` (or `>`, `<=`, `>=`, `a <> b`) as the sign the two ids' ranks must have,
    /// so that the hot check compares two integers, not two strings.
    let idOrder: IdOrder?
    /// Which of the query's predicates each of the above is (for EXPLAIN).
    let aPredicateIndices: [Int]
    let pairPredicateIndices: [Int]
    let idOrderIndex: Int?

    /// A comparison between the ids of `a` and `b`: `(rank(a) - rank(b)).signum()` must be one
    /// of `allowed` (-1, 0, 1 as indices 0, 1, 2).
    struct IdOrder {
        let allowed: [Bool]
    }

    /// The plan for `query` when it has the shape and nothing else could tell the pairs' counts
    /// from the matches': three node slots and two single-edge relationships sharing the middle
    /// slot, directed; WHERE reading only `a` and `b` (never the middle node or the edges);
    /// RETURN grouping by `a` and `b` (as nodes or ids, both present: ids are unique, so a pair
    /// is its own group) with `count(*)` as the only aggregate.
    static func recognize(_ query: BoundQuery, graph: Graph) -> PairCountPlan? {
        guard query.nodes.count == 3, query.relationships.count == 2, let projection = query.projection,
              projection.isAggregating, !projection.aggregates.isEmpty,
              projection.aggregates.allSatisfy({ $0.function == nil && !$0.distinct }),
              projection.relationships.isEmpty else { return nil }
        let r1 = query.relationships[0], r2 = query.relationships[1]
        guard !r1.isPath, !r2.isPath, r1.directed, r2.directed else { return nil }
        // The middle is the slot both relationships touch; a and b are their other ends.
        let ends1 = [r1.from, r1.to], ends2 = [r2.from, r2.to]
        guard r1.from != r1.to, r2.from != r2.to, let middle = ends1.first(where: ends2.contains),
              Set(ends1 + ends2).count == 3 else { return nil }
        var a = r1.from == middle ? r1.to : r1.from
        var b = r2.from == middle ? r2.to : r2.from
        var first = 0, second = 1
        // Counting runs from the side with fewer rows to try.
        let populationA = population(query.nodes[a], graph: graph), populationB = population(query.nodes[b], graph: graph)
        if populationB < populationA {
            swap(&a, &b)
            swap(&first, &second)
        }
        // Grouping keys that tell pairs apart, and nothing read of the middle node.
        guard projection.nodes.isSubset(of: [a, b]) else { return nil }
        var keyed: Set<Int> = []
        for (i, item) in projection.items.enumerated() where !projection.itemAggregates[i] {
            switch item {
            case .node(let v), .nodeID(.node(let v)): keyed.insert(v)
            default: break
            }
        }
        guard keyed == [a, b] else { return nil }
        var aPredicates: [Int] = [], pairPredicates: [Int] = []
        var idOrder: (order: IdOrder, index: Int)?
        for (i, p) in query.predicates.enumerated() {
            guard p.relationships.isEmpty, p.nodes.isSubset(of: [a, b]) else { return nil }
            if p.nodes == [a] {
                aPredicates.append(i)
            } else if idOrder == nil, populationA + populationB <= Self.rankedRowsLimit,
                      let order = Self.idOrder(p.expression, a: a, b: b) {
                idOrder = (order, i)
            } else {
                pairPredicates.append(i)
            }
        }
        return PairCountPlan(a: a, b: b, middle: middle, first: first, second: second,
                             aIsFrom: query.relationships[first].from == a, bIsFrom: query.relationships[second].from == b,
                             mayShareEdges: r1.mayShareEdges(with: r2), aPredicates: aPredicates.map { query.predicates[$0].expression },
                             pairPredicates: pairPredicates.map { query.predicates[$0].expression }, idOrder: idOrder?.order,
                             aPredicateIndices: aPredicates, pairPredicateIndices: pairPredicates, idOrderIndex: idOrder?.index)
    }

    /// Up to this many candidate rows of `a` and `b` together, their ids are ranked once so that
    /// comparing two ids compares two integers; beyond, the comparison is evaluated per pair.
    static let rankedRowsLimit = 1 << 18

    /// `x.id OP y.id` or `x <> y` between `a` and `b` as the signs of rank(a) − rank(b) it allows.
    private static func idOrder(_ e: CompiledExpression, a: Int, b: Int) -> IdOrder? {
        if case .nodesDiffer(let x, let y) = e, Set([x, y]) == [a, b] { return IdOrder(allowed: [true, false, true]) }
        guard case .compare(let op, .nodeID(.node(let x)), .nodeID(.node(let y))) = e, Set([x, y]) == [a, b] else { return nil }
        // The signs of rank(x) − rank(y) that pass, then seen from a's side.
        var allowed: [Bool]
        switch op {
        case .less: allowed = [true, false, false]
        case .lessOrEqual: allowed = [true, true, false]
        case .greater: allowed = [false, false, true]
        case .greaterOrEqual: allowed = [false, true, true]
        case .equal: allowed = [false, true, false]
        case .notEqual: allowed = [true, false, true]
        default: return nil
        }
        if x != a { allowed.reverse() }
        return IdOrder(allowed: allowed)
    }
}
