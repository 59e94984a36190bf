extension DOTRenderer {
    /// How an inferred stance is drawn: its colour at half opacity (`#rrggbb80`) and dashed,
    /// so that the holder's own words stand out from the authors' reading of them.
    static func inferredLook(color: String, style: String) -> (color: String, style: String) {
        let pale = color.hasPrefix("#") && color.count == 7 ? color + "80" : color
        let dashed = style == "solid" || style.isEmpty ? "dashed" : style
        return (pale, dashed)
    }
}
