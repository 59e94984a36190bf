/// How far two actors agree on the targets both take a position on, ignoring the targets only
/// one of them addresses: agree ÷ (agree + conflict).
///
/// Each shared target adds 1 − |s_A − s_B| / 2 to agree and |s_A − s_B| / 2 to conflict, with s
/// the sign of the position (+1, 0 for a neutral position, −1): the same side counts 1 agree,
/// opposite sides 1 conflict, and a neutral position against a side half of each.
package struct SharedAgreement: Sendable, Hashable {
    /// Σ over shared targets of 1 − |s_A − s_B| / 2.
    package let agree: Double
    /// Σ over shared targets of |s_A − s_B| / 2.
    package let conflict: Double

    /// Sums as given.
    package init(agree: Double, conflict: Double) {
        self.agree = agree
        self.conflict = conflict
    }

    /// The sums over pairs of signs, one pair (s_A, s_B) per shared target.
    package init(signs: [SignPair]) {
        var agree = 0.0
        var conflict = 0.0
        for pair in signs {
            let half = Double(abs(pair.first.signum() - pair.second.signum())) / 2
            agree += 1 - half
            conflict += half
        }
        self.init(agree: agree, conflict: conflict)
    }

    /// agree ÷ (agree + conflict); `nil` when both are 0 (no shared target).
    package var share: Double? {
        let total = agree + conflict
        return total > 0 ? agree / total : nil
    }
}

/// The signs of two actors' positions on one target.
package struct SignPair: Sendable, Hashable {
    package let first: Int
    package let second: Int

    /// Signs as given; any integer is read by its sign.
    package init(_ first: Int, _ second: Int) {
        self.first = first
        self.second = second
    }
}

extension Overlap {
    /// Agreement on the targets both take a stance on (`SharedAgreement`): agree ÷
    /// (agree + conflict); `nil` when they share no target. Unlike the other measures, targets
    /// only one of them addresses do not pull it down.
    public var agreement: Double? {
        SharedAgreement(signs: (agree + conflict + halfway).map { SignPair($0.first.sign, $0.second.sign) }).share
    }
}
