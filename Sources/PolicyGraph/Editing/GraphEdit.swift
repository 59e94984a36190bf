/// One change to a graph folder, made at the level of CSV records (see ``GraphEditor``).
///
/// An existing node is named by its id or, as the reading commands accept, by a unique
/// case-insensitive `label` or `label_zh`.
public enum GraphEdit: Sendable, Equatable {
    /// A new node row at the end of `nodes.csv`.
    case addNode(NodeID, kind: Kind, label: String, set: [ColumnValue] = [])
    /// A new edge row at the end of `edges.csv` (parallel edges are allowed).
    case addEdge(from: NodeID, relation: Relation, to: NodeID, set: [ColumnValue] = [])
    /// Cells of a node's row (`kind`, `label` or any other column; an empty value clears it).
    case set(NodeID, [ColumnValue])
    /// A node's row; refused while edges touch it unless `cascade`, which removes them too.
    case removeNode(NodeID, cascade: Bool = false)
    /// The edge `from relation to`; refused when parallel edges match unless `all`.
    case removeEdge(from: NodeID, relation: Relation, to: NodeID, all: Bool = false)
    /// A node's id, and every edge that names it.
    case rename(NodeID, to: NodeID)
    /// Cells of one edge's row, in place: the edge `from relation to`, the `nth` (1-based, in
    /// file order) of parallel ones (needed when several match).
    case setEdge(from: NodeID, relation: Relation, to: NodeID, nth: Int? = nil, set: [ColumnValue])
}

/// `KEY=VALUE`: a column and the text to put in it.
public struct ColumnValue: Sendable, Equatable {
    public let column: String
    public let value: String

    public init(column: String, value: String) {
        self.column = column
        self.value = value
    }

    /// Parses `KEY=VALUE` at the first `=`; the value may be empty (clears the cell).
    ///
    /// - Throws: ``EditError`` `.emptyColumnName` for `=VALUE` or a text without `=`.
    public init(parsing text: String) throws(EditError) {
        guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
            throw EditError(.emptyColumnName, at: SourceLocation(file: "argument '\(text)'", line: 0))
        }
        self.column = String(text[..<eq])
        self.value = String(text[text.index(after: eq)...])
    }
}

/// What an edit did, in sentences for the user, and which files it rewrote.
public struct EditReport: Sendable, Equatable {
    public let lines: [String]
    public let changedFiles: [String]
    /// The stale lock this edit took over, to warn about; `nil` for none.
    package var takeover: StaleLockTakeover? = nil
}
