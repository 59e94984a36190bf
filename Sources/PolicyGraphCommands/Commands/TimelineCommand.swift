import PolicyGraph

/// `policygraph timeline [NODE]`: dated stances and events in date order, with their cites.
struct TimelineCommand: Command {
    let spec = CommandSpec(
        name: "timeline", summary: "List dated stances and events in date order, with citations",
        discussion: "Lists every dated edge touching NODE (every dated edge without NODE), earliest first; a year or month counts as its first day, ties keep file order. Each line: date, the edge, who asserts it and how (by, evidence) when the edge says, then its cite. Undated edges are counted, not listed, unless --undated lists them at the end.",
        positionals: [PositionalSpec(name: "NODE", help: "an id, or a unique label or label_zh", optional: true)],
        options: [
            .flag("stances", "only stances (relations with a polarity, neutral ones included)"),
            .value("relation", "R", "only edges of this relation", repeatable: true),
            EvidenceOption.spec,
            .flag("undated", "also list the undated edges, after the dated ones, in file order"),
        ],
        formats: ["text", "json", "csv"],
        examples: ["policygraph timeline us", "policygraph timeline us --stances --undated",
                   "policygraph timeline --relation supports --evidence stated", "policygraph timeline --format json"])

    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        var options = TimelineOptions(stancesOnly: arguments.flag("stances"), includeUndated: arguments.flag("undated"))
        options.evidence = try EvidenceOption.parse(arguments, command: spec.name)
        let graph = try loadGraph(arguments)
        let node = try arguments.positionals.first.map { try resolve($0, in: graph) }
        options.relations = Set(try arguments.values("relation").map { try graph.checkedRelation($0) })
        let timeline = try graph.timeline(of: node, options: options)
        let undated = timeline.undatedEntries
        switch arguments.format(spec) {
        case "json":
            output.stdout += JSONValue.object([
                "node": node.map { .string($0.rawValue) } ?? .null,
                "entries": .array((timeline.entries + undated).map { entry in
                    .object([
                        "date": entry.date.isEmpty ? .null : .string(entry.date), "from": .string(entry.edge.from.rawValue),
                        "relation": .string(entry.edge.relation.rawValue), "to": .string(entry.edge.to.rawValue),
                        "stance": .bool(entry.isStance),
                        "by": cell(entry.edge, Column.by), "evidence": cell(entry.edge, Column.evidence),
                        "source": cell(entry.edge, Column.source), "cite": cell(entry.edge, Column.cite),
                    ])
                }),
                "undated": .int(timeline.undated),
            ]).rendered()
        case "csv":
            var table = TextTable(["date", "from", "relation", "to", "by", "evidence", "cite"])
            for entry in timeline.entries + undated {
                let e = entry.edge
                table.append([entry.date, e.from.rawValue, e.relation.rawValue, e.to.rawValue,
                              e.attributes[Column.by] ?? "", e.attributes[Column.evidence] ?? "", e.cite ?? ""])
            }
            output.stdout += table.csv
        default:
            for entry in timeline.entries + undated { output.stdout += line(entry) + "\n" }
            let count = timeline.entries.count
            let what = options.stancesOnly ? "stance" : "edge"
            output.stdout += "\(count) dated \(what)\(count == 1 ? "" : "s"); \(timeline.undated) undated "
                + (options.includeUndated ? "listed last\n" : "not shown (--undated lists them)\n")
        }
    }

    private func cell(_ edge: Edge, _ column: String) -> JSONValue {
        edge.attributes[column].map { .string($0) } ?? .null
    }

    /// `2024-05-14  us supports ai-for-development  (stated, by us)  | §01 ¶1: ...`
    private func line(_ entry: Timeline.Entry) -> String {
        let e = entry.edge
        var text = (entry.date.isEmpty ? "undated" : entry.date).padding(toLength: 10, withPad: " ", startingAt: 0) + "  "
        text += "\(e.from) \(e.relation) \(e.to)"
        if let weight = e.weight { text += " ×\(NumberText.short(weight))" }
        let how = [e.attributes[Column.evidence], e.attributes[Column.by].map { "by \($0)" }].compactMap { $0 }
        if !how.isEmpty { text += " (" + how.joined(separator: ", ") + ")" }
        if let cite = e.cite { text += " | " + cite.replacingNewlines }
        return text
    }
}
