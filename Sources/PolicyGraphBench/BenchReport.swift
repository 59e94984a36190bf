import Foundation
import PolicyGraph

/// What a benchmark run prints: `{"peer", "version", "data", "ops": {NAME: {"seconds",
/// "result"}}, "peak_rss_mb_self"}` in that order, and the same as a table for people.
struct BenchReport {
    /// Kept equal to `PolicyGraphTool.version` (the bench depends on the library only).
    static let version = "0.1.0"

    let data: String
    let ops: [OpResult]
    let peakRSSMegabytes: Double

    var json: JSONValue {
        .object([
            "peer": .string("policygraph"),
            "version": .string(Self.version),
            "data": .string(data),
            "ops": .object(ops.map { op in
                JSONMember(key: op.name, value: .object([
                    "seconds": op.seconds.map { .number(Self.format($0, places: 6)) } ?? .null,
                    "result": op.result,
                ]))
            }),
            "peak_rss_mb_self": .number(Self.format(peakRSSMegabytes, places: 1)),
        ])
    }

    /// The ops as aligned text: name, seconds, answer; then the peak memory. When the ops ran
    /// more than once, the seconds are the median and the fastest and slowest run follow.
    var table: String {
        let repeated = ops.contains { !$0.runs.isEmpty }
        var rows = [["op", repeated ? "median s" : "seconds"] + (repeated ? ["min–max"] : []) + ["result"]]
        for op in ops {
            var row = [op.name, op.seconds.map { Self.format($0, places: 6) } ?? "-"]
            if repeated {
                let low = op.runs.min(), high = op.runs.max()
                row.append(low.flatMap { l in high.map { "\(Self.format(l, places: 6))–\(Self.format($0, places: 6))" } } ?? "-")
            }
            row.append(op.result == .null ? "(pending)" : op.result.rendered(pretty: false))
            rows.append(row)
        }
        let columns = rows[0].count
        let widths = (0..<columns - 1).map { c in rows.map { $0[c].count }.max() ?? 0 }
        var out = ""
        for row in rows {
            out += row[0].padding(toLength: widths[0], withPad: " ", startingAt: 0)
            for c in 1..<columns - 1 {
                out += "  " + String(repeating: " ", count: widths[c] - row[c].count) + row[c]
            }
            out += "  " + row[columns - 1] + "\n"
        }
        out += "peak RSS: \(Self.format(peakRSSMegabytes, places: 1)) MB (data: \(data))\n"
        return out
    }

    static func format(_ value: Double, places: Int) -> String { String(format: "%.\(places)f", value) }
}
