/// How the planner will run a pattern query, step by step: where matching starts, each
/// expansion in order, and the leaves it counts instead of enumerating.
///
/// Rendered as the steps joined by `; `, e.g. `scan c:country; count f from c:country (scan)`.
public struct QueryPlan: Sendable, Hashable, CustomStringConvertible {
    /// The steps in the order they run, each in words (`scan a`, `expand a -[:memberOf]- x`).
    public let steps: [String]

    public init(steps: [String]) { self.steps = steps }

    public var description: String { steps.joined(separator: "; ") }
}
