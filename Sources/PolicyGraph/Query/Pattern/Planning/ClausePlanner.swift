/// Chooses the engine for a query: the pattern engine (a planned join with counting fast paths)
/// when the query is one it is proven for, the clause pipeline otherwise.
///
/// The pattern engine's counting (``PatternLeaves``) leaves a variable unbound when no part of
/// the query it was given reads it. That is sound only when that query is the whole query:
/// MATCH clauses and one RETURN, so that its binder sees every reader of every variable. A
/// query with any later clause (WITH, UNWIND, OPTIONAL MATCH, UNION), a path variable, or an
/// expression the pattern engine does not compile, runs in the clause pipeline instead.
enum ClausePlanner {
    /// Whether `query` is `MATCH ... [WHERE ...] ... RETURN ...` with expressions the pattern
    /// engine compiles, so that it gives the same rows as the clause pipeline, faster.
    static func patternEngineApplies(to query: ClauseQuery) -> Bool {
        guard query.parts.count == 1, let last = query.parts[0].clauses.last, case .return(let projection) = last else { return false }
        for clause in query.parts[0].clauses.dropLast() {
            guard case .match(let match, let optional) = clause, !optional else { return false }
            for path in match.paths {
                if path.variable != nil { return false }
                for node in path.nodes where !node.properties.allSatisfy({ isPlain($0.value) }) { return false }
                for r in path.relationships where !r.properties.allSatisfy({ isPlain($0.value) }) { return false }
            }
            if let predicate = match.predicate, !isPlain(predicate) { return false }
        }
        if projection.predicate != nil { return false }
        for item in projection.items where !isPlain(item.expression) { return false }
        for item in projection.order where !isPlain(item.expression) { return false }
        for bound in [projection.skip, projection.limit] {
            guard let bound else { continue }
            guard case .integer(let n) = bound.form, n >= 0 else { return false }
        }
        return true
    }

    /// `query` as the pattern engine's syntax tree, when ``patternEngineApplies(to:)``.
    static func patternQuery(_ query: ClauseQuery) -> PatternQuery? {
        guard patternEngineApplies(to: query), case .return(let p)? = query.parts[0].clauses.last else { return nil }
        var matches: [MatchClause] = []
        for clause in query.parts[0].clauses.dropLast() {
            guard case .match(let m, _) = clause else { return nil }
            matches.append(m)
        }
        func count(_ e: PatternExpression?) -> Int? {
            guard let e, case .integer(let n) = e.form else { return nil }
            return n
        }
        let returnClause = ReturnClause(distinct: p.distinct, star: p.star, items: p.items, order: p.order,
                                        skip: count(p.skip), limit: count(p.limit), location: p.location)
        return PatternQuery(matches: matches, returnClause: returnClause, end: query.end)
    }

    /// Whether the pattern engine compiles `e` with the same meaning as the pipeline.
    static func isPlain(_ e: PatternExpression) -> Bool {
        switch e.form {
        case .null, .bool, .integer, .float, .string, .variable, .countStar, .list, .property, .not, .negate, .isNull, .hasKinds:
            break
        case .index(_, let index):
            guard case .integer = index.form else { return false }
        case .binary(let op, _, let r):
            // `x IN 1` is an error in the pipeline, null in the pattern engine.
            if op == .in, !isList(r) { return false }
            // NaN orders as false in the pipeline.
            if [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(op) { break }
        case .call(let name, _, _):
            guard ScalarFunction.named(name.text) != nil || AggregateFunction.named(name.text) != nil else { return false }
        default:
            return false
        }
        return e.form.children.allSatisfy(isPlain)
    }

    private static func isList(_ e: PatternExpression) -> Bool {
        switch e.form {
        case .list, .property, .variable: return true
        default: return false
        }
    }
}
