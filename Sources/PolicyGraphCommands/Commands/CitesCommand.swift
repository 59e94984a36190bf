import PolicyGraph

/// `policygraph cites`: every citation checked against the texts of the graph's sources.
struct CitesCommand: Command {
    let spec = CommandSpec(
        name: "cites", summary: "Check every citation against the text of its source",
        discussion: "A cite checks out when its source is in sources.csv, the source's text is in sources/, and the quote occurs (whitespace normalised) in the paragraph its locator names. Also checks the by and evidence columns. Prints each problem as FILE:LINE: error: message; exits 1 when there is one. --fix rewrites the locators of quotes found in exactly one other paragraph, in place.",
        options: [.flag("fix", "rewrite wrong locators in place when the quote occurs in exactly one paragraph")],
        examples: ["policygraph cites", "policygraph cites --fix", "policygraph cites --format json"])

    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        let folder = arguments.graphFolder
        var report = try CitationCheck.check(folder: folder)
        var fixed = 0
        if arguments.flag("fix"), !report.fixes.isEmpty {
            fixed = try CitationFix.apply(report.fixes)
            report = try CitationCheck.check(folder: folder)
        }
        if arguments.format(spec) == "json" {
            output.stdout += json(report, fixed: fixed).rendered()
        } else {
            if fixed > 0 { output.stdout += "fixed \(fixed) locator\(fixed == 1 ? "" : "s")\n" }
            for issue in report.issues { output.stderr += issue.description + "\n" }
            output.stdout += summary(report, folder: folder) + "\n"
        }
        if !report.issues.isEmpty { output.status = ExitStatus.failure }
    }

    private func summary(_ report: CitationReport, folder: String) -> String {
        let errors = report.issues.count
        let head = report.hasSources
            ? "\(folder): \(report.checkedCitations) citation\(report.checkedCitations == 1 ? "" : "s") checked"
            : "\(folder): no \(SourceCatalog.file); checked by and evidence only"
        return head + (errors == 0 ? ", all valid" : ", \(errors) error\(errors == 1 ? "" : "s")")
    }

    private func json(_ report: CitationReport, fixed: Int) -> JSONValue {
        .object([
            "valid": .bool(report.issues.isEmpty),
            "checked": .int(report.checkedCitations),
            "fixed": .int(fixed),
            "problems": .array(report.issues.map { issue in
                .object([
                    "file": .string(issue.location.file), "line": .int(issue.location.line),
                    "field": .string(issue.field), "message": .string(issue.message),
                    "suggestedLocator": issue.suggestedLocator.map { .string($0.description) } ?? .null,
                ])
            }),
        ])
    }
}
