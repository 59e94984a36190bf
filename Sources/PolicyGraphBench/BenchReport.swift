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

    /// The ops as aligned text: name, seconds, answer; then the peak memory.
    var table: String {
        var rows = [["op", "seconds", "result"]]
        for op in ops {
            rows.append([op.name, op.seconds.map { Self.format($0, places: 6) } ?? "-",
                         op.result == .null ? "(pending)" : op.result.rendered(pretty: false)])
        }
        let widths = (0..<2).map { c in rows.map { $0[c].count }.max() ?? 0 }
        var out = ""
        for row in rows {
            out += row[0].padding(toLength: widths[0], withPad: " ", startingAt: 0) + "  "
            out += String(repeating: " ", count: widths[1] - row[1].count) + row[1] + "  " + row[2] + "\n"
        }
        out += "peak RSS: \(Self.format(peakRSSMegabytes, places: 1)) MB (data: \(data))\n"
        return out
    }

    static func format(_ value: Double, places: Int) -> String { String(format: "%.\(places)f", value) }
}
