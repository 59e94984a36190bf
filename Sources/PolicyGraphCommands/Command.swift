import PolicyGraph

/// What a command printed and how it ended.
public struct CommandOutput: Sendable, Equatable {
    public var stdout = ""
    public var stderr = ""
    public var status: Int32 = 0
    /// Where ``write(_:)`` sends standard output once enough has gathered (the executable sets
    /// it, so that a large result is printed as it is rendered); unset, `stdout` holds it all.
    var stream: (@Sendable (String) -> Void)?

    public init(stdout: String = "", stderr: String = "", status: Int32 = 0) {
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
    }
}

/// The exit statuses of the tool.
public enum ExitStatus {
    public static let success: Int32 = 0
    /// Data errors (the graph does not load or validate) and query errors (unknown node, bad pattern).
    public static let failure: Int32 = 1
    /// The command line does not fit the command.
    public static let usage: Int32 = 2
}

/// One subcommand: its spec (options and help) and what it does with parsed arguments.
///
/// Commands only parse, call the library and render; graph logic lives in `PolicyGraph`.
protocol Command: Sendable {
    var spec: CommandSpec { get }
    /// Runs the command, appending to `output`. Thrown `UsageError`, `LoadFailure`, `QueryError`
    /// and write errors are rendered by the tool with the right exit status.
    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws
}

extension Command {
    /// Loads the `--graph` folder. Its warnings are for `validate` to show.
    func loadGraph(_ arguments: ParsedArguments) throws -> Graph {
        try GraphLoader.load(folder: arguments.graphFolder).graph
    }

    /// Resolves a node reference (id or label) against the graph.
    func resolve(_ reference: String, in graph: Graph) throws -> NodeID {
        try graph.resolve(reference)
    }
}

