import PolicyGraph

/// The command-line wording of an ``EditError``: the library says what is wrong and what would
/// fix it in its own terms; here the advice names the option or command that does it.
extension EditError {
    /// `file:line: error: problem; advice`, the advice naming an option where one helps.
    var commandLineDescription: String {
        guard let advice = commandLineAdvice else { return description }
        return "\(location): error: \(problem); \(advice)"
    }

    /// The message of a usage error (a reserved column given as `KEY=VALUE` to `command`).
    func commandLineMessage(command: String) -> String {
        switch reason {
        case .emptyColumnName:
            return "KEY=VALUE needs a column name before '='"
        case .reservedColumn(let name, _):
            let advice: String
            switch name {
            case Column.kind, Column.label: advice = "use --\(name)"
            case Column.id where command == "set": advice = "rename a node with 'policygraph rename ID NEWID'"
            default: advice = "it is the positional \(name.uppercased())"
            }
            return "'\(name)' cannot be set with KEY=VALUE; \(advice)"
        default:
            return commandLineAdvice.map { "\(problem); \($0)" } ?? message
        }
    }

    private var commandLineAdvice: String? {
        switch reason {
        case .nodeExists: return "pick another id or edit it with 'policygraph set'"
        case .nodeHasEdges: return "remove them first or pass --cascade"
        case .severalEdges: return "pass --all to remove them all"
        case .folderHasGraph: return "pass --force to replace it"
        case .whichEdge(_, _, _, let lines): return "say which with --nth N, 1 to \(lines.count)"
        default: return nil
        }
    }
}
