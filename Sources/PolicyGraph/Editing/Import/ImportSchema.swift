/// A `schema.json` document that comes with an import: a file given beside the rows, or the one
/// a GraphML export carries. It declares the kinds and relations the rows use.
///
/// The rule when the graph has a schema already: the import's schema may only **add** to it
/// (new kinds, new relations, endpoints, kinds made actors). A relation whose stance the graph
/// already fixes (in its `schema.json`, or built in) must keep it: declaring another stance is
/// a conflict, reported at the line of the file, and nothing is written. Descriptions the graph
/// has are kept. Into a new graph, the schema is taken as given (it may change a built-in
/// relation's stance); several documents there follow the same rule among themselves.
package struct ImportSchema: Sendable {
    /// The `attr.name` of the GraphML graph key whose data is the schema (see ``GraphML``).
    public static let graphMLKeyName = "policygraph.schema"

    /// The document's bytes.
    public let bytes: [UInt8]
    /// The file it is in, for messages.
    public let file: String
    /// Lines of `file` before the document's first line (it may sit inside a GraphML file).
    public let lineOffset: Int

    /// A document as given.
    public init(bytes: [UInt8], file: String, lineOffset: Int = 0) {
        self.bytes = bytes
        self.file = file
        self.lineOffset = lineOffset
    }

    /// `base` extended by this document.
    ///
    /// - Throws: ``LoadFailure`` with every problem of the document, at its lines in `file`.
    func extending(_ base: Schema) throws(LoadFailure) -> Schema {
        do {
            return try base.parsingExtension(bytes, file: file)
        } catch {
            throw LoadFailure(errors: error.errors.map { e in
                let at = e.location
                return LoadError(e.reason, at: SourceLocation(file: at.file, line: at.line + lineOffset, column: at.column))
            }, issues: [])
        }
    }
}

/// The graph's schema and the schemas an import brings, combined by the rule of
/// ``ImportSchema``, and the `schema.json` text that declares the result.
struct SchemaCombination {
    /// The schema the import is checked against.
    let schema: Schema
    /// The `schema.json` to write; `nil` when the graph's stays as it is.
    let newText: [UInt8]?

    /// Combines `graphText` (the folder's `schema.json`, `nil` when it has none) with `imports`.
    /// With `isNew`, the graph is new and the built-in stances are not yet fixed.
    ///
    /// - Throws: ``LoadFailure`` (a document that is no schema), ``SheetImportFailure`` (conflicts).
    static func combine(graphText: [UInt8]?, graphFile: String, imports: [ImportSchema], isNew: Bool) throws -> SchemaCombination {
        let base = try graphText.map { try Schema.builtIn.extended(with: $0, file: graphFile) } ?? Schema.builtIn
        guard !imports.isEmpty else { return SchemaCombination(schema: base, newText: nil) }
        // The stance of each relation fixed so far, and where it was fixed.
        var fixed: [Relation: (rule: Schema.RelationRule, file: String)] = [:]
        if !isNew || graphText != nil { for rule in base.relations { fixed[rule.relation] = (rule, graphText == nil ? "the built-in schema" : graphFile) } }
        var schema = base
        var issues: [ImportIssue] = []
        var documents: [JSONValue] = []
        if let graphText, let document = try? JSONParser.parse(graphText) { documents.append(document) }
        for source in imports {
            let extended = try source.extending(schema)
            let text = String(decoding: source.bytes, as: UTF8.self)
            for rule in extended.relations {
                if let (old, file) = fixed[rule.relation], old.polarity != rule.polarity || old.isStance != rule.isStance {
                    issues.append(ImportIssue(.schemaConflict(relation: rule.relation.rawValue, stance: rule.isStance ? rule.polarity : nil,
                                                              fixed: old.isStance ? old.polarity : nil, in: file),
                                              at: location(of: rule.relation.rawValue, in: text, source)))
                }
            }
            // What this document declares or changes is fixed for the documents after it.
            for rule in extended.relations where fixed[rule.relation] == nil && schema.rule(for: rule.relation) != rule {
                fixed[rule.relation] = (rule, source.file)
            }
            schema = extended
            if let document = try? JSONParser.parse(source.bytes) { documents.append(document) }
        }
        if !issues.isEmpty { throw SheetImportFailure(issues) }
        if schema == base { return SchemaCombination(schema: base, newText: nil) }
        // One document alone is written as given; several are merged member by member.
        if graphText == nil, imports.count == 1 { return SchemaCombination(schema: schema, newText: imports[0].bytes) }
        let merged = Array(merge(documents).rendered().utf8)
        return SchemaCombination(schema: schema, newText: merged)
    }

    /// Where `"name"` first stands in `text`: its line (in the file) and column.
    static func location(of name: String, in text: String, _ source: ImportSchema) -> SourceLocation {
        guard let range = text.range(of: "\"\(name)\"") else { return SourceLocation(file: source.file, line: 1 + source.lineOffset) }
        let before = text[..<range.lowerBound]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let column = before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0) + 1
        return SourceLocation(file: source.file, line: line + source.lineOffset, column: column)
    }

    /// One `schema.json` document declaring what `documents` declare: kinds and relations by
    /// name (the first description kept, `actor: true` kept, endpoints joined, the last stance),
    /// numeric columns joined.
    static func merge(_ documents: [JSONValue]) -> JSONValue {
        var kinds: [(String, [JSONMember])] = []
        var relations: [(String, [JSONMember])] = []
        var numeric: [String] = []
        func upsert(_ list: inout [(String, [JSONMember])], _ name: String, _ body: [JSONMember]) {
            guard let i = list.firstIndex(where: { $0.0 == name }) else {
                list.append((name, body))
                return
            }
            var members = list[i].1
            for member in body {
                if let j = members.firstIndex(where: { $0.key == member.key }) {
                    switch member.key {
                    case "endpoints":
                        let old = members[j].value.arrayValue ?? []
                        members[j] = JSONMember(key: "endpoints", value: .array(old + (member.value.arrayValue ?? []).filter { !old.contains($0) }))
                    case "stance": members[j] = member
                    case "actor": if member.value == .bool(true) { members[j] = member }
                    default: break
                    }
                } else {
                    members.append(member)
                }
            }
            list[i].1 = members
        }
        for document in documents {
            switch document["kinds"] {
            case .object(let members)?: for m in members { upsert(&kinds, m.key, m.value.objectValue ?? []) }
            case .array(let items)?: for name in items.compactMap(\.stringValue) { upsert(&kinds, name, []) }
            default: break
            }
            for m in document["relations"]?.objectValue ?? [] { upsert(&relations, m.key, m.value.objectValue ?? []) }
            for name in (document["numeric"]?.arrayValue ?? []).compactMap(\.stringValue) where !numeric.contains(name) { numeric.append(name) }
        }
        var top: [JSONMember] = []
        if !kinds.isEmpty { top.append(JSONMember(key: "kinds", value: .object(kinds.map { JSONMember(key: $0.0, value: .object($0.1)) }))) }
        if !relations.isEmpty { top.append(JSONMember(key: "relations", value: .object(relations.map { JSONMember(key: $0.0, value: .object($0.1)) }))) }
        if !numeric.isEmpty { top.append(JSONMember(key: "numeric", value: .array(numeric.map { .string($0) }))) }
        return .object(top)
    }
}
