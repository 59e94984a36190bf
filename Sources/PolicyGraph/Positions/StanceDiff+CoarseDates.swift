/// Stance edges dated only by a year or a month that holds the start of a compared range: each
/// counts as its first day, so it falls on or before the start and is on both sides of the
/// comparison, however late in that year or month it was taken.
public struct CoarseDateCount: Sendable, Hashable {
    /// How coarse the date is.
    public enum Precision: String, Sendable, Hashable {
        /// `YYYY`.
        case year
        /// `YYYY-MM`.
        case month
    }

    /// The date as written, `2024-05`.
    public let date: String
    /// Whether it names a year or a month.
    public let precision: Precision
    /// The day it counts as, `2024-05-01`.
    public let firstDay: String
    /// How many stance edges carry it.
    public let stances: Int
}

extension Graph {
    /// The stance edges (of `options.evidence`) whose date is a year or a month that contains
    /// the day `start` names more finely, counted by date: `2024-05` for a start of `2024-05-01`
    /// or `2024-05-31`, `2024` for `2024-03`. Dates as fine as `start` are never counted.
    ///
    /// - Complexity: O(m).
    func coarselyDatedStances(around start: String, options: PositionOptions) -> [CoarseDateCount] {
        guard PolicyDate.isValid(start), start.count > 4,
            let c = edgeTable.columns.firstIndex(where: { $0.name == Column.date })
        else { return [] }
        let column = edgeTable.columns[c]
        let evidence = options.evidence == Set(Evidence.allCases) ? [] : options.evidence
        var counts: [String: Int] = [:]
        for e in 0..<Int32(edgeCount) where schema.relations[Int(edgeTable.relations[Int(e)])].isStance {
            guard let date = column.value(at: Int(e)), date.count < start.count, PolicyDate.isValid(date),
                start.hasPrefix(date + "-")
            else { continue }
            if !evidence.isEmpty, let kind = self.evidence(ofEdge: e), !evidence.contains(kind) { continue }
            counts[date, default: 0] += 1
        }
        return counts.keys.sorted().map { date in
            CoarseDateCount(
                date: date, precision: date.count == 4 ? .year : .month,
                firstDay: date.count == 4 ? date + "-01-01" : date + "-01", stances: counts[date] ?? 0)
        }
    }
}
