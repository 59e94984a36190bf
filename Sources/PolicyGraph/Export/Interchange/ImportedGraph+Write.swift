import Foundation

extension ImportedGraph {
    /// Writes `nodes.csv`, `edges.csv` and (when the schema needs one) `schema.json` into
    /// `folder`, created when missing, under the folder's lock file. All files are staged
    /// before any is renamed into place. A folder that already holds any of the three files is
    /// refused unless `replacing`; then a `schema.json` the graph does not need is removed, so
    /// that the folder loads as the document's graph.
    ///
    /// - Throws: ``EditError`` (`.folderHasGraph`, a lock error, `.io`).
    public func write(to folder: String, replacing: Bool = false) throws {
        do {
            try AtomicFile.makeFolder(folder)
        } catch {
            throw EditError(.io(error.message), at: SourceLocation(file: folder, line: 0))
        }
        let names = [GraphLoader.nodesFile, GraphLoader.edgesFile, GraphLoader.schemaFile]
        let existing = names.filter { FileManager.default.fileExists(atPath: GraphLoader.join(folder, $0)) }
        if !existing.isEmpty, !replacing {
            throw EditError(.folderHasGraph(existing), at: SourceLocation(file: folder, line: 0))
        }
        try GraphLock.withLock(folder: folder) {
            var files = [(GraphLoader.nodesFile, nodesCSV), (GraphLoader.edgesFile, edgesCSV)]
            if let schemaJSON { files.append((GraphLoader.schemaFile, schemaJSON)) }
            try AtomicFile.commit(files.map { (GraphLoader.join(folder, $0.0), $0.1) })
            if schemaJSON == nil, existing.contains(GraphLoader.schemaFile) {
                _ = unlink(GraphLoader.join(folder, GraphLoader.schemaFile))
            }
        }
    }
}

extension AtomicFile {
    /// Stages every file, then renames each into place; when staging fails nothing is renamed.
    static func commit(_ files: [(path: String, text: String)]) throws(WriteError) {
        var staged: [StagedFile] = []
        do {
            for file in files { staged.append(try stage(Array(file.text.utf8), for: file.path)) }
        } catch {
            if simulatedCrash == nil { for s in staged { s.discard() } }
            throw error
        }
        for s in staged { try s.commit() }
    }
}
