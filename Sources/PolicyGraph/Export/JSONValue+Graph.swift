extension Node {
    /// `{"id", "kind", "label", "attributes": {...}}`, attributes sorted by name.
    package var jsonValue: JSONValue {
        .object([
            "id": .string(id.rawValue), "kind": .string(kind.rawValue), "label": .string(label),
            "attributes": .object(attributes.sorted { $0.key < $1.key }.map { JSONMember(key: $0.key, value: .string($0.value)) }),
        ])
    }

    /// `{"id", "kind", "label"}`: how a node appears inside results.
    package var jsonSummary: JSONValue {
        .object(["id": .string(id.rawValue), "kind": .string(kind.rawValue), "label": .string(label)])
    }
}

extension Edge {
    /// `{"from", "relation", "to", "attributes": {...}}`, attributes sorted by name.
    package var jsonValue: JSONValue {
        .object([
            "from": .string(from.rawValue), "relation": .string(relation.rawValue), "to": .string(to.rawValue),
            "attributes": .object(attributes.sorted { $0.key < $1.key }.map { JSONMember(key: $0.key, value: .string($0.value)) }),
        ])
    }
}
