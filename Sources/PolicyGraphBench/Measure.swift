import Foundation
import PolicyGraph

/// One measured operation: its name, how long it took and its answer, in the shape the
/// benchmark fixes so that answers can be compared with other tools'.
struct OpResult {
    let name: String
    /// Wall time on a monotonic clock; `nil` for an op that did not run.
    let seconds: Double?
    /// `null` for an op that did not run.
    let result: JSONValue
}


/// Runs `body` once on the monotonic clock and names its answer; an op that has nothing to run
/// (`nil`) is reported with `null` time and result.
func measure(_ name: String, _ body: () throws -> JSONValue?) rethrows -> OpResult {
    let clock = ContinuousClock()
    var answer: JSONValue?
    let elapsed = try clock.measure { answer = try body() }
    guard let answer else { return OpResult(name: name, seconds: nil, result: .null) }
    let (seconds, attoseconds) = elapsed.components
    return OpResult(name: name, seconds: Double(seconds) + Double(attoseconds) * 1e-18, result: answer)
}

/// The process's peak resident set so far, in MiB (`getrusage`'s `ru_maxrss`, in KiB on Linux).
func peakResidentMegabytes() -> Double {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
    #else
    getrusage(RUSAGE_SELF, &usage)
    return Double(usage.ru_maxrss) / 1024 / 1024
    #endif
}
