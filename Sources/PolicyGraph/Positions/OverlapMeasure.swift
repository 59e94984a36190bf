/// A number for how far two actors' positions agree, over U = the targets on which either holds
/// a position (supports, opposes, or holds a neutral stance).
public enum OverlapMeasure: String, Sendable, CaseIterable, Hashable {
    /// (agree + halfway / 2) / |U|, in [0, 1]: a neutral position against a side is half an agreement.
    case jaccard
    /// (agree - conflict) / |U|, in [-1, 1].
    case signed
    /// Signorino and Ritter's S with d_max = 2 per item: 1 - Σ_U |s_A(t) - s_B(t)| / |U|, in [-1, 1].
    case sScore
    /// Cohen's weighted kappa over U with categories support, neutral, opposition, no stance:
    /// (p_o - p_e) / (1 - p_e), weight 1/2 between neutral and a side (see `AgreementTally`).
    case kappa
    /// Scott's pi over U, like kappa with the pooled category shares for p_e.
    case pi
    /// Agreement on the targets both take a stance on: agree / (agree + conflict), in [0, 1]
    /// (see ``Overlap/agreement``).
    case agreement

    /// The smallest value the measure takes (the largest is 1 for every measure).
    public var minimum: Double { self == .jaccard || self == .agreement ? 0 : -1 }
}

/// The counts every measure of a pair is computed from. Both the single-pair overlap and the
/// matrix fill one, so that they agree to the last bit.
///
/// A neutral position (s = 0 from a stance of polarity 0) is a category of its own, between
/// support and opposition: on a target both actors hold, the pair scores agreement
/// 1 - |sign_A - sign_B| / 2 and conflict |sign_A - sign_B| / 2, so neutral against support or
/// opposition is half an agreement and half a conflict (`halfway`), neutral against neutral an
/// agreement. Without neutral positions every value is what it was before they existed.
struct AgreementTally: Sendable, Equatable {
    /// |U|.
    var union = 0
    /// Shared targets with equal signs (both support, both oppose, or both neutral).
    var agree = 0
    /// Shared targets one supports and the other opposes.
    var conflict = 0
    /// Shared targets one holds neutral and the other supports or opposes.
    var halfway = 0
    /// How many targets of U each actor supports (s > 0), opposes (s < 0) and holds neutral; the
    /// rest of U is its "no stance" category.
    var firstPositive = 0
    var firstNegative = 0
    var firstNeutral = 0
    var secondPositive = 0
    var secondNegative = 0
    var secondNeutral = 0
    /// Σ_U |s_A(t) - s_B(t)|, s = 0 for no stance.
    var distance: Double = 0

    /// The measure's value, `nil` when U is empty, and for kappa and pi when p_e = 1.
    ///
    /// jaccard = (agree + halfway / 2) / n and signed = (agree - conflict) / n, n = |U|.
    /// Kappa and pi are weighted (Cohen's weighted kappa, Scott's pi likewise) over four
    /// categories: support, neutral, opposition and no stance, with agreement weight 1 on equal
    /// categories, 1/2 between neutral and support or opposition, 0 elsewhere; without neutral
    /// positions that is the plain kappa and pi over sign(s). They are computed from integer
    /// counts in halves, so that p_e = 1 is decided exactly: with O = Σ_U 2w = 2·agree + halfway
    /// and E = Σ_ij 2w_ij a_i b_j (a, b the category counts),
    /// kappa = (n·O - E) / (2n² - E), and with F = Σ_ij 2w_ij (a_i + b_i)(a_j + b_j),
    /// pi = (4n·O - F) / (8n² - F).
    func value(of measure: OverlapMeasure) -> Double? {
        guard union > 0 else { return nil }
        let n = Double(union)
        switch measure {
        case .jaccard:
            return Double(2 * agree + halfway) / (2 * n)
        case .signed:
            return Double(agree - conflict) / n
        case .sScore:
            return 1 - distance / n
        case .kappa:
            let chance = Self.weightedSum(firstCategories, secondCategories)
            let denominator = 2 * union * union - chance
            guard denominator != 0 else { return nil }
            return Double(union * observed - chance) / Double(denominator)
        case .pi:
            let pooled = zip(firstCategories, secondCategories).map { $0 + $1 }
            let chance = Self.weightedSum(pooled, pooled)
            let denominator = 8 * union * union - chance
            guard denominator != 0 else { return nil }
            return Double(4 * union * observed - chance) / Double(denominator)
        case .agreement:
            return SharedAgreement(agree: Double(agree) + Double(halfway) / 2, conflict: Double(conflict) + Double(halfway) / 2).share
        }
    }

    /// Σ_U 2w over the targets of U: 2 per equal category, 1 per neutral against a side.
    private var observed: Int { 2 * agree + halfway }

    /// Category counts in the order support, neutral, opposition, no stance.
    private var firstCategories: [Int] {
        [firstPositive, firstNeutral, firstNegative, union - firstPositive - firstNegative - firstNeutral]
    }

    private var secondCategories: [Int] {
        [secondPositive, secondNeutral, secondNegative, union - secondPositive - secondNegative - secondNeutral]
    }

    /// Agreement weights in halves between the categories support, neutral, opposition, no stance.
    private static let halfWeights: [[Int]] = [
        [2, 1, 0, 0],
        [1, 2, 1, 0],
        [0, 1, 2, 0],
        [0, 0, 0, 2],
    ]

    /// Σ_ij 2w_ij a_i b_j.
    private static func weightedSum(_ a: [Int], _ b: [Int]) -> Int {
        var sum = 0
        for i in 0..<4 { for j in 0..<4 { sum += halfWeights[i][j] * a[i] * b[j] } }
        return sum
    }
}

/// What the tally needs of one actor alone: its positions counted by sign, and Σ |s(t)|.
struct StanceSummary: Sendable, Equatable {
    var count = 0
    var positive = 0
    var negative = 0
    var absoluteSum: Double = 0

    /// Neutral positions: the rest of the count.
    var neutral: Int { count - positive - negative }

    /// Sums in target-row order, the order the matrix uses too.
    init(_ vector: [StanceValue]) {
        count = vector.count
        for stance in vector {
            if stance.value > 0 { positive += 1 } else if stance.value < 0 { negative += 1 }
            absoluteSum += abs(stance.value)
        }
    }
}

/// What the tally needs of the targets two actors share (both hold a position): how many agree,
/// conflict and meet halfway (neutral against a side), and Σ (|s_A - s_B| - |s_A| - |s_B|),
/// added in target-row order.
///
/// Σ_U |s_A - s_B| = Σ_A |s_A| + Σ_B |s_B| + that correction, because on a target only one of
/// them takes a stance the other's s is 0. So the matrix needs per pair only what their shared
/// targets contribute, which an inverted index target → stances gives.
struct SharedTargets: Sendable, Equatable {
    var agree: Int32 = 0
    var conflict: Int32 = 0
    var halfway: Int32 = 0
    var correction: Double = 0

    /// Whether the pair shares no target yet.
    var isEmpty: Bool { agree == 0 && conflict == 0 && halfway == 0 }

    @inline(__always)
    mutating func add(_ a: Double, _ b: Double) {
        let signA = a > 0 ? 1 : a < 0 ? -1 : 0
        let signB = b > 0 ? 1 : b < 0 ? -1 : 0
        switch abs(signA - signB) {
        case 0: agree += 1
        case 1: halfway += 1
        default: conflict += 1
        }
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

    /// How many targets the pair shares.
    var count: Int { Int(agree) + Int(conflict) + Int(halfway) }
}

extension AgreementTally {
    /// The tally of a pair from the two actors' summaries and their shared targets.
    init(first: StanceSummary, second: StanceSummary, shared: SharedTargets) {
        union = first.count + second.count - shared.count
        agree = Int(shared.agree)
        conflict = Int(shared.conflict)
        halfway = Int(shared.halfway)
        firstPositive = first.positive
        firstNegative = first.negative
        firstNeutral = first.neutral
        secondPositive = second.positive
        secondNegative = second.negative
        secondNeutral = second.neutral
        // Rounding may leave a trace below 0 where the positions are equal.
        distance = max(0, (first.absoluteSum + second.absoluteSum) + shared.correction)
    }
}
