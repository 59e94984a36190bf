/// Which pairs an agreement network draws, so that many actors do not make a hairball: only
/// pairs whose measure reaches a threshold, and only each actor's strongest ties.
public struct NetworkSelection: Sendable, Hashable {
    /// Keep a pair only when its value is at least this.
    public var minimum: Double?
    /// Keep a pair only when it is among the `top` highest values of one of its two actors (ties
    /// broken by the other actor's place in the matrix).
    public var top: Int?

    public init(minimum: Double? = nil, top: Int? = nil) {
        self.minimum = minimum
        self.top = top
    }

    /// Whether nothing is filtered.
    public var isEmpty: Bool { minimum == nil && top == nil }

    /// Per pair `i < j` of the matrix, whether it is drawn: defined, not 0, and within the limits.
    ///
    /// - Complexity: O(actors² log actors).
    public func keeps(_ matrix: OverlapMatrix) -> [[Bool]] {
        let k = matrix.actors.count
        var kept = [[Bool]](repeating: [Bool](repeating: false, count: k), count: k)
        func candidate(_ i: Int, _ j: Int) -> Double? {
            guard i != j, let value = matrix.values[i][j], value != 0 else { return nil }
            if let minimum, value < minimum { return nil }
            return value
        }
        for i in 0..<k {
            let others = (0..<k).compactMap { j in candidate(i, j).map { (j, $0) } }
            let chosen =
                top.map { limit in
                    Array(others.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(max(0, limit)))
                } ?? others
            for (j, _) in chosen {
                kept[i][j] = true
                kept[j][i] = true
            }
        }
        return kept
    }

    /// `≥ 0.5, top 3 per actor`, empty when nothing is filtered.
    var summary: String {
        var parts: [String] = []
        if let minimum { parts.append("≥ \(minimum)") }
        if let top { parts.append("top \(top) per actor") }
        return parts.joined(separator: ", ")
    }
}
