import Foundation
import PolicyGraph

/// `--param NAME=VALUE` (repeatable, VALUE a Cypher literal) and `--params FILE.json`, read as
/// the library reads them (``QueryParameterText``), so that `policygraph-bench` takes the same.
enum QueryParameters {
    /// The parameters the arguments give; `--param` wins over the file for the same name.
    /// - Throws: ``UsageError`` for a malformed `--param` or an unreadable or malformed file.
    static func parse(_ arguments: ParsedArguments, command: String) throws -> [String: QueryValue] {
        var parameters: [String: QueryValue] = [:]
        if let file = arguments.value("params") {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw UsageError("--params \(file): no such file", command: command)
            }
            do {
                parameters = try QueryParameterText.object(String(decoding: data, as: UTF8.self))
            } catch {
                throw UsageError(error.message(option: "--params \(file)"), command: command)
            }
        }
        for pair in arguments.values("param") {
            do {
                let (name, value) = try QueryParameterText.pair(pair)
                parameters[name] = value
            } catch {
                throw UsageError(error.message(option: "--param"), command: command)
            }
        }
        return parameters
    }
}
