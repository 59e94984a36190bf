/// How a WITH or RETURN of the pipeline orders and pages its rows, decided here for the run and
/// for EXPLAIN alike.
enum ProjectionOrder: Equatable {
    /// LIMIT without ORDER BY in a final RETURN without aggregates: the first rows as they came
    /// (the clauses before stopped there), then sorted by the columns.
    case firstRows
    /// ORDER BY (or a final RETURN) with LIMIT: the first SKIP + LIMIT rows of the sort, kept
    /// in a bounded heap.
    case top
    /// ORDER BY, or a final RETURN (by the columns), without LIMIT: every row sorted.
    case sortAll
    /// WITH without ORDER BY, or a RETURN after WITH ... ORDER BY: the rows keep their order.
    case asTheyCome

    init(_ projection: Projection, final: Bool, aggregating: Bool, limit: Int?) {
        if limit != nil, projection.order.isEmpty, final, !aggregating {
            self = .firstRows
        } else if !projection.order.isEmpty || final {
            self = limit != nil ? .top : .sortAll
        } else {
            self = .asTheyCome
        }
    }
}
