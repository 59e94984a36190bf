/// Receives the matches: the frame holds the bindings, `weight` how many matches it stands for
/// (more than one when leaves were counted instead of enumerated).
protocol MatchSink {
    mutating func accept(_ frame: inout MatchFrame, weight: Int) throws(QueryError)
}

/// Walks a node's edges of some relations without allocating: the relation ranges of a CSR row
/// one after the other.
struct AdjacencyCursor {
    private let items: [Int32]
    private let ranges: (Range<Int>, [Range<Int>])
    private var rangeIndex = -1
    private var position: Int
    private var end: Int

    init(_ graph: Graph, node: Int32, outgoing: Bool, relations: [Int]?) {
        let csr = outgoing ? graph.outgoing : graph.incoming
        items = csr.items
        if let relations, relations.count == 1 {
            let r = graph.adjacency(csr, of: node, relation: relations[0])
            ranges = (r, [])
        } else if let relations {
            ranges = (0..<0, relations.map { graph.adjacency(csr, of: node, relation: $0) })
        } else {
            ranges = (csr.range(Int(node)), [])
        }
        position = ranges.0.lowerBound
        end = ranges.0.upperBound
    }

    /// The next edge row, `nil` at the end.
    @inline(__always)
    mutating func next() -> Int32? {
        while position == end {
            rangeIndex += 1
            guard rangeIndex < ranges.1.count else { return nil }
            position = ranges.1[rangeIndex].lowerBound
            end = ranges.1[rangeIndex].upperBound
        }
        let e = items[position]
        position += 1
        return e
    }
}

/// Runs a ``MatchPlan``: nested loops over the steps, binding rows into one reused frame,
/// checking kinds, ids, edge uniqueness within a MATCH clause and predicates as soon as they can
/// be, and handing each core match (with its leaf count) to the sink.
struct PatternMatcher {
    let graph: Graph
    let query: BoundQuery
    let plan: MatchPlan
    var frame: MatchFrame
    private var counter: PatternLeafCounter
    /// The trail of each path walk, and its edges as a set once it is long.
    private var stacks: [[Int32]]
    private var trailSets: [Set<Int32>]
    /// Whether a path's edges are read (RETURN, WHERE, uniqueness, the subgraph); if not, the
    /// walk does not copy its trail at every match.
    private let recordsPath: [Bool]
    /// Each step's predicates, compiled.
    private let conditions: [[CompiledExpression]]
    private static let shortTrail = 16
    /// Steps taken so far (nodes tried, edges tried): the work budget of ``QueryLimits``.
    /// A plain counter, so that counting costs an add and a compare in the inner loops.
    private(set) var steps = 0
    private let stepCap: Int

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
    }

    /// Finds every match and hands it to `sink`.
    ///
    /// - Throws: ``QueryError`` when evaluating a predicate fails (overflow, a bad argument), or
    ///   when the steps pass the limit (``QueryError/Reason/workLimit(steps:)``).
    mutating func run<S: MatchSink>(_ sink: inout S) throws(QueryError) {
        for p in plan.constantPredicates where try query.predicates[p].expression.truth(in: frame, graph: graph) != true { return }
        if !plan.leaves.isEmpty { try counter.prepare(&frame) }
        try step(0, &sink)
    }

    private mutating func step<S: MatchSink>(_ k: Int, _ sink: inout S) throws(QueryError) {
        guard k < plan.steps.count else {
            let weight = plan.leaves.isEmpty ? 1 : try counter.weight(&frame)
            if weight > 0 { try sink.accept(&frame, weight: weight) }
            return
        }
        let s = plan.steps[k]
        switch s.operation {
        case .scanNodes(let v):
            let slot = query.nodes[v]
            if let rows = slot.rows {
                for row in rows { try bindNode(v, row, k, s, &sink) }
            } else if let kinds = slot.kinds {
                for kind in kinds.indices where kinds[kind] {
                    for row in graph.byKind.members(kind) { try bindNode(v, row, k, s, &sink) }
                }
            } else {
                for row in 0..<Int32(graph.nodeCount) { try bindNode(v, row, k, s, &sink) }
            }
        case .scanEdges(let ri):
            let r = query.relationships[ri]
            for relation in r.relations ?? Array(graph.schema.relations.indices) {
                for e in graph.byRelation.members(relation) where r.accepts(e, in: graph) {
                    try tick()
                    let a = graph.source(ofEdge: e), b = graph.target(ofEdge: e)
                    try bindEnds(ri, e, a, b, k, s, &sink)
                    if !r.directed, a != b { try bindEnds(ri, e, b, a, k, s, &sink) }
                }
            }
        case .expand(let ri, let forward):
            let r = query.relationships[ri]
            if r.isPath {
                try walkPath(ri, forward: forward, into: false, k, s, &sink)
            } else {
                try expand(ri, forward: forward, k, s, &sink)
            }
        case .expandInto(let ri):
            if query.relationships[ri].isPath {
                try walkPath(ri, forward: true, into: true, k, s, &sink)
            } else {
                try expandInto(ri, k, s, &sink)
            }
        }
    }

    @inline(__always)
    private mutating func bindNode<S: MatchSink>(_ v: Int, _ row: Int32, _ k: Int, _ s: MatchPlan.Step, _ sink: inout S) throws(QueryError) {
        try tick()
        guard query.nodes[v].accepts(row, in: graph) else { return }
        frame.nodes[v] = row
        if try passes(k) { try step(k + 1, &sink) }
    }

    private mutating func bindEnds<S: MatchSink>(_ ri: Int, _ e: Int32, _ a: Int32, _ b: Int32, _ k: Int, _ s: MatchPlan.Step, _ sink: inout S) throws(QueryError) {
        let r = query.relationships[ri]
        if r.from == r.to, a != b { return }
        guard query.nodes[r.from].accepts(a, in: graph), query.nodes[r.to].accepts(b, in: graph), isUnique(e, s) else { return }
        frame.nodes[r.from] = a
        frame.nodes[r.to] = b
        frame.edges[ri] = e
        if try passes(k) { try step(k + 1, &sink) }
    }

    /// Binds the unbound end of a single-edge relationship from its bound end.
    private mutating func expand<S: MatchSink>(_ ri: Int, forward: Bool, _ k: Int, _ s: MatchPlan.Step, _ sink: inout S) throws(QueryError) {
        let r = query.relationships[ri]
        let anchor = frame.nodes[forward ? r.from : r.to]
        let target = forward ? r.to : r.from
        let slot = query.nodes[target]
        let directions: [Bool] = r.directed ? [forward] : [true, false]
        for outgoing in directions {
            var cursor = AdjacencyCursor(graph, node: anchor, outgoing: outgoing, relations: r.relations)
            let ends = outgoing ? graph.edgeTable.to : graph.edgeTable.from
            while let e = cursor.next() {
                try tick()
                let other = ends[Int(e)]
                if !r.directed, !outgoing, other == anchor { continue }
                guard r.filters.isEmpty || r.accepts(e, in: graph), slot.accepts(other, in: graph), isUnique(e, s) else { continue }
                frame.nodes[target] = other
                frame.edges[ri] = e
                if try passes(k) { try step(k + 1, &sink) }
            }
        }
    }

    /// Binds a single-edge relationship whose ends are both bound, scanning the smaller side.
    private mutating func expandInto<S: MatchSink>(_ ri: Int, _ k: Int, _ s: MatchPlan.Step, _ sink: inout S) throws(QueryError) {
        let r = query.relationships[ri]
        let a = frame.nodes[r.from], b = frame.nodes[r.to]
        var passes: [(node: Int32, outgoing: Bool, other: Int32)]
        if r.directed {
            let fromA = graph.edgeCount(at: a, outgoing: true, relations: r.relations)
            let intoB = graph.edgeCount(at: b, outgoing: false, relations: r.relations)
            passes = fromA <= intoB ? [(a, true, b)] : [(b, false, a)]
        } else {
            passes = [(a, true, b), (a, false, b)]
        }
        for pass in passes {
            var cursor = AdjacencyCursor(graph, node: pass.node, outgoing: pass.outgoing, relations: r.relations)
            let ends = pass.outgoing ? graph.edgeTable.to : graph.edgeTable.from
            while let e = cursor.next() {
                try tick()
                let other = ends[Int(e)]
                guard other == pass.other else { continue }
                if !r.directed, !pass.outgoing, other == pass.node { continue }
                guard r.filters.isEmpty || r.accepts(e, in: graph), isUnique(e, s) else { continue }
                frame.edges[ri] = e
                if try self.passes(k) { try step(k + 1, &sink) }
            }
        }
    }

    /// One node on the current trail of a path walk, with the edges still to try from it.
    private struct WalkLevel {
        let node: Int32
        var cursor: AdjacencyCursor
        var outgoing: Bool
    }

    /// A variable-length relationship: a depth-first walk that never reuses an edge (of the path
    /// or of the clause), binding the end node (or checking it, `into`) at every allowed length.
    /// Iterative, with the trail on the heap, so that a long path cannot exhaust the stack.
    private mutating func walkPath<S: MatchSink>(_ ri: Int, forward: Bool, into: Bool, _ k: Int, _ s: MatchPlan.Step, _ sink: inout S) throws(QueryError) {
        let r = query.relationships[ri]
        let anchor = frame.nodes[forward ? r.from : r.to]
        let firstDirection = r.directed ? forward : true
        stacks[ri].removeAll(keepingCapacity: true)
        trailSets[ri].removeAll(keepingCapacity: true)
        var levels: [WalkLevel] = []
        if try arrive(at: anchor, ri, forward: forward, into: into, k, s, &sink) {
            levels.append(WalkLevel(node: anchor, cursor: AdjacencyCursor(graph, node: anchor, outgoing: firstDirection, relations: r.relations),
                                    outgoing: firstDirection))
        }
        while let top = levels.indices.last {
            guard let e = levels[top].cursor.next() else {
                // An undirected walk tries the in-edges after the out-edges.
                if !r.directed, levels[top].outgoing {
                    levels[top].outgoing = false
                    levels[top].cursor = AdjacencyCursor(graph, node: levels[top].node, outgoing: false, relations: r.relations)
                    continue
                }
                levels.removeLast()
                if !stacks[ri].isEmpty { pop(ri) }
                continue
            }
            try tick()
            let outgoing = levels[top].outgoing
            let current = levels[top].node
            let other = outgoing ? graph.edgeTable.to[Int(e)] : graph.edgeTable.from[Int(e)]
            if !r.directed, !outgoing, other == current { continue }
            guard r.filters.isEmpty || r.accepts(e, in: graph), !onTrail(e, ri), isUnique(e, s) else { continue }
            push(e, ri)
            if try arrive(at: other, ri, forward: forward, into: into, k, s, &sink) {
                levels.append(WalkLevel(node: other, cursor: AdjacencyCursor(graph, node: other, outgoing: firstDirection, relations: r.relations),
                                        outgoing: firstDirection))
            } else {
                pop(ri)
            }
        }
    }

    /// The walk reached `node` over the edges in `stacks[ri]`: matches the rest of the pattern
    /// if the length allows, and says whether the walk may go on from here.
    private mutating func arrive<S: MatchSink>(at node: Int32, _ ri: Int, forward: Bool, into: Bool,
                                               _ k: Int, _ s: MatchPlan.Step, _ sink: inout S) throws(QueryError) -> Bool {
        let r = query.relationships[ri]
        guard let length = r.length else { return false }
        let depth = stacks[ri].count
        let target = forward ? r.to : r.from
        if depth >= length.min {
            let ok = into ? frame.nodes[target] == node : query.nodes[target].accepts(node, in: graph)
            if ok {
                if !into { frame.nodes[target] = node }
                // The path lists its edges from the node written on the left.
                if recordsPath[ri] { frame.paths[ri] = forward == r.fromIsLeft ? stacks[ri] : stacks[ri].reversed() }
                if try passes(k) { try step(k + 1, &sink) }
            }
        }
        return length.max.map { depth < $0 } ?? true
    }

    /// One step of work; past the limit, the query stops.
    @inline(__always)
    private mutating func tick() throws(QueryError) {
        steps &+= 1
        if steps > stepCap { throw Self.stopped(after: stepCap) }
    }

    @inline(never)
    private static func stopped(after steps: Int) -> QueryError {
        QueryError(.workLimit(steps: steps))
    }

    @inline(__always)
    private func onTrail(_ e: Int32, _ ri: Int) -> Bool {
        stacks[ri].count > Self.shortTrail ? trailSets[ri].contains(e) : stacks[ri].contains(e)
    }

    private mutating func push(_ e: Int32, _ ri: Int) {
        stacks[ri].append(e)
        if stacks[ri].count == Self.shortTrail + 1 {
            trailSets[ri] = Set(stacks[ri])
        } else if stacks[ri].count > Self.shortTrail + 1 {
            trailSets[ri].insert(e)
        }
    }

    private mutating func pop(_ ri: Int) {
        let e = stacks[ri].removeLast()
        if stacks[ri].count == Self.shortTrail {
            trailSets[ri].removeAll(keepingCapacity: true)
        } else if stacks[ri].count > Self.shortTrail {
            trailSets[ri].remove(e)
        }
    }

    /// Relationship isomorphism: the new edge is none of the clause's edges bound before.
    @inline(__always)
    private func isUnique(_ e: Int32, _ s: MatchPlan.Step) -> Bool {
        for slot in s.isoEdges where frame.edges[slot] == e { return false }
        for slot in s.isoPaths where frame.paths[slot].contains(e) { return false }
        return true
    }

    @inline(__always)
    private func passes(_ k: Int) throws(QueryError) -> Bool {
        for c in conditions[k] where try c.truth(in: frame, graph: graph) != true { return false }
        return true
    }
}
