import PolicyGraph

/// The `policygraph` command-line tool as a function from arguments to output, so that tests can
/// run any command in-process and compare what it prints.
public enum PolicyGraphTool {
    public static let version = "0.1.0"

    /// Every subcommand, in the order `--help` lists them.
    static let commands: [any Command] = [
        ValidateCommand(), CitesCommand(), StatsCommand(), ShowCommand(), NeighborsCommand(), FormatCommand(),
        PathCommand(), SubgraphCommand(), ReachCommand(), ComponentsCommand(), RankCommand(),
        QueryCommand(),
        OverlapCommand(), PositionsCommand(), SearchCommand(), TimelineCommand(), DiffCommand(),
        DotCommand(), RenderCommand(), HTMLCommand(), ViewsCommand(),
        ExportCommand(), ImportCommand(), InitCommand(),
        AddNodeCommand(), AddEdgeCommand(), SetCommand(), SetEdgeCommand(), RemoveNodeCommand(), RemoveEdgeCommand(), RenameCommand(),
    ]

    /// Runs the tool on `arguments` (without the program name). With `stream`, a command that
    /// prints a large result hands its standard output to it piece by piece as it renders,
    /// and the returned `stdout` holds only what is left.
    public static func run(_ arguments: [String], streamingStandardOutput stream: (@Sendable (String) -> Void)? = nil) -> CommandOutput {
        var output = CommandOutput()
        output.stream = stream
        guard let first = arguments.first else {
            output.stderr = help
            output.status = ExitStatus.usage
            return output
        }
        if first == "--help" || first == "-h" || first == "help" {
            if arguments.count > 1, let command = commands.first(where: { $0.spec.name == arguments[1] }) {
                output.stdout = command.spec.help
            } else {
                output.stdout = help
            }
            return output
        }
        if first == "--version" {
            output.stdout = "policygraph \(version)\n"
            return output
        }
        guard let command = commands.first(where: { $0.spec.name == first }) else {
            let hint = Suggestions.hint(ParsedArguments.closeNames(first, commands.map(\.spec.name)))
            output.stderr = UsageError("unknown command '\(first)'\(hint)").description + "\n"
            output.status = ExitStatus.usage
            return output
        }
        do {
            let parsed = try ParsedArguments.parse(Array(arguments.dropFirst()), spec: command.spec)
            if parsed.flag("help") {
                output.stdout = command.spec.help
                return output
            }
            try command.run(parsed, output: &output)
        } catch let error as UsageError {
            output.stderr += error.description + "\n"
            output.status = ExitStatus.usage
        } catch let error as LoadFailure {
            output.stderr += error.description + "\n"
            if let hint = graphHint(arguments, error) { output.stderr += hint + "\n" }
            let count = error.errors.count + error.issues.filter(\.isError).count
            output.stderr += "\(count) error\(count == 1 ? "" : "s")\n"
            output.status = ExitStatus.failure
        } catch let error as QueryError {
            output.stderr += render(error)
            output.status = ExitStatus.failure
        } catch {
            // Library errors render themselves, most as `file:line: error: message`.
            let text = "\(error)"
            output.stderr += (text.hasPrefix("error:") || text.contains(": error: ") ? text : "error: \(text)") + "\n"
            output.status = ExitStatus.failure
        }
        return output
    }

    /// When the default graph folder is missing, how to name another: the library's message
    /// names no option. `nil` when `--graph` was given (the message names that folder already).
    static func graphHint(_ arguments: [String], _ error: LoadFailure) -> String? {
        guard !arguments.contains("--graph"),
              error.errors.contains(where: { $0.reason == .missingFolder || $0.reason == .notAFolder }) else { return nil }
        return "hint: no ./graph here; name the graph folder with --graph DIR, or start one with 'policygraph init DIR'"
    }

    /// A query error with the offending line and a caret under the column, when it has a location.
    static func render(_ error: QueryError) -> String {
        var text = error.description
        // The library says to raise the limit; the option that does it is the CLI's to name.
        if case .workLimit = error.reason { text += " (--max-steps N, 0 for none)" }
        text += "\n"
        if let location = error.location {
            var prefix = ""
            for ch in location.lineText.prefix(max(0, location.column - 1)) {
                prefix += TextTable.displayWidth(String(ch)) == 2 ? "  " : (ch == "\t" ? "\t" : " ")
            }
            text += "  \(location.lineText)\n  \(prefix)^\n"
        }
        // Nothing close by spelling: the words may be in a description, which search reads.
        // After the caret, which belongs to the error line.
        if case .unknownNode(_, let suggestions) = error.reason, suggestions.isEmpty {
            text += "hint: 'policygraph search WORDS' finds nodes by the words of their labels and descriptions\n"
        }
        return text
    }

    static var help: String {
        var out = """
            policygraph \(version): a typed knowledge graph of policy positions.

            Usage: policygraph COMMAND [arguments] [options]

            Commands:

            """
        let width = commands.map(\.spec.name.count).max() ?? 0
        for c in commands { out += "  \(c.spec.name.padding(toLength: width))  \(c.spec.summary)\n" }
        out += """

            Every command takes --graph DIR (default: the current folder when it holds nodes.csv, else ./graph) and --help.
            Exit status: 0 success, 1 data or query error, 2 usage error.

            """
        return out
    }
}
