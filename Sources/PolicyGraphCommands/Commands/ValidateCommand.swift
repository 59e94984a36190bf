import PolicyGraph

/// `policygraph validate`: every problem of the folder at once, `FILE:LINE: message`.
struct ValidateCommand: Command {
    let spec = CommandSpec(
        name: "validate", summary: "Check a graph folder against its schema and list every problem",
        discussion: "Prints each problem as FILE:LINE: severity: message, naming the column and the value, with a suggestion where one exists. Exits 1 when there is an error.",
        examples: ["policygraph validate", "policygraph validate --graph my-graph --format json"])

    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        let folder = arguments.graphFolder
        let json = arguments.format(spec) == "json"
        do {
            let loaded = try GraphLoader.load(folder: folder)
            let citations = try citationIssues(folder)
            if json {
                output.stdout += report(valid: citations.isEmpty, errors: [], issues: loaded.warnings, citations: citations).rendered()
                if !citations.isEmpty { output.status = ExitStatus.failure }
            } else if !citations.isEmpty {
                for w in loaded.warnings { output.stderr += w.description + "\n" }
                for c in citations { output.stderr += c.description + "\n" }
                output.stderr += "\(citations.count) error\(citations.count == 1 ? "" : "s")\n"
                output.status = ExitStatus.failure
            } else {
                for w in loaded.warnings { output.stdout += w.description + "\n" }
                output.stdout += "\(folder): valid: \(English.count(loaded.graph.nodeCount, "node")), \(English.count(loaded.graph.edgeCount, "edge"))"
                output.stdout += loaded.warnings.isEmpty ? "\n" : ", \(loaded.warnings.count) warning\(loaded.warnings.count == 1 ? "" : "s")\n"
            }
        } catch {
            let failure = error
            if json {
                output.stdout += report(valid: false, errors: failure.errors, issues: failure.issues).rendered()
                output.status = ExitStatus.failure
            } else {
                throw failure
            }
        }
    }

    /// The citation and statement problems, when the folder has sources or statement columns
    /// (a graph without them is not read twice).
    private func citationIssues(_ folder: String) throws(LoadFailure) -> [CitationIssue] {
        guard CitationCheck.applies(toFolder: folder) else { return [] }
        return try CitationCheck.check(folder: folder).issues
    }

    private func report(valid: Bool, errors: [LoadError], issues: [ValidationIssue], citations: [CitationIssue] = []) -> JSONValue {
        func location(_ l: SourceLocation) -> [JSONMember] {
            [JSONMember(key: "file", value: .string(l.file)), JSONMember(key: "line", value: .int(l.line)),
             JSONMember(key: "column", value: l.column.map { .int($0) } ?? .null)]
        }
        var problems: [(SourceLocation, JSONValue)] = errors.map { e in
            (e.location, .object(location(e.location) + [JSONMember(key: "severity", value: .string("error")),
                                                          JSONMember(key: "field", value: .null),
                                                          JSONMember(key: "message", value: .string(e.message))]))
        }
        problems += issues.map { i in
            (i.location, .object(location(i.location) + [JSONMember(key: "severity", value: .string(i.severity.rawValue)),
                                                          JSONMember(key: "field", value: .string(i.field)),
                                                          JSONMember(key: "message", value: .string(i.message))]))
        }
        problems += citations.map { c in
            (c.location, .object(location(c.location) + [JSONMember(key: "severity", value: .string("error")),
                                                          JSONMember(key: "field", value: .string(c.field)),
                                                          JSONMember(key: "message", value: .string(c.message))]))
        }
        let sorted = problems.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
        return .object(["valid": .bool(valid), "problems": .array(sorted)])
    }
}
