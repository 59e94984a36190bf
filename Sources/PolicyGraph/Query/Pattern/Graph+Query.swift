/// Choices of the engine that tests vary to check each way against brute force.
struct PatternOptions: Sendable {
    /// Count leaves instead of enumerating them.
    var factorize = true
    var leafMode = LeafMode.automatic
    /// Run every query in the clause pipeline, even one the pattern engine could answer.
    var pipeline = false
}

extension Graph {
    /// Runs a Cypher-like pattern query (`MATCH ... WHERE ... RETURN ...`) on the graph.
    ///
    /// Node kinds are labels, relations are relationship types, CSV columns are properties and
    /// a node's `id` property is its id. Within one MATCH an edge is bound at most once.
    /// Without ORDER BY, rows come sorted by their columns; LIMIT without ORDER BY takes the
    /// first rows matching finds (SKIP passing over the ones before them) and stops there.
    ///
    /// - Throws: ``QueryError`` with the place in the query for a syntax error, an unknown
    ///   kind, relation, property, variable or id (with suggestions), or an unsupported clause.
    /// - Complexity: planned from the most selective element along the adjacency indices;
    ///   proportional to the partial matches explored, never to all node pairs.
    public func query(_ text: String) throws(QueryError) -> QueryResult {
        try query(text, limits: .default)
    }

    /// Runs a pattern query as ``query(_:)`` does, stopping once it has done more work than
    /// `limits` allows.
    ///
    /// - Throws: ``QueryError`` as ``query(_:)`` does, and
    ///   ``QueryError/Reason/workLimit(steps:)`` when the matcher takes more than
    ///   `limits.maxSteps` steps (nodes and edges tried).
    /// - Complexity: at most `limits.maxSteps` steps of matching, plus sorting the rows; at most
    ///   `limits.maxRows` rows held at once (ORDER BY with LIMIT holds SKIP + LIMIT of them).
    public func query(_ text: String, limits: QueryLimits) throws(QueryError) -> QueryResult {
        try query(text, options: PatternOptions(), limits: limits)
    }

    /// Runs a query with `$name` parameters, as ``query(_:limits:)`` does.
    ///
    /// - Throws: ``QueryError`` as ``query(_:limits:)`` does, and for a parameter the query
    ///   reads but `parameters` lacks, or a node parameter the graph does not have.
    public func query(_ text: String, parameters: [String: QueryValue], limits: QueryLimits = .default) throws(QueryError) -> QueryResult {
        try query(text, options: PatternOptions(), limits: limits, parameters: parameters)
    }

    func query(_ text: String, options: PatternOptions, limits: QueryLimits = .default, parameters: [String: QueryValue] = [:]) throws(QueryError) -> QueryResult {
        try queryRows(text, options: options, limits: limits, parameters: parameters).result
    }

    /// The rows of a query in their final order, kept as engine values: each becomes public
    /// values only when read, so that a caller can write a large result row by row. An empty
    /// answer comes with the warnings of ``QueryWarning`` (looked for only then: they cost a
    /// pass over the nodes' names); any answer with those of ``QueryWarning/checkAlways(_:in:parameters:)``.
    func queryRows(_ text: String, options: PatternOptions, limits: QueryLimits, parameters: [String: QueryValue]) throws(QueryError) -> QueryRows {
        // Parsed once: the warnings read the same clauses the evaluation runs.
        let clauses = try PatternParser.parseClauses(text)
        let rows = try evaluate(clauses, options: options, limits: limits, parameters: parameters)
        var warnings = QueryWarning.checkAlways(clauses, in: self, parameters: parameters)
        // An id item the always-check reported is not reported again. Under a NOT, a name no
        // node has fills the answer instead of emptying it: those are checked whatever it is.
        let reported = Set(warnings.compactMap(\.location))
        warnings += QueryWarning.check(clauses, in: self, parameters: parameters, underNot: rows.count > 0)
            .filter { $0.location.map(reported.contains) != true }
        guard !warnings.isEmpty else { return rows }
        return QueryRows(columns: rows.columns, values: rows.values, graph: rows.graph, warnings: warnings)
    }

    private func evaluate(_ clauses: ClauseQuery, options: PatternOptions, limits: QueryLimits, parameters: [String: QueryValue]) throws(QueryError) -> QueryRows {
        // MATCH ... RETURN alone goes to the pattern engine, whose own binder checks it.
        guard !options.pipeline, let parsed = ClausePlanner.patternQuery(clauses) else {
            try ClauseBinder.check(clauses, in: self, parameters: parameters)
            var values: [String: PatternValue] = [:]
            for (name, value) in parameters { values[name] = try engineValue(value) }
            var pipeline = ClausePipeline(context: ClauseContext(graph: self, parameters: values, limits: limits))
            var start: ClausePipeline.Start?
            // MATCH ... WITH at the start, when the pattern engine answers it as MATCH ... RETURN
            // (its binder is stricter than the pipeline's in places: what it refuses, the
            // pipeline runs as it would without the shortcut).
            if !options.pipeline, let prefix = ClausePlanner.patternPrefix(clauses),
               let bound = try? PatternBinder.bind(prefix.query, in: self) {
                let answered = try patternEngineRows(bound, options: options, limits: limits)
                start = ClausePipeline.Start(columns: answered.columns, rows: answered.values, clauseCount: prefix.clauseCount,
                                             predicate: prefix.predicate, ordered: prefix.ordered)
            } else if !options.pipeline, let join = ClausePlanner.leftJoin(clauses),
                      let keys = try? PatternBinder.bind(join.keys, in: self), let counts = try? PatternBinder.bind(join.counts, in: self) {
                // MATCH ... OPTIONAL MATCH ... count: two answers of the pattern engine, joined.
                // Their errors come in another order (the keys before the OPTIONAL MATCH's WHERE):
                // past a budget the join stops, for any other the pipeline says which, if any.
                do {
                    return try leftJoinRows(join, keys: keys, counts: counts, options: options, pipeline: &pipeline)
                } catch {
                    switch error.reason {
                    case .workLimit, .rowLimit: throw error
                    default: pipeline = ClausePipeline(context: ClauseContext(graph: self, parameters: values, limits: limits))
                    }
                }
            }
            let (columns, rows) = try pipeline.run(clauses, start: start)
            return QueryRows(columns: columns, values: rows, graph: self)
        }
        return try patternEngineRows(try PatternBinder.bind(parsed, in: self), options: options, limits: limits)
    }

    /// The rows of a MATCH ... RETURN query, bound, from the pattern engine.
    /// `sorted`: false for rows another step joins or sorts, when the query has no SKIP or LIMIT
    /// (their order is then the matcher's, deterministic but not the columns').
    func patternEngineRows(_ bound: BoundQuery, options: PatternOptions, limits: QueryLimits, sorted: Bool = true) throws(QueryError) -> QueryRows {
        guard let projection = bound.projection else { return QueryRows(columns: [], values: [], graph: nil) }
        if options.factorize, let pairs = PairCountPlan.recognize(bound, graph: self) {
            let counted = try pairs.rows(bound, graph: self, limits: limits)
            try Self.checkRows(counted.rows.count, limits)
            let unsorted = !sorted && projection.skip == 0 && projection.limit == nil
            let rows = unsorted ? counted.rows
                : ordered(rows: counted.rows, keys: counted.keys, projection: projection, skip: projection.skip, limit: projection.limit)
            return QueryRows(columns: projection.columns, values: rows, graph: self)
        }
        let plan = PatternPlanner.plan(bound, graph: self, factorize: options.factorize, leafMode: options.leafMode)
        var matcher = PatternMatcher(graph: self, query: bound, plan: plan, limits: limits)
        var rows: [[PatternValue]]
        var keys: [[PatternValue]]
        var page = (skip: projection.skip, limit: projection.limit)
        if projection.isAggregating {
            matcher.sumsFrom = plan.firstStepAfter(reading: projection, in: bound)
            var sink = GroupAggregator(graph: self, projection: projection, maxGroups: limits.maxRows)
            try matcher.run(&sink)
            rows = try sink.rows(&matcher.frame)
            if projection.distinct { rows = Self.distinct(rows) }
            keys = []
            for row in rows {
                matcher.frame.columns = row
                var key: [PatternValue] = []
                for sort in projection.order { key.append(try sort.expression.value(in: matcher.frame, graph: self)) }
                keys.append(key)
            }
        } else {
            var sink = RowCollector(graph: self, projection: projection, limits: limits)
            try sink.collect(from: &matcher)
            rows = sink.rows
            keys = sink.sortKeys
            page = sink.page
        }
        let unsorted = !sorted && page.skip == 0 && page.limit == nil
        let result = unsorted ? rows : ordered(rows: rows, keys: keys, projection: projection, skip: page.skip, limit: page.limit)
        try Self.checkRows(result.count, limits)
        return QueryRows(columns: projection.columns, values: result, graph: self)
    }

    static func checkRows(_ count: Int, _ limits: QueryLimits) throws(QueryError) {
        if let max = limits.maxRows, count > max { throw QueryError(.rowLimit(rows: max)) }
    }

    /// How `text` will run, step by step: the engine, each clause in order, and under each the
    /// steps it takes (where a pattern starts and how it expands, the leaves it counts and how,
    /// filters, grouping, sorting and paging). Built from the plans the engine runs, without
    /// running the query. For a person asking why a query is slow, and for the planner's tests.
    /// - Throws: ``QueryError`` for a query that does not parse or bind.
    /// - Complexity: planning only: no match is made, no table or index built.
    public func explainQuery(_ text: String) throws(QueryError) -> QueryPlan {
        try explainQuery(text, options: PatternOptions(), parameters: [:])
    }

    /// How `text` will run with `$name` parameters, as ``explainQuery(_:)`` says: an id seek
    /// on `$x` shows the id it seeks.
    /// - Throws: ``QueryError`` as ``query(_:parameters:limits:)`` does before running.
    public func explainQuery(_ text: String, parameters: [String: QueryValue]) throws(QueryError) -> QueryPlan {
        try explainQuery(text, options: PatternOptions(), parameters: parameters)
    }

    func explainQuery(_ text: String, options: PatternOptions, parameters: [String: QueryValue] = [:]) throws(QueryError) -> QueryPlan {
        let clauses = try PatternParser.parseClauses(text)
        // The same choice of engine as `evaluate`.
        guard !options.pipeline, let parsed = ClausePlanner.patternQuery(clauses) else {
            try ClauseBinder.check(clauses, in: self, parameters: parameters)
            var values: [String: PatternValue] = [:]
            for (name, value) in parameters { values[name] = try engineValue(value) }
            var explainer = PipelineExplainer(graph: self, parameters: parameters,
                                              context: ClauseContext(graph: self, parameters: values, limits: .unlimited))
            if !options.pipeline, let prefix = ClausePlanner.patternPrefix(clauses),
               let bound = try? PatternBinder.bind(prefix.query, in: self) {
                let prefixPlan = PatternExplainer(graph: self, query: bound, syntax: prefix.query, options: options).plan()
                return try explainer.plan(clauses, prefix: prefix, prefixPlan: prefixPlan)
            }
            if !options.pipeline, let join = ClausePlanner.leftJoin(clauses),
               let keys = try? PatternBinder.bind(join.keys, in: self), let counts = try? PatternBinder.bind(join.counts, in: self) {
                let keysPlan = PatternExplainer(graph: self, query: keys, syntax: join.keys, options: options).plan()
                let countsPlan = PatternExplainer(graph: self, query: counts, syntax: join.counts, options: options).plan()
                return try explainer.plan(join, keysPlan: keysPlan, countsPlan: countsPlan)
            }
            return try explainer.plan(clauses)
        }
        let bound = try PatternBinder.bind(parsed, in: self)
        return PatternExplainer(graph: self, query: bound, syntax: parsed, options: options).plan()
    }

    /// The part of the graph a pattern binds: every node and edge bound by the MATCH clauses in
    /// some match (the edges of variable-length relationships included). RETURN is optional and
    /// ignored.
    ///
    /// - Throws: ``QueryError`` as ``query(_:limits:)`` does.
    /// - Complexity: proportional to the matches (at most `limits.maxSteps` steps), plus
    ///   O(n + m) to build the subgraph.
    public func patternSubgraph(_ text: String, limits: QueryLimits = .default) throws(QueryError) -> Graph {
        let parsed = try PatternParser.parse(text)
        var bound = try PatternBinder.bind(parsed, in: self, requireReturn: false)
        bound.projection = nil
        let plan = PatternPlanner.plan(bound, graph: self, factorize: false)
        var matcher = PatternMatcher(graph: self, query: bound, plan: plan, limits: limits)
        var sink = ElementCollector(graph: self)
        try matcher.run(&sink)
        return selecting(nodes: (0..<Int32(nodeCount)).filter { sink.nodes[Int($0)] },
                         edges: (0..<Int32(edgeCount)).filter { sink.edges[Int($0)] })
    }

    private static func distinct(_ rows: [[PatternValue]]) -> [[PatternValue]] {
        var seen: Set<[PatternValue]> = []
        return rows.filter { seen.insert($0).inserted }
    }

    /// Sorts (by ORDER BY, then by the columns, so that output is deterministic), skips and limits.
    private func ordered(rows: [[PatternValue]], keys: [[PatternValue]], projection: PatternProjection, skip: Int, limit: Int?) -> [[PatternValue]] {
        let order = PatternOrder(graph: self)
        var indices = Array(rows.indices)
        // One row (a count) needs no order, and skips the sort's first-use cost.
        if indices.count > 1 {
            // Rows grouped by a node mostly differ in that first column: its ids are read once
            // here, not at every comparison (ids are unique, so equal ids mean the same node
            // and the full comparison decides).
            var firstIsNode = false
            if let first = rows.first?.first, case .node = first { firstIsNode = true }
            // As UTF-8 bytes in arrays: compared with memcmp, in code point order, without the
            // string's storage to look up at each comparison (a chain grouped by 1,000
            // countries at M spent a tenth of its time there).
            let firstIDs: [[UInt8]?] = projection.order.isEmpty && firstIsNode ? rows.map { row in
                if let first = row.first, case .node(let r) = first { return Array(self.id(at: r).rawValue.utf8) }
                return nil
            } : []
            indices.sort { a, b in
                for i in 0..<projection.order.count {
                    let c = order.compare(keys[a][i], keys[b][i])
                    if c != 0 { return projection.order[i].descending ? c > 0 : c < 0 }
                }
                if !firstIDs.isEmpty, let x = firstIDs[a], let y = firstIDs[b] {
                    // By code points, as every comparison of the language (not Swift's `<`,
                    // which takes canonically equivalent ids for equal).
                    let c = CodePoints.compare(bytes: x, y)
                    if c != 0 { return c < 0 }
                }
                let c = order.compare(rows: rows[a], rows[b])
                return c != 0 ? c < 0 : a < b
            }
        }
        let start = min(skip, indices.count)
        let end = limit.map { start + min(indices.count - start, $0) } ?? indices.count
        return indices[start..<end].map { rows[$0] }
    }
}

/// Marks every node and edge a match binds (for ``Graph/patternSubgraph(_:)``): the nodes of
/// variables, the edges of relationships, and the edges of paths with the nodes they pass.
struct ElementCollector: MatchSink {
    let graph: Graph
    var nodes: [Bool]
    var edges: [Bool]

    init(graph: Graph) {
        self.graph = graph
        nodes = [Bool](repeating: false, count: graph.nodeCount)
        edges = [Bool](repeating: false, count: graph.edgeCount)
    }

    mutating func accept(_ frame: inout MatchFrame, weight: Int) throws(QueryError) {
        for n in frame.nodes where n >= 0 { nodes[Int(n)] = true }
        for e in frame.edges where e >= 0 { edges[Int(e)] = true }
        for path in frame.paths {
            for e in path {
                edges[Int(e)] = true
                nodes[Int(graph.source(ofEdge: e))] = true
                nodes[Int(graph.target(ofEdge: e))] = true
            }
        }
    }
}
