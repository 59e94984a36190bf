/// A number for how far two actors' positions agree, over U = the targets on which either takes
/// a non-zero stance.
public enum OverlapMeasure: String, Sendable, CaseIterable, Hashable {
    /// agree / |U|, in [0, 1].
    case jaccard
    /// (agree - conflict) / |U|, in [-1, 1].
    case signed
    /// Signorino and Ritter's S with d_max = 2 per item: 1 - Σ_U |s_A(t) - s_B(t)| / |U|, in [-1, 1].
    case sScore
    /// Cohen's kappa over U with categories sign(s) in {-1, 0, +1}: (p_o - p_e) / (1 - p_e),
    /// p_e = Σ_c p_A(c) p_B(c).
    case kappa
    /// Scott's pi over U, like kappa with p_e = Σ_c ((p_A(c) + p_B(c)) / 2)².
    case pi
    /// Agreement on the targets both take a stance on: agree / (agree + conflict), in [0, 1]
    /// (see ``Overlap/agreement``).
    case agreement

    /// The smallest value the measure takes (the largest is 1 for every measure).
    public var minimum: Double { self == .jaccard || self == .agreement ? 0 : -1 }
}

/// The counts every measure of a pair is computed from. Both the single-pair overlap and the
/// matrix fill one, so that they agree to the last bit.
struct AgreementTally: Sendable, Equatable {
    /// |U|.
    var union = 0
    var agree = 0
    var conflict = 0
    /// How many targets of U each actor supports (s > 0) and opposes (s < 0); the rest of U is
    /// its 0 category.
    var firstPositive = 0
    var firstNegative = 0
    var secondPositive = 0
    var secondNegative = 0
    /// Σ_U |s_A(t) - s_B(t)|.
    var distance: Double = 0

    /// The measure's value, `nil` when U is empty, and for kappa and pi when p_e = 1.
    ///
    /// Kappa and pi are computed from integer counts, so that p_e = 1 is decided exactly:
    /// with n = |U| and counts a_c, b_c per category, p_o = agree / n (in U two equal
    /// categories are two equal non-zero signs), and
    /// kappa = (n·agree - Σ a_c b_c) / (n² - Σ a_c b_c),
    /// pi = (4n·agree - Σ (a_c + b_c)²) / (4n² - Σ (a_c + b_c)²).
    func value(of measure: OverlapMeasure) -> Double? {
        guard union > 0 else { return nil }
        let n = Double(union)
        switch measure {
        case .jaccard:
            return Double(agree) / n
        case .signed:
            return Double(agree - conflict) / n
        case .sScore:
            return 1 - distance / n
        case .kappa:
            let chance = categories.reduce(0) { $0 + $1.first * $1.second }
            let denominator = union * union - chance
            guard denominator != 0 else { return nil }
            return Double(union * agree - chance) / Double(denominator)
        case .pi:
            let chance = categories.reduce(0) { $0 + ($1.first + $1.second) * ($1.first + $1.second) }
            let denominator = 4 * union * union - chance
            guard denominator != 0 else { return nil }
            return Double(4 * union * agree - chance) / Double(denominator)
        case .agreement:
            return SharedAgreement(agree: Double(agree), conflict: Double(conflict)).share
        }
    }

    /// Per category +1, -1, 0: how many targets of U each actor puts in it.
    private var categories: [CategoryCount] {
        [
            CategoryCount(first: firstPositive, second: secondPositive),
            CategoryCount(first: firstNegative, second: secondNegative),
            CategoryCount(first: union - firstPositive - firstNegative, second: union - secondPositive - secondNegative),
        ]
    }

    private struct CategoryCount {
        let first: Int
        let second: Int
    }
}

/// What the tally needs of one actor alone: its non-zero stances counted by sign, and Σ |s(t)|.
struct StanceSummary: Sendable, Equatable {
    var count = 0
    var positive = 0
    var negative = 0
    var absoluteSum: Double = 0

    /// Sums in target-row order, the order the matrix uses too.
    init(_ vector: [StanceValue]) {
        count = vector.count
        for stance in vector {
            if stance.value > 0 { positive += 1 } else { negative += 1 }
            absoluteSum += abs(stance.value)
        }
    }
}

/// What the tally needs of the targets two actors share (both non-zero): how many agree and
/// conflict, and Σ (|s_A - s_B| - |s_A| - |s_B|), added in target-row order.
///
/// Σ_U |s_A - s_B| = Σ_A |s_A| + Σ_B |s_B| + that correction, because on a target only one of
/// them takes a stance the other's s is 0. So the matrix needs per pair only what their shared
/// targets contribute, which an inverted index target → stances gives.
struct SharedTargets: Sendable, Equatable {
    var agree: Int32 = 0
    var conflict: Int32 = 0
    var correction: Double = 0

    @inline(__always)
    mutating func add(_ a: Double, _ b: Double) {
        if (a > 0) == (b > 0) { agree += 1 } else { conflict += 1 }
        correction += abs(a - b) - abs(a) - abs(b)
    }

    /// Merges two row-sorted stance vectors.
    init(_ first: [StanceValue], _ second: [StanceValue]) {
        var i = 0
        var j = 0
        while i < first.count, j < second.count {
            if first[i].target < second[j].target {
                i += 1
            } else if first[i].target > second[j].target {
                j += 1
            } else {
                add(first[i].value, second[j].value)
                i += 1
                j += 1
            }
        }
    }

    init() {}
}

extension AgreementTally {
    /// The tally of a pair from the two actors' summaries and their shared targets.
    init(first: StanceSummary, second: StanceSummary, shared: SharedTargets) {
        let common = Int(shared.agree) + Int(shared.conflict)
        union = first.count + second.count - common
        agree = Int(shared.agree)
        conflict = Int(shared.conflict)
        firstPositive = first.positive
        firstNegative = first.negative
        secondPositive = second.positive
        secondNegative = second.negative
        // Rounding may leave a trace below 0 where the positions are equal.
        distance = max(0, (first.absoluteSum + second.absoluteSum) + shared.correction)
    }
}
