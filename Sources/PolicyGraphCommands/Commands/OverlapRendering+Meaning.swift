import PolicyGraph

extension OverlapRendering {
    /// The measures table with, under each measure's row, the sentence of what it means for the
    /// pair (``Overlap/meaning(of:)``), indented.
    static func withMeanings(_ table: String, _ overlap: Overlap) -> String {
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false)
        var out = ""
        for (n, line) in lines.enumerated() where !(n == lines.count - 1 && line.isEmpty) {
            out += line + "\n"
            // The header and its underline come first; then one row per measure, in order.
            let row = n - 2
            if row >= 0, row < OverlapMeasure.allCases.count {
                out += "  \(overlap.meaning(of: OverlapMeasure.allCases[row]))\n"
            }
        }
        return out
    }
}
