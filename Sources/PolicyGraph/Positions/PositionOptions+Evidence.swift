extension Graph {
    /// A filter over the `evidence` column keeping the edges of `kinds` (empty cells count as
    /// ``Evidence/unstated``); `nil` when every edge is kept. Reuses the date filter's shape:
    /// one decision per distinct cell value, then an array access per edge.
    func evidenceFilter(_ kinds: Set<Evidence>) -> DateFilter? {
        guard !kinds.isEmpty, kinds != Set(Evidence.allCases) else { return nil }
        guard let c = edgeTable.columns.firstIndex(where: { $0.name == Column.evidence }) else {
            // No column: every edge is unstated.
            return kinds.contains(.unstated) ? nil : DateFilter(codes: CodeArray([UInt32](repeating: 1, count: edgeCount), distinct: 1), keptValues: [false])
        }
        let column = edgeTable.columns[c]
        let keptValues = column.values.map { value in Evidence(rawValue: value).map { kinds.contains($0) } ?? false }
        return EmptyAware(codes: column.codes, keptValues: keptValues, keepsEmpty: kinds.contains(.unstated)).filter
    }
}

/// The date filter keeps empty cells; the evidence filter keeps them only when unstated
/// evidence is chosen. Empty cells (code 0) are mapped to a value of their own.
private struct EmptyAware {
    let codes: CodeArray
    let keptValues: [Bool]
    let keepsEmpty: Bool

    var filter: DateFilter {
        if keepsEmpty { return DateFilter(codes: codes, keptValues: keptValues) }
        // Re-code: 0 (empty) becomes a dropped value after the others.
        let dropped = UInt32(keptValues.count + 1)
        let recoded = (0..<codes.count).map { i -> UInt32 in
            let code = UInt32(codes[i])
            return code == 0 ? dropped : code
        }
        return DateFilter(codes: CodeArray(recoded, distinct: keptValues.count + 1), keptValues: keptValues + [false])
    }
}
