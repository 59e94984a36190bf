/// The kinds and relations an import uses that the schema does not declare, with the kinds each
/// relation was seen to join: enough for the `schema.json` that would declare them all. A name
/// close to a declared one (`suports`) is a likely typo, answered by a suggestion instead, and
/// left out.
package struct UndeclaredVocabulary: Sendable, Equatable {
    /// Undeclared kinds, sorted; with whether a node of the kind is the source of a row.
    public private(set) var kinds: [String: Bool] = [:]
    /// Undeclared relations, by name: the kinds of the sources and targets seen (those known).
    public private(set) var relations: [String: (from: Set<String>, to: Set<String>)] = [:]

    /// Whether everything the import uses is declared.
    public var isEmpty: Bool { kinds.isEmpty && relations.isEmpty }

    mutating func add(kind: String, isSource: Bool) {
        kinds[kind] = (kinds[kind] ?? false) || isSource
    }

    mutating func add(relation: String, from: String?, to: String?) {
        var ends = relations[relation] ?? ([], [])
        if let from, !from.isEmpty { ends.from.insert(from) }
        if let to, !to.isEmpty { ends.to.insert(to) }
        relations[relation] = ends
    }

    /// A `schema.json` that declares them: each kind (an actor when a row starts at one of its
    /// nodes), each relation with the kinds it was seen to join (`"..."` where none was seen).
    /// Whether a relation is a stance cannot be seen from the rows; it says none.
    public var schemaSnippet: String {
        func line(_ name: String, _ body: JSONValue) -> String { "    \(JSONValue.quote(name)): \(body.rendered(pretty: false))" }
        var sections: [String] = []
        if !kinds.isEmpty {
            let lines = kinds.keys.sorted().map { kind in
                line(kind, .object(["description": .string(""), "actor": .bool(kinds[kind] ?? false)]))
            }
            sections.append("  \"kinds\": {\n" + lines.joined(separator: ",\n") + "\n  }")
        }
        if !relations.isEmpty {
            let lines = relations.keys.sorted().map { relation in
                let ends = relations[relation] ?? ([], [])
                func list(_ kinds: Set<String>) -> JSONValue { .array((kinds.isEmpty ? ["..."] : kinds.sorted()).map { .string($0) }) }
                return line(relation, .object([
                    "description": .string(""),
                    "endpoints": .array([.object(["from": list(ends.from), "to": list(ends.to)])]),
                ]))
            }
            sections.append("  \"relations\": {\n" + lines.joined(separator: ",\n") + "\n  }")
        }
        return "{\n" + sections.joined(separator: ",\n") + "\n}\n"
    }

    /// The same kinds and relations, with the same kinds seen at their ends.
    public static func == (lhs: UndeclaredVocabulary, rhs: UndeclaredVocabulary) -> Bool {
        lhs.kinds == rhs.kinds && lhs.relations.keys.sorted() == rhs.relations.keys.sorted()
            && lhs.relations.keys.allSatisfy { lhs.relations[$0]?.from == rhs.relations[$0]?.from && lhs.relations[$0]?.to == rhs.relations[$0]?.to }
    }
}
