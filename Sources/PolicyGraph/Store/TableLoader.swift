/// The row-by-row work of ``GraphLoader``: parse both CSV files, check each row against the
/// format and the schema, and fill the column tables the ``Graph`` is built from.
struct TableLoader {
    let schema: Schema
    let nodesFile: String
    let edgesFile: String

    private static let nodeHeader = [Column.id, Column.kind, Column.label]
    private static let edgeHeader = [Column.from, Column.relation, Column.to]
    /// Unknown ids beyond this many get no suggestions: a search over a million ids each is slow.
    private static let suggestionBudget = 50

    func run(nodes: UnsafeBufferPointer<UInt8>, edges: UnsafeBufferPointer<UInt8>) -> Result<LoadedGraph, LoadFailure> {
        var errors: [LoadError] = []
        var issues: [ValidationIssue] = []
        var nodeTable = NodeTable()
        var index: [NodeID: Int32] = [:]
        var firstLine: [Int32] = []
        var nodesRead = false
        do {
            try readNodes(nodes, into: &nodeTable, index: &index, firstLine: &firstLine, errors: &errors, issues: &issues)
            nodesRead = true
        } catch {
            errors.append(error)
        }
        var edgeTable = EdgeTable()
        do {
            try readEdges(edges, knownNodes: nodesRead ? index : nil, nodeKinds: nodeTable.kinds,
                          into: &edgeTable, errors: &errors, issues: &issues)
        } catch {
            errors.append(error)
        }
        if !errors.isEmpty || issues.contains(where: \.isError) {
            return .failure(LoadFailure(errors: errors, issues: issues))
        }
        let graph = Graph(schema: schema, nodes: nodeTable, edges: edgeTable, index: index)
        return .success(LoadedGraph(graph: graph, warnings: issues.sorted { $0.location < $1.location }))
    }

    /// Checks a header: the required columns first, in order, then unique non-empty names.
    private func header(_ record: CSVRecord, required: [String], file: String) throws(LoadError) -> [String] {
        let names = (0..<record.count).map { record.string($0) }
        let at = SourceLocation(file: file, line: record.line)
        guard names.count >= required.count, Array(names.prefix(required.count)) == required else {
            throw LoadError(.missingColumns(expected: required, found: names), at: at)
        }
        var seen: Set<String> = []
        for (i, name) in names.enumerated() {
            if name.isEmpty { throw LoadError(.emptyColumnName(position: i + 1), at: at) }
            if !seen.insert(name).inserted { throw LoadError(.duplicateColumn(name: name), at: at) }
        }
        return names
    }

    private func readNodes(
        _ buffer: UnsafeBufferPointer<UInt8>, into table: inout NodeTable, index: inout [NodeID: Int32],
        firstLine: inout [Int32], errors: inout [LoadError], issues: inout [ValidationIssue]
    ) throws(LoadError) {
        var names: [String]?
        var builders: [AttributeColumnBuilder] = []
        var lastKind: (String, UInt16)?
        let kindNames = schema.kinds.map(\.kind.rawValue)
        try CSVReader.read(buffer, file: nodesFile) { (record: CSVRecord) throws(LoadError) in
            guard let header = names else {
                let h = try header(record, required: Self.nodeHeader, file: nodesFile)
                names = h
                builders = h.dropFirst(2).map { AttributeColumnBuilder(name: $0) }
                return
            }
            let at = SourceLocation(file: nodesFile, line: record.line)
            guard record.count == header.count else {
                errors.append(LoadError(.fieldCount(expected: header.count, found: record.count), at: at))
                return
            }
            let id = NodeID(record.string(0))
            let row = Int32(table.ids.count)
            if id.rawValue.isEmpty {
                issues.append(ValidationIssue(.emptyField, field: Column.id, at: at))
            } else if let previous = index[id] {
                issues.append(ValidationIssue(.duplicateID(id, firstLine: Int(firstLine[Int(previous)])), field: Column.id, at: at))
            } else {
                index[id] = row
            }
            let kindText = record.string(1)
            var kind: UInt16 = 0
            if let last = lastKind, last.0 == kindText {
                kind = last.1
            } else if let k = schema.kindIndex[Kind(kindText)] {
                kind = UInt16(k)
                lastKind = (kindText, kind)
            } else if kindText.isEmpty {
                issues.append(ValidationIssue(.emptyField, field: Column.kind, at: at))
                kind = UInt16.max
            } else {
                let suggestions = Suggestions.closest(to: kindText, among: kindNames)
                issues.append(ValidationIssue(.unknownKind(Kind(kindText), suggestions: suggestions), field: Column.kind, at: at))
                kind = UInt16.max
            }
            if record.isEmpty(2) {
                issues.append(ValidationIssue(.emptyLabel, field: Column.label, at: at))
            }
            table.ids.append(id)
            table.kinds.append(kind)
            firstLine.append(Int32(record.line))
            for c in 2..<record.count { builders[c - 2].append(record.string(c)) }
        }
        if names == nil {
            throw LoadError(.emptyFile, at: SourceLocation(file: nodesFile, line: 1))
        }
        table.columns = builders.map { $0.build() }
    }

    private func readEdges(
        _ buffer: UnsafeBufferPointer<UInt8>, knownNodes: [NodeID: Int32]?, nodeKinds: [UInt16],
        into table: inout EdgeTable, errors: inout [LoadError], issues: inout [ValidationIssue]
    ) throws(LoadError) {
        var names: [String]?
        var builders: [AttributeColumnBuilder] = []
        var weightColumn: Int?
        var dateColumn: Int?
        var lastRelation: (String, Int)?
        var suggestionsLeft = Self.suggestionBudget
        let relationNames = schema.relations.map(\.relation.rawValue)
        let kindCount = schema.kinds.count
        try CSVReader.read(buffer, file: edgesFile) { (record: CSVRecord) throws(LoadError) in
            guard let header = names else {
                let h = try header(record, required: Self.edgeHeader, file: edgesFile)
                names = h
                builders = h.dropFirst(3).map { AttributeColumnBuilder(name: $0) }
                weightColumn = h.firstIndex(of: Column.weight)
                dateColumn = h.firstIndex(of: Column.date)
                return
            }
            let at = SourceLocation(file: edgesFile, line: record.line)
            guard record.count == header.count else {
                errors.append(LoadError(.fieldCount(expected: header.count, found: record.count), at: at))
                return
            }
            func endpoint(_ field: Int, _ name: String) -> Int32? {
                let id = NodeID(record.string(field))
                if id.rawValue.isEmpty {
                    issues.append(ValidationIssue(.emptyField, field: name, at: at))
                    return nil
                }
                guard let knownNodes else { return nil }
                if let i = knownNodes[id] { return i }
                var suggestions: [String] = []
                if suggestionsLeft > 0 {
                    suggestionsLeft -= 1
                    suggestions = Suggestions.closest(to: id.rawValue, among: knownNodes.keys.lazy.map(\.rawValue))
                }
                issues.append(ValidationIssue(.unknownNode(id, suggestions: suggestions), field: name, at: at))
                return nil
            }
            let from = endpoint(0, Column.from)
            let relationText = record.string(1)
            var relation: Int?
            if let last = lastRelation, last.0 == relationText {
                relation = last.1
            } else if let r = schema.relationIndex[Relation(relationText)] {
                relation = r
                lastRelation = (relationText, r)
            } else if relationText.isEmpty {
                issues.append(ValidationIssue(.emptyField, field: Column.relation, at: at))
            } else {
                let suggestions = Suggestions.closest(to: relationText, among: relationNames)
                issues.append(ValidationIssue(.unknownRelation(Relation(relationText), suggestions: suggestions), field: Column.relation, at: at))
            }
            let to = endpoint(2, Column.to)
            if let from, let to, let relation {
                let fk = Int(nodeKinds[Int(from)])
                let tk = Int(nodeKinds[Int(to)])
                if fk != Int(UInt16.max), tk != Int(UInt16.max), !schema.allowed[relation][fk * kindCount + tk] {
                    let rule = schema.relations[relation]
                    issues.append(ValidationIssue(
                        .forbiddenEndpoints(rule.relation, from: schema.kinds[fk].kind, to: schema.kinds[tk].kind, allowed: rule.endpoints),
                        field: Column.relation, at: at))
                }
            }
            if let w = weightColumn, !record.isEmpty(w) {
                let text = record.string(w)
                if PolicyNumber.parse(text) == nil {
                    issues.append(ValidationIssue(.invalidWeight(text), field: Column.weight, at: at))
                }
            }
            if let d = dateColumn, !record.isEmpty(d) {
                let text = record.string(d)
                if !PolicyDate.isValid(text) {
                    issues.append(ValidationIssue(.invalidDate(text), field: Column.date, at: at))
                }
            }
            table.from.append(from ?? -1)
            table.to.append(to ?? -1)
            table.relations.append(UInt16(relation ?? 0))
            for c in 3..<record.count { builders[c - 3].append(record.string(c)) }
        }
        if names == nil {
            throw LoadError(.emptyFile, at: SourceLocation(file: edgesFile, line: 1))
        }
        table.columns = builders.map { $0.build() }
    }
}
