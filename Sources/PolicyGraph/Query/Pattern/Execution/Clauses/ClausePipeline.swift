/// Runs a ``ClauseQuery`` clause by clause: each clause turns the stream of rows it receives into
/// the stream the next one reads. The general engine: every construct of the language, matches
/// enumerated row by row.
struct ClausePipeline {
    var context: ClauseContext

    /// The result of `query`: its columns and rows, sorted as ``project(_:_:scope:final:)`` says.
    ///
    /// - Throws: ``QueryError`` from any clause, or past the step or row budget.
    mutating func run(_ query: ClauseQuery, start: Start? = nil) throws(QueryError) -> (columns: [String], rows: [[PatternValue]]) {
        var columns: [String]?
        var all: [[PatternValue]] = []
        for part in query.parts {
            let (names, rows) = try run(part, start: start)
            if let columns, columns != names {
                throw QueryError(.syntax("the queries of a UNION must return the same columns: \(columns.joined(separator: ", ")) and \(names.joined(separator: ", "))"), at: query.end)
            }
            columns = names
            all += rows.map { row in names.map { row[$0] ?? .null } }
            try context.checkRows(all.count)
        }
        if query.parts.count > 1 && !query.unionAll {
            var seen: Set<[PatternValue]> = []
            all = all.filter { seen.insert($0).inserted }
        }
        return (columns ?? [], all)
    }

    private mutating func run(_ sequence: ClauseSequence, start: Start?) throws(QueryError) -> (columns: [String], rows: [ClauseRow]) {
        var rows: [ClauseRow] = [[:]]
        var scope: [String] = []
        // Set by WITH ... ORDER BY: a RETURN without ORDER BY then keeps the rows' order.
        var ordered = false
        var first = 0
        if let start {
            rows = []
            for values in start.rows {
                var row: ClauseRow = [:]
                for (name, value) in zip(start.columns, values) { row[name] = value }
                if let predicate = start.predicate, try context.truth(predicate, row) != true { continue }
                rows.append(row)
            }
            scope = start.columns
            ordered = start.ordered
            first = start.clauseCount
        }
        let demands = try ClauseDemand.demands(sequence, &context)
        for (index, clause) in sequence.clauses.enumerated() where index >= first {
            // How many rows the clauses after this one read: it stops once it has made them.
            let wanted = demands[index] ?? Int.max
            switch clause {
            case .match(let match, let optional):
                let introduced = Self.variables(of: match).filter { !scope.contains($0) }
                var next: [ClauseRow] = []
                for row in rows where next.count < wanted {
                    let found = try context.matches(match, from: row, limit: wanted - next.count, holding: next.count)
                    if found.isEmpty && optional {
                        var padded = row
                        for name in introduced { padded[name] = .null }
                        next.append(padded)
                    } else {
                        next += found
                    }
                    try context.checkRows(next.count)
                }
                rows = next
                scope += introduced
                ordered = false
            case .unwind(let list, let name, _):
                var next: [ClauseRow] = []
                for row in rows where next.count < wanted {
                    let v = try context.value(list, row)
                    let items: [PatternValue]
                    switch v {
                    case .null: items = []
                    case .list(let l): items = l
                    default: items = [v]
                    }
                    for item in items where next.count < wanted {
                        var extended = row
                        extended[name.text] = item
                        next.append(extended)
                        try context.checkRows(next.count)
                    }
                }
                rows = next
                if !scope.contains(name.text) { scope.append(name.text) }
            case .with(let projection):
                let (names, projected) = try context.project(projection, rows, scope: scope, final: false)
                rows = projected
                scope = names
                if !projection.order.isEmpty { ordered = true }
            case .return(let projection):
                let result = try context.project(projection, rows, scope: scope, final: !ordered)
                try context.checkRows(result.rows.count)
                return result
            }
        }
        return ([], [])
    }

    /// Rows to start from instead of the first clauses, which the pattern engine answered
    /// (``ClausePlanner/PatternPrefix``): that WITH's columns and rows, its WHERE still to apply.
    struct Start {
        let columns: [String]
        let rows: [[PatternValue]]
        let clauseCount: Int
        let predicate: PatternExpression?
        let ordered: Bool
    }

    /// The variables a MATCH clause names, in the order written.
    static func variables(of clause: MatchClause) -> [String] {
        var names: [String] = []
        func add(_ name: PatternName?) {
            if let name, !names.contains(name.text) { names.append(name.text) }
        }
        for path in clause.paths {
            add(path.variable)
            for (i, node) in path.nodes.enumerated() {
                add(node.variable)
                if i < path.relationships.count { add(path.relationships[i].variable) }
            }
        }
        return names
    }
}

extension Graph {
    /// The public form of an engine value: nodes by id, edges as ``Edge``s.
    func publicValue(_ v: PatternValue) -> QueryValue {
        switch v {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let n): return .int(n)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .node(let row): return .node(id(at: row))
        case .edge(let e): return .edge(edge(at: e))
        case .list(let items): return .list(items.map(publicValue))
        case .map(let entries): return .map(entries.mapValues(publicValue))
        case .path(let nodes, let edges): return .path(nodes: nodes.map { id(at: $0) }, edges: edges.map { edge(at: $0) })
        }
    }

    /// The engine form of a parameter's value.
    /// - Throws: ``QueryError/Reason/unknownNode(_:suggestions:)`` for a node the graph lacks;
    ///   an edge cannot be a parameter.
    func engineValue(_ v: QueryValue) throws(QueryError) -> PatternValue {
        switch v {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let n): return .int(n)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .node(let id):
            guard let row = index[id] else { throw QueryError(.unknownNode(id.rawValue, suggestions: [])) }
            return .node(row)
        case .edge, .path: throw QueryError(.invalidArgument("a relationship or a path cannot be a parameter"))
        case .list(let items):
            var out: [PatternValue] = []
            for item in items { out.append(try engineValue(item)) }
            return .list(out)
        case .map(let entries):
            var out: [String: PatternValue] = [:]
            for (k, item) in entries { out[k] = try engineValue(item) }
            return .map(out)
        }
    }
}
