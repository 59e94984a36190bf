import Testing
import PolicyGraph

/// The library says what is wrong in its own words: no command-line option or command in the
/// text (the CLI adds those), and every located error renders as `place: error: message`.
struct ErrorTextTests {
    static let editReasons: [EditError.Reason] = [
        .locked(pid: 7), .nodeExists("us"), .unknownNode("chnia", suggestions: ["china"]),
        .nodeHasEdges("us", lines: [2, 3]), .noSuchEdge(from: "us", relation: .supports, to: "ai"),
        .severalEdges(from: "us", relation: .supports, to: "ai", lines: [2, 3]),
        .reservedColumn("kind", use: "it is the node's kind"), .emptyColumnName, .folderHasGraph(["nodes.csv"]),
    ]

    @Test(arguments: editReasons)
    func editErrorsNameNoOption(reason: EditError.Reason) {
        let error = EditError(reason, at: SourceLocation(file: "g/nodes.csv", line: 2))
        #expect(!error.message.contains("--") && !error.message.contains("policygraph "), "\(error.message)")
        #expect(error.description == "g/nodes.csv:2: error: \(error.message)")
    }

    @Test func queryAndExportErrorsNameNoOption() throws {
        let work = QueryError(.workLimit(steps: 5))
        #expect(!work.message.contains("--"))
        #expect(work.description == "error: \(work.message)")
        let located = QueryError(.unknownRelation("suports", suggestions: ["supports", "supported"]), at: QueryLocation(line: 1, column: 9, lineText: "x"))
        #expect(located.description == "query:1:9: error: unknown relation 'suports'; did you mean 'supports' or 'supported'?")
        let graph = try GraphBuilder().build().graph
        let base = #expect(throws: ExportError.self) { _ = try graph.exported(as: .turtle, options: ExportOptions(base: "x.org/")) }
        #expect(base?.reason == .baseNotAbsolute("x.org/"))
        #expect(base.map { !$0.message.contains("--") } == true)
    }

    @Test func everyLocatedErrorRendersTheSameWay() {
        let at = SourceLocation(file: "f.csv", line: 3, column: 2)
        let errors: [any LocatedError] = [
            LoadError(.emptyFile, at: at),
            ValidationIssue(.emptyLabel, field: "label", at: at),
            ImportError(.syntax("x"), at: at),
            EditError(.emptyColumnName, at: at),
        ]
        for error in errors { #expect(error.description == "f.csv:3:2: \(error.severityLabel): \(error.message)") }
        #expect(errors.map(\.severityLabel) == ["error", "warning", "error", "error"])
    }
}
