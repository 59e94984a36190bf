import PolicyGraph

extension OverlapRendering {
    /// The heatmap's default title, which reads the same for every measure: "agreement of
    /// 6 country actors, by kappa".
    static func heatmapTitle(measure: OverlapMeasure, actors: String) -> String {
        "agreement of \(actors), by \(measure.rawValue)"
    }
}
