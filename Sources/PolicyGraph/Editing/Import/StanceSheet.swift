/// A flat stance sheet, as colleagues keep in a spreadsheet: one row per stance or relation.
///
/// The header names `actor,relation,target,date,cite` (in any order, case-insensitive) and may
/// add `actor_kind`, `target_kind`, `weight`, `actor_label_zh`, `target_label_zh`, `source` and
/// any further edge columns. An actor or target is a node of the graph (by id, or by `label` or
/// `label_zh`, case-insensitive), else a new node of the kind in `actor_kind` / `target_kind`,
/// labelled with the name, its id made by ``NodeIDRule``. Rows whose cells are all empty are
/// skipped. Cells are separated by commas, or by `;` or tabs when the header line has no comma
/// (see ``delimiter(of:)``).
package enum StanceSheet {
    /// The columns every stance sheet has.
    public static let requiredColumns = ["actor", "relation", "target", Column.date, Column.cite]
    /// Columns that describe the nodes rather than the edge.
    static let nodeColumns = ["actor", "target", "actor_kind", "target_kind", "actor_label_zh", "target_label_zh"]

    /// Whether `bytes` start with a stance sheet's header.
    public static func recognizes(_ bytes: [UInt8]) -> Bool {
        guard let table = try? table(bytes, file: "") else { return false }
        let names = Set(table.header.map(normalized))
        return requiredColumns.allSatisfy(names.contains)
    }

    /// Imports the sheet into `target` (see ``GraphImporter``), with `schema` declaring what the
    /// graph's schema lacks (see ``ImportSchema``); with `dryRun`, only plans; with `update`, rows that
    /// differ from an edge the graph has are written into it (see ``ImportPlan/differing``).
    ///
    /// - Throws: ``SheetImportFailure`` with every issue of the sheet at file:line:column; the
    ///   errors of ``GraphImporter``.
    public static func importSheet(_ bytes: [UInt8], file: String, into target: GraphImporter.Target, dryRun: Bool = false,
                                   schema: ImportSchema? = nil, update: Bool = false) throws -> ImportPlan {
        var records = try records(bytes, file: file)
        records.updatesExisting = update
        if let schema { records.schemas.append(schema) }
        return try GraphImporter.run(records, into: target, dryRun: dryRun)
    }

    static func normalized(_ name: String) -> String {
        var s = Substring(name)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s.lowercased()
    }

    static func trimmed(_ text: String) -> String {
        var s = Substring(text)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }

    /// The sheet's rows as import records.
    static func records(_ bytes: [UInt8], file: String) throws(SheetImportFailure) -> ImportRecords {
        let table: Table
        do {
            table = try Self.table(bytes, file: file)
        } catch {
            throw SheetImportFailure([ImportIssue(.syntax(error.message), at: error.location)])
        }
        let csv = table.csv
        let names = table.header.map(normalized)
        let missing = requiredColumns.filter { !names.contains($0) }
        if !missing.isEmpty {
            throw SheetImportFailure([ImportIssue(.missingColumns(missing, found: table.header), at: SourceLocation(file: file, line: csv.records[0].line, column: 1))])
        }
        func index(_ name: String) -> Int? { names.firstIndex(of: name) }
        var issues: [ImportIssue] = []
        var records = ImportRecords()
        for (row, fields) in table.rows {
            if fields.allSatisfy({ trimmed($0).isEmpty }) { continue }
            guard fields.count == names.count else {
                issues.append(ImportIssue(.fieldCount(expected: names.count, found: fields.count, header: table.header),
                                          at: SourceLocation(file: file, line: row.line, column: 1)))
                continue
            }
            func cell(_ name: String) -> String? { index(name).map { trimmed(fields[$0]) } }
            func at(_ name: String) -> SourceLocation? { index(name).map { csv.location(of: row, field: $0) } }
            func name(_ role: String) -> ImportName {
                var n = ImportName(name: cell(role) ?? "", at: at(role) ?? SourceLocation(file: file, line: row.line, column: 1))
                n.column = role
                n.kind = cell("\(role)_kind")
                n.kindAt = at("\(role)_kind")
                n.kindColumn = "\(role)_kind"
                if let zh = cell("\(role)_label_zh"), !zh.isEmpty { n.cells[Column.labelZh] = zh }
                return n
            }
            let relation = cell("relation") ?? ""
            let relationAt = at("relation") ?? SourceLocation(file: file, line: row.line, column: 1)
            if relation.isEmpty {
                issues.append(ImportIssue(.emptyCell(column: "relation"), at: relationAt))
                continue
            }
            var cells: [(column: String, value: String)] = []
            var cellAt: [String: SourceLocation] = [:]
            for (c, column) in names.enumerated() where !nodeColumns.contains(column) && column != "relation" && !column.isEmpty {
                let value = column == Column.date || column == Column.weight ? trimmed(fields[c]) : fields[c]
                cells.append((column, value))
                cellAt[column] = csv.location(of: row, field: c)
            }
            records.edges.append(ImportEdge(from: name("actor"), relation: relation, relationAt: relationAt, to: name("target"),
                                            cells: cells, cellAt: cellAt, line: row.line))
        }
        records.issues = issues
        return records
    }
}
