import PolicyGraph

/// `policygraph search TEXT`: nodes whose id, labels, description or cite contain the text.
struct SearchCommand: Command {
    let spec = CommandSpec(
        name: "search", summary: "Find nodes by id, label (English or Chinese), description or cite (theirs or their edges')",
        discussion: """
            Case, full-width/half-width forms and the - and _ of ids do not matter ("export control"
            finds us-chip-export-controls, ＵＳ finds us); Chinese matches by substring. Each node
            is listed once, at its best match, best first: exact id, exact label, prefix of an id
            or label, substring of one, then a description, then a cite, and last the cite of an
            edge at the node (field edgeCite, text "from relation to: cite").
            """,
        positionals: [PositionalSpec(name: "TEXT", help: "what to look for")],
        options: [
            .value("kind", "K", "only nodes of this kind"),
            .value("limit", "N", "at most N matches, 0 for all (default: 50)"),
        ],
        examples: [
            "policygraph search 森特", "policygraph search \"export control\" --kind framework", "policygraph search risk --format json",
        ])

    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        if arguments.positionals[0].allSatisfy(\.isWhitespace) {
            throw UsageError("TEXT is empty; give some text to look for", command: spec.name)
        }
        let limit = try arguments.int("limit", default: 50, minimum: 0)
        let graph = try loadGraph(arguments)
        let kind = try arguments.value("kind").map { try graph.checkedKind($0) }
        let all = try graph.search(arguments.positionals[0], kind: kind)
        let matches = limit == 0 ? all : Array(all.prefix(limit))
        // Nothing found: the names `show` would offer for the text, of the kind asked for.
        let suggestions = all.isEmpty ? graph.suggestions(for: arguments.positionals[0]).filter { id in kind.map { graph.kind(of: id) == $0 } ?? true } : []
        if arguments.format(spec) == "json" {
            output.stdout += JSONValue.object([
                "matches": .array(
                    matches.map { match in
                        .object([
                            "id": .string(match.id.rawValue), "kind": .string(match.kind.rawValue), "label": .string(match.label),
                            "field": .string(match.field), "text": .string(match.text),
                        ])
                    }),
                "suggestions": .array(suggestions.map { .string($0.rawValue) }),
            ]).rendered()
            return
        }
        guard !matches.isEmpty else {
            output.stdout += "No node matches '\(arguments.positionals[0])'.\n"
            if let hint = Suggestions.didYouMean(suggestions) { output.stdout += hint.prefix(1).uppercased() + hint.dropFirst() + "\n" }
            return
        }
        var table = TextTable(["id", "kind", "label", "field", "text"])
        for match in matches {
            table.append([
                match.id.rawValue, match.kind.rawValue, match.label, match.field,
                match.field == "label" || match.field == "id" ? "" : Self.excerpt(match.text, around: arguments.positionals[0]),
            ])
        }
        output.stdout += table.text
        if matches.count < all.count { output.stdout += "(\(all.count - matches.count) more; --limit 0 shows all)\n" }
    }

    /// At most 60 characters of a long text, centred on where the query matches it after
    /// folding (case, width, id separators); from the start when it does not.
    static func excerpt(_ text: String, around query: String) -> String {
        let characters = Array(text)
        guard characters.count > 60 else { return text }
        var start = 0
        if let match = TextMatch.characterRange(of: query, in: text) {
            let centre = (match.lowerBound + match.upperBound) / 2
            start = max(0, min(centre - 29, characters.count - 59))
        }
        let end = min(characters.count, start + 59)
        return (start > 0 ? "…" : "") + String(characters[start..<end]) + (end < characters.count ? "…" : "")
    }
}
