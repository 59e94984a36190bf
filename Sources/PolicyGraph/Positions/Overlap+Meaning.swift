extension Overlap {
    /// One plain sentence saying what the value of `measure` means for this pair, in the words of
    /// its counts: printed under each measure so that a reader need not know the formula.
    ///
    /// The sentences name what pulls a measure down that a reader would not expect, such as
    /// targets only one actor addresses, which count against every measure but agreement.
    public func meaning(of measure: OverlapMeasure) -> String {
        let n = union
        let shared = agree.count + conflict.count + halfway.count
        // A neutral position against a side counts half an agreement and half a conflict.
        let neutral = halfway.isEmpty ? "" : ", and on \(Self.targets(halfway.count)) one is neutral where the other takes a side (half each)"
        let only = onlyFirst.count + onlySecond.count
        guard n > 0 else { return "undefined: neither takes a stance on anything, so there is nothing to compare." }
        let either = "the \(Self.targets(n)) either takes a stance on"
        switch measure {
        case .jaccard:
            return "they take the same side on \(agree.count) of \(either)\(neutral)."
        case .signed:
            let lead = agree.count - conflict.count
            let pull = only == 0 ? "" : "; the \(Self.targets(only)) only one addresses \(only == 1 ? "pulls" : "pull") it towards 0"
            if lead > 0 { return "they agree on \(Self.targets(lead)) more than they conflict on, out of \(either)\(pull)." }
            if lead < 0 { return "they conflict on \(Self.targets(-lead)) more than they agree on, out of \(either)\(pull)." }
            return "they agree as often as they conflict (\(agree.count) each), out of \(either)."
        case .sScore:
            let gap = sScore.map { 1 - $0 } ?? 0
            return "their stances are \(Self.decimals(gap)) apart on average on a scale from −1 to +1 (gaps run from 0: the same, to 2: opposite; "
                + "sScore = 1 − the average gap), over \(either); a target only one addresses is as far apart as that one's stance."
        case .kappa, .pi:
            let random =
                measure == .kappa ? "two actors taking these stances at random" : "two actors drawing at random from their pooled stances"
            guard let value = value(of: measure) else {
                return "undefined: both take one and the same side on all of \(either), so chance alone explains their agreement."
            }
            var sentence: String
            if value > 0 {
                sentence = "\(measure.rawValue) > 0: they agree more often than \(random) would"
            } else if value < 0 {
                sentence = "\(measure.rawValue) < 0: they agree less often than \(random) would"
            } else {
                sentence = "\(measure.rawValue) = 0: they agree exactly as often as \(random) would"
            }
            if value <= 0, agree.count > conflict.count, only > 0 {
                sentence += ", although they agree on \(agree.count) and conflict on \(conflict.count) of the targets both address: "
                sentence +=
                    "the \(Self.targets(only)) only one addresses \(only == 1 ? "counts as a disagreement" : "count as disagreements")"
            }
            return sentence + "."
        case .agreement:
            guard shared > 0 else { return "undefined: they take no stance on a common target." }
            let left = only == 0 ? "" : "; the \(Self.targets(only)) only one addresses \(only == 1 ? "is" : "are") left out"
            return
                "on the \(Self.targets(shared)) both take a stance on, they agree on \(agree.count) and conflict on \(conflict.count)\(neutral)\(left)."
        }
    }

    /// `1 target`, `3 targets`.
    private static func targets(_ count: Int) -> String { count == 1 ? "1 target" : "\(count) targets" }

    /// Two decimals: `0.25`, `1.00`.
    private static func decimals(_ value: Double) -> String {
        let hundredths = Int((abs(value) * 100).rounded())
        let fraction = hundredths % 100
        return "\(value < 0 && hundredths != 0 ? "-" : "")\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
