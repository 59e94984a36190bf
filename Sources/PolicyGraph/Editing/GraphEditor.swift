import Foundation

/// Makes ``GraphEdit``s to a graph folder without losing data.
///
/// Each edit takes the folder's lock file, reads the CSV files as raw records, replaces
/// only the bytes of the records and cells it changes (a new column, the one exception, adds a
/// cell to every line), loads the would-be files with ``GraphLoader`` so that the result is
/// checked against the schema like any graph, and only then stages and renames the changed
/// files into place (`AtomicFile`). A refused edit writes nothing.
public enum GraphEditor {
    /// Applies `edit` to the graph in `folder`.
    ///
    /// - Throws: ``EditError`` (lock held, unknown node, refused removal, ...), ``LoadFailure``
    ///   when a file does not parse or the result would not validate (every issue, at the lines
    ///   of the would-be files), `AtomicFile.WriteError` when writing fails.
    /// - Complexity: O(bytes of the files).
    public static func apply(_ edit: GraphEdit, to folder: String) throws -> EditReport {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder)
        guard exists, isFolder.boolValue else {
            throw LoadFailure(errors: [LoadError(exists ? .notAFolder : .missingFolder, at: SourceLocation(file: folder, line: 0))], issues: [])
        }
        return try GraphLock.withLockReportingTakeover(folder: folder) { takeover in
            let nodesPath = GraphLoader.join(folder, GraphLoader.nodesFile)
            let edgesPath = GraphLoader.join(folder, GraphLoader.edgesFile)
            let schemaPath = GraphLoader.join(folder, GraphLoader.schemaFile)
            // A graph started by edits gets the canonical headers.
            let nodes = try read(nodesPath, orHeader: GraphFolder.nodeColumns)
            let edges = try read(edgesPath, orHeader: GraphFolder.edgeColumns)
            let schema = GraphLoader.exists(schemaPath) ? try read(schemaPath) : nil
            var change = try EditPlanner(nodes: nodes, edges: edges, nodesFile: nodesPath, edgesFile: edgesPath).plan(edit)
            if change.nodes == nil, !FileManager.default.fileExists(atPath: nodesPath) { change.nodes = nodes }
            if change.edges == nil, !FileManager.default.fileExists(atPath: edgesPath) { change.edges = edges }
            _ = try GraphLoader.load(nodes: change.nodes ?? nodes, edges: change.edges ?? edges, schema: schema,
                                     nodesFile: nodesPath, edgesFile: edgesPath, schemaFile: schemaPath)
            // Removals write edges.csv first, so that a crash between the two renames leaves
            // a graph without dangling edges.
            var files: [(path: String, text: [UInt8])] = []
            if let n = change.nodes { files.append((nodesPath, n)) }
            if let e = change.edges { files.append((edgesPath, e)) }
            if change.edgesFirst { files.reverse() }
            var staged: [AtomicFile.StagedFile] = []
            do {
                for file in files { staged.append(try AtomicFile.stage(file.text, for: file.path)) }
            } catch {
                if AtomicFile.simulatedCrash == nil { for s in staged { s.discard() } }
                throw error
            }
            for s in staged { try s.commit() }
            return EditReport(lines: change.lines, changedFiles: files.map(\.path), takeover: takeover)
        }
    }

    private static func read(_ path: String, orHeader columns: [String]) throws -> [UInt8] {
        FileManager.default.fileExists(atPath: path) ? try read(path) : GraphFolder.header(columns)
    }

    private static func read(_ path: String) throws -> [UInt8] {
        var problems: [LoadError] = []
        GraphLoader.check(path, errors: &problems)
        guard problems.isEmpty else { throw LoadFailure(errors: problems, issues: []) }
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw LoadFailure(errors: [LoadError(.unreadable(message: error.localizedDescription), at: SourceLocation(file: path, line: 0))], issues: [])
        }
    }
}
