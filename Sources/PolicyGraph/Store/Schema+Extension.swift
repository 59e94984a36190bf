extension Schema {
    /// The `schema.json` document that extends ``Schema/builtIn`` to this schema: new kinds,
    /// built-in kinds made actors, new relations, endpoints and stances given to built-in
    /// relations, numeric columns; `nil` when this is the built-in schema. Exports that carry the
    /// schema (GraphML) write it, so that the graph comes back with its own vocabulary.
    package func extensionDocument() -> JSONValue? {
        let builtIn = Schema.builtIn
        // Endpoints a new actor kind brings to the built-in relations come back by themselves.
        let newActors = self.kinds.filter { rule in rule.isActor && builtIn.rule(for: rule.kind)?.isActor != true }.map(\.kind)
        let admitted = Schema.admitting(newActors, to: builtIn.relations)
        var kinds: [JSONMember] = []
        for rule in self.kinds {
            if let known = builtIn.rule(for: rule.kind) {
                if rule.isActor, !known.isActor { kinds.append(JSONMember(key: rule.kind.rawValue, value: .object(["actor": .bool(true)]))) }
            } else {
                kinds.append(JSONMember(key: rule.kind.rawValue, value: .object([
                    "description": .string(rule.description), "actor": .bool(rule.isActor),
                ])))
            }
        }
        func endpoints(_ pairs: some Sequence<Endpoints>) -> JSONValue {
            .array(pairs.map { pair in
                .object(["from": .array(pair.from.map { .string($0.rawValue) }), "to": .array(pair.to.map { .string($0.rawValue) })])
            })
        }
        func stance(_ rule: RelationRule) -> JSONValue { rule.isStance ? .number(String(rule.polarity)) : .bool(false) }
        var relations: [JSONMember] = []
        for rule in self.relations {
            if let known = builtIn.rule(for: rule.relation) {
                let implied = admitted.first { $0.relation == rule.relation }?.endpoints ?? known.endpoints
                var changes: [JSONMember] = []
                if known.polarity != rule.polarity || known.isStance != rule.isStance { changes.append(JSONMember(key: "stance", value: stance(rule))) }
                let added = rule.endpoints.filter { !implied.contains($0) }
                if !added.isEmpty { changes.append(JSONMember(key: "endpoints", value: endpoints(added))) }
                if !changes.isEmpty { relations.append(JSONMember(key: rule.relation.rawValue, value: .object(changes))) }
            } else {
                var members = [JSONMember(key: "description", value: .string(rule.description))]
                if rule.isStance { members.append(JSONMember(key: "stance", value: stance(rule))) }
                members.append(JSONMember(key: "endpoints", value: endpoints(rule.endpoints)))
                relations.append(JSONMember(key: rule.relation.rawValue, value: .object(members)))
            }
        }
        let numeric = numericAttributes.filter { !builtIn.numericAttributes.contains($0) }
        var document: [JSONMember] = []
        if !kinds.isEmpty { document.append(JSONMember(key: "kinds", value: .object(kinds))) }
        if !relations.isEmpty { document.append(JSONMember(key: "relations", value: .object(relations))) }
        if !numeric.isEmpty { document.append(JSONMember(key: "numeric", value: .array(numeric.map { .string($0) }))) }
        return document.isEmpty ? nil : .object(document)
    }
}
