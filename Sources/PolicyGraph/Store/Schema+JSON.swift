extension Schema {
    /// This schema extended by a `schema.json` document:
    ///
    /// ```json
    /// {
    ///   "kinds": {"treaty": {"description": "A binding agreement", "actor": false}},
    ///   "relations": {
    ///     "ratifies": {"stance": 1, "endpoints": [{"from": ["country"], "to": ["treaty"]}]},
    ///     "supports": {"endpoints": [{"from": ["country"], "to": ["treaty"]}]}
    ///   },
    ///   "numeric": ["score"]
    /// }
    /// ```
    /// New kinds and relations are added; endpoints given for an existing relation are added to
    /// the ones it has. `kinds` may also be a plain list of names. `"stance"` is a relation's
    /// polarity: 1, -1, or 0 for a neutral stance (`abstains`), `false` for none; it may change a
    /// built-in's (`"proposes": {"stance": 1}`). A kind with `"actor": true` (new, or a built-in
    /// made an actor) may take stances, have members and be a member wherever built-in actors may.
    ///
    /// - Throws: ``LoadErrors`` listing every problem of the file, each at the line of the name it concerns.
    package func parsingExtension(_ json: [UInt8], file: String) throws(LoadErrors) -> Schema {
        let document: JSONValue
        do {
            document = try JSONParser.parse(json)
        } catch {
            throw LoadErrors([LoadError(.schemaSyntax(message: error.message),
                                        at: SourceLocation(file: file, line: error.line, column: error.column))])
        }
        let text = String(decoding: json, as: UTF8.self)
        var errors: [LoadError] = []
        func fail(_ message: String, near key: String) {
            errors.append(LoadError(.schemaContent(message: message), at: SourceLocation(file: file, line: Self.line(of: key, in: text))))
        }
        guard let top = document.objectValue else {
            throw LoadErrors([LoadError(.schemaContent(message: "the schema must be a JSON object with 'kinds', 'relations' and 'numeric'"),
                                        at: SourceLocation(file: file, line: 1))])
        }
        var kinds = self.kinds
        var relations = self.relations
        var numeric = self.numericAttributes
        let topKeys = ["kinds", "relations", "numeric"]
        for member in top where !topKeys.contains(member.key) {
            let hint = Suggestions.hint(Suggestions.closest(to: member.key, among: topKeys, limit: 1))
            fail("unknown schema section '\(member.key)'\(hint)", near: member.key)
        }
        // Kinds first, so that relations may use them.
        var newKinds: [(String, JSONValue?)] = []
        switch document["kinds"] {
        case .object(let members)?: newKinds = members.map { ($0.key, $0.value) }
        case .array(let items)?:
            for item in items {
                if let name = item.stringValue { newKinds.append((name, nil)) } else { fail("'kinds' must list kind names as strings", near: "kinds") }
            }
        case nil: break
        default: fail("'kinds' must be an object of kind names (or a list of names)", near: "kinds")
        }
        var newActors: [Kind] = []
        // By name, so that a schema of many kinds is read in linear time.
        var declared = Dictionary(kinds.enumerated().map { ($0.element.kind.rawValue, $0.offset) }, uniquingKeysWith: { first, _ in first })
        for (name, body) in newKinds {
            guard Self.isName(name) else {
                fail("kind '\(name)' is not a valid name; use letters, digits, '_' or '-', starting with a letter", near: name)
                continue
            }
            var actor = false
            if case .bool(let b)? = body?["actor"] { actor = b }
            if let i = declared[name] {
                // A kind already declared may be made an actor, never unmade one.
                if actor, !kinds[i].isActor {
                    kinds[i] = KindRule(kind: kinds[i].kind, description: kinds[i].description, isActor: true)
                    newActors.append(kinds[i].kind)
                }
                continue
            }
            let description = body?["description"]?.stringValue ?? ""
            declared[name] = kinds.count
            kinds.append(KindRule(kind: Kind(name), description: description, isActor: actor))
            if actor { newActors.append(Kind(name)) }
        }
        relations = Self.admitting(newActors, to: relations)
        let known = Set(kinds.map(\.kind.rawValue))
        if let body = document["relations"] {
            guard let members = body.objectValue else {
                fail("'relations' must be an object of relation names", near: "relations")
                throw LoadErrors(errors)
            }
            for member in members {
                let name = member.key
                guard Self.isName(name) else {
                    fail("relation '\(name)' is not a valid name; use letters, digits, '_' or '-', starting with a letter", near: name)
                    continue
                }
                // "stance": 1, -1 or 0 (neutral) makes the relation a stance; false makes it none.
                var polarity = 0
                var isStance: Bool?
                switch member.value["stance"] {
                case nil: break
                case .bool(false)?, .null?: isStance = false
                case let stance?:
                    if let v = stance.numberValue, [-1.0, 0, 1].contains(v) {
                        polarity = Int(v)
                        isStance = true
                    } else {
                        fail("relation '\(name)': 'stance' must be 1, -1, 0 (neutral) or false (no stance)", near: name)
                    }
                }
                var endpoints: [Endpoints] = []
                for pair in member.value["endpoints"]?.arrayValue ?? [] {
                    func kindsList(_ key: String) -> [Kind] {
                        guard let list = pair[key]?.arrayValue else {
                            fail("relation '\(name)': each endpoint needs '\(key)': [kinds]", near: name)
                            return []
                        }
                        var result: [Kind] = []
                        for item in list {
                            guard let k = item.stringValue else { fail("relation '\(name)': kinds are strings", near: name); continue }
                            if known.contains(k) { result.append(Kind(k)) } else {
                                let hint = Suggestions.hint(Suggestions.closest(to: k, among: known, limit: 1))
                                fail("relation '\(name)': unknown kind '\(k)' in '\(key)'\(hint)", near: name)
                            }
                        }
                        return result
                    }
                    endpoints.append(Endpoints(from: kindsList("from"), to: kindsList("to")))
                }
                if let i = relations.firstIndex(where: { $0.relation.rawValue == name }) {
                    // A graph may change the polarity of a built-in relation (`proposes` as support).
                    let old = relations[i]
                    relations[i] = RelationRule(relation: old.relation, description: old.description,
                                                polarity: isStance == nil ? old.polarity : polarity,
                                                endpoints: old.endpoints + endpoints.filter { !old.endpoints.contains($0) },
                                                isStance: isStance ?? old.isStance)
                } else {
                    if endpoints.isEmpty { fail("relation '\(name)' needs 'endpoints': [{\"from\": [...], \"to\": [...]}]", near: name) }
                    let description = member.value["description"]?.stringValue ?? ""
                    relations.append(RelationRule(relation: Relation(name), description: description, polarity: polarity,
                                                  endpoints: endpoints, isStance: isStance ?? false))
                }
            }
        }
        if let list = document["numeric"] {
            if let items = list.arrayValue, items.allSatisfy({ $0.stringValue != nil }) {
                numeric += items.compactMap(\.stringValue)
            } else {
                fail("'numeric' must be a list of column names", near: "numeric")
            }
        }
        // Kinds and relations are stored as 16-bit codes (one value kept for "none").
        if kinds.count > Self.maxKinds {
            fail("\(kinds.count) kinds, more than the \(Self.maxKinds) a schema may declare", near: "kinds")
        }
        if relations.count > Self.maxRelations {
            fail("\(relations.count) relations, more than the \(Self.maxRelations) a schema may declare", near: "relations")
        }
        if !errors.isEmpty { throw LoadErrors(errors) }
        return Schema(kinds: kinds, relations: relations, numericAttributes: numeric)
    }

    /// `relations` with `actors` (kinds declared actors by a schema.json) allowed wherever the
    /// built-in actors are: as the source of stances, memberships and participation, and as
    /// something to be a member of, so that a new actor kind (a bloc, an alliance) works at once.
    static func admitting(_ actors: [Kind], to relations: [RelationRule]) -> [RelationRule] {
        guard !actors.isEmpty else { return relations }
        let builtInActors = Set(Schema.builtInActors)
        return relations.map { rule in
            var added: [Endpoints] = []
            for pair in rule.endpoints {
                let fromActors = Set(pair.from) == builtInActors
                let toActors = Set(pair.to) == builtInActors
                if fromActors { added.append(Endpoints(from: actors, to: pair.to)) }
                if toActors { added.append(Endpoints(from: pair.from + (fromActors ? actors : []), to: actors)) }
            }
            // A schema read back from an export already holds them.
            added = added.filter { !rule.endpoints.contains($0) }
            guard !added.isEmpty else { return rule }
            return RelationRule(relation: rule.relation, description: rule.description, polarity: rule.polarity,
                                endpoints: rule.endpoints + added, isStance: rule.isStance)
        }
    }

    static func isName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first.properties.isAlphabetic else { return false }
        return s.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }

    /// The line of the first `"key"` in `text`, so content errors point near their cause.
    static func line(of key: String, in text: String) -> Int {
        guard let range = text.range(of: "\"\(key)\"") else { return 1 }
        return text[..<range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    }
}
