import PolicyGraph

/// How `policygraph overlap` shows an ``Overlap`` and an ``OverlapMatrix``: text for people, JSON
/// and CSV for programs. Pure functions of the results, so golden files can hold them.
enum OverlapRendering {
    /// The groups of an overlap in the order they are shown, with their JSON names.
    static func groups(_ overlap: Overlap) -> [(name: String, title: String, targets: [TargetComparison])] {
        [
            ("agree", "agree", overlap.agree), ("conflict", "conflict", overlap.conflict),
            ("halfway", "halfway: neutral against a side", overlap.halfway),
            ("onlyA", "only \(overlap.first)", overlap.onlyFirst), ("onlyB", "only \(overlap.second)", overlap.onlySecond),
        ]
    }

    // MARK: - One pair

    /// The measures, then each group of targets with both stances and the cites behind them.
    static func text(_ overlap: Overlap, graph: Graph) -> String {
        let a = overlap.first
        let b = overlap.second
        var out = "\(a) and \(b): \(overlap.union) target\(overlap.union == 1 ? "" : "s") with a stance (U): "
        out += "\(overlap.agree.count) agree, \(overlap.conflict.count) conflict, "
        if !overlap.halfway.isEmpty { out += "\(overlap.halfway.count) halfway, " }
        out += "\(overlap.onlyFirst.count) only \(a), \(overlap.onlySecond.count) only \(b)\n\n"
        var measures = TextTable(["measure", "value"])
        for measure in OverlapMeasure.allCases {
            measures.append([measure.rawValue, overlap.value(of: measure).map { decimals($0) } ?? "undefined"])
        }
        out += withMeanings(measures.text, overlap)
        if overlap.union == 0 { out += "\nNo target with a stance of either: every measure is undefined.\n" }
        for group in groups(overlap) where !group.targets.isEmpty {
            out += "\n\(group.title) (\(group.targets.count))\n"
            for comparison in group.targets {
                let label = graph.node(comparison.target)?.label ?? ""
                out += "  \(comparison.target)\(label.isEmpty ? "" : " (\(label.replacingNewlines))"): "
                out += "\(a) \(stanceText(comparison.first)), \(b) \(stanceText(comparison.second))\n"
                for (side, stance) in [(a, comparison.first), (b, comparison.second)] {
                    for edge in stance.evidence { out += "    \(side): \(evidenceText(edge, actor: side, target: comparison.target))\n" }
                }
            }
        }
        out += uncountedText(overlap, graph: graph)
        return out
    }

    /// `value` with three decimals, without a minus sign on zero: `0.333`, `-1.000`.
    static func decimals(_ value: Double) -> String {
        let scaled = (abs(value) * 1000).rounded()
        guard scaled.isFinite, scaled < 1e15 else { return "\(value)" }
        let whole = Int(scaled)
        let fraction = String(whole % 1000)
        let sign = value < 0 && whole != 0 ? "-" : ""
        return "\(sign)\(whole / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }

    /// `+1`, `-0.5`, `0`.
    static func stanceText(_ value: Double) -> String {
        value > 0 ? "+" + NumberText.short(value) : NumberText.short(value)
    }

    /// A stance's value, `0 (neutral)` for a neutral position.
    static func stanceText(_ stance: Stance) -> String {
        stance.isNeutral ? "0 (neutral)" : stanceText(stance.value)
    }

    /// One stance edge: who (when a member), the relation, the narrower target it was rolled up
    /// from, weight and date, then the cite.
    static func evidenceText(_ edge: Edge, actor: NodeID, target: NodeID? = nil) -> String {
        var parts: [String] = []
        if edge.from != actor { parts.append(edge.from.rawValue) }
        parts.append(edge.relation.rawValue)
        // Rolled up from a narrower target: name it.
        if let target, edge.to != target { parts.append("→ \(edge.to)") }
        if let weight = edge.weight { parts.append("×\(NumberText.short(weight))") }
        if let date = edge.date { parts.append(date) }
        let how = [edge.attributes[Column.evidence], edge.attributes[Column.by].map { "by \($0)" }].compactMap { $0 }
        if !how.isEmpty { parts.append("(" + how.joined(separator: ", ") + ")") }
        var line = parts.joined(separator: " ")
        if let cite = edge.cite { line += " | \(cite.replacingNewlines)" }
        return line
    }

    /// `{"a", "b", "agree", "conflict", "onlyA", "onlyB", "jaccard", "signed", "sScore", "kappa",
    /// "pi", "evidence"}`; `evidence` lists each target of U with both stances and their edges.
    static func json(_ overlap: Overlap) -> JSONValue {
        func ids(_ targets: [TargetComparison]) -> JSONValue { .array(targets.map { .string($0.target.rawValue) }) }
        func side(_ stance: Stance) -> JSONValue {
            .object(["stance": .double(stance.value), "neutral": .bool(stance.isNeutral), "edges": .array(stance.evidence.map(\.jsonValue))])
        }
        var evidence: [JSONValue] = []
        for group in groups(overlap) {
            for comparison in group.targets {
                evidence.append(.object([
                    "target": .string(comparison.target.rawValue), "group": .string(group.name),
                    "a": side(comparison.first), "b": side(comparison.second),
                ]))
            }
        }
        return .object([
            "a": .string(overlap.first.rawValue), "b": .string(overlap.second.rawValue),
            "agree": ids(overlap.agree), "conflict": ids(overlap.conflict), "halfway": ids(overlap.halfway),
            "onlyA": ids(overlap.onlyFirst), "onlyB": ids(overlap.onlySecond),
            "jaccard": .double(overlap.jaccard), "signed": .double(overlap.signed), "sScore": .double(overlap.sScore),
            "kappa": .double(overlap.kappa), "pi": .double(overlap.pi), "agreement": .double(overlap.agreement),
            "evidence": .array(evidence), "notCounted": uncountedJSON(overlap),
        ])
    }

    /// One row per target of U: its group, label and both stances.
    static func targetTable(_ overlap: Overlap, graph: Graph) -> TextTable {
        var table = TextTable(["group", "target", "label", overlap.first.rawValue, overlap.second.rawValue])
        for group in groups(overlap) {
            for comparison in group.targets {
                table.append([group.name, comparison.target.rawValue, graph.node(comparison.target)?.label ?? "",
                              NumberText.short(comparison.first.value), NumberText.short(comparison.second.value)])
            }
        }
        return table
    }

    // MARK: - The matrix

    /// The matrix with a row per actor; cells rounded to three decimals (`exact`: as in JSON), `-`
    /// (`exact`: empty) where undefined.
    static func matrixTable(_ matrix: OverlapMatrix, exact: Bool) -> TextTable {
        var table = TextTable([matrix.measure.rawValue] + matrix.actors.map(\.rawValue))
        for (i, actor) in matrix.actors.enumerated() {
            table.append([actor.rawValue] + matrix.values[i].map { value in
                guard let value else { return exact ? "" : "-" }
                return exact ? JSONValue.double(value).rendered(pretty: false) : decimals(value)
            })
        }
        return table
    }

    /// The text of ``matrixTable(_:exact:)``, laid out as `TextTable.text` does, but measuring
    /// only the ids by display width: the million cells of a 1,000-actor matrix are ASCII.
    static func matrixText(_ matrix: OverlapMatrix) -> String {
        let header = [matrix.measure.rawValue] + matrix.actors.map(\.rawValue)
        let rows = matrix.values.map { $0.map { $0.map(decimals) ?? "-" } }
        var widths = header.map { TextTable.displayWidth($0.replacingNewlines) }
        widths[0] = max(widths[0], matrix.actors.map { TextTable.displayWidth($0.rawValue.replacingNewlines) }.max() ?? 0)
        for row in rows { for (c, cell) in row.enumerated() where cell.utf8.count > widths[c + 1] { widths[c + 1] = cell.utf8.count } }
        var out = ""
        func line(_ cells: [String], _ cellWidths: [Int]) {
            var text = ""
            for (c, cell) in cells.enumerated() {
                text += cell
                if c < cells.count - 1 { text += String(repeating: " ", count: widths[c] - cellWidths[c] + 2) }
            }
            out += text.trimmedTrailing + "\n"
        }
        line(header.map(\.replacingNewlines), header.map { TextTable.displayWidth($0.replacingNewlines) })
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for (i, row) in rows.enumerated() {
            let id = matrix.actors[i].rawValue.replacingNewlines
            line([id] + row, [TextTable.displayWidth(id)] + row.map(\.utf8.count))
        }
        return out
    }

    /// `{"actors": [ids], "measure": name, "matrix": [[number or null]]}`.
    static func json(_ matrix: OverlapMatrix) -> JSONValue {
        .object([
            "actors": .array(matrix.actors.map { .string($0.rawValue) }),
            "measure": .string(matrix.measure.rawValue),
            "matrix": .array(matrix.values.map { row in .array(row.map { JSONValue.double($0) }) }),
        ])
    }

    /// The label of each actor for pictures, its id when the label is empty.
    static func labels(of actors: [NodeID], in graph: Graph) -> [NodeID: String] {
        var labels: [NodeID: String] = [:]
        for actor in actors {
            let label = graph.node(actor)?.label ?? ""
            labels[actor] = label.isEmpty ? actor.rawValue : label
        }
        return labels
    }
}
