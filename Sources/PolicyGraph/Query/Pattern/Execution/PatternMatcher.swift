/// Receives the matches: the frame holds the bindings, `weight` how many matches it stands for
/// (more than one when leaves were counted instead of enumerated).
protocol MatchSink {
    mutating func accept(_ frame: inout MatchFrame, weight: Int) throws(QueryError)
}

/// Runs a ``MatchPlan``: nested loops over the steps, binding rows into one reused frame,
/// checking kinds, ids, edge uniqueness within a MATCH clause and predicates as soon as they can
/// be, and handing each core match (with its leaf count) to the sink.
///
/// The loops read the graph through ``MatchArrays`` and the slots through ``NodeFilter`` and
/// ``EdgeShape``: plain values, so that a step costs no reference counting.
struct PatternMatcher {
    let graph: Graph
    let query: BoundQuery
    let plan: MatchPlan
    var frame: MatchFrame
    var counter: PatternLeafCounter
    /// The trail of each path walk, and its edges as a set once it is long.
    var stacks: [[Int32]]
    var trailSets: [Set<Int32>]
    /// Whether a path's edges are read (RETURN, WHERE, uniqueness, the subgraph); if not, the
    /// walk does not copy its trail at every match.
    let recordsPath: [Bool]
    /// Ids and predicates to check, and the graph they read.
    let checks: StepChecks
    let nodeFilters: [NodeFilter]
    /// For each node slot an expansion binds under a kind filter, its rows as bits: the check
    /// at every edge then reads a table that stays in cache instead of the kinds of the rows.
    let targetRows: [KindRows?]
    let edgeShapes: [EdgeShape]
    /// Per step: whether it has predicates, and edges to differ from.
    let checksConditions: [Bool]
    let checksIsomorphism: [Bool]
    /// Per step, the text test a scan runs over the kind's gathered cells first.
    let textScans: [TextScan?]
    /// Valid while ``run(_:)`` runs.
    var arrays = MatchArrays.empty
    /// Per step, the edges and far ends an expansion gathered (reused from match to match).
    var gathered: [[Int32]]
    /// Whether the last step is an expansion without predicates whose matches' weights depend
    /// on the node it binds alone, so that a sum of them is taken in one go. Decided before
    /// ``PatternLeafCounter/prepare(_:arrays:)``, which may still turn an edge-list leaf into a
    /// scan: that keeps it valid, as only plain leaves are counted from the edge list.
    let sumsLastStep: Bool
    /// The first step from which only how many matches there are matters: the sink groups
    /// and aggregates by variables bound before it. From there, matches are summed
    /// (``WeightSum``) and handed over once, not one by one (`RETURN c, count(*)` adds once per
    /// country, not once per agency under it). `nil` when every match must be seen.
    var sumsFrom: Int?
    /// Steps taken so far (nodes tried, edges tried): the work budget of ``QueryLimits``.
    /// A plain counter, so that counting costs an add and a compare in the inner loops.
    private(set) var steps = 0
    let stepCap: Int

    init(graph: Graph, query: BoundQuery, plan: MatchPlan, limits: QueryLimits = .default) {
        self.graph = graph
        stepCap = limits.stepCap
        self.query = query
        self.plan = plan
        frame = MatchFrame(nodes: query.nodes.count, relationships: query.relationships.count)
        counter = PatternLeafCounter(graph: graph, query: query, plan: plan)
        stacks = [[Int32]](repeating: [], count: query.relationships.count)
        // Only path walks use them (an array of sets is costly to make the first time).
        trailSets = query.relationships.contains { $0.isPath } ? [Set<Int32>](repeating: [], count: query.relationships.count) : []
        var read = Set(query.predicates.flatMap { $0.relationships })
        read.formUnion(plan.steps.flatMap { $0.isoPaths })
        read.formUnion(plan.leaves.flatMap { $0.isoPaths })
        if let projection = query.projection { read.formUnion(projection.relationships) }
        recordsPath = query.relationships.indices.map { query.projection == nil || read.contains($0) }
        checks = StepChecks(graph: graph, slots: query.nodes,
                            conditions: plan.steps.map { $0.predicates.map { query.predicates[$0].expression } })
        let filters = query.nodes.map(NodeFilter.init)
        nodeFilters = filters
        var expanded = [Bool](repeating: false, count: query.nodes.count)
        for step in plan.steps {
            if case .expand(let ri, let forward) = step.operation, !query.relationships[ri].isPath {
                expanded[forward ? query.relationships[ri].to : query.relationships[ri].from] = true
            }
        }
        targetRows = filters.indices.map { v in expanded[v] && !filters[v].exact ? KindRows(filters[v], graph: graph) : nil }
        edgeShapes = query.relationships.map(EdgeShape.init)
        checksConditions = plan.steps.map { !$0.predicates.isEmpty }
        checksIsomorphism = plan.steps.map { !$0.isoEdges.isEmpty || !$0.isoPaths.isEmpty }
        textScans = TextScan.forSteps(plan, query: query, graph: graph)
        gathered = plan.steps.map { _ in [] }
        sumsLastStep = Self.sumsLastStep(plan, query: query)
    }

    /// Whether the last step is an expansion without predicates whose matches' weights depend
    /// on the node it binds alone (see ``sumsLastStep``).
    static func sumsLastStep(_ plan: MatchPlan, query: BoundQuery) -> Bool {
        guard let last = plan.steps.last, last.predicates.isEmpty, case .expand(let ri, let forward) = last.operation,
              !query.relationships[ri].isPath else { return false }
        return PatternLeafCounter.weighsOnlyNode(forward ? query.relationships[ri].to : query.relationships[ri].from, plan: plan, query: query)
    }

    /// Finds every match and hands it to `sink`.
    ///
    /// - Throws: ``QueryError`` when evaluating a predicate fails (overflow, a bad argument), or
    ///   when the steps pass the limit (``QueryError/Reason/workLimit(steps:)``).
    mutating func run<S: MatchSink>(_ sink: inout S) throws(QueryError) {
        for p in plan.constantPredicates where try query.predicates[p].expression.truth(in: frame, graph: graph) != true { return }
        try MatchArrays.with(graph) { (arrays) throws(QueryError) in
            self.arrays = arrays
            defer { self.arrays = .empty }
            if !plan.leaves.isEmpty {
                try counter.prepare(&frame, arrays: arrays)
                steps &+= counter.work
                if steps > stepCap { throw Self.stopped(after: stepCap) }
            }
            defer { counter.arrays = .empty }
            try step(0, &sink)
        }
    }

    mutating func step<S: MatchSink>(_ k: Int, _ sink: inout S) throws(QueryError) {
        guard k < plan.steps.count else { return try finishMatch(&sink) }
        if k == sumsFrom, S.self != WeightSum.self {
            var sum = WeightSum()
            try step(k, &sum)
            if sum.total > 0 { try sink.accept(&frame, weight: sum.total) }
            return
        }
        switch plan.steps[k].operation {
        case .scanNodes(let v):
            let slot = query.nodes[v]
            if let rows = slot.rows {
                for row in rows { try bindNode(v, row, k, &sink) }
            } else if let kinds = slot.kinds {
                for kind in kinds.indices where kinds[kind] {
                    if let scan = textScans[k] {
                        try scanText(scan, v, kind: kind, k, &sink)
                    } else {
                        for row in graph.byKind.members(kind) { try bindNode(v, row, k, &sink) }
                    }
                }
            } else {
                for row in 0..<Int32(graph.nodeCount) { try bindNode(v, row, k, &sink) }
            }
        case .scanEdges(let ri):
            let r = query.relationships[ri]
            for relation in r.relations ?? Array(graph.schema.relations.indices) {
                for e in graph.byRelation.members(relation) where r.accepts(e, in: graph) {
                    try tick()
                    let a = arrays.from[Int(e)], b = arrays.to[Int(e)]
                    try bindEnds(ri, e, a, b, k, &sink)
                    if !r.directed, a != b { try bindEnds(ri, e, b, a, k, &sink) }
                }
            }
        case .expand(let ri, let forward):
            if edgeShapes[ri].isPath {
                try walkPath(ri, forward: forward, into: false, k, &sink)
            } else {
                let shape = edgeShapes[ri]
                let anchor = frame.nodes[forward ? shape.from : shape.to]
                if shape.directed {
                    try expand(ri, shape, anchor, forward: forward, outgoing: forward, k, &sink)
                } else {
                    try expand(ri, shape, anchor, forward: forward, outgoing: true, k, &sink)
                    try expand(ri, shape, anchor, forward: forward, outgoing: false, k, &sink)
                }
            }
        case .expandInto(let ri):
            if edgeShapes[ri].isPath {
                try walkPath(ri, forward: true, into: true, k, &sink)
            } else {
                try expandInto(ri, k, &sink)
            }
        }
    }

    /// A core match is complete: its leaves' count goes to the sink.
    @inline(__always)
    mutating func finishMatch<S: MatchSink>(_ sink: inout S) throws(QueryError) {
        let weight = plan.leaves.isEmpty ? 1 : try counter.weight(&frame)
        if weight > 0 { try sink.accept(&frame, weight: weight) }
    }

    /// Whether node `row` passes slot `v`'s kinds and ids.
    @inline(__always)
    func accepts(_ v: Int, _ row: Int32) -> Bool {
        let filter = nodeFilters[v]
        return filter.exact ? acceptsExactly(v, row) : filter.passes(row, arrays)
    }

    /// The rare checks live out of line in static functions that take only what they read:
    /// inlined, or as methods, they made the compiler copy the whole matcher (over a kilobyte)
    /// at every edge, whether the check ran or not.
    @inline(__always)
    private func acceptsExactly(_ v: Int, _ row: Int32) -> Bool { Self.accepts(checks, v, row) }

    @inline(never)
    private static func accepts(_ checks: StepChecks, _ v: Int, _ row: Int32) -> Bool {
        checks.slots[v].accepts(row, in: checks.graph)
    }

    @inline(__always)
    mutating func bindNode<S: MatchSink>(_ v: Int, _ row: Int32, _ k: Int, _ sink: inout S) throws(QueryError) {
        try tick()
        guard accepts(v, row) else { return }
        frame.nodes[v] = row
        if try passes(k) { try step(k + 1, &sink) }
    }

    private mutating func bindEnds<S: MatchSink>(_ ri: Int, _ e: Int32, _ a: Int32, _ b: Int32, _ k: Int, _ sink: inout S) throws(QueryError) {
        let shape = edgeShapes[ri]
        if shape.from == shape.to, a != b { return }
        guard accepts(shape.from, a), accepts(shape.to, b), isUnique(e, k) else { return }
        frame.nodes[shape.from] = a
        frame.nodes[shape.to] = b
        frame.edges[ri] = e
        if try passes(k) { try step(k + 1, &sink) }
    }

    /// One step of work; past the limit, the query stops.
    @inline(__always)
    mutating func tick() throws(QueryError) {
        steps &+= 1
        if steps > stepCap { throw Self.stopped(after: stepCap) }
    }

    @inline(never)
    private static func stopped(after steps: Int) -> QueryError {
        QueryError(.workLimit(steps: steps))
    }

    /// Relationship isomorphism: the new edge of step `k` is none of the clause's edges bound before.
    @inline(__always)
    func isUnique(_ e: Int32, _ k: Int) -> Bool {
        guard checksIsomorphism[k] else { return true }
        return Self.isUnique(e, plan.steps, k, frame)
    }

    @inline(never)
    private static func isUnique(_ e: Int32, _ steps: [MatchPlan.Step], _ k: Int, _ frame: borrowing MatchFrame) -> Bool {
        for slot in steps[k].isoEdges where frame.edges[slot] == e { return false }
        for slot in steps[k].isoPaths where frame.paths[slot].contains(e) { return false }
        return true
    }

    @inline(__always)
    func passes(_ k: Int) throws(QueryError) -> Bool {
        guard checksConditions[k] else { return true }
        return try Self.allTrue(checks, k, frame)
    }

    @inline(never)
    private static func allTrue(_ checks: StepChecks, _ k: Int, _ frame: borrowing MatchFrame) throws(QueryError) -> Bool {
        for c in checks.conditions[k] where try c.truth(in: frame, graph: checks.graph) != true { return false }
        return true
    }
}
