/// Why a row of an imported sheet (a stance sheet, Kumu's CSV pair, GraphML) cannot be imported,
/// at the file, line and column of the cell it concerns. Text is rendered from the data.
package struct ImportIssue: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// The file does not parse (CSV or XML syntax, missing file).
        case syntax(String)
        /// The header lacks required columns.
        case missingColumns([String], found: [String])
        /// A row with a different number of fields than the header.
        case fieldCount(expected: Int, found: Int, header: [String])
        /// A required cell is empty.
        case emptyCell(column: String)
        case unknownKind(String, suggestions: [String])
        /// A name that is not in the graph, and no kind was given to create it.
        case kindNeeded(String, column: String)
        /// The same new node was given two kinds.
        case conflictingKind(String, kind: String, earlier: String, line: Int)
        case unknownRelation(String, suggestions: [String])
        /// The schema does not allow `relation` between these kinds; `allowed` renders the pairs
        /// it allows (`country|agency -> framework`).
        case forbiddenEndpoints(relation: String, from: String, to: String, allowed: [String] = [])
        /// A name that matched a node of the graph, given a kind that is not the node's.
        case contradictingKind(String, kind: String, node: NodeID, actual: String)
        case ambiguousName(String, candidates: [NodeID])
        case unknownNode(String, suggestions: [NodeID])
        /// A date that is not YYYY, YYYY-MM or YYYY-MM-DD; `hint` reads it when it can (a
        /// day/month date is ambiguous).
        case invalidDate(String, hint: String? = nil)
        case invalidWeight(String)
        /// A row that repeats an earlier row of the same import.
        case duplicateRow(line: Int)
        /// A row naming an edge the graph has several times (same ends, relation and date), none
        /// with the row's cells: which one it means is unclear.
        case severalExisting(lines: [Int], file: String)
        /// A value the format does not allow (a Kumu direction, a GraphML attribute).
        case invalidValue(String, expected: String)
        /// The import's schema gives a relation another stance than the one `file` fixes
        /// (`nil`: no stance); an import may add to a graph's schema, not change it.
        case schemaConflict(relation: String, stance: Int?, fixed: Int?, in: String)
    }

    /// The cell (or row) at fault: file, line and column.
    public let location: SourceLocation
    public let reason: Reason

    /// An issue as given.
    public init(_ reason: Reason, at location: SourceLocation) {
        self.reason = reason
        self.location = location
    }

    /// The message without the location: what is wrong and, where it can, what is close.
    public var message: String {
        func hint(_ names: [String]) -> String {
            names.isEmpty ? "" : "; did you mean " + names.map { "'\($0)'" }.joined(separator: " or ") + "?"
        }
        switch reason {
        case .syntax(let message): return message
        case .missingColumns(let columns, let found):
            return "the header lacks column\(columns.count == 1 ? "" : "s") \(columns.map { "'\($0)'" }.joined(separator: ", ")) "
                + "(found '\(found.joined(separator: ","))')"
        case .fieldCount(let expected, let found, let header):
            return "expected \(expected) fields as in the header (\(header.joined(separator: ","))), found \(found); quote fields that contain commas"
        case .emptyCell(let column): return "column '\(column)' is empty"
        case .unknownKind(let kind, let suggestions): return "unknown kind '\(kind)'\(hint(suggestions))"
        case .kindNeeded(let name, let column):
            return "'\(name)' is no node of the graph; give its kind in column '\(column)' to create it"
        case .conflictingKind(let name, let kind, let earlier, let line):
            return "'\(name)' is given kind '\(kind)' here but '\(earlier)' on line \(line)"
        case .unknownRelation(let relation, let suggestions): return "unknown relation '\(relation)'\(hint(suggestions))"
        case .forbiddenEndpoints(let relation, let from, let to, let allowed):
            return "'\(relation)' cannot join \(English.article(from)) to \(English.article(to))"
                + (allowed.isEmpty ? "" : "; the schema allows \(allowed.joined(separator: "; "))")
        case .contradictingKind(let name, let kind, let node, let actual):
            return "'\(name)' is node '\(node)', \(English.article(actual)), not \(English.article(kind)); "
                + "if the row means another node, give its id; else fix or clear the kind"
        case .ambiguousName(let name, let candidates):
            return "'\(name)' is the label of \(candidates.count) nodes (\(candidates.map { "'\($0)'" }.joined(separator: ", "))); use an id"
        case .unknownNode(let name, let suggestions): return "unknown node '\(name)'\(hint(suggestions.map(\.rawValue)))"
        case .invalidDate(let text, let hint):
            return "'\(text)' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD" + (hint.map { " (\($0))" } ?? "")
        case .invalidWeight(let text):
            // Spreadsheets in many locales write decimals with a comma.
            let point = text.replacingOccurrences(of: ",", with: ".")
            return "weight '\(text)' is not a number" + (point != text && PolicyNumber.parse(point) != nil ? "; write \(point) (a decimal point)" : "")
        case .duplicateRow(let line):
            return "the same row as line \(line); delete one of the two rows (a row the graph already has is skipped, "
                + "but a row repeated within one sheet is an error)"
        case .severalExisting(let lines, let file):
            return "the graph has this edge \(lines.count) times (\(file) lines \(lines.map(String.init).joined(separator: ", "))), none with these cells; "
                + "give the row a date that tells them apart, or edit the edge you mean in the graph"
        case .invalidValue(let value, let expected): return "'\(value)' is not \(expected)"
        case .schemaConflict(let relation, let stance, let fixed, let file):
            func text(_ s: Int?) -> String { s.map { $0 > 0 ? "a stance +\($0)" : $0 < 0 ? "a stance \($0)" : "a neutral stance (0)" } ?? "no stance" }
            return "relation '\(relation)' is \(text(stance)) here but \(text(fixed)) in \(file); an import may add to the graph's schema, not change it"
        }
    }

    /// `file:line:column: error: message`.
    public var description: String { "\(location): error: \(message)" }
}

/// Every problem of an import, sorted by location; nothing was written.
package struct SheetImportFailure: Error, Sendable, CustomStringConvertible {
    /// The issues, sorted by location.
    public let issues: [ImportIssue]
    /// The kinds and relations among the issues that the schema does not declare, for a hint
    /// of the `schema.json` that would.
    public let undeclared: UndeclaredVocabulary

    /// A failure of `issues` (any order).
    public init(_ issues: [ImportIssue], undeclared: UndeclaredVocabulary = UndeclaredVocabulary()) {
        self.issues = issues.sorted { $0.location < $1.location }
        self.undeclared = undeclared
    }

    /// One line per issue.
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
