import Foundation
import PolicyGraph

/// `--param NAME=VALUE` (repeatable, VALUE a Cypher literal) and `--params FILE.json`.
enum QueryParameters {
    /// The parameters the arguments give; `--param` wins over the file for the same name.
    /// - Throws: ``UsageError`` for a malformed `--param` or an unreadable or malformed file.
    static func parse(_ arguments: ParsedArguments, command: String) throws -> [String: QueryValue] {
        var parameters: [String: QueryValue] = [:]
        if let file = arguments.value("params") {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw UsageError("--params \(file): no such file", command: command)
            }
            let json: JSONValue
            do { json = try JSONParser.parse(String(decoding: data, as: UTF8.self)) } catch {
                throw UsageError("--params \(file):\(error.line):\(error.column): \(error.message)", command: command)
            }
            guard case .object(let members) = json else {
                throw UsageError("--params \(file): expected a JSON object of name: value", command: command)
            }
            for m in members { parameters[m.key] = QueryValue(json: m.value) }
        }
        for pair in arguments.values("param") {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                throw UsageError("--param takes NAME=VALUE, found '\(pair)'", command: command)
            }
            let name = String(pair[..<eq]).hasPrefix("$") ? String(pair[pair.index(after: pair.startIndex)..<eq]) : String(pair[..<eq])
            do {
                parameters[name] = try QueryValue.literal(String(pair[pair.index(after: eq)...]))
            } catch {
                throw UsageError("--param \(name): \(error.message) (a string needs quotes: \(name)=\"'text'\")", command: command)
            }
        }
        return parameters
    }
}
