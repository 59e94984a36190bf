/// How many of a graph's stance edges carry a date.
package struct StanceDating: Sendable, Hashable {
    /// Edges whose relation has a polarity.
    package let stances: Int
    /// Of those, the ones with a valid `date`.
    package let dated: Int

    /// `dated / stances`; `nil` when there is no stance.
    package var share: Double? { stances == 0 ? nil : Double(dated) / Double(stances) }
}

extension Graph {
    /// How many stance edges are dated: the share `timeline` and `--as-of` can place in time.
    ///
    /// - Complexity: O(m).
    package var stanceDating: StanceDating {
        let polar = schema.relations.map(\.isStance)
        let dates = edgeTable.columns.first { $0.name == Column.date }
        var stances = 0, dated = 0
        for e in 0..<edgeCount where polar[Int(edgeTable.relations[e])] {
            stances += 1
            if let text = dates?.value(at: e), PolicyDate.isValid(text) { dated += 1 }
        }
        return StanceDating(stances: stances, dated: dated)
    }
}
