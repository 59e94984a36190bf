import Foundation
import PolicyGraph

/// `policygraph query 'MATCH ... RETURN ...'`: a Cypher-like pattern query, as a table.
struct QueryCommand: Command {
    let spec = CommandSpec(
        name: "query", summary: "Answer a Cypher-like pattern query (MATCH ... WHERE ... RETURN ...)",
        discussion: """
            Kinds are labels, relations are relationship types, CSV columns are properties and a
            node's id is its `id` property. Give the query as an argument, with --file, or as '-'
            to read it from standard input. The README's section on queries teaches the language.
            """,
        positionals: [PositionalSpec(name: "QUERY", help: "the query text, or '-' for standard input", optional: true)],
        options: [
            .value("file", "F", "read the query from file F"), QueryLimitOptions.maxSteps, QueryLimitOptions.maxRows,
            .value("param", "NAME=VALUE", "give parameter $NAME the Cypher literal VALUE (a number, 'text', true, [1, 2], {k: 1})", repeatable: true),
            .value("params", "FILE", "read parameters from FILE, a JSON object of name: value"),
            .flag("explain", "print how the query will run instead of running it: each clause and its steps (json: a tree of steps; csv: a step a row)"),
        ],
        formats: ["text", "json", "csv"],
        examples: [
            "policygraph query \"MATCH (o:official)-[:leads]->(:delegation {id: 'us-delegation'}) RETURN o.label\"",
            "policygraph query 'MATCH (c:country)-[:supports]->(f:framework) RETURN c, count(*) ORDER BY count(*) DESC' --format json",
            "policygraph query --file questions/who-opposes.cypher --format csv",
            "policygraph query 'MATCH (c:country {id: $id}) RETURN c.label' --param id=\"'china'\"",
            "policygraph query --explain 'MATCH (o:official)-[:memberOf]->(a:agency)-[:memberOf]->(c:country) RETURN c, count(*)'",
        ])

    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        if arguments.flag("explain"), arguments.value("max-steps") != nil {
            throw UsageError("--explain prints the plan without running the query; leave out --max-steps", command: spec.name)
        }
        let text = try queryText(arguments)
        let limits = try QueryLimitOptions.limits(arguments)
        let parameters = try QueryParameters.parse(arguments, command: spec.name)
        let graph = try loadGraph(arguments)
        if arguments.flag("explain") {
            let plan = try graph.explainQuery(text, parameters: parameters)
            switch arguments.format(spec) {
            case "json": output.stdout += plan.jsonValue.rendered()
            case "csv": output.stdout += CSVWriter.document(header: QueryPlan.csvHeader, rows: plan.csvRows)
            default: output.stdout += plan.description + "\n"
            }
            return
        }
        let rows: QueryRows
        switch Self.run(text, on: graph, parameters: parameters, limits: limits) {
        case .success(let result): rows = result
        case .failure(let error):
            guard case .rowLimit = error.reason else { throw error }
            // The library's message names no option; the command line adds the one that raises it.
            output.stderr += PolicyGraphTool.render(error) + "hint: raise the limit with --max-rows N (0 for none)\n"
            output.status = ExitStatus.failure
            return
        }
        QueryOutput.write(rows, format: arguments.format(spec), to: &output)
    }

    private static func run(_ text: String, on graph: Graph, parameters: [String: QueryValue], limits: QueryLimits) -> Result<QueryRows, QueryError> {
        Result { () throws(QueryError) -> QueryRows in try graph.queryRows(text, parameters: parameters, limits: limits) }
    }

    /// The query from the argument, `--file`, or standard input (`-`); exactly one of them.
    private func queryText(_ arguments: ParsedArguments) throws -> String {
        let positional = arguments.positionals.first
        if let file = arguments.value("file") {
            guard positional == nil else {
                throw UsageError("give the query either as an argument or with --file, not both", command: spec.name)
            }
            guard let data = FileManager.default.contents(atPath: file) else {
                // Like a missing graph folder: the input is missing, not the command malformed.
                let reason = FileManager.default.fileExists(atPath: file) ? "it is a folder or not readable" : "no such file"
                throw LoadError(.unreadable(message: "\(reason); --file takes a file that holds the query"), at: SourceLocation(file: file, line: 0))
            }
            return String(decoding: data, as: UTF8.self)
        }
        guard let positional else { throw UsageError("missing argument QUERY (or --file F)", command: spec.name) }
        if positional == "-" {
            return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        return positional
    }
}

/// `--max-steps N`, shared by the commands that run a pattern query (`query`, `dot --query`).
enum QueryLimitOptions {
    static let maxSteps = OptionSpec.value(
        "max-steps", "N",
        "stop a pattern query after N steps of matching (nodes and edges tried; default: \(grouped(QueryLimits.default.maxSteps ?? 0)), 0 for no limit)")

    /// The limits the arguments ask for.
    /// - Throws: ``UsageError`` when `--max-steps` is not a whole number of at least 0.
    static func limits(_ arguments: ParsedArguments) throws(UsageError) -> QueryLimits {
        let n = try arguments.int("max-steps", default: QueryLimits.default.maxSteps ?? 0, minimum: 0)
        let rows = try arguments.int("max-rows", default: QueryLimits.defaultMaxRows, minimum: 0)
        return QueryLimits(maxSteps: n == 0 ? nil : n, maxRows: rows == 0 ? nil : rows)
    }

    static let maxRows = OptionSpec.value(
        "max-rows", "N",
        "stop a query whose result (or rows between its clauses) passes N rows (default: \(grouped(QueryLimits.defaultMaxRows)), 0 for no limit)")

    private static func grouped(_ n: Int) -> String {
        var digits = Array(String(n))
        var i = digits.count - 3
        while i > 0 {
            digits.insert(",", at: i)
            i -= 3
        }
        return String(digits)
    }
}
