import Foundation
import PolicyGraph

/// Several runs of the benchmark, one per graph (S, M, L or folders), and how the time of every
/// op grows from one graph to the next: the issue asks that cost grow linearly with the graph,
/// and this is where that is read off.
///
/// Each run is a child process of this executable, so that each reports its own peak memory
/// (a process's peak only ever grows) and one run's heap does not slow the next.
struct GrowthReport {
    /// Each run's report, in the fixed shape of a single run.
    let reports: [JSONValue]

    /// Why a run of the growth report failed: the child's words are already on standard error.
    struct Failure: Error, CustomStringConvertible {
        let status: Int32
        let description: String
    }

    /// Runs every source of `options` in turn, each in a child process.
    static func run(_ options: BenchOptions) throws(Failure) -> GrowthReport {
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("policygraph-bench-growth-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            if let keep = options.keep { try FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true) }
        } catch {
            throw Failure(status: 1, description: "policygraph-bench: error: \(error.localizedDescription)")
        }
        var reports: [JSONValue] = []
        for (i, source) in options.sources.enumerated() {
            let out = scratch.appendingPathComponent("run-\(i).json").path
            let child = Process()
            child.executableURL = executable
            child.arguments = options.childArguments(for: source, out: out)
            do {
                try child.run()
            } catch {
                throw Failure(status: 1, description: "policygraph-bench: error: cannot start \(executable.path): \(error.localizedDescription)")
            }
            child.waitUntilExit()
            guard child.terminationStatus == 0 else {
                throw Failure(status: child.terminationStatus, description: "policygraph-bench: error: the run on \(source.name) failed")
            }
            do {
                let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out)))
                reports.append(try JSONParser.parse(bytes))
            } catch {
                throw Failure(status: 1, description: "policygraph-bench: error: the report of the run on \(source.name) is unreadable: \(error)")
            }
        }
        return GrowthReport(reports: reports)
    }

    var json: JSONValue { .array(reports) }

    /// The seconds of `op` in `report`, `nil` when it did not run.
    private static func seconds(_ report: JSONValue, _ op: String) -> Double? {
        report["ops"]?[op]?["seconds"]?.numberValue
    }

    /// Each op's time per graph and the factor from each graph to the next; then the graph sizes
    /// (nodes, edges) and the peak memory, with their factors, to read the op factors against.
    var table: String {
        // A folder is named by its last component: the columns stay narrow.
        let names = reports.map { ($0["data"]?.stringValue).map { URL(fileURLWithPath: $0).lastPathComponent } ?? "?" }
        var rows: [[String]] = [["op"] + names.map { "\($0) s" } + zip(names, names.dropFirst()).map { "\($0)→\($1)" }]
        func row(_ label: String, _ values: [Double?], format: (Double) -> String) -> [String] {
            var cells = [label] + values.map { $0.map(format) ?? "-" }
            for (a, b) in zip(values, values.dropFirst()) {
                cells.append(a.flatMap { a in b.map { a > 0 ? "×" + Self.factor($0 / a) : "-" } } ?? "-")
            }
            return cells
        }
        for op in BenchOptions.opNames where reports.contains(where: { Self.seconds($0, op) != nil }) {
            rows.append(row(op, reports.map { Self.seconds($0, op) }) { BenchReport.format($0, places: 6) })
        }
        let load = reports.map { $0["ops"]?["load"]?["result"] }
        rows.append(row("nodes", load.map { $0?["nodes"]?.numberValue }) { String(Int($0)) })
        rows.append(row("edges", load.map { $0?["edges"]?.numberValue }) { String(Int($0)) })
        rows.append(row("peak RSS MB", reports.map { $0["peak_rss_mb_self"]?.numberValue }) { BenchReport.format($0, places: 1) })
        let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { cells in
            cells.enumerated().map { c, cell in
                c == 0 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[c] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// A growth factor with two significant figures (×0.52, ×8.1, ×85, ×350; whole numbers from 10 up).
    static func factor(_ value: Double) -> String {
        if value >= 10 { return String(Int(value.rounded())) }
        if value >= 1 { return BenchReport.format(value, places: 1) }
        return BenchReport.format(value, places: 2)
    }
}

extension BenchOptions.Data {
    /// How a run is named in messages: the size or the folder.
    var name: String {
        switch self {
        case .generated(let name, _): return name
        case .folder(let path): return path
        }
    }
}
