import PolicyGraph

/// The command line of `policygraph-bench`: what data to run on and how to report.
struct BenchOptions {
    enum Data {
        /// Generate a graph of this size into a temporary folder (or `keep`, kept).
        case generated(name: String, shape: GraphShape)
        /// Read an existing graph folder.
        case folder(String)
    }

    var data: Data = .generated(name: "S", shape: .small)
    var table = false
    var out: String?
    var keep: String?
    /// How many times each op runs; the report gives the median.
    var repeats = 1
    /// The ops to run; `nil` for all of them. The graph is loaded in any case (and the load
    /// timed once), but repeated only when `load` is named.
    var only: Set<String>?

    /// Every op, in the order they run and print.
    static let opNames = ["load", "khop_out3", "khop_both2", "path", "pattern", "pattern_heavy", "chain", "overlap"]

    /// Whether the op `name` runs.
    func runs(_ name: String) -> Bool { only?.contains(name) ?? true }

    static let usage = """
        usage: policygraph-bench [--size S|M|L | DIR] [--table] [--out FILE] [--keep DIR] [--repeat N] [--ops A,B]
          --size S|M|L  generate a graph of 1k/5k, 100k/1M or 1M/10M nodes/edges (default S)
          DIR           read the graph folder DIR (nodes.csv, edges.csv) instead
          --table       also print a readable table
          --out FILE    write the JSON to FILE instead of standard output
          --keep DIR    generate into DIR and keep it (to rerun on it as DIR)
          --repeat N    run each op N times (load too) and report the median (default 1)
          --ops A,B     run only these ops (load, khop_out3, khop_both2, path, pattern,
                        pattern_heavy, chain, overlap), to profile one of them; the graph
                        is loaded in any case, repeated only when load is named

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
                let name = try value(argument)
                guard let shape = GraphShape.named(name) else {
                    throw UsageError(message: "--size takes S, M or L, not '\(name)'")
                }
                options.data = .generated(name: name.uppercased(), shape: shape)
            case "--table": options.table = true
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
            case "-h", "--help": throw UsageError(message: "")
            default:
                if argument.hasPrefix("-") { throw UsageError(message: "unknown option '\(argument)'") }
                options.data = .folder(argument)
            }
            i += 1
        }
        return options
    }
}

