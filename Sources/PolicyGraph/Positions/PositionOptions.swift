/// Which stance edges make up an actor's position.
///
/// The defaults take the actor's own stance edges on targets of every kind, whatever their date.
public struct PositionOptions: Sendable, Hashable {
    /// Whether the stances of the actor's members count as its own: every node with a `memberOf`
    /// path to the actor (officials → agency → country). Each member counts once, however many
    /// paths lead to it, and cycles of `memberOf` are safe. The actor's own stance edges and its
    /// members' are summed before the clamp, so a country and its ministry supporting the same
    /// framework make +2, clamped to +1, and a ministry's opposition cancels the country's support.
    public var inherit: Bool
    /// Only targets of these kinds (every kind when empty).
    public var targetKinds: Set<Kind>
    /// Only edges dated on or before this day (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); undated edges
    /// are timeless and always kept. A year or a month stands for its first day on both sides:
    /// `2024-05` is 2024-05-01, so an edge dated `2024-05` is kept as of `2024-05-01` and an
    /// edge dated `2024-05-14` is not kept as of `2024-05`. With `inherit`, the date also applies
    /// to the `memberOf` edges: a member who joined later does not speak for the actor yet.
    public var asOf: String?
    /// Whether a stance on a narrower target also counts for each broader one (following
    /// `partOf` edges transitively): see ``Graph/position(of:options:)``.
    public var rollUp = false
    /// Only stance edges attested this way (every edge when empty); an edge with an empty
    /// `evidence` cell counts as ``Evidence/unstated``. `memberOf` edges are not filtered.
    public var evidence: Set<Evidence>

    public init(inherit: Bool = false, targetKinds: Set<Kind> = [], asOf: String? = nil, rollUp: Bool = false,
                evidence: Set<Evidence> = []) {
        self.inherit = inherit
        self.targetKinds = targetKinds
        self.asOf = asOf
        self.rollUp = rollUp
        self.evidence = evidence
    }
}

/// A date of the `date` column as one comparable number, `yyyymmdd`, a year or month standing for
/// its first day.
enum DayNumber {
    /// `nil` when `text` is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real day.
    static func parse(_ text: String) -> Int? {
        guard PolicyDate.isValid(text) else { return nil }
        let parts = text.split(separator: "-").map { Int($0) ?? 1 }
        let year = parts[0]
        let month = parts.count > 1 ? parts[1] : 1
        let day = parts.count > 2 ? parts[2] : 1
        return year * 10_000 + month * 100 + day
    }
}

extension Graph {
    /// The options checked against the graph, in the form the position engine uses: a mask over
    /// `schema.kinds` and a predicate on edge rows for the date.
    func resolved(_ options: PositionOptions) throws(QueryError) -> ResolvedPositionOptions {
        var kindMask: [Bool]?
        if !options.targetKinds.isEmpty {
            for kind in options.targetKinds.sorted() { _ = try checkedKind(kind.rawValue) }
            kindMask = schema.kinds.map { options.targetKinds.contains($0.kind) }
        }
        var dateFilter: DateFilter?
        if let asOf = options.asOf {
            guard let limit = DayNumber.parse(asOf) else {
                throw QueryError(.invalidArgument("'\(asOf)' is not a valid date; write YYYY, YYYY-MM or YYYY-MM-DD"))
            }
            if let c = edgeTable.columns.firstIndex(where: { $0.name == Column.date }) {
                let column = edgeTable.columns[c]
                // One decision per distinct date, then an array access per edge.
                let keptValues = column.values.map { (DayNumber.parse($0) ?? Int.max) <= limit }
                dateFilter = DateFilter(codes: column.codes, keptValues: keptValues)
            }
        }
        let polarity = schema.relations.map { Double($0.polarity) }
        let isStance = schema.relations.map(\.isStance)
        let memberOf = schema.relationIndex[.memberOf].map { UInt16($0) }
        var resolved = ResolvedPositionOptions(inherit: options.inherit, kindMask: kindMask, dateFilter: dateFilter,
                                               polarity: polarity, isStance: isStance, memberOf: memberOf,
                                               evidenceFilter: evidenceFilter(options.evidence))
        if options.rollUp { resolved.rollUp = RollUp(self, resolved) }
        return resolved
    }
}

/// Keeps the edge rows whose date is on or before a day; rows without a date are kept.
struct DateFilter: Sendable {
    let codes: CodeArray
    /// Per distinct value of the date column: whether it is on or before the day.
    let keptValues: [Bool]

    @inline(__always)
    func keeps(_ edge: Int32) -> Bool {
        let code = codes[Int(edge)]
        return code == 0 || keptValues[Int(code) - 1]
    }
}

/// ``PositionOptions`` checked and turned into masks over the graph's tables.
struct ResolvedPositionOptions: Sendable {
    let inherit: Bool
    /// Per index of `schema.kinds`: whether targets of that kind count; `nil` for every kind.
    let kindMask: [Bool]?
    let dateFilter: DateFilter?
    /// Per index of `schema.relations`: the stance polarity (+1, -1, 0).
    let polarity: [Double]
    /// Per index of `schema.relations`: whether it is a stance (a neutral one has polarity 0).
    let isStance: [Bool]
    /// The index of `memberOf` in `schema.relations`, when the schema has it.
    let memberOf: UInt16?
    /// Keeps the stance edges of the chosen evidence; `nil` keeps every edge.
    var evidenceFilter: DateFilter? = nil
    /// With roll-up: the broader targets of each target, and the options without the kind mask.
    var rollUp: RollUp?
}
