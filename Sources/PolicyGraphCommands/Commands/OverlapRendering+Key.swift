import PolicyGraph

extension OverlapRendering {
    /// The heatmap's default title, which reads the same for every measure: "agreement of
    /// 6 country actors, by kappa".
    static func heatmapTitle(measure: OverlapMeasure, actors: String) -> String {
        "agreement of \(actors), by \(measure.rawValue)"
    }

    /// The line under the matrix text saying what a `-` cell means for the measure; `nil` when
    /// no cell is undefined.
    static func undefinedKey(_ matrix: OverlapMatrix) -> String? {
        guard matrix.values.contains(where: { $0.contains(where: { $0 == nil }) }) else { return nil }
        let why: String
        switch matrix.measure {
        case .jaccard, .signed, .sScore: why = "neither actor holds a stance"
        case .kappa, .pi: why = "neither actor holds a stance, or both put every target in one category so chance explains all agreement"
        case .agreement: why = "no target on which both actors hold a stance"
        }
        return "-: undefined (\(why))"
    }
}
