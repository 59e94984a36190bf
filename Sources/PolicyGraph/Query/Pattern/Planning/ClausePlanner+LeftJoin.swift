/// `MATCH A OPTIONAL MATCH B RETURN keys, count(x)` planned as a left join of two pattern-engine
/// answers: the keys of A's matches (`MATCH A RETURN DISTINCT keys`), and the counts of the
/// matches of both (`MATCH A MATCH B RETURN keys, count(x)`), a key that has no count getting 0.
/// "Every country with the number of frameworks it supports, zero included" then counts each
/// country's edges with the engine's leaves instead of making a row per edge.
///
/// The same answer as the pipeline's: OPTIONAL MATCH turns each row `r` of A into the `m(r)`
/// matches of B from it, or into one row with B's new variables null when `m(r)` is 0. With
/// keys that read only A's variables, the groups are the key values of A's rows, and `count(x)`
/// of a variable `x` that only B binds (or of a property of it) counts the non-null values:
/// those of the matches of A and B together, grouped by the same keys; none for a padded row.
/// OPTIONAL MATCH binds its edges apart from A's (relationship uniqueness is per clause), as a
/// second MATCH does.
extension ClausePlanner {
    /// A query's `MATCH ... OPTIONAL MATCH ... WITH|RETURN` beginning as two pattern queries.
    struct LeftJoin {
        /// `MATCH A RETURN DISTINCT keys`: the groups, each key item's column as written.
        let keys: PatternQuery
        /// `MATCH A MATCH B RETURN keys, counts`: the groups that have matches, with their counts.
        let counts: PatternQuery
        /// For each item of the projection, in order: the index of its key, or nil for a count.
        let items: [Int?]
        /// The projection's columns, in order.
        let columns: [String]
        /// The rest of the query, to run in the pipeline from the joined rows: the projection
        /// with each item read from its column (its WHERE, ORDER BY, SKIP and LIMIT kept), then
        /// the clauses after it.
        let rest: ClauseQuery
    }

    /// The left join of `query`, when it begins with MATCH clauses (none optional), one
    /// OPTIONAL MATCH and a WITH or RETURN whose items are keys reading only the MATCH clauses'
    /// variables and at least one `count(x)`, `count(x.key)` or `count(DISTINCT ...)` of them of
    /// a variable only the OPTIONAL MATCH binds; whose ORDER BY names items (by alias or as
    /// written); and whose WHERE reads only its columns. Nil for anything else, and when either
    /// part is not one the pattern engine answers (``patternQuery(_:)``).
    static func leftJoin(_ query: ClauseQuery) -> LeftJoin? {
        guard query.parts.count == 1 else { return nil }
        let clauses = query.parts[0].clauses
        guard let o = clauses.firstIndex(where: { if case .match(_, true) = $0 { return true } else { return false } }), o > 0,
              o + 1 < clauses.count, case .match(let optional, _) = clauses[o] else { return nil }
        var bound: Set<String> = []
        for clause in clauses[..<o] {
            guard case .match(let match, false) = clause else { return nil }
            bound.formUnion(ClausePipeline.variables(of: match))
        }
        let introduced = Set(ClausePipeline.variables(of: optional)).subtracting(bound)
        let projection: Projection
        let isReturn: Bool
        switch clauses[o + 1] {
        case .with(let p): projection = p; isReturn = false
        case .return(let p): projection = p; isReturn = true
        default: return nil
        }
        guard !projection.star, !introduced.isEmpty else { return nil }
        // A WITH's page would take rows in the order the groups came, which the join does not keep.
        if !isReturn, projection.skip != nil || projection.limit != nil { return nil }

        var keyItems: [ReturnItem] = []
        var countItems: [ReturnItem] = []
        var items: [Int?] = []
        for item in projection.items {
            if reads(item.expression, only: bound) {
                items.append(keyItems.count)
                keyItems.append(item)
            } else if let counted = countOfOptional(item.expression, introduced) {
                items.append(nil)
                countItems.append(ReturnItem(expression: counted, alias: PatternName(text: item.column, location: item.expression.location)))
            } else {
                return nil
            }
        }
        guard !keyItems.isEmpty, !countItems.isEmpty else { return nil }
        // Named as the pipeline names them (`(c)` is `c`); a name given twice is its error to report.
        guard let named = try? ClauseContext.items(of: projection, scope: []) else { return nil }
        let columns = named.map(\.name)
        if let predicate = projection.predicate, !readsOnly(Set(columns), predicate) { return nil }

        // The projection again, each item read from its column.
        var reread = projection
        reread.items = columns.map { column in
            let location = projection.location
            return ReturnItem(expression: PatternExpression(form: .variable(column), location: location, text: column),
                              alias: PatternName(text: column, location: location))
        }
        reread.order = []
        for sort in projection.order {
            guard let column = itemColumn(sort.expression, projection.items, columns) else { return nil }
            let e = PatternExpression(form: .variable(column), location: sort.expression.location, text: column)
            reread.order.append(SortItem(expression: e, descending: sort.descending))
        }
        // An aggregating RETURN pages its rows sorted by the columns; a plain one with LIMIT and
        // no ORDER BY would take them as they came. Said outright, it is the same page.
        if isReturn, projection.order.isEmpty, projection.skip != nil || projection.limit != nil {
            reread.order = reread.items.map { SortItem(expression: $0.expression, descending: false) }
        }
        let rest = ClauseQuery(parts: [ClauseSequence(clauses: [isReturn ? .return(reread) : .with(reread)] + clauses[(o + 2)...])],
                               unionAll: false, end: query.end)

        let matches = Array(clauses[..<o])
        let keysQuery = ClauseQuery(parts: [ClauseSequence(clauses: matches + [.return(Projection(distinct: true, items: keyItems, location: projection.location))])],
                                    unionAll: false, end: query.end)
        let countsQuery = ClauseQuery(parts: [ClauseSequence(clauses: matches + [.match(optional, optional: false),
                                                                                  .return(Projection(items: keyItems + countItems, location: projection.location))])],
                                      unionAll: false, end: query.end)
        guard let keys = patternQuery(keysQuery), let counts = patternQuery(countsQuery) else { return nil }
        return LeftJoin(keys: keys, counts: counts, items: items, columns: columns, rest: rest)
    }

    /// The count to ask the second query for, when `e` is `count(x)`, `count(x.key)` or
    /// `count(DISTINCT ...)` of them, `x` a variable in `introduced`: `count(x)` of a node or
    /// relationship the match binds is `count(*)` there (never null), which the engine counts
    /// without listing `x`.
    private static func countOfOptional(_ e: PatternExpression, _ introduced: Set<String>) -> PatternExpression? {
        guard case .call(let name, let distinct, let arguments) = e.form, AggregateFunction.named(name.text) == .count,
              arguments.count == 1 else { return nil }
        switch arguments[0].form {
        case .variable(let v) where introduced.contains(v):
            return distinct ? e : PatternExpression(form: .countStar, location: e.location, text: "count(*)")
        case .property(let subject, _):
            guard case .variable(let v) = subject.form, introduced.contains(v) else { return nil }
            return e
        default:
            return nil
        }
    }

    /// The column ORDER BY `e` reads, in the pipeline's order (``ClauseContext/project(_:_:scope:final:)``):
    /// an item written the same way, then a column of that name. In `RETURN c AS node, c.label
    /// AS c ... ORDER BY c` that is the node.
    private static func itemColumn(_ e: PatternExpression, _ items: [ReturnItem], _ columns: [String]) -> String? {
        if let i = items.firstIndex(where: { $0.expression.canonical == e.canonical }) { return columns[i] }
        if case .variable(let name) = e.form, columns.contains(name) { return name }
        return nil
    }

    /// Whether every variable `e` reads is in `names`, with no aggregate, pattern or subquery.
    private static func reads(_ e: PatternExpression, only names: Set<String>) -> Bool {
        switch e.form {
        case .variable(let name): return names.contains(name)
        case .pattern, .exists, .patternComprehension, .comprehension, .quantifier, .countStar: return false
        case .call(let name, _, _) where AggregateFunction.named(name.text) != nil: return false
        default: return e.form.children.allSatisfy { reads($0, only: names) }
        }
    }
}
