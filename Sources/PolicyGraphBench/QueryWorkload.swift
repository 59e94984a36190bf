import Foundation
import PolicyGraph

/// One query of a user's workload, with the name a comment line gave it.
struct WorkloadQuery: Equatable {
    /// The text of the `// …` comment just above the query, or `q1`, `q2`… by position.
    let name: String
    let text: String
    /// The item's own `"params"` (JSON list form only): they win over the command line's.
    var parameters: [String: QueryValue] = [:]
}

/// Why a workload file could not be read: the 1-based line and what was wrong there.
struct WorkloadError: Error, Equatable, CustomStringConvertible {
    let line: Int
    let message: String

    var description: String { "line \(line): \(message)" }
}

/// How one query of a workload fared: its times over the repeats, the rows of its answer and
/// the plan the engine chose; or the error it stopped with (a query error is an answer too:
/// the step budget, for one, is part of what is measured).
struct WorkloadTiming {
    let query: WorkloadQuery
    /// Every run's wall time, in order; empty when the query failed.
    let runs: [Double]
    let rows: Int?
    /// The first rows of the answer (``headRows`` at most), for comparing with a peer: numbers,
    /// booleans and null as such, anything else as its text.
    var head: [[JSONValue]] = []
    let plan: String?
    let error: String?

    var minimum: Double? { runs.min() }

    /// The median run (the mean of the middle two for an even count).
    var median: Double? {
        guard !runs.isEmpty else { return nil }
        let sorted = runs.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
}

/// `policygraph-bench --queries FILE`: times a list of queries in-process on one graph, so
/// that users can measure their own workload rather than the benchmark's eight ops.
enum QueryWorkload {
    /// How many rows of each answer the report shows.
    static let headRows = 3

    /// The queries of a workload file: a JSON list (of strings, or of `{"name", "query",
    /// "params"}` objects, `params` an object of name: value), or else one query a line, where
    /// blank lines are skipped and a `// comment` line names the query under it.
    static func parse(_ text: String) throws(WorkloadError) -> [WorkloadQuery] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let queries = trimmed.hasPrefix("[") ? try parseJSON(trimmed) : parseLines(text)
        guard !queries.isEmpty else { throw WorkloadError(line: 1, message: "no query in the file") }
        return queries
    }

    private static func parseLines(_ text: String) -> [WorkloadQuery] {
        var queries: [WorkloadQuery] = []
        var pendingName: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = line.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                pendingName = nil
            } else if line.hasPrefix("//") {
                pendingName = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
            } else {
                let name = pendingName.flatMap { $0.isEmpty ? nil : $0 } ?? "q\(queries.count + 1)"
                queries.append(WorkloadQuery(name: name, text: line))
                pendingName = nil
            }
        }
        return queries
    }

    private static func parseJSON(_ text: String) throws(WorkloadError) -> [WorkloadQuery] {
        let value: JSONValue
        do {
            value = try JSONParser.parse(text)
        } catch {
            throw WorkloadError(line: error.line, message: "column \(error.column): \(error.message)")
        }
        guard let items = value.arrayValue else { throw WorkloadError(line: 1, message: "expected a list of queries") }
        var queries: [WorkloadQuery] = []
        for (i, item) in items.enumerated() {
            if let text = item.stringValue {
                queries.append(WorkloadQuery(name: "q\(i + 1)", text: text))
            } else if let text = item["query"]?.stringValue {
                var query = WorkloadQuery(name: item["name"]?.stringValue ?? "q\(i + 1)", text: text)
                if let params = item["params"] {
                    guard let members = params.objectValue else {
                        throw WorkloadError(line: 1, message: "item \(i + 1): \"params\" is not an object of name: value")
                    }
                    query.parameters = QueryParameterText.object(members)
                }
                queries.append(query)
            } else {
                throw WorkloadError(line: 1, message: "item \(i + 1) is neither a string nor an object with a \"query\" string")
            }
        }
        return queries
    }

    /// Runs each query `repeats` times on `graph` within `limits`, with `parameters` and the
    /// query's own (which win for the same name).
    static func run(_ queries: [WorkloadQuery], on graph: Graph, repeats: Int, parameters: [String: QueryValue] = [:],
                    limits: QueryLimits = .default) -> [WorkloadTiming] {
        queries.map { query in
            let parameters = parameters.merging(query.parameters) { $1 }
            // Explaining builds nothing and counts nothing, so the timed runs start as they would without it.
            let plan = (try? graph.explainQuery(query.text, parameters: parameters))?.description
            var runs: [Double] = []
            var rows: Int?
            var head: [[JSONValue]] = []
            for _ in 0..<max(repeats, 1) {
                let clock = ContinuousClock()
                var answer: QueryResult?
                var failure: QueryError?
                let elapsed = clock.measure {
                    do throws(QueryError) {
                        answer = try graph.query(query.text, parameters: parameters, limits: limits)
                    } catch {
                        failure = error
                    }
                }
                guard let answer else {
                    return WorkloadTiming(query: query, runs: [], rows: nil, plan: plan, error: failure?.description ?? "no answer")
                }
                rows = answer.rows.count
                head = answer.rows.prefix(headRows).map { $0.map(headCell) }
                let (seconds, attoseconds) = elapsed.components
                runs.append(Double(seconds) + Double(attoseconds) * 1e-18)
            }
            var timing = WorkloadTiming(query: query, runs: runs, rows: rows, plan: plan, error: nil)
            timing.head = head
            return timing
        }
    }

    /// The exit status of a workload run: 1 when any query stopped with an error (the report,
    /// printed first, says which), else 0.
    static func exitStatus(_ timings: [WorkloadTiming]) -> Int32 {
        timings.contains { $0.error != nil } ? 1 : 0
    }

    /// A cell of ``WorkloadTiming/head``.
    static func headCell(_ value: QueryValue) -> JSONValue {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let n): return .int(n)
        case .double(let d): return d.isFinite ? .number("\(d)") : .null
        default: return .string(value.text)
        }
    }

    /// A parameter's value as JSON, as `--params FILE` would give it.
    static func parameterJSON(_ value: QueryValue) -> JSONValue {
        switch value {
        case .list(let items): return .array(items.map(parameterJSON))
        case .map(let entries):
            return .object(entries.keys.sorted().map { JSONMember(key: $0, value: parameterJSON(entries[$0] ?? .null)) })
        case .string(let s): return .string(s)
        default: return headCell(value)
        }
    }

    /// `{"peer", "data", "load_seconds", "queries": [{"name", "query", "params" (the item's
    /// own, when it has some), "seconds": {"min", "median"}, "runs", "rows", "head"
    /// (the first rows as text), "plan"} or {…, "error", "plan"}]}`.
    static func json(data: String, loadSeconds: Double?, timings: [WorkloadTiming]) -> JSONValue {
        func seconds(_ s: Double?) -> JSONValue { s.map { .number(BenchReport.format($0, places: 6)) } ?? .null }
        return .object([
            "peer": .string("policygraph"),
            "data": .string(data),
            "load_seconds": seconds(loadSeconds),
            "queries": .array(timings.map { t in
                var members = [
                    JSONMember(key: "name", value: .string(t.query.name)),
                    JSONMember(key: "query", value: .string(t.query.text)),
                ]
                if !t.query.parameters.isEmpty {
                    members.append(JSONMember(key: "params", value: parameterJSON(.map(t.query.parameters))))
                }
                if let error = t.error {
                    members.append(JSONMember(key: "error", value: .string(error)))
                } else {
                    members.append(JSONMember(key: "seconds", value: .object(["min": seconds(t.minimum), "median": seconds(t.median)])))
                    members.append(JSONMember(key: "runs", value: .array(t.runs.map { seconds($0) })))
                    members.append(JSONMember(key: "rows", value: t.rows.map { .int($0) } ?? .null))
                    members.append(JSONMember(key: "head", value: .array(t.head.map { .array($0) })))
                }
                members.append(JSONMember(key: "plan", value: t.plan.map { .string($0) } ?? .null))
                return .object(members)
            }),
        ])
    }

    /// The timings as aligned text for people: name, median, min, rows (or the error).
    static func table(_ timings: [WorkloadTiming]) -> String {
        let width = max("query".count, timings.map(\.query.name.count).max() ?? 0)
        var out = "query".padding(toLength: width, withPad: " ", startingAt: 0) + "    median s       min s      rows\n"
        for t in timings {
            out += t.query.name.padding(toLength: width, withPad: " ", startingAt: 0)
            if let error = t.error {
                // A query error's text says `error:` itself; its first line is the message.
                let message = error.split(separator: "\n").first.map(String.init) ?? error
                out += "  " + (message.contains("error: ") ? message : "error: " + message) + "\n"
            } else {
                let cells = [t.median, t.minimum].map { $0.map { BenchReport.format($0, places: 6) } ?? "-" } + [t.rows.map(String.init) ?? "-"]
                out += cells.map { String(repeating: " ", count: max(0, 12 - $0.count)) + $0 }.joined() + "\n"
            }
        }
        return out
    }
}
