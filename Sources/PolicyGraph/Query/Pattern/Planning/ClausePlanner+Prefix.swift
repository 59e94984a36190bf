/// A pipeline that begins `MATCH ... WITH ...` hands that beginning to the pattern engine when
/// the engine could answer it as `MATCH ... RETURN ...`: `MATCH (c:country)-[:supports]->(f)
/// WITH c, count(*) AS n WHERE n >= 12 RETURN ...` counts per country with the engine's leaves
/// (a lookup per country) instead of enumerating every support edge row by row.
///
/// Sound for the reason ``ClausePlanner`` gives for whole queries: WITH ends the scope, so the
/// clauses after it read only the WITH's columns, and the engine's binder sees every reader of
/// every variable of the MATCH clauses when it is given those clauses and the WITH as a RETURN.
extension ClausePlanner {
    /// The beginning of a pipeline that the pattern engine runs.
    struct PatternPrefix {
        /// The MATCH clauses and the WITH, as a pattern query whose RETURN is the WITH.
        let query: PatternQuery
        /// How many clauses of the sequence it stands for (the MATCH clauses and the WITH).
        let clauseCount: Int
        /// The WITH's WHERE, left to the pipeline: it reads only the WITH's columns.
        let predicate: PatternExpression?
        /// Whether the WITH has ORDER BY, so that the rows' order is the query's.
        let ordered: Bool
    }

    /// The pattern engine's part of `query`, when it starts with MATCH clauses (none optional)
    /// and a WITH that the engine answers as a RETURN. Not for a UNION, `WITH *`, a WITH whose
    /// WHERE reads more than its own columns or comes with ORDER BY, SKIP or LIMIT (the page
    /// comes before the filter there), or anything ``patternEngineApplies(to:)`` refuses.
    static func patternPrefix(_ query: ClauseQuery) -> PatternPrefix? {
        guard query.parts.count == 1 else { return nil }
        let clauses = query.parts[0].clauses
        guard let w = clauses.firstIndex(where: { if case .with = $0 { return true } else { return false } }), w > 0,
              case .with(let projection) = clauses[w], !projection.star else { return nil }
        if let predicate = projection.predicate {
            guard projection.order.isEmpty, projection.skip == nil, projection.limit == nil,
                  readsOnly(Set(projection.items.map(\.column)), predicate) else { return nil }
        }
        var asReturn = projection
        asReturn.predicate = nil
        let prefix = ClauseQuery(parts: [ClauseSequence(clauses: Array(clauses[..<w]) + [.return(asReturn)])], unionAll: false, end: query.end)
        guard let pattern = patternQuery(prefix) else { return nil }
        return PatternPrefix(query: pattern, clauseCount: w + 1, predicate: projection.predicate, ordered: !projection.order.isEmpty)
    }

    /// Whether every variable `e` reads is one of `names`, and it holds no pattern or subquery.
    static func readsOnly(_ names: Set<String>, _ e: PatternExpression) -> Bool {
        switch e.form {
        case .variable(let name): return names.contains(name)
        case .pattern, .exists, .patternComprehension, .comprehension, .quantifier, .countStar: return false
        default: return e.form.children.allSatisfy { readsOnly(names, $0) }
        }
    }
}
