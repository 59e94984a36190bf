import Foundation

/// Imports rows (a stance sheet, Kumu's CSV pair, GraphML) into a graph folder: the whole import
/// is resolved and checked first, every issue reported at once; then the new rows are appended
/// (following each file's header; new columns get an empty cell on the other rows), the result
/// is loaded and validated like any graph, and both files are written atomically under the
/// graph's lock. Rows the graph already has are not added again.
package enum GraphImporter {
    /// Where the rows go.
    public enum Target: Sendable {
        /// An existing graph folder, merged into.
        case merge(String)
        /// A new graph folder (created; refused when it already holds a graph).
        case new(String)

        var folder: String {
            switch self {
            case .merge(let folder), .new(let folder): return folder
            }
        }
    }

    /// Imports `records` into `target`; with `dryRun`, plans only and writes nothing.
    ///
    /// - Throws: ``SheetImportFailure`` (every issue of the source), ``EditError`` (a new folder
    ///   that holds a graph, a held lock), ``LoadFailure`` (the graph does not load, or the
    ///   result would not validate), `AtomicFile.WriteError`.
    static func run(_ records: ImportRecords, into target: Target, dryRun: Bool) throws -> ImportPlan {
        let folder = target.folder
        if case .new = target {
            if GraphFolder.holdsGraph(folder) || FileManager.default.fileExists(atPath: GraphLoader.join(folder, GraphLoader.edgesFile)) {
                throw EditError(.graphExists([GraphLoader.nodesFile, GraphLoader.edgesFile].filter {
                    FileManager.default.fileExists(atPath: GraphLoader.join(folder, $0))
                }), at: SourceLocation(file: folder, line: 0))
            }
            if dryRun {
                let schema = try SchemaCombination.combine(graphText: nil, graphFile: "", imports: records.schemas, isNew: true)
                var planned = try plan(records, nodes: GraphFolder.header(GraphFolder.nodeColumns), edges: GraphFolder.header(GraphFolder.edgeColumns),
                                       schema: schema.schema, folder: folder).plan
                planned.schemaChange = schema.newText == nil ? .none : .written
                return planned
            }
            let existed = FileManager.default.fileExists(atPath: folder)
            try AtomicFile.makeFolder(folder)
            do {
                return try merge(records, into: folder, dryRun: false, isNew: true)
            } catch {
                // A refused import into a new folder leaves no folder behind.
                if !existed, (try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty == true {
                    try? FileManager.default.removeItem(atPath: folder)
                }
                throw error
            }
        } else {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw LoadFailure(errors: [LoadError(.missingFolder, at: SourceLocation(file: folder, line: 0))], issues: [])
            }
        }
        return try merge(records, into: folder, dryRun: dryRun, isNew: false)
    }

    /// The import into an existing folder, under its lock.
    private static func merge(_ records: ImportRecords, into folder: String, dryRun: Bool, isNew: Bool) throws -> ImportPlan {
        try GraphLock.withLock(folder: folder) {
            let nodesPath = GraphLoader.join(folder, GraphLoader.nodesFile)
            let edgesPath = GraphLoader.join(folder, GraphLoader.edgesFile)
            let schemaPath = GraphLoader.join(folder, GraphLoader.schemaFile)
            let nodes = try read(nodesPath) ?? GraphFolder.header(GraphFolder.nodeColumns)
            let edges = try read(edgesPath) ?? GraphFolder.header(GraphFolder.edgeColumns)
            let graphSchema = try read(schemaPath)
            let combined = try SchemaCombination.combine(graphText: graphSchema, graphFile: schemaPath, imports: records.schemas, isNew: isNew)
            let schema = combined.newText ?? graphSchema
            var planned = try plan(records, nodes: nodes, edges: edges, schema: combined.schema, folder: folder)
            if combined.newText != nil { planned.plan.schemaChange = graphSchema == nil ? .written : .extended }
            let missing = [nodesPath, edgesPath].contains { !FileManager.default.fileExists(atPath: $0) }
            if dryRun || (planned.plan.isEmpty && !missing && combined.newText == nil) { return planned.plan }
            let files = try merged(planned, schema: schema, folder: folder)
            var staged = [try AtomicFile.stage(files.nodes, for: nodesPath), try AtomicFile.stage(files.edges, for: edgesPath)]
            if let text = combined.newText { staged.append(try AtomicFile.stage(text, for: schemaPath)) }
            for file in staged { try file.commit() }
            return planned.plan
        }
    }

    /// A plan with the graph files it was made against.
    struct Planned {
        var plan: ImportPlan
        let nodes: RawCSV
        let edges: RawCSV
    }

    /// The `nodes.csv` and `edges.csv` an import writes.
    struct MergedFiles {
        let nodes: [UInt8]
        let edges: [UInt8]
    }

    /// The files with the plan's rows appended (and, when the plan says so, its differing edges
    /// updated in place), loaded and validated as a graph: the pure core of an import, nothing
    /// read or written, so the fuzzer can run it.
    ///
    /// - Throws: ``LoadFailure`` when the result would not load, at the files' lines in `folder`.
    static func merged(_ planned: Planned, schema: [UInt8]?, folder: String) throws(LoadFailure) -> MergedFiles {
        let newNodes = appending(planned.plan.nodes.map { node in
            var cells = node.cells
            cells[Column.id] = node.id.rawValue
            cells[Column.kind] = node.kind.rawValue
            cells[Column.label] = node.label
            return (cells, [Column.id, Column.kind, Column.label] + node.cells.keys.sorted())
        }, to: planned.nodes)
        var updates: [Int: [(column: String, value: String)]] = [:]
        if planned.plan.updatesDiffering {
            for edge in planned.plan.differing { updates[edge.graphLocation.line] = edge.cells.map { ($0.column, $0.sheet) } }
        }
        let newEdges = appending(planned.plan.edges.map { ($0.cells, $0.columns) }, to: planned.edges, updating: updates)
        _ = try GraphLoader.load(nodes: newNodes, edges: newEdges, schema: schema, nodesFile: GraphLoader.join(folder, GraphLoader.nodesFile),
                                 edgesFile: GraphLoader.join(folder, GraphLoader.edgesFile), schemaFile: GraphLoader.join(folder, GraphLoader.schemaFile))
        return MergedFiles(nodes: newNodes, edges: newEdges)
    }

    /// The plan for `records` against a graph's files, its schema given as `schema.json`'s bytes
    /// (pure; the fuzzer's entry).
    static func plan(_ records: ImportRecords, nodes: [UInt8], edges: [UInt8], schema: [UInt8]?, folder: String) throws -> Planned {
        var graphSchema = Schema.builtIn
        if let schema { graphSchema = try Schema.builtIn.extended(with: schema, file: GraphLoader.join(folder, GraphLoader.schemaFile)) }
        return try plan(records, nodes: nodes, edges: edges, schema: graphSchema, folder: folder)
    }

    /// The plan for `records` against a graph's files and its effective schema (pure).
    static func plan(_ records: ImportRecords, nodes: [UInt8], edges: [UInt8], schema: Schema, folder: String) throws -> Planned {
        let nodesCSV = try RawCSV(bytes: nodes, file: GraphLoader.join(folder, GraphLoader.nodesFile))
        let edgesCSV = try RawCSV(bytes: edges, file: GraphLoader.join(folder, GraphLoader.edgesFile))
        var merger = ImportMerger(nodes: nodesCSV, edges: edgesCSV, schema: schema)
        return Planned(plan: try merger.plan(records), nodes: nodesCSV, edges: edgesCSV)
    }

    /// `csv` with `rows` appended, each following the header, and the cells in `updates` (by the
    /// line of the row they change) written in place; columns the header lacks are added (in the
    /// order rows first name them) with an empty cell on every earlier row.
    private static func appending(_ rows: [(cells: [String: String], columns: [String])], to csv: RawCSV,
                                  updating updates: [Int: [(column: String, value: String)]] = [:]) -> [UInt8] {
        var newColumns: [String] = []
        for line in updates.keys.sorted() {
            for cell in updates[line] ?? [] where csv.column(cell.column) == nil && !newColumns.contains(cell.column) && !cell.value.isEmpty {
                newColumns.append(cell.column)
            }
        }
        for row in rows {
            for column in row.columns where csv.column(column) == nil && !newColumns.contains(column) && !(row.cells[column] ?? "").isEmpty {
                newColumns.append(column)
            }
        }
        var splices = CSVSplices()
        for row in csv.rows {
            for cell in updates[row.line] ?? [] {
                if let c = csv.column(cell.column), c < row.fields.count { splices.setField(row, c, to: cell.value) }
            }
        }
        if !newColumns.isEmpty {
            splices.appendFields(csv.records[0], newColumns)
            for row in csv.rows {
                let values = updates[row.line] ?? []
                splices.appendFields(row, newColumns.map { column in values.first { $0.column == column }?.value ?? "" })
            }
        }
        let header = csv.header + newColumns
        var text: [UInt8] = []
        for row in rows {
            text += Array(header.map { CSVWriter.escape(row.cells[$0] ?? "") }.joined(separator: ",").utf8) + csv.lineEnding
        }
        if !text.isEmpty {
            let end = csv.bytes.count
            let endsWithLineEnd = csv.bytes.last == 0x0A || csv.bytes.last == 0x0D
            splices.replace(end..<end, with: endsWithLineEnd ? text : csv.lineEnding + text)
        }
        return splices.applied(to: csv)
    }

    private static func read(_ path: String) throws -> [UInt8]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw LoadFailure(errors: [LoadError(.unreadable(message: error.localizedDescription), at: SourceLocation(file: path, line: 0))], issues: [])
        }
    }
}
