extension DOTRenderer {
    /// How an inferred stance is drawn: its colour at half opacity (`#rrggbb80`) and dashed,
    /// so that the holder's own words stand out from the authors' reading of them.
    static func inferredLook(color: String, style: String) -> (color: String, style: String) {
        let pale = color.hasPrefix("#") && color.count == 7 ? color + "80" : color
        let dashed = style == "solid" || style.isEmpty ? "dashed" : style
        return (pale, dashed)
    }
}

extension DOTRenderer {
    /// The legend's line for inferred stances: a grey edge drawn the inferred way.
    static func inferredLegendEntry(prefix: String, renderer: DOTRenderer) -> String {
        let look = inferredLook(color: DOTStyle.neutralColor, style: "solid")
        let from = DOT.quote(prefix + "evidence:inferred:from")
        let to = DOT.quote(prefix + "evidence:inferred:to")
        let end = renderer.attributes([("label", ""), ("shape", "point"), ("width", "0.06"), ("color", look.color)])
        return "    \(from) \(end);\n    \(to) \(end);\n    \(from) -> \(to) "
            + renderer.attributes([("label", "inferred (a reading, not the holder's words)"),
                                   ("tooltip", "evidence: inferred; stated and reported stances are drawn solid"),
                                   ("color", look.color), ("fontcolor", DOTStyle.neutralColor), ("style", look.style),
                                   ("arrowhead", "normal"), ("penwidth", "1")]) + ";\n"
    }
}
