extension StanceTable {
    /// The same table with rows and columns ordered so that similar ones sit together, by the
    /// seriation the overlap heatmap uses (``OverlapMatrix/clustered()``: the leaf order of an
    /// average-linkage clustering, neighbours joined in their most similar orientation).
    ///
    /// Two rows are as similar as their S-score over the columns either has a stance in,
    /// 1 − Σ |s_A − s_B| / |U| (a blank counts as 0), the measure `overlap` calls sScore; two
    /// columns likewise over the rows. Rows and columns start sorted by id, so ties go to the
    /// smaller id and the order is deterministic; blank rows and columns come last.
    ///
    /// - Complexity: O(rows³ + columns³).
    public func seriated() -> StanceTable {
        let byID = ordered(
            rows: actors.indices.sorted { actors[$0] < actors[$1] },
            columns: targets.indices.sorted { targets[$0] < targets[$1] })
        let values = byID.values
        let rowOrder = Self.clusterOrder(ids: byID.actors, vectors: values)
        let columns = byID.targets.indices.map { j in values.map { $0[j] } }
        let columnOrder = Self.clusterOrder(ids: byID.targets, vectors: columns)
        return byID.ordered(rows: rowOrder, columns: columnOrder)
    }

    /// The table in `order`: `labels` names nodes for ``StanceTable/Order/label``.
    func ordered(by order: StanceTable.Order, labels: (NodeID) -> String) -> StanceTable {
        switch order {
        case .similar:
            return seriated()
        case .id:
            return ordered(
                rows: actors.indices.sorted { actors[$0] < actors[$1] },
                columns: targets.indices.sorted { targets[$0] < targets[$1] })
        case .label:
            func byLabel(_ ids: [NodeID]) -> [Int] {
                let names = ids.map(labels)
                return ids.indices.sorted { names[$0] != names[$1] ? names[$0] < names[$1] : ids[$0] < ids[$1] }
            }
            return ordered(rows: byLabel(actors), columns: byLabel(targets))
        case .count:
            func byCount(_ ids: [NodeID], _ counts: [Int]) -> [Int] {
                ids.indices.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : ids[$0] < ids[$1] }
            }
            return ordered(rows: byCount(actors, rowCounts), columns: byCount(targets, columnCounts))
        }
    }

    /// The table with rows and columns permuted (indices into `actors` and `targets`).
    func ordered(rows: [Int], columns: [Int]) -> StanceTable {
        StanceTable(
            actors: rows.map { actors[$0] }, targets: columns.map { targets[$0] },
            cells: rows.map { i in columns.map { j in cells[i][j] } })
    }

    /// The seriation of vectors of s(t) (`nil`: blank), as indices, by the overlap heatmap's
    /// clustering of their S-score matrix.
    private static func clusterOrder(ids: [NodeID], vectors: [[Double?]]) -> [Int] {
        let k = ids.count
        var similarity = [[Double?]](repeating: [Double?](repeating: nil, count: k), count: k)
        for i in 0..<k {
            for j in i..<k {
                var union = 0
                var distance = 0.0
                for (a, b) in zip(vectors[i], vectors[j]) where a != nil || b != nil {
                    union += 1
                    distance += abs((a ?? 0) - (b ?? 0))
                }
                let value: Double? = union == 0 ? nil : 1 - distance / Double(union)
                similarity[i][j] = value
                similarity[j][i] = value
            }
        }
        let counts = vectors.map { $0.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }
        let matrix = OverlapMatrix(actors: ids, measure: .sScore, values: similarity, stanceCounts: counts).clustered()
        var place: [NodeID: Int] = [:]
        for (i, id) in ids.enumerated() { place[id] = i }
        return matrix.actors.compactMap { place[$0] }
    }
}
