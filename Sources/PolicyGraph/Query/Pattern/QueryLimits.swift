/// How much work a pattern query may do before it stops with an error.
///
/// The number of matches of a pattern can grow without bound in the size of the graph (an
/// undirected `-[*]-` enumerates every edge-distinct walk, `(a),(b),(c),(d)` every quadruple of
/// nodes), so a query that looks harmless can run for hours. The matcher counts its steps (each
/// node it tries to bind, each edge it tries to follow or extend a path with) and stops with
/// ``QueryError/Reason/workLimit(steps:)`` once they pass ``maxSteps``. Counted leaves
/// (`LeafPlan`) cost one step per core match however many matches they stand for, so
/// `count(*)` of millions of matches stays cheap; a table of such counts costs the nodes and
/// edges it reads once.
public struct QueryLimits: Hashable, Sendable {
    /// The most steps of matching a query may take; `nil` for no limit.
    public var maxSteps: Int?
    /// The most rows a query's result (or any stream between its clauses) may hold; `nil` for no
    /// limit. Bounds output as ``maxSteps`` bounds work: a query that matches little can still
    /// build millions of rows.
    public var maxRows: Int?

    public init(maxSteps: Int?, maxRows: Int? = QueryLimits.defaultMaxRows) {
        self.maxSteps = maxSteps
        self.maxRows = maxRows
    }

    /// One million rows: far more than a person reads, little enough to print.
    public static let defaultMaxRows = 1_000_000

    /// 20 million steps: one to three seconds of matching. The README's queries take at most a
    /// few hundred steps, the benchmark's (1M nodes, 10M edges) about a million (a table of counts
    /// reads an edge list once).
    public static let `default` = QueryLimits(maxSteps: 20_000_000)
    /// No limit: the query runs until it is done.
    public static let unlimited = QueryLimits(maxSteps: nil, maxRows: nil)
}

extension QueryLimits {
    /// The step count the matcher compares with: `Int.max` stands for no limit.
    var stepCap: Int { maxSteps.map { max(0, $0) } ?? Int.max }
}
