/// A JSON interchange document read back: the graph and the files that hold it.
package struct ImportedGraph: Sendable {
    public let graph: Graph
    /// The canonical `nodes.csv` text.
    public let nodesCSV: String
    /// The canonical `edges.csv` text.
    public let edgesCSV: String
    /// The `schema.json` text, `nil` when the document's schema is the built-in one.
    public let schemaJSON: String?
    /// Validation warnings of the graph (an empty label, say), located in the document.
    public let warnings: [ValidationIssue]
}

extension GraphJSON {
    /// Reads a document written by ``document(_:)``: checks its form, rebuilds the CSV files and
    /// the `schema.json`, and loads them as ``GraphLoader`` would, so that what is returned is a
    /// graph that loads. Nothing is written here.
    ///
    /// - Throws: ``ImportFailure``: the first syntax error (with its line and column), or every
    ///   problem of form and of validation, each at the line of the value or row it concerns.
    /// - Complexity: O(bytes).
    public static func read(_ bytes: [UInt8], file: String) throws(ImportFailure) -> ImportedGraph {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw ImportFailure(errors: [ImportError(.syntax(error.message), at: SourceLocation(file: file, line: error.line, column: error.column))])
        }
        var reader = GraphJSONReader(bytes: bytes, file: file)
        return try reader.read(document)
    }
}

/// The checks of ``GraphJSON/read(_:file:)``, collecting every problem before failing.
struct GraphJSONReader {
    let bytes: [UInt8]
    let file: String
    var errors: [ImportError] = []
    private var positions: [[JSONLocator.Step]: JSONLocator.SourcePosition]?

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// The location of the value at `path`, or of its closest located ancestor.
    mutating func location(_ path: [JSONLocator.Step]) -> SourceLocation {
        if positions == nil { positions = JSONLocator.positions(in: bytes, maximumDepth: 3) }
        var path = path
        while true {
            if let p = positions?[path] { return SourceLocation(file: file, line: p.line, column: p.column) }
            if path.isEmpty { return SourceLocation(file: file, line: 1, column: 1) }
            path.removeLast()
        }
    }

    mutating func fail(_ reason: ImportError.Reason, at path: [JSONLocator.Step]) {
        errors.append(ImportError(reason, at: location(path)))
    }

    mutating func read(_ document: JSONValue) throws(ImportFailure) -> ImportedGraph {
        guard document.objectValue != nil else {
            fail(.shape("expected a JSON object with 'format', 'version', 'schema', 'nodes' and 'edges' (a policygraph JSON export)"), at: [])
            throw ImportFailure(errors: errors)
        }
        if document["format"]?.stringValue != GraphJSON.formatName {
            // Not our document: the rest would only be noise.
            fail(.shape("'format' must be \"\(GraphJSON.formatName)\"; this is not a policygraph export"), at: [.key("format")])
            throw ImportFailure(errors: errors)
        }
        if let version = document["version"], version != .int(GraphJSON.version) {
            fail(.shape("'version' \(version.rendered(pretty: false)) is not supported; this build reads version \(GraphJSON.version)"), at: [.key("version")])
        } else if document["version"] == nil {
            fail(.shape("missing 'version'"), at: [])
        }
        let schemaJSON = readSchema(document["schema"])
        let nodes = readTable(document["nodes"], name: "nodes", required: [Column.id, Column.kind, Column.label])
        let edges = readTable(document["edges"], name: "edges", required: [Column.from, Column.relation, Column.to])
        guard errors.isEmpty, let schemaJSON, let nodes, let edges else { throw ImportFailure(errors: errors) }
        let schemaText = schemaJSON.value.map { $0.rendered() }
        let loaded: LoadedGraph
        do {
            loaded = try GraphLoader.load(nodes: Array(nodes.csv.utf8), edges: Array(edges.csv.utf8),
                                          schema: schemaText.map { Array($0.utf8) },
                                          nodesFile: "nodes", edgesFile: "edges", schemaFile: "schema")
        } catch {
            // The CSV is ours and well formed, so what fails is meaning: place it at the rows.
            for e in error.errors { fail(.shape(e.message), at: e.location.file == "schema" ? [.key("schema")] : []) }
            let issues = error.issues.map { relocate($0, nodes: nodes, edges: edges) }
            throw ImportFailure(errors: errors, issues: issues)
        }
        guard loaded.graph.schema == schemaJSON.schema else {
            fail(.schema("the schema does not read back as written; is it a policygraph export?"), at: [.key("schema")])
            throw ImportFailure(errors: errors)
        }
        return ImportedGraph(graph: loaded.graph, nodesCSV: nodes.csv, edgesCSV: edges.csv, schemaJSON: schemaText,
                             warnings: loaded.warnings.map { relocate($0, nodes: nodes, edges: edges) })
    }

    /// A table rebuilt as canonical CSV, with the CSV line each row starts on.
    struct Table {
        let name: String
        var csv: String
        /// `rowOfLine[line]`: the row index (0-based) whose record starts on that CSV line.
        var rowOfLine: [Int: Int]
    }

    mutating func readTable(_ value: JSONValue?, name: String, required: [String]) -> Table? {
        let base: [JSONLocator.Step] = [.key(name)]
        guard let value, value.objectValue != nil else {
            fail(.shape("'\(name)' must be an object with 'columns' and 'rows'"), at: base)
            return nil
        }
        guard let columnValues = value["columns"]?.arrayValue, columnValues.allSatisfy({ $0.stringValue != nil }) else {
            fail(.shape("'\(name).columns' must be a list of column names"), at: base + [.key("columns")])
            return nil
        }
        let columns = columnValues.compactMap(\.stringValue)
        var ok = true
        if Array(columns.prefix(required.count)) != required {
            fail(.header(table: name, message: "must begin with \(required.map { "\"\($0)\"" }.joined(separator: ", "))"), at: base + [.key("columns")])
            ok = false
        }
        var seen: Set<String> = []
        for c in columns {
            if c.isEmpty { fail(.header(table: name, message: "a column has no name"), at: base + [.key("columns")]); ok = false }
            if !seen.insert(c).inserted { fail(.header(table: name, message: "column '\(c)' appears twice"), at: base + [.key("columns")]); ok = false }
        }
        guard let rows = value["rows"]?.arrayValue else {
            fail(.shape("'\(name).rows' must be a list of rows"), at: base + [.key("rows")])
            return nil
        }
        var csv = CSVWriter.record(columns)
        var line = 2
        var rowOfLine: [Int: Int] = [:]
        for (r, row) in rows.enumerated() {
            guard let cells = row.arrayValue, cells.allSatisfy({ $0.stringValue != nil }) else {
                fail(.shape("\(name) row \(r): a row must be a list of strings (empty cells as \"\")"), at: base + [.key("rows"), .index(r)])
                ok = false
                continue
            }
            guard cells.count == columns.count else {
                fail(.cellCount(table: name, row: r, expected: columns.count, found: cells.count), at: base + [.key("rows"), .index(r)])
                ok = false
                continue
            }
            let texts = cells.compactMap(\.stringValue)
            if texts.contains(where: { $0.utf8.contains(0) }) {
                fail(.shape("\(name) row \(r): a cell holds U+0000, which a CSV file cannot hold"), at: base + [.key("rows"), .index(r)])
                ok = false
            }
            guard ok else { continue }
            let record = CSVWriter.record(texts)
            rowOfLine[line] = r
            line += record.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
            // A lone CR ends a line for the reader as well.
            line += Self.loneCarriageReturns(record)
            csv += record
        }
        return ok ? Table(name: name, csv: csv, rowOfLine: rowOfLine) : nil
    }

    private static func loneCarriageReturns(_ s: String) -> Int {
        let u = Array(s.utf8)
        var n = 0
        for (i, b) in u.enumerated() where b == 0x0D && (i + 1 == u.count || u[i + 1] != 0x0A) { n += 1 }
        return n
    }

    /// A validation issue of the rebuilt CSV, moved to the row of the document it came from.
    mutating func relocate(_ issue: ValidationIssue, nodes: Table, edges: Table) -> ValidationIssue {
        let table = issue.location.file == "nodes" ? nodes : edges
        let row = table.rowOfLine[issue.location.line]
        let path: [JSONLocator.Step] = row.map { [.key(table.name), .key("rows"), .index($0)] } ?? [.key(table.name)]
        return ValidationIssue(issue.reason, field: issue.field, at: location(path))
    }
}
