/// Runs a ``ClausePlanner/LeftJoin``: the groups and their counts from the pattern engine,
/// joined, then the projection and the clauses after it.
extension Graph {
    /// The rows of `join`: each group of the first answer with its counts from the second, 0
    /// where the second has none, then what the query does with them (a lone RETURN here, any
    /// other clauses in `pipeline`).
    func leftJoinRows(_ join: ClausePlanner.LeftJoin, keys: BoundQuery, counts: BoundQuery, options: PatternOptions,
                      pipeline: inout ClausePipeline) throws(QueryError) -> QueryRows {
        let limits = pipeline.context.limits
        // Unsorted: the projection after the join sorts them.
        let groups = try patternEngineRows(keys, options: options, limits: limits, sorted: false).values
        let counted = try patternEngineRows(counts, options: options, limits: limits, sorted: false).values
        let keyCount = join.items.count { $0 != nil }
        var found: [[PatternValue]: ArraySlice<PatternValue>] = [:]
        found.reserveCapacity(counted.count)
        for row in counted { found[Array(row[..<keyCount])] = row[keyCount...] }
        var rows: [[PatternValue]] = []
        rows.reserveCapacity(groups.count)
        for key in groups {
            let values = found[key]
            var row: [PatternValue] = []
            row.reserveCapacity(join.items.count)
            var c = values?.startIndex ?? 0
            for item in join.items {
                if let k = item {
                    row.append(key[k])
                } else {
                    row.append(values.map { $0[c] } ?? .int(0))
                    c += 1
                }
            }
            rows.append(row)
        }
        let clauses = join.rest.parts[0].clauses
        if clauses.count == 1, case .return(let projection) = clauses[0], projection.predicate == nil {
            return QueryRows(columns: join.columns, values: try returned(rows, projection, columns: join.columns, &pipeline.context), graph: self)
        }
        let (columns, values) = try pipeline.run(join.rest, start: ClausePipeline.Start(columns: join.columns, rows: rows, clauseCount: 0,
                                                                                         predicate: nil, ordered: false))
        return QueryRows(columns: columns, values: values, graph: self)
    }

    /// A RETURN that reads each item from its column of `rows`, ordered and paged as the
    /// pipeline's RETURN does (``ClauseContext/project(_:_:scope:final:)``): ORDER BY, then the
    /// columns, then the order the rows came in; the first SKIP + LIMIT kept in a bounded heap.
    /// Without the pipeline's row of names per row: the joined groups are read once each.
    private func returned(_ input: [[PatternValue]], _ projection: Projection, columns: [String],
                          _ context: inout ClauseContext) throws(QueryError) -> [[PatternValue]] {
        var rows = input
        if projection.distinct {
            var seen: Set<[PatternValue]> = []
            rows = rows.filter { seen.insert($0).inserted }
        }
        var keys: [(column: Int, descending: Bool)] = []
        for sort in projection.order {
            guard case .variable(let name) = sort.expression.form, let column = columns.firstIndex(of: name) else {
                throw QueryError(.syntax("ORDER BY \(sort.expression.text) names no column"), at: sort.expression.location)
            }
            keys.append((column, sort.descending))
        }
        let comparer = PatternOrder(graph: self)
        let precedes = { (a: Int, b: Int) -> Bool in
            for key in keys {
                let c = comparer.compare(rows[a][key.column], rows[b][key.column])
                if c != 0 { return key.descending ? c > 0 : c < 0 }
            }
            let c = comparer.compare(rows: rows[a], rows[b])
            return c != 0 ? c < 0 : a < b
        }
        let skip = try context.count(projection.skip, "SKIP") ?? 0
        let limit = try context.count(projection.limit, "LIMIT")
        var order: [Int]
        if let limit {
            let (wanted, overflow) = skip.addingReportingOverflow(limit)
            var top = TopElements(capacity: overflow ? Int.max : wanted, precedes: precedes)
            for i in rows.indices { top.offer(i) }
            order = top.sorted()
        } else {
            order = rows.indices.sorted(by: precedes)
        }
        let start = min(skip, order.count)
        let end = limit.map { start + min(order.count - start, $0) } ?? order.count
        try context.checkRows(end - start)
        return order[start..<end].map { rows[$0] }
    }
}
