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
    /// Each step's predicates, compiled.
    let conditions: [[CompiledExpression]]
    let nodeFilters: [NodeFilter]
    let edgeShapes: [EdgeShape]
    /// Per step: whether it has predicates, and edges to differ from.
    let checksConditions: [Bool]
    let checksIsomorphism: [Bool]
    /// Valid while ``run(_:)`` runs.
    var arrays = MatchArrays.empty
    /// Per step, the edges and far ends an expansion gathered (reused from match to match).
    var gathered: [[Int32]]
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
        trailSets = [Set<Int32>](repeating: [], count: query.relationships.count)
        var read = Set(query.predicates.flatMap(\.relationships))
        read.formUnion(plan.steps.flatMap(\.isoPaths))
        read.formUnion(plan.leaves.flatMap(\.isoPaths))
        if let projection = query.projection { read.formUnion(projection.relationships) }
        recordsPath = query.relationships.indices.map { query.projection == nil || read.contains($0) }
        conditions = plan.steps.map { $0.predicates.map { query.predicates[$0].expression } }
        nodeFilters = query.nodes.map(NodeFilter.init)
        edgeShapes = query.relationships.map(EdgeShape.init)
        checksConditions = plan.steps.map { !$0.predicates.isEmpty }
        checksIsomorphism = plan.steps.map { !$0.isoEdges.isEmpty || !$0.isoPaths.isEmpty }
        gathered = plan.steps.map { _ in [] }
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
        guard k < plan.steps.count else {
            let weight = plan.leaves.isEmpty ? 1 : try counter.weight(&frame)
            if weight > 0 { try sink.accept(&frame, weight: weight) }
            return
        }
        switch plan.steps[k].operation {
        case .scanNodes(let v):
            let slot = query.nodes[v]
            if let rows = slot.rows {
                for row in rows { try bindNode(v, row, k, &sink) }
            } else if let kinds = slot.kinds {
                for kind in kinds.indices where kinds[kind] {
                    for row in graph.byKind.members(kind) { try bindNode(v, row, k, &sink) }
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
            if query.relationships[ri].isPath {
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
            if query.relationships[ri].isPath {
                try walkPath(ri, forward: true, into: true, k, &sink)
            } else {
                try expandInto(ri, k, &sink)
            }
        }
    }

    /// Whether node `row` passes slot `v`'s kinds and ids.
    @inline(__always)
    func accepts(_ v: Int, _ row: Int32) -> Bool {
        let filter = nodeFilters[v]
        return filter.exact ? query.nodes[v].accepts(row, in: graph) : filter.passes(row, arrays)
    }

    @inline(__always)
    private mutating func bindNode<S: MatchSink>(_ v: Int, _ row: Int32, _ k: Int, _ sink: inout S) throws(QueryError) {
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

    /// Binds the unbound end of a single-edge relationship from its bound end `anchor`, over the
    /// edges in one direction (an undirected relationship takes both, its loops once).
    ///
    /// First the run's edges that pass every check but the predicates are gathered with their
    /// far ends, then each is bound and matched on. Gathering is a short loop whose reads (the
    /// far end of each edge, its kind) do not wait for one another, so the processor overlaps
    /// them; reading each as the deeper steps finish would pay every miss in full.
    private mutating func expand<S: MatchSink>(_ ri: Int, _ shape: EdgeShape, _ anchor: Int32, forward: Bool, outgoing: Bool,
                                               _ k: Int, _ sink: inout S) throws(QueryError) {
        let target = forward ? shape.to : shape.from
        let skipLoops = !shape.directed && !outgoing
        let arrays = self.arrays
        let list = shape.relation == EdgeShape.severalRelations ? query.relationships[ri].relations : nil
        var found: [Int32] = []
        swap(&found, &gathered[k])
        defer { swap(&found, &gathered[k]) }
        found.removeAll(keepingCapacity: true)
        try arrays.forEachEdge(at: anchor, outgoing: outgoing, relation: shape.relation, list: list) { (e, other) throws(QueryError) in
            try tick()
            if skipLoops, other == anchor { return }
            if shape.filtered, !query.relationships[ri].accepts(e, in: graph) { return }
            guard accepts(target, other), isUnique(e, k) else { return }
            found.append(e)
            found.append(other)
        }
        var j = 0
        while j < found.count {
            frame.edges[ri] = found[j]
            frame.nodes[target] = found[j + 1]
            j += 2
            if try passes(k) { try step(k + 1, &sink) }
        }
    }

    /// Binds a single-edge relationship whose ends are both bound, scanning the smaller side.
    private mutating func expandInto<S: MatchSink>(_ ri: Int, _ k: Int, _ sink: inout S) throws(QueryError) {
        let shape = edgeShapes[ri]
        let relations = query.relationships[ri].relations
        let a = frame.nodes[shape.from], b = frame.nodes[shape.to]
        let arrays = self.arrays
        let list = shape.relation == EdgeShape.severalRelations ? relations : nil
        func pass(_ node: Int32, outgoing: Bool, other: Int32) throws(QueryError) {
            let items = arrays.items(outgoing: outgoing), ends = arrays.ends(outgoing: outgoing)
            try arrays.forEachRun(at: node, outgoing: outgoing, relation: shape.relation, list: list) { (range) throws(QueryError) in
                for position in range {
                    try tick()
                    let e = items[position]
                    guard ends[Int(e)] == other else { continue }
                    if !shape.directed, !outgoing, other == node { continue }
                    if shape.filtered, !query.relationships[ri].accepts(e, in: graph) { continue }
                    guard isUnique(e, k) else { continue }
                    frame.edges[ri] = e
                    if try passes(k) { try step(k + 1, &sink) }
                }
            }
        }
        if !shape.directed {
            try pass(a, outgoing: true, other: b)
            try pass(a, outgoing: false, other: b)
        } else if arrays.edgeCount(at: a, outgoing: true, relations: relations) <= arrays.edgeCount(at: b, outgoing: false, relations: relations) {
            try pass(a, outgoing: true, other: b)
        } else {
            try pass(b, outgoing: false, other: a)
        }
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
        for slot in plan.steps[k].isoEdges where frame.edges[slot] == e { return false }
        for slot in plan.steps[k].isoPaths where frame.paths[slot].contains(e) { return false }
        return true
    }

    @inline(__always)
    func passes(_ k: Int) throws(QueryError) -> Bool {
        guard checksConditions[k] else { return true }
        for c in conditions[k] where try c.truth(in: frame, graph: graph) != true { return false }
        return true
    }
}
