/// Why an edit was refused. Edits that would leave the graph invalid are refused with the
/// loader's ``LoadFailure`` instead (every issue of the would-be files).
public struct EditError: LocatedError, Hashable, Sendable {
    /// Why the edit was refused, with the values the message quotes.
    public enum Reason: Hashable, Sendable {
        /// Another running edit holds the lock.
        case locked(pid: Int32)
        case nodeExists(NodeID)
        case unknownNode(NodeID, suggestions: [NodeID])
        /// `remove-node` without `--cascade` on a node with edges: the edges' lines.
        case nodeHasEdges(NodeID, lines: [Int])
        /// No edge `from relation to`; `between` lists the edges the two nodes do have (either way).
        case noSuchEdge(from: NodeID, relation: Relation, to: NodeID, between: [EdgeAt] = [])
        /// Several parallel edges match `remove-edge`: their lines; `--all` removes them all.
        case severalEdges(from: NodeID, relation: Relation, to: NodeID, lines: [Int])
        /// A `--set` key that names a column with its own option or command.
        case reservedColumn(String, use: String)
        case emptyColumnName
        /// A file the edit needs could not be read or written.
        case io(String)
        /// The import would replace an existing graph without `--force`.
        case folderHasGraph([String])
        /// A new graph would overwrite these files of the folder.
        case graphExists([String])
        /// A name given for a node matches no id and no label (`argument` says which argument).
        case unknownName(String, argument: String, suggestions: [NodeID])
        /// A name matches the labels of several nodes.
        case ambiguousName(String, argument: String, candidates: [NodeID])
        /// `--nth` beyond the parallel edges that match.
        case noNthEdge(from: NodeID, relation: Relation, to: NodeID, nth: Int, count: Int)
        /// Several parallel edges match an edit of one edge: their lines.
        case whichEdge(from: NodeID, relation: Relation, to: NodeID, lines: [Int])
    }

    /// An edge of `edges.csv` and its line, for messages that point at edges that do exist.
    public struct EdgeAt: Hashable, Sendable {
        public let from: String
        public let relation: String
        public let to: String
        public let line: Int
    }

    public let location: SourceLocation
    public let reason: Reason

    public init(_ reason: Reason, at location: SourceLocation) {
        self.reason = reason
        self.location = location
    }

    /// What is wrong and what would fix it. A command-line tool replaces the advice with its
    /// own (an option to pass) by pairing `problem` with it.
    public var message: String { advice.map { "\(problem); \($0)" } ?? problem }

    /// What is wrong, without the advice.
    package var problem: String {
        switch reason {
        case .locked(let pid):
            return "the graph is locked by another edit (pid \(pid))"
        case .nodeExists(let id):
            return "node '\(id)' already exists"
        case .unknownNode(let id, let suggestions):
            return "unknown node '\(id)'" + Suggestions.hint(suggestions)
        case .nodeHasEdges(let id, let lines):
            return "node '\(id)' has \(lines.count) edge\(lines.count == 1 ? "" : "s") (edges.csv line\(lines.count == 1 ? "" : "s") "
                + "\(lines.map(String.init).joined(separator: ", ")))"
        case .noSuchEdge(let from, let relation, let to, let between):
            guard !between.isEmpty else { return "no edge '\(from) \(relation) \(to)'; the two nodes have no edge between them" }
            return "no edge '\(from) \(relation) \(to)'; between them: "
                + between.map { "'\($0.from) \($0.relation) \($0.to)' (line \($0.line))" }.joined(separator: ", ")
        case .severalEdges(let from, let relation, let to, let lines):
            return "\(lines.count) parallel edges '\(from) \(relation) \(to)' (edges.csv lines \(lines.map(String.init).joined(separator: ", ")))"
        case .reservedColumn(let name, _):
            return "'\(name)' cannot be set as an extra column"
        case .emptyColumnName:
            return "a column value needs a column name before '='"
        case .io(let message):
            return message
        case .folderHasGraph(let files):
            return "the folder already holds a graph (\(files.joined(separator: ", ")))"
        case .graphExists(let files):
            return "the folder already holds a graph (\(files.joined(separator: ", "))); nothing was written"
        case .unknownName(let name, let argument, let suggestions):
            return "unknown node '\(name)' (argument \(argument))" + Suggestions.hint(suggestions)
        case .ambiguousName(let name, let argument, let candidates):
            return "'\(name)' (argument \(argument)) is the label of \(candidates.count) nodes: "
                + candidates.map { "'\($0)'" }.joined(separator: ", ") + "; give the id"
        case .noNthEdge(let from, let relation, let to, let nth, let count):
            return "edge '\(from) \(relation) \(to)' number \(nth) does not exist; there \(count == 1 ? "is 1" : "are \(count)")"
        case .whichEdge(let from, let relation, let to, let lines):
            return "\(lines.count) parallel edges '\(from) \(relation) \(to)' (edges.csv lines \(lines.map(String.init).joined(separator: ", ")))"
        }
    }

    /// How to fix it, in the library's words; `nil` when the problem says it all.
    private var advice: String? {
        switch reason {
        case .locked: return "wait for it to finish"
        case .nodeExists: return "pick another id or change the existing node"
        case .nodeHasEdges: return "remove them first, or remove the node together with its edges"
        case .severalEdges: return "remove them all at once"
        case .reservedColumn(_, let use): return use
        case .folderHasGraph: return "write to another folder, or replace the graph on purpose"
        case .whichEdge(_, _, _, let lines): return "say which with its number, 1 to \(lines.count)"
        case .unknownNode, .noSuchEdge, .emptyColumnName, .io, .graphExists, .unknownName, .ambiguousName, .noNthEdge: return nil
        }
    }

    /// The location; none for a name given as an argument, which the message names (as the
    /// reading commands' messages do).
    public var locationDescription: String? {
        switch reason {
        case .unknownName, .ambiguousName: return nil
        default: return location.description
        }
    }
}
