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
    /// the ones it has. `kinds` may also be a plain list of names.
    ///
    /// - Throws: ``LoadFailure`` listing every problem of the file, each at the line of the name it concerns.
    public func extended(with json: [UInt8], file: String) throws(LoadFailure) -> Schema {
        let document: JSONValue
        do {
            document = try JSONParser.parse(json)
        } catch {
            throw LoadFailure(errors: [LoadError(.schemaSyntax(message: error.message),
                                                 at: SourceLocation(file: file, line: error.line, column: error.column))], issues: [])
        }
        let text = String(decoding: json, as: UTF8.self)
        var errors: [LoadError] = []
        func fail(_ message: String, near key: String) {
            errors.append(LoadError(.schemaContent(message: message), at: SourceLocation(file: file, line: Self.line(of: key, in: text))))
        }
        guard let top = document.objectValue else {
            throw LoadFailure(errors: [LoadError(.schemaContent(message: "the schema must be a JSON object with 'kinds', 'relations' and 'numeric'"),
                                                 at: SourceLocation(file: file, line: 1))], issues: [])
        }
        var kinds = self.kinds
        var relations = self.relations
        var numeric = self.numericAttributes
        let topKeys = ["kinds", "relations", "numeric"]
        for member in top where !topKeys.contains(member.key) {
            let hint = Suggestions.closest(to: member.key, among: topKeys).first.map { "; did you mean '\($0)'?" } ?? ""
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
        var declared = Set(kinds.map(\.kind.rawValue))
        for (name, body) in newKinds {
            guard Self.isName(name) else {
                fail("kind '\(name)' is not a valid name; use letters, digits, '_' or '-', starting with a letter", near: name)
                continue
            }
            if !declared.insert(name).inserted { continue }
            let description = body?["description"]?.stringValue ?? ""
            var actor = false
            if case .bool(let b)? = body?["actor"] { actor = b }
            kinds.append(KindRule(kind: Kind(name), description: description, isActor: actor))
        }
        let known = Set(kinds.map(\.kind.rawValue))
        if let body = document["relations"] {
            guard let members = body.objectValue else {
                fail("'relations' must be an object of relation names", near: "relations")
                throw LoadFailure(errors: errors, issues: [])
            }
            for member in members {
                let name = member.key
                guard Self.isName(name) else {
                    fail("relation '\(name)' is not a valid name; use letters, digits, '_' or '-', starting with a letter", near: name)
                    continue
                }
                var polarity = 0
                if let stance = member.value["stance"] {
                    if let v = stance.numberValue, [-1.0, 0, 1].contains(v) { polarity = Int(v) } else { fail("relation '\(name)': 'stance' must be 1, -1 or 0", near: name) }
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
                                let hint = Suggestions.closest(to: k, among: known).first.map { "; did you mean '\($0)'?" } ?? ""
                                fail("relation '\(name)': unknown kind '\(k)' in '\(key)'\(hint)", near: name)
                            }
                        }
                        return result
                    }
                    endpoints.append(Endpoints(from: kindsList("from"), to: kindsList("to")))
                }
                if let i = relations.firstIndex(where: { $0.relation.rawValue == name }) {
                    let old = relations[i]
                    if member.value["stance"] != nil, polarity != old.polarity {
                        fail("relation '\(name)' is built in with stance \(old.polarity); its stance cannot change", near: name)
                    }
                    relations[i] = RelationRule(relation: old.relation, description: old.description, polarity: old.polarity, endpoints: old.endpoints + endpoints)
                } else {
                    if endpoints.isEmpty { fail("relation '\(name)' needs 'endpoints': [{\"from\": [...], \"to\": [...]}]", near: name) }
                    let description = member.value["description"]?.stringValue ?? ""
                    relations.append(RelationRule(relation: Relation(name), description: description, polarity: polarity, endpoints: endpoints))
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
        if !errors.isEmpty { throw LoadFailure(errors: errors, issues: []) }
        return Schema(kinds: kinds, relations: relations, numericAttributes: numeric)
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
