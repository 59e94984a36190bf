extension OverlapMatrix {
    /// The same matrix with rows and columns ordered so that similar actors sit together: the
    /// leaf order of an average-linkage (UPGMA) clustering, so blocks of allies show as squares
    /// along the diagonal of a heatmap.
    ///
    /// The distance between two actors is 1 - the measure scaled to [0, 1] (an undefined cell
    /// counts as the least similar). At each merge the two clusters are joined end to end in
    /// whichever of the four orientations puts the most similar actors next to each other.
    /// Ties go to the earlier clusters and orientations, so the order is deterministic. Actors
    /// without any stance (per `stanceCounts`) have nothing to be similar about: they come
    /// last, in their order.
    ///
    /// - Complexity: O(actors³) time, O(actors²) memory: fine for the few hundred actors a
    ///   heatmap can show.
    public func clustered() -> OverlapMatrix {
        let silent = stanceCounts.map { counts in actors.indices.filter { counts[$0] == 0 } } ?? []
        let active = actors.indices.filter { !silent.contains($0) }
        return permuted(clusterOrder(of: active) + silent)
    }

    /// The leaf order of the clustering of the actors at `rows`, as indices into `actors`.
    private func clusterOrder(of rows: [Int]) -> [Int] {
        let k = rows.count
        guard k > 2 else { return rows }
        let low = measure.minimum
        var similarity = [Double](repeating: 0, count: k * k)
        for i in 0..<k {
            for j in 0..<k {
                similarity[i * k + j] = values[rows[i]][rows[j]].map { max(0, min(1, ($0 - low) / (1 - low))) } ?? 0
            }
        }
        // Clusters by slot; `distance` holds the average-linkage distance between live slots.
        var leaves: [[Int]] = (0..<k).map { [$0] }
        var alive = [Bool](repeating: true, count: k)
        var distance = similarity.map { 1 - $0 }
        for _ in 1..<k {
            var bestPair = (0, 0)
            var bestDistance = Double.infinity
            for a in 0..<k where alive[a] {
                for b in (a + 1)..<k where alive[b] && distance[a * k + b] < bestDistance {
                    bestDistance = distance[a * k + b]
                    bestPair = (a, b)
                }
            }
            let (a, b) = bestPair
            let sizeA = Double(leaves[a].count)
            let sizeB = Double(leaves[b].count)
            for c in 0..<k where alive[c] && c != a && c != b {
                let merged = (distance[a * k + c] * sizeA + distance[b * k + c] * sizeB) / (sizeA + sizeB)
                distance[a * k + c] = merged
                distance[c * k + a] = merged
            }
            leaves[a] = Self.join(leaves[a], leaves[b], similarity: similarity, k: k)
            alive[b] = false
        }
        guard let root = (0..<k).first(where: { alive[$0] }) else { return rows }
        return leaves[root].map { rows[$0] }
    }

    /// `x` and `y` joined end to end, each possibly reversed, so that the two actors that meet
    /// are as similar as can be.
    private static func join(_ x: [Int], _ y: [Int], similarity: [Double], k: Int) -> [Int] {
        let options = [
            (x, y), (x, Array(y.reversed())), (Array(x.reversed()), y), (Array(x.reversed()), Array(y.reversed())),
        ]
        var best = options[0]
        var bestSimilarity = -Double.infinity
        for option in options {
            guard let end = option.0.last, let start = option.1.first else { continue }
            let s = similarity[end * k + start]
            if s > bestSimilarity {
                bestSimilarity = s
                best = option
            }
        }
        return best.0 + best.1
    }
}
