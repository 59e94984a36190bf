import PolicyGraph
@testable import PolicyGraphBench

/// The library's SplitMix64, so that random tests repeat exactly.
typealias SeededRandom = SplitMix64
