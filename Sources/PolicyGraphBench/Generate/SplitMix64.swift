import PolicyGraph

/// The SplitMix64 generator: tiny, fast and fully specified, so that a graph or a set of query
/// pairs drawn from a seed is the same in every tool that implements the same six lines.
///
/// `state += 0x9E3779B97F4A7C15; z = state; z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
/// z = (z ^ (z >> 27)) * 0x94D049BB133111EB; return z ^ (z >> 31)`, all wrapping.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    package private(set) var state: UInt64

    package init(seed: UInt64) { self.state = seed }

    /// The next 64 random bits.
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `next() % bound`, the draw the benchmark's definitions use (slightly biased, but
    /// reproducible by anyone). `bound` must be positive.
    package mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A uniform double in [0, 1) from the top 53 bits.
    package mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
