import Foundation

/// Parameters given outside a query, as text: `NAME=VALUE` pairs (`--param`) and a JSON object
/// (`--params FILE`). One reading for every front end that takes them (the `query` command,
/// the benchmark's workloads), so that they accept and refuse the same things.
package enum QueryParameterText {
    /// Why a parameter could not be read.
    package enum Problem: Error, Equatable {
        /// No `=` in `pair`.
        case notAPair(String)
        /// The name before `=` is not letters, digits and `_`.
        case badName(String)
        /// The value of parameter `name` is not a Cypher literal.
        case badValue(name: String, message: String)
        /// The JSON text does not parse.
        case badJSON(line: Int, column: Int, message: String)
        /// The JSON is not an object of name: value.
        case notAnObject

        /// The problem in words after `option`, the front end's name for where the text came
        /// from (`--param`, `--params FILE`): `--param takes NAME=VALUE, found 'x'`.
        package func message(option: String) -> String {
            switch self {
            case .notAPair(let pair): return "\(option) takes NAME=VALUE, found '\(pair)'"
            case .badName(let pair): return "\(option) takes NAME=VALUE with NAME letters, digits or '_', found '\(pair)'"
            case .badValue(let name, let message): return "\(option) \(name): \(message) (a string needs quotes: \(name)=\"'text'\")"
            case .badJSON(let line, let column, let message): return "\(option):\(line):\(column): \(message)"
            case .notAnObject: return "\(option): expected a JSON object of name: value"
            }
        }
    }

    /// `NAME=VALUE`, VALUE a Cypher literal (`'text'`, `12`, `[1, 2]`, `{k: 1}`). Spaces around
    /// the name and around `=` are layout (`who = 'china'`); `$NAME` is NAME.
    /// - Throws: ``Problem`` for a pair without `=`, a bad name, or a value that is not a literal.
    package static func pair(_ pair: String) throws(Problem) -> (name: String, value: QueryValue) {
        guard let eq = pair.firstIndex(of: "=") else { throw .notAPair(pair) }
        let written = pair[..<eq].trimmingCharacters(in: .whitespaces)
        let name = written.hasPrefix("$") ? String(written.dropFirst()) : written
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { throw .badName(pair) }
        do {
            return (name, try QueryValue.literal(pair[pair.index(after: eq)...].trimmingCharacters(in: .whitespaces)))
        } catch {
            throw .badValue(name: name, message: error.message)
        }
    }

    /// The members of a JSON object as parameters (numbers without a fraction or exponent as
    /// integers).
    /// - Throws: ``Problem`` when `text` is not JSON, or not an object.
    package static func object(_ text: String) throws(Problem) -> [String: QueryValue] {
        let json: JSONValue
        do { json = try JSONParser.parse(text) } catch { throw .badJSON(line: error.line, column: error.column, message: error.message) }
        guard case .object(let members) = json else { throw .notAnObject }
        return object(members)
    }

    /// The members of a JSON object as parameters.
    package static func object(_ members: [JSONMember]) -> [String: QueryValue] {
        var parameters: [String: QueryValue] = [:]
        for m in members { parameters[m.key] = QueryValue(json: m.value) }
        return parameters
    }
}
