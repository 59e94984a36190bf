import PolicyGraph

/// The editing commands: each parses its arguments into a ``GraphEdit`` and hands it to
/// ``GraphEditor`` (lock, byte-preserving change, validation, atomic write).
protocol EditCommand: Command {
    func edit(_ arguments: ParsedArguments) throws -> GraphEdit
}

extension EditCommand {
    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        let edit = try self.edit(arguments)
        do {
            let report = try GraphEditor.apply(edit, to: arguments.graphFolder)
            if let takeover = report.takeover { output.stderr += "warning: \(takeover.message)\n" }
            for line in report.lines { output.stdout += line + "\n" }
        } catch let error as EditError {
            switch error.reason {
            case .reservedColumn, .emptyColumnName: throw UsageError(error.commandLineMessage(command: spec.name), command: spec.name)
            default:
                output.stderr += error.commandLineDescription + "\n"
                output.status = ExitStatus.failure
            }
        } catch let error as LoadFailure {
            output.stderr += error.description + "\n"
            let count = error.errors.count + error.issues.filter(\.isError).count
            output.stderr += "\(count) error\(count == 1 ? "" : "s"); the edit was not made\n"
            output.status = ExitStatus.failure
        }
    }

    func columnValues(_ texts: [String]) throws -> [ColumnValue] {
        try texts.map { text in
            do {
                return try ColumnValue(parsing: text)
            } catch {
                throw UsageError("expected KEY=VALUE, not '\(text)'", command: spec.name)
            }
        }
    }
}

private let setOption = OptionSpec.value("set", "KEY=VALUE", "also set this column (a new column is added to every row)", repeatable: true)
private let editDiscussion = "Validates the result against the schema before writing; writes atomically under the graph's lock; changes only the bytes of the rows it edits."

/// `policygraph add-node ID --kind K --label L [--set KEY=VALUE]...`
struct AddNodeCommand: EditCommand {
    let spec = CommandSpec(
        name: "add-node", summary: "Add a node row to nodes.csv", discussion: editDiscussion,
        positionals: [PositionalSpec(name: "ID", help: "the new node's id")],
        options: [.value("kind", "K", "the node's kind"), .value("label", "L", "the node's English label"), setOption],
        formats: [],
        examples: ["policygraph add-node eu --kind organization --label \"European Union\" --set label_zh=欧盟"])

    func edit(_ arguments: ParsedArguments) throws -> GraphEdit {
        guard let kind = arguments.value("kind") else { throw UsageError("add-node needs --kind K", command: spec.name) }
        guard let label = arguments.value("label") else { throw UsageError("add-node needs --label L", command: spec.name) }
        return .addNode(NodeID(arguments.positionals[0]), kind: Kind(kind), label: label, set: try columnValues(arguments.values("set")))
    }
}

/// `policygraph add-edge FROM RELATION TO [--set KEY=VALUE]...`
struct AddEdgeCommand: EditCommand {
    let spec = CommandSpec(
        name: "add-edge", summary: "Add an edge row to edges.csv", discussion: editDiscussion,
        positionals: [PositionalSpec(name: "FROM", help: "the source node id"), PositionalSpec(name: "RELATION", help: "the relation"),
                      PositionalSpec(name: "TO", help: "the target node id")],
        options: [setOption], formats: [],
        examples: ["policygraph add-edge china supports ai-for-development --set date=2024-05-14 --set cite=\"§01 ¶1\""])

    func edit(_ arguments: ParsedArguments) throws -> GraphEdit {
        let p = arguments.positionals
        return .addEdge(from: NodeID(p[0]), relation: Relation(p[1]), to: NodeID(p[2]), set: try columnValues(arguments.values("set")))
    }
}

/// `policygraph set ID KEY=VALUE...`
struct SetCommand: EditCommand {
    let spec = CommandSpec(
        name: "set", summary: "Set cells of a node's row (an empty VALUE clears the cell)", discussion: editDiscussion,
        positionals: [PositionalSpec(name: "ID", help: "the node id"),
                      PositionalSpec(name: "KEY=VALUE", help: "a column and its new value", variadic: true)],
        formats: [],
        examples: ["policygraph set us label_zh=美国 description=\"The United States\""])

    func edit(_ arguments: ParsedArguments) throws -> GraphEdit {
        let p = arguments.positionals
        guard p.count >= 2 else { throw UsageError("missing argument KEY=VALUE", command: spec.name) }
        return .set(NodeID(p[0]), try columnValues(Array(p.dropFirst())))
    }
}

/// `policygraph remove-node ID [--cascade]`
struct RemoveNodeCommand: EditCommand {
    let spec = CommandSpec(
        name: "remove-node", summary: "Remove a node row (refused while edges touch it, unless --cascade)", discussion: editDiscussion,
        positionals: [PositionalSpec(name: "ID", help: "the node id")],
        options: [.flag("cascade", "also remove every edge at the node")], formats: [],
        examples: ["policygraph remove-node old-id --cascade"])

    func edit(_ arguments: ParsedArguments) throws -> GraphEdit {
        .removeNode(NodeID(arguments.positionals[0]), cascade: arguments.flag("cascade"))
    }
}

/// `policygraph remove-edge FROM RELATION TO [--all]`
struct RemoveEdgeCommand: EditCommand {
    let spec = CommandSpec(
        name: "remove-edge", summary: "Remove an edge row (refused when parallel edges match, unless --all)",
        discussion: editDiscussion + " When several parallel edges match, the command lists their lines and removes none; --all removes them all.",
        positionals: [PositionalSpec(name: "FROM", help: "the source node id"), PositionalSpec(name: "RELATION", help: "the relation"),
                      PositionalSpec(name: "TO", help: "the target node id")],
        options: [.flag("all", "remove every matching parallel edge")], formats: [],
        examples: ["policygraph remove-edge us supports san-francisco-consensus"])

    func edit(_ arguments: ParsedArguments) throws -> GraphEdit {
        let p = arguments.positionals
        return .removeEdge(from: NodeID(p[0]), relation: Relation(p[1]), to: NodeID(p[2]), all: arguments.flag("all"))
    }
}

/// `policygraph rename ID NEWID`
struct RenameCommand: EditCommand {
    let spec = CommandSpec(
        name: "rename", summary: "Change a node's id, and every edge that names it", discussion: editDiscussion,
        positionals: [PositionalSpec(name: "ID", help: "the node id"), PositionalSpec(name: "NEWID", help: "its new id")],
        formats: [],
        examples: ["policygraph rename prc china"])

    func edit(_ arguments: ParsedArguments) throws -> GraphEdit {
        .rename(NodeID(arguments.positionals[0]), to: NodeID(arguments.positionals[1]))
    }
}
