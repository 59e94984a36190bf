/// The rows a ``PairCountPlan`` answers, with their ORDER BY keys: every pair when there is no
/// LIMIT, else only the first `skip + limit` in the final order (the sort that follows keeps
/// them in that order and drops nothing it would have kept).
struct PairCountRows {
    var rows: [[PatternValue]] = []
    var keys: [[PatternValue]] = []
}

extension PairCountPlan {
    /// Above this many rows kept, LIMIT is applied by the final sort instead of while counting.
    static let keptRowsLimit = 10_000
    /// The counting adds up to this many pairs per step of the work budget.
    static let additionsPerStep = 16

    /// How many rows counting keeps (SKIP + LIMIT, when LIMIT is given and that is at most
    /// ``keptRowsLimit``); `nil` for every pair, the page taken by the final sort.
    static func keptCapacity(_ projection: PatternProjection) -> Int? {
        let limit = projection.limit.map { projection.skip + $0 }
        return limit.flatMap { $0 <= keptRowsLimit ? $0 : nil }
    }

    /// Counts the pairs of `query` on `graph`.
    ///
    /// - Throws: ``QueryError`` when a predicate fails to evaluate or the work passes `limits`.
    func rows(_ query: BoundQuery, graph: Graph, limits: QueryLimits) throws(QueryError) -> PairCountRows {
        guard let projection = query.projection else { return PairCountRows() }
        var run = PairCountRun(plan: self, query: query, projection: projection, graph: graph, cap: limits.stepCap)
        try MatchArrays.with(graph) { (arrays) throws(QueryError) in try run.count(arrays) }
        return run.kept.result
    }

    /// The rows `a` may take: its ids, else its kinds' members, else every node.
    static func candidates(_ slot: NodeSlot, graph: Graph) -> [Int32] {
        if let rows = slot.rows { return rows }
        guard let kinds = slot.kinds else { return Array(0..<Int32(graph.nodeCount)) }
        return kinds.indices.filter { kinds[$0] }.flatMap { graph.byKind.members($0) }
    }

    /// How many rows a slot may take, without listing them.
    static func population(_ slot: NodeSlot, graph: Graph) -> Int {
        if let rows = slot.rows { return rows.count }
        guard let kinds = slot.kinds else { return graph.nodeCount }
        return kinds.indices.filter { kinds[$0] }.reduce(0) { $0 + graph.byKind.range($1).count }
    }
}

/// One run of a ``PairCountPlan``: the per-row counts of the current `a`, each middle node's
/// gathered `b` ends, and the rows kept.
private struct PairCountRun {
    let plan: PairCountPlan
    let query: BoundQuery
    let projection: PatternProjection
    let graph: Graph
    let cap: Int
    var steps = 0
    var additions = 0
    var frame: MatchFrame
    /// Per node row: how many edge pairs join it (as `b`) to the current `a`.
    var counts: [Int]
    var touched: [Int32] = []
    /// Each middle node met: its range in `ends`/`edges`, the acceptable `b` ends and their edges.
    var gathered: [Int32: Range<Int>] = [:]
    var ends: [Int32] = []
    var edges: [Int32] = []
    /// Per node row, its id's rank among the candidates (for ``PairCountPlan/idOrder``).
    var ranks: [Int32] = []
    var kept: KeptRows

    init(plan: PairCountPlan, query: BoundQuery, projection: PatternProjection, graph: Graph, cap: Int) {
        self.plan = plan
        self.query = query
        self.projection = projection
        self.graph = graph
        self.cap = cap
        frame = MatchFrame(nodes: query.nodes.count, relationships: query.relationships.count)
        counts = [Int](repeating: 0, count: graph.nodeCount)
        kept = KeptRows(projection: projection, graph: graph, capacity: PairCountPlan.keptCapacity(projection))
        if plan.idOrder != nil {
            var rows = Set(PairCountPlan.candidates(query.nodes[plan.a], graph: graph))
            rows.formUnion(PairCountPlan.candidates(query.nodes[plan.b], graph: graph))
            // Code point order: the order `a.id < b.id` compares in (``CodePoints``).
            let sorted = rows.sorted { CodePoints.precedes(graph.id(at: $0).rawValue, graph.id(at: $1).rawValue) }
            ranks = [Int32](repeating: -1, count: graph.nodeCount)
            for (rank, row) in sorted.enumerated() { ranks[Int(row)] = Int32(rank) }
        }
    }

    @inline(__always)
    mutating func tick(_ n: Int = 1) throws(QueryError) {
        steps &+= n
        if steps > cap { throw QueryError(.workLimit(steps: cap)) }
    }

    mutating func count(_ arrays: MatchArrays) throws(QueryError) {
        let first = query.relationships[plan.first]
        let slotA = query.nodes[plan.a], slotMiddle = query.nodes[plan.middle]
        for a in PairCountPlan.candidates(slotA, graph: graph) {
            try tick()
            guard slotA.accepts(a, in: graph) else { continue }
            frame.nodes[plan.a] = a
            guard try allTrue(plan.aPredicates) else { continue }
            var cursor = EdgeCursor(arrays, node: a, outgoing: plan.aIsFrom, relations: first.relations)
            while let (e1, middle) = cursor.next() {
                try tick()
                if !first.filters.isEmpty, !first.accepts(e1, in: graph) { continue }
                guard slotMiddle.accepts(middle, in: graph) else { continue }
                let range: Range<Int>
                if let known = gathered[middle] { range = known } else { range = try gather(middle, arrays) }
                try tick(range.count / PairCountPlan.additionsPerStep)
                for k in range {
                    if plan.mayShareEdges, edges[k] == e1 { continue }
                    let b = Int(ends[k])
                    if counts[b] == 0 { touched.append(ends[k]) }
                    counts[b] &+= 1
                }
            }
            try emit(a)
        }
    }

    /// The acceptable `b` ends of `middle` and their edges, gathered once.
    mutating func gather(_ middle: Int32, _ arrays: MatchArrays) throws(QueryError) -> Range<Int> {
        let second = query.relationships[plan.second]
        let slotB = query.nodes[plan.b]
        let start = ends.count
        var cursor = EdgeCursor(arrays, node: middle, outgoing: !plan.bIsFrom, relations: second.relations)
        while let (e2, b) = cursor.next() {
            try tick()
            if !second.filters.isEmpty, !second.accepts(e2, in: graph) { continue }
            guard slotB.accepts(b, in: graph) else { continue }
            ends.append(b)
            edges.append(e2)
        }
        gathered[middle] = start..<ends.count
        return start..<ends.count
    }

    /// Hands over the pairs of `a` (those WHERE keeps) and clears its counts.
    mutating func emit(_ a: Int32) throws(QueryError) {
        defer { touched.removeAll(keepingCapacity: true) }
        let rankA = ranks.isEmpty ? 0 : ranks[Int(a)]
        for b in touched {
            let weight = counts[Int(b)]
            counts[Int(b)] = 0
            if let order = plan.idOrder {
                let r = ranks[Int(b)]
                guard order.allowed[rankA < r ? 0 : (rankA == r ? 1 : 2)] else { continue }
            }
            try tick()
            frame.nodes[plan.b] = b
            guard try allTrue(plan.pairPredicates) else { continue }
            try kept.offer(&frame, weight: weight)
        }
    }

    func allTrue(_ predicates: [CompiledExpression]) throws(QueryError) -> Bool {
        for p in predicates where try p.truth(in: frame, graph: graph) != true { return false }
        return true
    }
}

/// The rows of the pairs, or the first `capacity` of them in the order the final sort uses
/// (ORDER BY keys, then the rows themselves, which differ for every pair).
private struct KeptRows {
    let projection: PatternProjection
    let order: PatternOrder
    let capacity: Int?
    /// Whether the first sort key is the count itself, so that a pair can be passed over by its
    /// count alone once `capacity` rows are kept.
    let sortsByCount: Bool
    var rows: [[PatternValue]] = []
    var keys: [[PatternValue]] = []

    init(projection: PatternProjection, graph: Graph, capacity: Int?) {
        self.projection = projection
        order = PatternOrder(graph: graph)
        self.capacity = capacity
        if let first = projection.order.first, case .column(let i) = first.expression, case .aggregate = projection.items[i] {
            sortsByCount = true
        } else {
            sortsByCount = false
        }
    }

    var result: PairCountRows { PairCountRows(rows: rows, keys: keys) }

    /// Whether the row with keys `x` and row `rx` comes before the one with `y`, `ry`.
    func precedes(_ x: [PatternValue], _ rx: [PatternValue], _ y: [PatternValue], _ ry: [PatternValue]) -> Bool {
        for i in projection.order.indices {
            let c = order.compare(x[i], y[i])
            if c != 0 { return projection.order[i].descending ? c > 0 : c < 0 }
        }
        return order.compare(rows: rx, ry) < 0
    }

    mutating func offer(_ frame: inout MatchFrame, weight: Int) throws(QueryError) {
        if let capacity, rows.count >= capacity {
            if capacity == 0 { return }
            if sortsByCount, let last = keys.last {
                let c = order.compare(.int(weight), last[0])
                if c != 0, projection.order[0].descending ? c < 0 : c > 0 { return }
            }
        }
        frame.aggregates = [PatternValue](repeating: .int(weight), count: projection.aggregates.count)
        var row: [PatternValue] = []
        row.reserveCapacity(projection.items.count)
        for item in projection.items { row.append(try item.value(in: frame, graph: order.graph)) }
        frame.columns = row
        var key: [PatternValue] = []
        for sort in projection.order { key.append(try sort.expression.value(in: frame, graph: order.graph)) }
        guard let capacity else {
            rows.append(row)
            keys.append(key)
            return
        }
        // Keep the first `capacity` rows sorted: find the place by binary search.
        var low = 0, high = rows.count
        while low < high {
            let mid = (low + high) / 2
            if precedes(keys[mid], rows[mid], key, row) { low = mid + 1 } else { high = mid }
        }
        guard low < capacity else { return }
        rows.insert(row, at: low)
        keys.insert(key, at: low)
        if rows.count > capacity {
            rows.removeLast()
            keys.removeLast()
        }
    }
}
