/// The syntax tree of a whole query as a pipeline of clauses, each turning a stream of rows into
/// another: `MATCH`, `OPTIONAL MATCH`, `UNWIND`, `WITH` and a final `RETURN`, parts joined by
/// `UNION [ALL]`.
struct ClauseQuery: Sendable {
    /// The queries `UNION` joins (one without UNION).
    var parts: [ClauseSequence]
    /// `UNION ALL` keeps duplicate rows; plain `UNION` drops them.
    var unionAll: Bool
    let end: QueryLocation
}

/// One query of a UNION: clauses in order, the last a RETURN.
struct ClauseSequence: Sendable {
    var clauses: [Clause]
}

/// One clause of the pipeline.
enum Clause: Sendable {
    /// `[OPTIONAL] MATCH patterns [WHERE condition]`.
    case match(MatchClause, optional: Bool)
    /// `UNWIND list AS name`.
    case unwind(PatternExpression, PatternName, location: QueryLocation)
    /// `WITH items [ORDER BY ...] [SKIP n] [LIMIT n] [WHERE condition]`.
    case with(Projection)
    /// `RETURN items [ORDER BY ...] [SKIP n] [LIMIT n]`.
    case `return`(Projection)
}

/// The body shared by WITH and RETURN: items, DISTINCT, the ordering, the page, and (WITH only)
/// a filter on the projected rows.
struct Projection: Sendable {
    var distinct = false
    /// `*`: every variable in scope, by name.
    var star = false
    var items: [ReturnItem] = []
    var order: [SortItem] = []
    var skip: PatternExpression?
    var limit: PatternExpression?
    var predicate: PatternExpression?
    let location: QueryLocation
}
