import Foundation
import PolicyGraph

/// One measured operation: its name, how long it took and its answer, in the shape the
/// benchmark fixes so that answers can be compared with other tools'.
struct OpResult {
    let name: String
    /// Wall time on a monotonic clock (the median when the op ran more than once); `nil` for an
    /// op that did not run.
    let seconds: Double?
    /// Every run's time, in order, when the op ran more than once (`--repeat`).
    var runs: [Double] = []
    /// `null` for an op that did not run.
    let result: JSONValue
}


/// Runs `body` `times` times on the monotonic clock and reports the median time, so that one
/// run disturbed by another process on a shared machine does not decide the figure. Every run
/// must give the same answer: a fast path that answers differently the second time is a bug.
func measure(_ name: String, times: Int, _ body: () throws -> JSONValue?) throws -> OpResult {
    var runs: [OpResult] = []
    for _ in 0..<max(times, 1) {
        let run = try measure(name, body)
        if let first = runs.first, first.result != run.result {
            throw InconsistentAnswer(op: name, first: first.result, later: run.result)
        }
        runs.append(run)
    }
    let times = runs.compactMap(\.seconds)
    guard runs.count > 1, times.count == runs.count, let first = runs.first else { return runs[0] }
    let sorted = times.sorted()
    let median = sorted.count % 2 == 1
        ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    var result = OpResult(name: name, seconds: median, result: first.result)
    result.runs = times
    return result
}

/// An op that gave a different answer when it ran again.
struct InconsistentAnswer: Error, CustomStringConvertible {
    let op: String
    let first: JSONValue
    let later: JSONValue

    var description: String {
        "op '\(op)' answered \(first.rendered(pretty: false)) first and \(later.rendered(pretty: false)) later"
    }
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
