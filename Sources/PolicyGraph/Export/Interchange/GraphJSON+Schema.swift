/// The schema part of a JSON document, and the `schema.json` that gives it over the built-in one.
struct SchemaDocument {
    let schema: Schema
    /// The `schema.json` document, `nil` when the schema is the built-in one.
    let value: JSONValue?
}

extension GraphJSONReader {
    /// Reads `schema` and derives the `schema.json` extension that reproduces it: new kinds, new
    /// relations, endpoints added to built-in relations, numeric columns. A schema that changes
    /// a built-in kind or relation cannot be written as a `schema.json`, and is refused.
    mutating func readSchema(_ value: JSONValue?) -> SchemaDocument? {
        let at: [JSONLocator.Step] = [.key("schema")]
        guard let value, value.objectValue != nil else {
            fail(.shape("'schema' must be an object with 'kinds', 'relations' and 'numeric'"), at: at)
            return nil
        }
        let before = errors.count
        var kinds: [Schema.KindRule] = []
        for (i, item) in (value["kinds"]?.arrayValue ?? []).enumerated() {
            guard let name = item["name"]?.stringValue else {
                fail(.schema("each kind needs a \"name\""), at: at + [.key("kinds"), .index(i)])
                continue
            }
            var actor = false
            if case .bool(let b)? = item["actor"] { actor = b }
            kinds.append(Schema.KindRule(kind: Kind(name), description: item["description"]?.stringValue ?? "", isActor: actor))
        }
        // Kinds are 16-bit codes: refuse an oversized schema before any work per kind.
        guard kinds.count <= Schema.maxKinds else {
            fail(.schema("\(kinds.count) kinds, more than the \(Schema.maxKinds) a schema may declare"), at: at + [.key("kinds")])
            return nil
        }
        var relations: [Schema.RelationRule] = []
        for (i, item) in (value["relations"]?.arrayValue ?? []).enumerated() {
            let path = at + [.key("relations"), .index(i)]
            guard let name = item["name"]?.stringValue else {
                fail(.schema("each relation needs a \"name\""), at: path)
                continue
            }
            let stance = item["stance"]?.numberValue ?? 0
            guard [-1.0, 0, 1].contains(stance) else {
                fail(.schema("relation '\(name)': 'stance' must be 1, -1 or 0"), at: path)
                continue
            }
            var endpoints: [Schema.Endpoints] = []
            for pair in item["endpoints"]?.arrayValue ?? [] {
                let from = (pair["from"]?.arrayValue ?? []).compactMap(\.stringValue).map { Kind($0) }
                let to = (pair["to"]?.arrayValue ?? []).compactMap(\.stringValue).map { Kind($0) }
                endpoints.append(Schema.Endpoints(from: from, to: to))
            }
            var neutral = false
            if case .bool(let b)? = item["neutral"] { neutral = b }
            relations.append(Schema.RelationRule(relation: Relation(name), description: item["description"]?.stringValue ?? "",
                                                 polarity: Int(stance), endpoints: endpoints, isStance: stance != 0 || neutral))
        }
        let numeric = (value["numeric"]?.arrayValue ?? []).compactMap(\.stringValue)
        // Kinds and relations are 16-bit codes: refuse what the loader could not hold.
        if kinds.count > Schema.maxKinds {
            fail(.schema("\(kinds.count) kinds, more than the \(Schema.maxKinds) a schema may declare"), at: at + [.key("kinds")])
        }
        if relations.count > Schema.maxRelations {
            fail(.schema("\(relations.count) relations, more than the \(Schema.maxRelations) a schema may declare"), at: at + [.key("relations")])
        }
        guard errors.count == before else { return nil }

        let builtIn = Schema.builtIn
        var newKinds: [JSONMember] = []
        for (i, rule) in kinds.enumerated() {
            if let known = builtIn.rule(for: rule.kind) {
                if known != rule {
                    fail(.schema("built-in kind '\(rule.kind)' is changed (description or actor); a schema.json can only add kinds"),
                         at: at + [.key("kinds"), .index(i)])
                }
            } else {
                newKinds.append(JSONMember(key: rule.kind.rawValue, value: .object([
                    "description": .string(rule.description), "actor": .bool(rule.isActor),
                ])))
            }
        }
        var newRelations: [JSONMember] = []
        for (i, rule) in relations.enumerated() {
            let path = at + [.key("relations"), .index(i)]
            if let known = builtIn.rule(for: rule.relation) {
                guard known.description == rule.description, rule.endpoints.starts(with: known.endpoints) else {
                    fail(.schema("built-in relation '\(rule.relation)' is changed; a schema.json can only add endpoints to it or change its stance"), at: path)
                    continue
                }
                let added = rule.endpoints.dropFirst(known.endpoints.count)
                var changes: [JSONMember] = []
                if known.polarity != rule.polarity || known.isStance != rule.isStance {
                    changes.append(JSONMember(key: "stance", value: rule.isStance ? .int(rule.polarity) : .bool(false)))
                }
                if !added.isEmpty { changes.append(JSONMember(key: "endpoints", value: .array(added.map(GraphJSON.endpointsValue)))) }
                if !changes.isEmpty { newRelations.append(JSONMember(key: rule.relation.rawValue, value: .object(changes))) }
            } else {
                var members: [JSONMember] = [JSONMember(key: "description", value: .string(rule.description))]
                if rule.isStance { members.append(JSONMember(key: "stance", value: .int(rule.polarity))) }
                members.append(JSONMember(key: "endpoints", value: .array(rule.endpoints.map(GraphJSON.endpointsValue))))
                newRelations.append(JSONMember(key: rule.relation.rawValue, value: .object(members)))
            }
        }
        for rule in builtIn.kinds where !kinds.contains(where: { $0.kind == rule.kind }) {
            fail(.schema("built-in kind '\(rule.kind)' is missing"), at: at + [.key("kinds")])
        }
        for rule in builtIn.relations where !relations.contains(where: { $0.relation == rule.relation }) {
            fail(.schema("built-in relation '\(rule.relation)' is missing"), at: at + [.key("relations")])
        }
        let newNumeric = numeric.filter { !builtIn.numericAttributes.contains($0) }
        guard errors.count == before else { return nil }

        var members: [JSONMember] = []
        if !newKinds.isEmpty { members.append(JSONMember(key: "kinds", value: .object(newKinds))) }
        if !newRelations.isEmpty { members.append(JSONMember(key: "relations", value: .object(newRelations))) }
        if !newNumeric.isEmpty { members.append(JSONMember(key: "numeric", value: .array(newNumeric.map { .string($0) }))) }
        let document: JSONValue? = members.isEmpty ? nil : .object(members)
        let schema: Schema
        if let document {
            do {
                schema = try builtIn.extended(with: Array(document.rendered().utf8), file: "schema")
            } catch {
                for e in error.errors { fail(.schema(e.message), at: at) }
                return nil
            }
        } else {
            schema = builtIn
        }
        return SchemaDocument(schema: schema, value: document)
    }
}
