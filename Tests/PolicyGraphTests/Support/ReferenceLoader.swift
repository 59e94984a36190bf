@testable import PolicyGraph

/// The loader as it was first written, row by row over `String`s and a `[String: Int]`
/// dictionary, on top of ``ReferenceCSV``: the yardstick for the byte-level loader. It gives
/// the rows it kept (as ``Node`` and ``Edge`` values) and every error and issue in the words
/// and on the lines the format promises.
struct ReferenceLoader {
    let schema: Schema
    var nodesFile = "nodes.csv"
    var edgesFile = "edges.csv"

    struct Output {
        var nodes: [Node] = []
        var edges: [Edge] = []
        var errors: [LoadError] = []
        var issues: [ValidationIssue] = []

        /// What ``LoadFailure`` would print, or `nil` when the load succeeds.
        var failureLines: [String]? {
            guard !errors.isEmpty || issues.contains(where: \.isError) else { return nil }
            return LoadFailure(errors: errors, issues: issues).lines
        }

        var warnings: [ValidationIssue] { issues.sorted { $0.location < $1.location } }
    }

    private struct HeaderError: Error {
        let error: LoadError
    }

    func load(nodes: [UInt8], edges: [UInt8]) -> Output {
        var out = Output()
        var index: [String: Int] = [:]
        var firstLine: [Int] = []
        var kinds: [Kind?] = []
        var nodesRead = false
        do {
            try readNodes(nodes, out: &out, index: &index, firstLine: &firstLine, kinds: &kinds)
            nodesRead = true
        } catch {
            out.errors.append(error.error)
        }
        do {
            try readEdges(edges, out: &out, known: nodesRead ? index : nil, kinds: kinds)
        } catch {
            out.errors.append(error.error)
        }
        return out
    }

    private func header(_ record: ReferenceCSV.Record, required: [String], file: String) throws(HeaderError) -> [String] {
        let names = record.fields
        let at = SourceLocation(file: file, line: record.line)
        guard names.count >= required.count, Array(names.prefix(required.count)) == required else {
            throw HeaderError(error: LoadError(.missingColumns(expected: required, found: names), at: at))
        }
        var seen: Set<String> = []
        for (i, name) in names.enumerated() {
            if name.isEmpty { throw HeaderError(error: LoadError(.emptyColumnName(position: i + 1), at: at)) }
            if !seen.insert(name).inserted { throw HeaderError(error: LoadError(.duplicateColumn(name: name), at: at)) }
        }
        return names
    }

    private func readNodes(
        _ bytes: [UInt8], out: inout Output, index: inout [String: Int], firstLine: inout [Int], kinds: inout [Kind?]
    ) throws(HeaderError) {
        let (records, syntaxError) = ReferenceCSV.readUntilError(bytes, file: nodesFile)
        if syntaxError?.reason == .invalidUTF8 || syntaxError?.reason == .nulByte, let syntaxError { throw HeaderError(error: syntaxError) }
        guard let first = records.first else {
            throw HeaderError(error: syntaxError ?? LoadError(.emptyFile, at: SourceLocation(file: nodesFile, line: 1)))
        }
        let names = try header(first, required: [Column.id, Column.kind, Column.label], file: nodesFile)
        for record in records.dropFirst() {
            let at = SourceLocation(file: nodesFile, line: record.line)
            guard record.fields.count == names.count else {
                out.errors.append(LoadError(.fieldCount(expected: names.count, found: record.fields.count, header: names), at: at))
                continue
            }
            let id = record.fields[0]
            if id.isEmpty {
                out.issues.append(ValidationIssue(.emptyField, field: Column.id, at: at))
            } else if let previous = index[id] {
                out.issues.append(ValidationIssue(.duplicateID(NodeID(id), firstLine: firstLine[previous]), field: Column.id, at: at))
            } else {
                index[id] = firstLine.count
            }
            if let control = id.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                out.issues.append(ValidationIssue(.controlCharacterInID(UInt8(control.value)), field: Column.id, at: at))
            }
            let kindText = record.fields[1]
            var kind: Kind?
            if schema.contains(Kind(kindText)) {
                kind = Kind(kindText)
            } else if kindText.isEmpty {
                out.issues.append(ValidationIssue(.emptyField, field: Column.kind, at: at))
            } else {
                let suggestions = Suggestions.closest(to: kindText, among: schema.kinds.map(\.kind.rawValue))
                out.issues.append(ValidationIssue(.unknownKind(Kind(kindText), suggestions: suggestions), field: Column.kind, at: at))
            }
            if record.fields[2].isEmpty {
                out.issues.append(ValidationIssue(.emptyLabel, field: Column.label, at: at))
            }
            firstLine.append(record.line)
            kinds.append(kind)
            var attributes: [String: String] = [:]
            for c in 3..<names.count where !record.fields[c].isEmpty { attributes[names[c]] = record.fields[c] }
            out.nodes.append(Node(id: NodeID(id), kind: kind ?? Kind(kindText), label: record.fields[2], attributes: attributes))
        }
        if let syntaxError { throw HeaderError(error: syntaxError) }
    }

    private func readEdges(_ bytes: [UInt8], out: inout Output, known: [String: Int]?, kinds: [Kind?]) throws(HeaderError) {
        let (records, syntaxError) = ReferenceCSV.readUntilError(bytes, file: edgesFile)
        if syntaxError?.reason == .invalidUTF8 || syntaxError?.reason == .nulByte, let syntaxError { throw HeaderError(error: syntaxError) }
        guard let first = records.first else {
            throw HeaderError(error: syntaxError ?? LoadError(.emptyFile, at: SourceLocation(file: edgesFile, line: 1)))
        }
        let names = try header(first, required: [Column.from, Column.relation, Column.to], file: edgesFile)
        var suggestionsLeft = 50
        let knownIDs = known.map { Array($0.keys) } ?? []
        for record in records.dropFirst() {
            let at = SourceLocation(file: edgesFile, line: record.line)
            guard record.fields.count == names.count else {
                out.errors.append(LoadError(.fieldCount(expected: names.count, found: record.fields.count, header: names), at: at))
                continue
            }
            func endpoint(_ field: Int, _ name: String) -> Int? {
                let id = record.fields[field]
                if id.isEmpty {
                    out.issues.append(ValidationIssue(.emptyField, field: name, at: at))
                    return nil
                }
                guard let known else { return nil }
                if let row = known[id] { return row }
                var suggestions: [String] = []
                if suggestionsLeft > 0 {
                    suggestionsLeft -= 1
                    suggestions = Suggestions.closest(to: id, among: knownIDs)
                }
                out.issues.append(ValidationIssue(.unknownNode(NodeID(id), suggestions: suggestions), field: name, at: at))
                return nil
            }
            let from = endpoint(0, Column.from)
            let relationText = record.fields[1]
            var rule: Schema.RelationRule?
            if let r = schema.rule(for: Relation(relationText)) {
                rule = r
            } else if relationText.isEmpty {
                out.issues.append(ValidationIssue(.emptyField, field: Column.relation, at: at))
            } else {
                let suggestions = Suggestions.closest(to: relationText, among: schema.relations.map(\.relation.rawValue))
                out.issues.append(ValidationIssue(.unknownRelation(Relation(relationText), suggestions: suggestions), field: Column.relation, at: at))
            }
            let to = endpoint(2, Column.to)
            if let from, let to, let rule, let fk = kinds[from], let tk = kinds[to], !schema.allows(rule.relation, from: fk, to: tk) {
                out.issues.append(ValidationIssue(.forbiddenEndpoints(rule.relation, from: fk, to: tk, allowed: rule.endpoints), field: Column.relation, at: at))
            }
            if let w = names.firstIndex(of: Column.weight), !record.fields[w].isEmpty, !(Double(record.fields[w])?.isFinite ?? false) {
                out.issues.append(ValidationIssue(.invalidWeight(record.fields[w]), field: Column.weight, at: at))
            }
            if let d = names.firstIndex(of: Column.date), !record.fields[d].isEmpty, !PolicyDate.isValid(record.fields[d]) {
                out.issues.append(ValidationIssue(.invalidDate(record.fields[d]), field: Column.date, at: at))
            }
            var attributes: [String: String] = [:]
            for c in 3..<names.count where !record.fields[c].isEmpty { attributes[names[c]] = record.fields[c] }
            out.edges.append(Edge(from: NodeID(record.fields[0]), relation: Relation(relationText), to: NodeID(record.fields[2]), attributes: attributes))
        }
        if let syntaxError { throw HeaderError(error: syntaxError) }
    }
}
