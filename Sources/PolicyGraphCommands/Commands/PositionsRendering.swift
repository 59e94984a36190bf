import PolicyGraph

/// How `policygraph positions` shows a ``StanceTable`` and a ``Position``: pure functions of the
/// results, so that golden tests can hold them.
enum PositionsRendering {
    // MARK: - The table

    /// The grid with numbered columns, then the key naming each column's target.
    static func text(_ table: StanceTable, graph: Graph, order: StanceTableOrder) -> String {
        let how = order == .similar ? "similar rows and columns side by side" : "sorted by \(order.rawValue)"
        var out = "\(table.actors.count) actor\(table.actors.count == 1 ? "" : "s") × \(table.targets.count) target"
        out += "\(table.targets.count == 1 ? "" : "s") (+ supports, − opposes, 0 neutral, blank: no stance; \(how))\n\n"
        guard !table.actors.isEmpty, !table.targets.isEmpty else { return out + "No stance to show.\n" }
        var grid = TextTable(["actor", "label"] + table.targets.indices.map { String($0 + 1) })
        for (i, actor) in table.actors.enumerated() {
            grid.append([actor.rawValue, graph.node(actor)?.label ?? ""] + table.cells[i].map { $0?.symbol ?? "" })
        }
        out += grid.text + "\n"
        var key = TextTable(["#", "target", "label", "label_zh"])
        for (j, target) in table.targets.enumerated() {
            let node = graph.node(target)
            key.append([String(j + 1), target.rawValue, node?.label ?? "", node?.chineseLabel ?? ""])
        }
        return out + key.text
    }

    /// `actor,label,<target ids>` with s(t) per cell, empty for no stance.
    static func csv(_ table: StanceTable, graph: Graph) -> String {
        var out = TextTable(["actor", "label"] + table.targets.map(\.rawValue))
        for (i, actor) in table.actors.enumerated() {
            out.append(
                [actor.rawValue, graph.node(actor)?.label ?? ""] + table.cells[i].map { $0.map { NumberText.short($0.value) } ?? "" })
        }
        return out.csv
    }

    /// `{"actors": [ids], "targets": [ids], "values": [[number or null]], "cells": [{"actor",
    /// "target", "value", "stances": [{"from", "relation", "to", "weight", "date", "cite", "by", "evidence"}]}]}`;
    /// `cells` lists the cells with a stance, row by row.
    static func json(_ table: StanceTable) -> JSONValue {
        var cells: [JSONValue] = []
        for (i, actor) in table.actors.enumerated() {
            for (j, target) in table.targets.enumerated() {
                guard let stance = table.cells[i][j] else { continue }
                cells.append(
                    .object([
                        "actor": .string(actor.rawValue), "target": .string(target.rawValue),
                        "value": .double(stance.value), "stances": .array(stance.evidence.map(edgeJSON)),
                    ]))
            }
        }
        return .object([
            "actors": .array(table.actors.map { .string($0.rawValue) }),
            "targets": .array(table.targets.map { .string($0.rawValue) }),
            "values": .array(table.values.map { row in .array(row.map { JSONValue.double($0) }) }),
            "cells": .array(cells),
        ])
    }

    /// One stance edge: `{"from", "relation", "to", "weight", "date", "cite", "by", "evidence"}`,
    /// weight 1 when the cell is empty, `by` and `evidence` null when theirs are.
    static func edgeJSON(_ edge: Edge) -> JSONValue {
        .object([
            "from": .string(edge.from.rawValue), "relation": .string(edge.relation.rawValue), "to": .string(edge.to.rawValue),
            "weight": .double(edge.weight ?? 1), "date": edge.date.map { .string($0) } ?? .null,
            "cite": edge.cite.map { .string($0) } ?? .null,
            "by": edge.attributes[Column.by].map { .string($0) } ?? .null,
            "evidence": edge.attributes[Column.evidence].map { .string($0) } ?? .null,
        ])
    }

    // MARK: - One actor

    /// Each stance with its target's labels, then the edges behind it with their cites.
    static func text(_ position: Position, graph: Graph) -> String {
        let actor = position.actor
        let node = graph.node(actor)
        var out = "\(actor)"
        if let node { out += " (\(node.kind)): \(StanceTableSVG.name(of: actor, graph: graph, language: .both))" }
        out += " — \(position.stances.count) stance\(position.stances.count == 1 ? "" : "s")"
        if !position.members.isEmpty { out += ", with \(position.members.count) member\(position.members.count == 1 ? "" : "s")" }
        out += "\n"
        let width = max(3, position.stances.map { TextTable.displayWidth($0.symbol) }.max() ?? 0)
        for stance in position.stances {
            out +=
                "\n\(stance.symbol.padding(toLength: width)) \(stance.target) (\(StanceTableSVG.name(of: stance.target, graph: graph, language: .both).replacingNewlines))\n"
            for edge in stance.evidence { out += "    \(edgeText(edge, actor: actor, target: stance.target))\n" }
        }
        return out
    }

    /// `[member] relation [→ narrower target] [×weight] [date] [(evidence, by X)] | cite`, as
    /// `overlap` shows its evidence.
    static func edgeText(_ edge: Edge, actor: NodeID, target: NodeID) -> String {
        OverlapRendering.evidenceText(edge, actor: actor, target: target)
    }

    /// `{"actor", "members", "stances": [{"target", "value", "stances": [edges]}]}`.
    static func json(_ position: Position) -> JSONValue {
        .object([
            "actor": .string(position.actor.rawValue),
            "members": .array(position.members.map { .string($0.rawValue) }),
            "stances": .array(
                position.stances.map { stance in
                    .object([
                        "target": .string(stance.target.rawValue), "value": .double(stance.value),
                        "stances": .array(stance.evidence.map(edgeJSON)),
                    ])
                }),
        ])
    }

    /// One row per edge behind a stance: `target,label,value,from,relation,to,weight,date,by,evidence,cite`.
    static func evidenceTable(_ position: Position, graph: Graph) -> TextTable {
        var table = TextTable(["target", "label", "value", "from", "relation", "to", "weight", "date", "by", "evidence", "cite"])
        for stance in position.stances {
            for edge in stance.evidence {
                table.append([
                    stance.target.rawValue, graph.node(stance.target)?.label ?? "", NumberText.short(stance.value),
                    edge.from.rawValue, edge.relation.rawValue, edge.to.rawValue,
                    edge.weight.map(NumberText.short) ?? "", edge.date ?? "",
                    edge.attributes[Column.by] ?? "", edge.attributes[Column.evidence] ?? "", edge.cite ?? "",
                ])
            }
        }
        return table
    }
}
