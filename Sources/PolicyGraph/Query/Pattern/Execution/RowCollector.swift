/// Collects the rows of a query without aggregates (each match `weight` times; once under
/// DISTINCT), with their ORDER BY keys, holding no more rows than the result needs:
///
/// - with LIMIT and no ORDER BY, the first SKIP + LIMIT rows found, SKIP of them passed over:
///   once it has them it throws ``QueryError/enoughRows`` and matching stops;
/// - with ORDER BY and LIMIT, the first SKIP + LIMIT rows of the sort, in a ``TopElements``;
/// - otherwise every row.
///
/// The row budget counts what it holds (rows, and the rows DISTINCT has seen) as they come, so
/// that a query past it stops after that many rows, not after building all of them.
struct RowCollector: MatchSink {
    let graph: Graph
    let projection: PatternProjection
    private let maxRows: Int
    private let order: PatternOrder
    /// SKIP + LIMIT, when LIMIT is given.
    private let wanted: Int?
    private(set) var rows: [[PatternValue]] = []
    private(set) var sortKeys: [[PatternValue]] = []
    private var seen: Set<[PatternValue]> = []
    private var top: TopElements<Ranked>?
    /// Rows passed over for SKIP (LIMIT without ORDER BY only).
    private var skipped = 0
    /// Rows offered to `top` so far: the tie-break that keeps the sort stable.
    private var produced = 0

    /// A row with its sort keys and the position it was produced at.
    struct Ranked {
        let row: [PatternValue]
        let keys: [PatternValue]
        let position: Int
    }

    init(graph: Graph, projection: PatternProjection, limits: QueryLimits) {
        self.graph = graph
        self.projection = projection
        maxRows = limits.maxRows.map { max(0, $0) } ?? Int.max
        order = PatternOrder(graph: graph)
        wanted = Self.wanted(projection)
        if let wanted, Self.keepsTop(projection) {
            let order = self.order
            let sorts = projection.order.map(\.descending)
            top = TopElements(capacity: wanted) { a, b in
                let c = order.compare(ranked: (a.keys, a.row), (b.keys, b.row), descending: sorts)
                return c != 0 ? c < 0 : a.position < b.position
            }
        }
    }

    /// SKIP + LIMIT, when LIMIT is given: how many rows the collector takes.
    static func wanted(_ projection: PatternProjection) -> Int? {
        projection.limit.map { limit in
            let (sum, overflow) = projection.skip.addingReportingOverflow(limit)
            return overflow ? Int.max : sum
        }
    }

    /// Whether the collector keeps the first rows of the sort in a bounded heap (ORDER BY with
    /// LIMIT); with LIMIT alone it stops matching once it has its rows.
    static func keepsTop(_ projection: PatternProjection) -> Bool {
        projection.limit != nil && !projection.order.isEmpty
    }

    /// The SKIP and LIMIT still to apply after sorting: none when the collector applied them
    /// as rows came (LIMIT without ORDER BY).
    var page: (skip: Int, limit: Int?) {
        if wanted != nil && top == nil { return (0, nil) }
        return (projection.skip, projection.limit)
    }

    /// Runs `matcher` into the collector, stopping early once a LIMIT is met.
    /// - Throws: ``QueryError`` from matching, or ``QueryError/Reason/rowLimit(rows:)``.
    mutating func collect(from matcher: inout PatternMatcher) throws(QueryError) {
        if wanted == 0 { return }
        do {
            try matcher.run(&self)
        } catch {
            if !error.isEnoughRows { throw error }
        }
        if let top {
            let kept = top.heap.sorted { $0.position < $1.position }
            rows = kept.map(\.row)
            sortKeys = kept.map(\.keys)
        }
    }

    mutating func accept(_ frame: inout MatchFrame, weight: Int) throws(QueryError) {
        var row: [PatternValue] = []
        row.reserveCapacity(projection.items.count)
        for item in projection.items { row.append(try item.value(in: frame, graph: graph)) }
        var copies = weight
        if projection.distinct {
            guard seen.insert(row).inserted else { return }
            if seen.count > maxRows { throw QueryError(.rowLimit(rows: maxRows)) }
            copies = 1
        }
        var keys: [PatternValue] = []
        if !projection.order.isEmpty {
            frame.columns = row
            for sort in projection.order { keys.append(try sort.expression.value(in: frame, graph: graph)) }
        }
        if var heap = top {
            top = nil
            // Later copies of one row come after its earlier ones: more than `capacity` never count.
            for i in 0..<min(copies, heap.capacity) { heap.offer(Ranked(row: row, keys: keys, position: produced + i)) }
            produced += copies
            top = heap
            if heap.count > maxRows { throw QueryError(.rowLimit(rows: maxRows)) }
            return
        }
        for _ in 0..<copies {
            if let wanted {
                if skipped < projection.skip {
                    skipped += 1
                    continue
                }
                if rows.count >= wanted - projection.skip { throw QueryError.enoughRows }
            }
            rows.append(row)
            sortKeys.append(keys)
            if rows.count > maxRows { throw QueryError(.rowLimit(rows: maxRows)) }
        }
        if let wanted, rows.count >= wanted - projection.skip { throw QueryError.enoughRows }
    }
}

extension PatternOrder {
    /// The engine's order of result rows: by the ORDER BY keys (each ascending or `descending`),
    /// then by the columns; 0 when both agree (the caller breaks the tie by position).
    func compare(ranked a: (keys: [PatternValue], row: [PatternValue]), _ b: (keys: [PatternValue], row: [PatternValue]), descending: [Bool]) -> Int {
        for i in descending.indices {
            let c = compare(a.keys[i], b.keys[i])
            if c != 0 { return descending[i] ? -c : c }
        }
        return compare(rows: a.row, b.row)
    }
}
