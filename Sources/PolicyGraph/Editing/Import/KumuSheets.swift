/// Kumu's spreadsheet pair, as its import documents it: an elements sheet (`Label` required;
/// `ID`, `Type`, `Description`, `Tags` and any custom columns optional) and a connections sheet
/// (`From` and `To` required, by element label or ID, several elements in `To` separated by `|`
/// for one connection from `From` to each, as Kumu documents; `From` is one element;
/// `Type`, `Direction`, `Strength` and any custom columns optional).
///
/// Mapping: an element's `Type` is the node's kind (lower-cased, so `Country` is `country`); an
/// element with an `ID` keeps it as its id, one without gets an id by ``NodeIDRule``.
/// `Description` goes to `description`. A connection's `Type` is the relation; `Strength` is the
/// weight; `Direction` `directed` (or empty) and `undirected` make one edge From → To, `mutual` one
/// each way. Other columns keep their names, lower-cased, spaces as `_` (`Tags` → `tags`).
package enum KumuSheets {
    /// Imports the pair into `target` (see ``GraphImporter``), with `schema` declaring what the
    /// graph's schema lacks (see ``ImportSchema``); with `dryRun`, only plans; with `update`, rows that
    /// differ from an edge the graph has are written into it (see ``ImportPlan/differing``).
    ///
    /// - Throws: ``SheetImportFailure`` with every issue of both sheets at file:line:column;
    ///   the errors of ``GraphImporter``.
    public static func importSheets(elements: [UInt8], elementsFile: String, connections: [UInt8], connectionsFile: String,
                                    into target: GraphImporter.Target, dryRun: Bool = false, schema: ImportSchema? = nil,
                                    update: Bool = false) throws -> ImportPlan {
        var records = ImportRecords()
        records.updatesExisting = update
        if let schema { records.schemas.append(schema) }
        try readElements(elements, file: elementsFile, into: &records)
        try readConnections(connections, file: connectionsFile, into: &records)
        return try GraphImporter.run(records, into: target, dryRun: dryRun)
    }

    /// A Kumu column name as a PolicyGraph column: lower-cased, spaces as `_`.
    static func column(_ name: String) -> String {
        String(StanceSheet.normalized(name).map { $0 == " " ? "_" : $0 })
    }

    private static func sheet(_ bytes: [UInt8], file: String, required: [String]) throws(SheetImportFailure) -> (RawCSV, [String]) {
        let csv: RawCSV
        do {
            csv = try RawCSV(bytes: bytes, file: file)
        } catch {
            throw SheetImportFailure([ImportIssue(.syntax(error.message), at: error.location)])
        }
        let names = csv.header.map(column)
        let missing = required.filter { !names.contains(column($0)) }
        if !missing.isEmpty {
            throw SheetImportFailure([ImportIssue(.missingColumns(missing, found: csv.header), at: SourceLocation(file: file, line: 1, column: 1))])
        }
        return (csv, names)
    }

    private static func rows(_ csv: RawCSV, _ names: [String], into records: inout ImportRecords) -> [RawCSV.Record] {
        var kept: [RawCSV.Record] = []
        for row in csv.rows where !row.fields.allSatisfy({ StanceSheet.trimmed($0).isEmpty }) {
            guard row.fields.count == names.count else {
                records.issues.append(ImportIssue(.fieldCount(expected: names.count, found: row.fields.count, header: csv.header),
                                                  at: SourceLocation(file: csv.file, line: row.line, column: 1)))
                continue
            }
            kept.append(row)
        }
        return kept
    }

    static func readElements(_ bytes: [UInt8], file: String, into records: inout ImportRecords) throws(SheetImportFailure) {
        let (csv, names) = try sheet(bytes, file: file, required: ["Label"])
        for row in rows(csv, names, into: &records) {
            var id: String?
            var label = ""
            var labelAt = SourceLocation(file: file, line: row.line, column: 1)
            var kind: String?
            var kindAt: SourceLocation?
            var cells: [String: String] = [:]
            for (c, name) in names.enumerated() {
                let value = row.fields[c]
                switch name {
                case "id": id = StanceSheet.trimmed(value).isEmpty ? nil : StanceSheet.trimmed(value)
                case "label":
                    label = StanceSheet.trimmed(value)
                    labelAt = csv.location(of: row, field: c)
                case "type":
                    kind = StanceSheet.trimmed(value).lowercased()
                    kindAt = csv.location(of: row, field: c)
                case "": continue
                default: if !value.isEmpty { cells[name] = value }
                }
            }
            var name = ImportName(name: label, at: labelAt)
            name.column = "Label"
            name.kind = kind
            name.kindAt = kindAt
            name.kindColumn = "Type"
            name.cells = cells
            records.nodes.append(ImportNode(id: id, name: name))
        }
    }

    static func readConnections(_ bytes: [UInt8], file: String, into records: inout ImportRecords) throws(SheetImportFailure) {
        let (csv, names) = try sheet(bytes, file: file, required: ["From", "To"])
        func index(_ name: String) -> Int? { names.firstIndex(of: name) }
        for row in rows(csv, names, into: &records) {
            func cell(_ name: String) -> String { index(name).map { StanceSheet.trimmed(row.fields[$0]) } ?? "" }
            func at(_ name: String) -> SourceLocation {
                index(name).map { csv.location(of: row, field: $0) } ?? SourceLocation(file: file, line: row.line, column: 1)
            }
            let relation = cell("type")
            if relation.isEmpty {
                records.issues.append(ImportIssue(.emptyCell(column: "Type"), at: at("type")))
                continue
            }
            let direction = cell("direction").lowercased()
            guard ["", "directed", "undirected", "mutual"].contains(direction) else {
                records.issues.append(ImportIssue(.invalidValue(cell("direction"), expected: "a Kumu direction (directed, undirected or mutual)"),
                                                  at: at("direction")))
                continue
            }
            var cells: [(column: String, value: String)] = []
            var cellAt: [String: SourceLocation] = [:]
            for (c, name) in names.enumerated() where !["from", "to", "type", "direction", "id", ""].contains(name) {
                let column = name == "strength" ? Column.weight : name
                let value = column == Column.weight || column == Column.date ? StanceSheet.trimmed(row.fields[c]) : row.fields[c]
                cells.append((column, value))
                cellAt[column] = csv.location(of: row, field: c)
            }
            func end(_ text: String, _ role: String) -> ImportName {
                var name = ImportName(name: text, at: at(role))
                name.column = role == "from" ? "From" : "To"
                return name
            }
            // Kumu splits only `To` at `|` (one connection From → each); a `From` is one element.
            if cell("from").contains("|") {
                records.issues.append(ImportIssue(.invalidValue(cell("from"), expected: "one element: Kumu splits only 'To' at '|' (write a row per 'From')"),
                                                  at: at("from")))
                continue
            }
            let from = end(cell("from"), "from")
            for target in cell("to").split(separator: "|", omittingEmptySubsequences: false).map({ StanceSheet.trimmed(String($0)) }) {
                let to = end(target, "to")
                records.edges.append(ImportEdge(from: from, relation: relation, relationAt: at("type"), to: to,
                                                cells: cells, cellAt: cellAt, line: row.line))
                if direction == "mutual" {
                    records.edges.append(ImportEdge(from: to, relation: relation, relationAt: at("type"), to: from,
                                                    cells: cells, cellAt: cellAt, line: row.line))
                }
            }
        }
    }
}
