/// A problem that stops a file from being read: it is missing, it is not text, or its CSV is
/// broken. Errors of meaning (an unknown id, a forbidden edge) are ``ValidationIssue``s instead.
public struct LoadError: LocatedError, Hashable, Sendable {
    /// Why the file could not be read, with the values the message quotes.
    public enum Reason: Hashable, Sendable {
        case missingFolder
        case notAFolder
        case missingFile
        case unreadable(message: String)
        case invalidUTF8
        case nulByte
        case emptyFile
        /// A quoted field that never closes; the location is where it opened.
        case unterminatedQuote
        /// Text between a closing quote and the next comma or line end.
        case textAfterClosingQuote
        /// A `"` inside a field that does not start with one.
        case quoteInUnquotedField
        /// The header lacks the columns the format requires, in that order.
        case missingColumns(expected: [String], found: [String])
        case duplicateColumn(name: String)
        case emptyColumnName(position: Int)
        /// A row with a different number of fields than the header (whose columns it names).
        case fieldCount(expected: Int, found: Int, header: [String])
        /// `schema.json` is not valid JSON.
        case schemaSyntax(message: String)
        /// `schema.json` is JSON but does not describe a schema.
        case schemaContent(message: String)
    }

    public let location: SourceLocation
    public let reason: Reason

    public init(_ reason: Reason, at location: SourceLocation) {
        self.reason = reason
        self.location = location
    }

    /// The message without the location, saying what is wrong and what would fix it.
    public var message: String {
        switch reason {
        case .missingFolder: return "no such folder; give the path of an existing graph folder (the one that holds nodes.csv and edges.csv)"
        case .notAFolder: return "not a folder; a graph is a folder that holds nodes.csv and edges.csv"
        case .missingFile: return "file not found; a graph folder needs nodes.csv and edges.csv"
        case .unreadable(let message): return "cannot read the file: \(message)"
        case .invalidUTF8: return "invalid UTF-8 byte sequence; save the file as UTF-8"
        case .nulByte: return "NUL byte in the file; a CSV file is text and cannot contain NUL"
        case .emptyFile: return "the file is empty; it needs at least its header row"
        case .unterminatedQuote: return "a quoted field opened here is never closed; add the closing '\"' (and double any quote inside the field)"
        case .textAfterClosingQuote: return "text after a closing quote; a quoted field must end at a comma or the line end (write a quote inside a field as '\"\"')"
        case .quoteInUnquotedField: return "a '\"' inside an unquoted field; put the whole field in quotes and double the quote ('\"\"')"
        case .missingColumns(let expected, let found):
            return "the header must begin with '\(expected.joined(separator: ","))', found '\(found.joined(separator: ","))'"
        case .duplicateColumn(let name): return "column '\(name)' appears twice in the header; rename or remove one"
        case .emptyColumnName(let position): return "column \(position) of the header has no name; name it or remove it"
        case .fieldCount(let expected, let found, let header):
            return "expected \(expected) fields as in the header (\(header.joined(separator: ","))), found \(found); quote fields that contain commas"
        case .schemaSyntax(let message): return "invalid JSON: \(message)"
        case .schemaContent(let message): return message
        }
    }

    public var locationDescription: String? { location.description }
}
