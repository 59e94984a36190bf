extension QueryResult {
    /// The cell of `column` (a RETURN item's name) in row `row`; `nil` when no column has that name.
    ///
    /// `result[row: 0, "c.label"]` reads like the query that made it, where `rows[0][1]` needs the
    /// RETURN clause beside it.
    public subscript(row row: Int, column: String) -> QueryValue? {
        guard let c = columns.firstIndex(of: column) else { return nil }
        return rows[row][c]
    }

    /// Every cell of `column`, top to bottom; `nil` when no column has that name.
    public func values(of column: String) -> [QueryValue]? {
        guard let c = columns.firstIndex(of: column) else { return nil }
        return rows.map { $0[c] }
    }
}
