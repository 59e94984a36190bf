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
            // Spaces around the name and around `=` are layout, as in `--param "who = 'china'"`.
            guard let eq = pair.firstIndex(of: "=") else {
                throw UsageError("--param takes NAME=VALUE, found '\(pair)'", command: command)
            }
            let written = pair[..<eq].trimmingCharacters(in: .whitespaces)
            let name = written.hasPrefix("$") ? String(written.dropFirst()) : written
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw UsageError("--param takes NAME=VALUE with NAME letters, digits or '_', found '\(pair)'", command: command)
            }
            do {
                parameters[name] = try QueryValue.literal(pair[pair.index(after: eq)...].trimmingCharacters(in: .whitespaces))
            } catch {
                throw UsageError("--param \(name): \(error.message) (a string needs quotes: \(name)=\"'text'\")", command: command)
            }
        }
        return parameters
    }
}
