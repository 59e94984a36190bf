import Foundation
import PolicyGraph

/// The command line of `policygraph-bench`: what data to run on and how to report.
struct BenchOptions {
    enum Data {
        /// Generate a graph of this size into a temporary folder (or `keep`, kept).
        case generated(name: String, shape: GraphShape)
        /// Read an existing graph folder.
        case folder(String)
    }

    /// What to run on, in order; more than one gives a growth report (each run in a process of
    /// its own, so that each has its own peak memory).
    var sources: [Data] = []
    /// The one source of a single run (S when none was given).
    var data: Data { sources.first ?? .generated(name: "S", shape: .small) }
    var table = false
    var out: String?
    var keep: String?
    /// How many times each op runs; the report gives the median.
    var repeats = 1
    /// Whether to leave out the warm-up on a small graph (see ``BenchRun/warmUp()``).
    var cold = false
    /// The ops to run; `nil` for all of them. The graph is loaded in any case (and the load
    /// timed once), but repeated only when `load` is named.
    var only: Set<String>?
    /// A workload file (`--queries`): time its queries instead of the ops.
    var queries: String?
    /// `--param NAME=VALUE` for the workload's queries, in the order given (a later one wins).
    var parameterPairs: [(name: String, value: QueryValue)] = []
    /// `--params FILE`: a JSON object of name: value, read by ``parameters()``.
    var parametersFile: String?
    /// `--max-rows N`: the row budget of each workload query (`nil` for none).
    var maxRows: Int? = QueryLimits.defaultMaxRows

    /// The limits a workload query runs within: the default step budget, and ``maxRows``.
    var limits: QueryLimits { QueryLimits(maxSteps: QueryLimits.default.maxSteps, maxRows: maxRows) }

    /// The parameters `--params FILE` and `--param` give, read as `policygraph query` reads
    /// them (``QueryParameterText``); a `--param` wins over the file for the same name.
    /// - Throws: ``UsageError`` for a file that is missing, not JSON, or not an object.
    func parameters() throws(UsageError) -> [String: QueryValue] {
        var parameters: [String: QueryValue] = [:]
        if let file = parametersFile {
            guard let data = FileManager.default.contents(atPath: file) else { throw UsageError(message: "--params \(file): no such file") }
            do {
                parameters = try QueryParameterText.object(String(decoding: data, as: UTF8.self))
            } catch {
                throw UsageError(message: error.message(option: "--params \(file)"))
            }
        }
        for pair in parameterPairs { parameters[pair.name] = pair.value }
        return parameters
    }

    /// Every op, in the order they run and print.
    static let opNames = ["load", "khop_out3", "khop_both2", "path", "pattern", "pattern_heavy", "chain", "overlap"]

    /// Whether the op `name` runs.
    func runs(_ name: String) -> Bool { only?.contains(name) ?? true }

    static let usage = """
        usage: policygraph-bench [--size S|M|L[,...] | DIR...] [--table] [--out FILE] [--keep DIR] [--repeat N] [--ops A,B] [--cold]
               policygraph-bench --queries FILE [--graph DIR | --size S|M|L] [--repeat N] [--table] [--out FILE]
                                 [--param NAME=VALUE]... [--params FILE.json] [--max-rows N]
          --size S|M|L  generate a graph of 1k/5k, 100k/1M or 1M/10M nodes/edges (default S);
                        several (--size S,M,L) run one after another and report the growth
          DIR           read the graph folder DIR (nodes.csv, edges.csv) instead; several
                        folders likewise report the growth from one to the next
          --table       also print a readable table
          --out FILE    write the JSON to FILE instead of standard output
          --keep DIR    generate into DIR and keep it (to rerun on it as DIR); with
                        several sizes, into DIR/S, DIR/M, DIR/L
          --repeat N    run each op N times (load too) and report the median (default 1)
          --ops A,B     run only these ops (load, khop_out3, khop_both2, path, pattern,
                        pattern_heavy, chain, overlap), to profile one of them; the graph
                        is loaded in any case, repeated only when load is named
          --cold        leave out the warm-up: before the timed runs every op runs once on
                        a small generated graph, so that the process's one-time runtime work
                        is not counted in the first op that needs it
          --queries FILE  time the queries of FILE (one a line, a `// name` line above
                        one names it; or a JSON list of strings or {"name", "query"})
                        on one graph instead of the ops: per query the min and median
                        seconds over --repeat, the rows and the plan; without --graph
                        or --size, on a generated S graph (said on standard error); exit
                        status 1 when any query stops with an error
          --graph DIR   the graph folder to run on (the same as naming DIR)
          --param NAME=VALUE  give the workload's queries parameter $NAME, VALUE a
                        Cypher literal ('text', 12, [1, 2], {k: 1}); repeatable
          --params FILE.json  parameters from a JSON object of name: value (--param
                        wins for the same name; a workload item's own "params" win
                        over both for that query)
          --max-rows N  stop a workload query whose rows pass N (default 1,000,000;
                        0 for no limit), as `policygraph query --max-rows` does

        """

    struct UsageError: Error {
        let message: String
    }

    static func parse(_ arguments: [String]) throws(UsageError) -> BenchOptions {
        var options = BenchOptions()
        var i = 0
        func value(_ name: String) throws(UsageError) -> String {
            i += 1
            guard i < arguments.count else { throw UsageError(message: "\(name) needs a value") }
            return arguments[i]
        }
        while i < arguments.count {
            let argument = arguments[i]
            switch argument {
            case "--size":
                for name in try value(argument).split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
                    guard let shape = GraphShape.named(name) else {
                        throw UsageError(message: "--size takes S, M or L (or a list such as S,M,L), not '\(name)'")
                    }
                    options.sources.append(.generated(name: name.uppercased(), shape: shape))
                }
            case "--table": options.table = true
            case "--cold": options.cold = true
            case "--out": options.out = try value(argument)
            case "--keep": options.keep = try value(argument)
            case "--repeat":
                let text = try value(argument)
                guard let count = Int(text), count >= 1, count <= 1000 else {
                    throw UsageError(message: "--repeat takes a whole number from 1 to 1000, not '\(text)'")
                }
                options.repeats = count
            case "--ops":
                let names = try value(argument).split(separator: ",").map(String.init)
                if let unknown = names.first(where: { !opNames.contains($0) }) {
                    throw UsageError(message: "--ops: unknown op '\(unknown)' (ops: \(opNames.joined(separator: ", ")))")
                }
                options.only = Set(names)
            case "--queries": options.queries = try value(argument)
            case "--graph": options.sources.append(.folder(try value(argument)))
            case "--param":
                let pair = try value(argument)
                do {
                    options.parameterPairs.append(try QueryParameterText.pair(pair))
                } catch {
                    throw UsageError(message: error.message(option: "--param"))
                }
            case "--params": options.parametersFile = try value(argument)
            case "--max-rows":
                let text = try value(argument)
                guard let count = Int(text), count >= 0 else {
                    throw UsageError(message: "--max-rows takes a whole number of at least 0 (0 for no limit), not '\(text)'")
                }
                options.maxRows = count == 0 ? nil : count
            case "-h", "--help": throw UsageError(message: "")
            default:
                if argument.hasPrefix("-") { throw UsageError(message: "unknown option '\(argument)'") }
                options.sources.append(.folder(argument))
            }
            i += 1
        }
        if options.queries != nil {
            if options.sources.count > 1 { throw UsageError(message: "--queries runs on one graph, not \(options.sources.count)") }
            if options.only != nil { throw UsageError(message: "--queries times its own queries; --ops does not apply") }
        } else if let option = ["--param", "--params", "--max-rows"].first(where: arguments.contains) {
            throw UsageError(message: "\(option) applies to the queries of --queries FILE")
        }
        return options
    }

    /// The arguments that run one of several sources on its own (in a child process), writing
    /// its JSON report to `out`.
    func childArguments(for source: Data, out: String) -> [String] {
        var arguments: [String] = []
        switch source {
        case .folder(let path): arguments.append(path)
        case .generated(let name, _):
            arguments += ["--size", name]
            if let keep { arguments += ["--keep", keep + "/" + name] }
        }
        if repeats > 1 { arguments += ["--repeat", String(repeats)] }
        if let only { arguments += ["--ops", Self.opNames.filter(only.contains).joined(separator: ",")] }
        if cold { arguments.append("--cold") }
        return arguments + ["--out", out]
    }
}

