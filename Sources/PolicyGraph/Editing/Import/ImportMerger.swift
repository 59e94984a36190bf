/// Resolves the names of imported rows against a graph's `nodes.csv`, checks every row against
/// the schema, and plans what to add. Pure: bytes in, a plan or every issue out.
///
/// A name is an id of the graph, else a unique case-insensitive id, `label` or `label_zh` (of the
/// graph, or of a node the import creates); a name that matches nothing is created when its kind
/// is given, with the name as its label and an id by ``NodeIDRule``.
struct ImportMerger {
    let nodes: RawCSV
    let edges: RawCSV
    let schema: Schema

    private var kinds: [String: String] = [:]
    private var byName: [String: Set<String>] = [:]
    private var created: [ImportPlan.NewNode] = []
    private var createdAt: [String: Int] = [:]
    private var issues: [ImportIssue] = []
    private var undeclared = UndeclaredVocabulary()
    /// Ids and lower-cased names of declared nodes whose kind is undeclared: rows naming them
    /// are not reported again as naming unknown nodes.
    private var undeclaredNodes: [String: String] = [:]

    init(nodes: RawCSV, edges: RawCSV, schema: Schema) {
        self.nodes = nodes
        self.edges = edges
        self.schema = schema
        let labelColumns = [Column.label, Column.labelZh].compactMap { nodes.column($0) }
        for row in nodes.rows where row.fields.count >= 2 {
            let id = row.fields[0]
            kinds[id] = row.fields[1]
            // An id matches case-insensitively too (`G7` for `g7`), as in edits and queries.
            byName[id.lowercased(), default: []].insert(id)
            for c in labelColumns where c < row.fields.count && !row.fields[c].isEmpty {
                byName[row.fields[c].lowercased(), default: []].insert(id)
            }
        }
    }

    /// The plan for `records`.
    ///
    /// - Throws: ``SheetImportFailure`` with every issue, sorted by location.
    mutating func plan(_ records: ImportRecords) throws(SheetImportFailure) -> ImportPlan {
        issues = records.issues
        for node in records.nodes {
            if let id = node.id, kinds[id] != nil { continue }
            _ = resolve(node.name, id: node.id)
        }
        var seen: [String: Int] = [:]
        var planned: [ImportPlan.NewEdge] = []
        var present = 0
        var differing: [ImportPlan.DifferingEdge] = []
        let existing = existingEdgesByIdentity()
        for edge in records.edges {
            let before = issues.count
            let from = resolve(edge.from, id: nil, isSource: true)
            let to = resolve(edge.to, id: nil)
            let relationName = declaredRelation(edge.relation)
            let relation = Relation(relationName)
            if schema.rule(for: relation) == nil {
                let close = Suggestions.closest(to: edge.relation, among: schema.relations.map(\.relation.rawValue))
                // A name close to a declared one is likely a typo: not offered for declaring.
                if close.isEmpty {
                    undeclared.add(relation: edge.relation, from: from.flatMap { kinds[$0] } ?? edge.from.kind ?? undeclaredKind(of: edge.from),
                                   to: to.flatMap { kinds[$0] } ?? edge.to.kind ?? undeclaredKind(of: edge.to))
                }
                issues.append(ImportIssue(.unknownRelation(edge.relation, suggestions: close), at: edge.relationAt))
            } else if let from, let to, let fromKind = kinds[from], let toKind = kinds[to],
                      schema.contains(Kind(fromKind)), schema.contains(Kind(toKind)),
                      !schema.allows(relation, from: Kind(fromKind), to: Kind(toKind)) {
                let allowed = schema.rule(for: relation)?.endpoints.map {
                    "\($0.from.map(\.rawValue).joined(separator: "|")) -> \($0.to.map(\.rawValue).joined(separator: "|"))"
                } ?? []
                issues.append(ImportIssue(.forbiddenEndpoints(relation: relationName, from: fromKind, to: toKind, allowed: allowed), at: edge.relationAt))
            }
            for (column, value) in edge.cells where !value.isEmpty {
                let at = edge.cellAt[column] ?? edge.relationAt
                if column == Column.date, !PolicyDate.isValid(value) { issues.append(ImportIssue(.invalidDate(value, hint: DateHint.hint(for: value)), at: at)) }
                if column == Column.weight, PolicyNumber.parse(value) == nil { issues.append(ImportIssue(.invalidWeight(value), at: at)) }
            }
            guard issues.count == before, let from, let to else { continue }
            var cells: [String: String] = [Column.from: from, Column.relation: relationName, Column.to: to]
            var columns = [Column.from, Column.relation, Column.to]
            for (column, value) in edge.cells where cells[column] == nil {
                cells[column] = value
                columns.append(column)
            }
            let key = Self.key(cells)
            if let line = seen[key] {
                issues.append(ImportIssue(.duplicateRow(line: line), at: SourceLocation(file: edge.relationAt.file, line: edge.line, column: 1)))
                continue
            }
            seen[key] = edge.line
            let date = StanceSheet.trimmed(cells[Column.date] ?? "")
            if let rows = existing[Self.identity(from: from, relation: relationName, to: to, date: date)] {
                let diffs = rows.map { differences(cells, columns: columns, from: $0) }
                if diffs.contains(where: \.isEmpty) { present += 1; continue }
                if rows.count > 1 {
                    issues.append(ImportIssue(.severalExisting(lines: rows.map(\.line), file: edges.file), at: SourceLocation(file: edge.relationAt.file, line: edge.line, column: 1)))
                    continue
                }
                differing.append(ImportPlan.DifferingEdge(from: NodeID(from), relation: relation, to: NodeID(to), date: date, cells: diffs[0],
                                                          graphLocation: SourceLocation(file: edges.file, line: rows[0].line),
                                                          location: SourceLocation(file: edge.relationAt.file, line: edge.line)))
                continue
            }
            planned.append(ImportPlan.NewEdge(cells: cells, columns: columns, location: SourceLocation(file: edge.relationAt.file, line: edge.line)))
        }
        if !issues.isEmpty { throw SheetImportFailure(issues, undeclared: undeclared) }
        var plan = ImportPlan(nodes: created, edges: planned, alreadyPresent: present)
        plan.differing = differing
        plan.updatesDiffering = records.updatesExisting
        return plan
    }

    /// The id a name stands for, creating the node when it is new and has a kind; `nil` (and an
    /// issue) otherwise.
    private mutating func resolve(_ name: ImportName, id explicit: String?, isSource: Bool = false) -> String? {
        if name.name.isEmpty {
            issues.append(ImportIssue(.emptyCell(column: name.column), at: name.at))
            return nil
        }
        if let explicit, kinds[explicit] != nil { return checkedKind(of: explicit, named: name) }
        if explicit == nil, kinds[name.name] != nil { return checkedKind(of: name.name, named: name) }
        // A node the source gives an id of its own is that node, whatever its label.
        let matches = explicit.map { $0.isEmpty ? byName[name.name.lowercased()] ?? [] : [] } ?? byName[name.name.lowercased()] ?? []
        if matches.count > 1 {
            issues.append(ImportIssue(.ambiguousName(name.name, candidates: matches.sorted().map { NodeID($0) }), at: name.at))
            return nil
        }
        if let only = matches.first {
            if let i = createdAt[only], let kind = name.kind.map(declaredKind), !kind.isEmpty, created[i].kind.rawValue != kind {
                issues.append(ImportIssue(.conflictingKind(name.name, kind: kind, earlier: created[i].kind.rawValue,
                                                           line: created[i].location.line), at: name.kindAt ?? name.at))
                return only
            }
            return checkedKind(of: only, named: name)
        }
        guard let kind = name.kind.map(declaredKind), !kind.isEmpty else {
            if let kind = undeclaredKind(of: name) {
                if undeclared.kinds[kind] != nil { undeclared.add(kind: kind, isSource: isSource) }
                return nil
            }
            if name.kindColumn.isEmpty {
                issues.append(ImportIssue(.unknownNode(name.name, suggestions: suggestions(for: name.name)), at: name.at))
            } else {
                issues.append(ImportIssue(.kindNeeded(name.name, column: name.kindColumn), at: name.kindAt ?? name.at))
            }
            return nil
        }
        guard schema.contains(Kind(kind)) else {
            let close = Suggestions.closest(to: kind, among: schema.kinds.map(\.kind.rawValue))
            if close.isEmpty { undeclared.add(kind: kind, isSource: isSource) }
            if let explicit, !explicit.isEmpty { undeclaredNodes[explicit] = kind }
            undeclaredNodes[name.name.lowercased()] = kind
            issues.append(ImportIssue(.unknownKind(kind, suggestions: close), at: name.kindAt ?? name.at))
            return nil
        }
        let id = explicit.flatMap { $0.isEmpty ? nil : $0 } ?? NodeIDRule.id(for: name.name) { kinds[$0] != nil }
        kinds[id] = kind
        byName[name.name.lowercased(), default: []].insert(id)
        byName[id.lowercased(), default: []].insert(id)
        if let zh = name.cells[Column.labelZh], !zh.isEmpty { byName[zh.lowercased(), default: []].insert(id) }
        createdAt[id] = created.count
        created.append(ImportPlan.NewNode(id: NodeID(id), kind: Kind(kind), label: name.name,
                                          cells: name.cells.filter { !$0.value.isEmpty }, location: name.at))
        return id
    }

    /// `id`, after checking that the kind the row gives `name` (if any) is the node's: a row
    /// that calls a country an organization has most likely matched the wrong node.
    private mutating func checkedKind(of id: String, named name: ImportName) -> String {
        guard createdAt[id] == nil, let given = name.kind.map(declaredKind), !given.isEmpty, let actual = kinds[id], actual != given else { return id }
        issues.append(ImportIssue(.contradictingKind(name.name, kind: given, node: NodeID(id), actual: actual), at: name.kindAt ?? name.at))
        return id
    }

    /// The schema's spelling of `kind` when it declares it under another case (`Country`).
    private func declaredKind(_ kind: String) -> String {
        if kind.isEmpty || schema.contains(Kind(kind)) { return kind }
        let wanted = kind.lowercased()
        return schema.kinds.first { $0.kind.rawValue.lowercased() == wanted }?.kind.rawValue ?? kind
    }

    /// The schema's spelling of `relation` when it declares it under another case (`Supports`).
    private func declaredRelation(_ relation: String) -> String {
        if schema.rule(for: Relation(relation)) != nil { return relation }
        let wanted = relation.lowercased()
        return schema.relations.first { $0.relation.rawValue.lowercased() == wanted }?.relation.rawValue ?? relation
    }

    /// The undeclared kind of a node the import declares under `name` (id or label).
    private func undeclaredKind(of name: ImportName) -> String? {
        undeclaredNodes[name.name] ?? undeclaredNodes[name.name.lowercased()]
    }

    /// Ids and labels close to `name`, as ids; at most five.
    private func suggestions(for name: String) -> [NodeID] {
        var owners: [String: Set<String>] = byName
        for id in kinds.keys { owners[id, default: []].insert(id) }
        var found: Set<String> = []
        for close in Suggestions.closest(to: name.lowercased(), among: owners.keys, limit: 5) { found.formUnion(owners[close] ?? []) }
        return found.sorted().prefix(5).map { NodeID($0) }
    }

    /// An edge's identity: its non-empty cells, by column.
    private static func key(_ cells: [String: String]) -> String {
        cells.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map { "\($0.key)\u{1F}\($0.value)" }.joined(separator: "\u{1E}")
    }
}
