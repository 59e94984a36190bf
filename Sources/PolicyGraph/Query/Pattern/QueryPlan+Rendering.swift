/// A plan as JSON and as CSV rows, for `--explain --format json|csv`.
extension QueryPlan {
    /// `{"engine": "pattern", "steps": [{"operation", "text", ..., "steps": [...]}]}`: each step
    /// with the fields it has (variable, kinds, anchor, relations, direction, hops, ids, method)
    /// and its own steps.
    package var jsonValue: JSONValue {
        .object(["engine": .string(engine.rawValue), "steps": .array(steps.map(\.jsonValue))])
    }

    /// The columns of ``csvRows``.
    package static let csvHeader = [
        "depth", "operation", "text", "variable", "kinds", "anchor", "relations", "direction", "hops", "ids", "method",
    ]

    /// One row per step, depth first, `depth` 0 for a clause; lists joined by `|`.
    package var csvRows: [[String]] {
        var rows: [[String]] = []
        func add(_ step: QueryPlanStep, depth: Int) {
            rows.append([String(depth), step.operation.rawValue, step.text, step.variable ?? "", step.kinds.joined(separator: "|"),
                         step.anchor ?? "", step.relations.joined(separator: "|"), step.direction?.rawValue ?? "",
                         step.hops?.description ?? "", step.ids.joined(separator: "|"), step.method?.rawValue ?? ""])
            for child in step.steps { add(child, depth: depth + 1) }
        }
        for step in steps { add(step, depth: 0) }
        return rows
    }
}

extension QueryPlanStep {
    package var jsonValue: JSONValue {
        var members = [JSONMember(key: "operation", value: .string(operation.rawValue)), JSONMember(key: "text", value: .string(text))]
        func add(_ key: String, _ value: JSONValue?) {
            if let value { members.append(JSONMember(key: key, value: value)) }
        }
        func list(_ items: [String]) -> JSONValue? { items.isEmpty ? nil : .array(items.map { .string($0) }) }
        add("variable", variable.map { .string($0) })
        add("kinds", list(kinds))
        add("anchor", anchor.map { .string($0) })
        add("relations", list(relations))
        add("direction", direction.map { .string($0.rawValue) })
        add("hops", hops.map { .object(["min": .int($0.min), "max": $0.max.map { .int($0) } ?? .null]) })
        add("ids", list(ids))
        add("method", method.map { .string($0.rawValue) })
        if !steps.isEmpty { add("steps", .array(steps.map(\.jsonValue))) }
        return .object(members)
    }
}
