import PolicyGraph
@testable import PolicyGraphBench

/// The benchmark's SplitMix64, so that random tests repeat exactly.
typealias SeededRandom = SplitMix64

// The benchmark's generator moved from the library to the benchmark target; these names keep
// a test that uses them compiling without importing the benchmark target itself.
typealias SplitMix64 = PolicyGraphBench.SplitMix64
typealias GraphShape = PolicyGraphBench.GraphShape
typealias GraphGenerator = PolicyGraphBench.GraphGenerator
