import Foundation

/// A graph read from a folder, with the warnings its validation found.
public struct LoadedGraph: Sendable {
    public let graph: Graph
    /// Findings that did not stop the load (an empty label, say), sorted by location.
    public let warnings: [ValidationIssue]
}

/// Reads a graph folder (`nodes.csv`, `edges.csv`, optional `schema.json`) into a ``Graph``.
///
/// Every problem of every file is reported at once: a file whose CSV is broken stops at its
/// first syntax error, but the other file is still read and every row-level problem of
/// meaning is collected. Nothing is returned unless there is no error.
public enum GraphLoader {
    public static let nodesFile = GraphFiles.nodes
    public static let edgesFile = GraphFiles.edges
    public static let schemaFile = GraphFiles.schema

    /// Loads the folder at `path`; file names in messages are `path/nodes.csv` and so on.
    ///
    /// - Throws: ``LoadFailure`` with every problem found.
    /// - Complexity: O(bytes) plus O(n + m) to build the indices.
    public static func load(folder path: String) throws(LoadFailure) -> LoadedGraph {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            let reason: LoadError.Reason = code == ENOENT ? .missingFolder : .unreadable(message: FileProblem.system(code).message)
            throw LoadFailure(errors: [LoadError(reason, at: SourceLocation(file: path, line: 0))], issues: [])
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw LoadFailure(errors: [LoadError(.notAFolder, at: SourceLocation(file: path, line: 0))], issues: [])
        }
        let nodesPath = join(path, nodesFile)
        let edgesPath = join(path, edgesFile)
        let schemaPath = join(path, schemaFile)
        var errors: [LoadError] = []
        // Look before opening: a FIFO (or a device) in place of a file would block or never end.
        let hasSchema = exists(schemaPath)
        for file in [nodesPath, edgesPath] + (hasSchema ? [schemaPath] : []) { check(file, errors: &errors) }
        guard errors.isEmpty else { throw LoadFailure(errors: errors, issues: []) }
        // Map both files and parse them in place; if either cannot be mapped, read them the
        // ordinary way, which also words the error.
        if let nodesMap = MappedFile(path: nodesPath), let edgesMap = MappedFile(path: edgesPath) {
            let schemaBytes = hasSchema ? readFile(schemaPath, errors: &errors) : nil
            guard errors.isEmpty else { throw LoadFailure(errors: errors, issues: []) }
            let schema = try schema(schemaBytes.map { Array($0) }, file: schemaPath)
            let loader = TableLoader(schema: schema, nodesFile: nodesPath, edgesFile: edgesPath)
            let result = loader.run(
                nodes: CSVSource(bytes: nodesMap.bytes, name: nodesPath, release: { nodesMap.release($0) }),
                edges: CSVSource(bytes: edgesMap.bytes, name: edgesPath, release: { edgesMap.release($0) }))
            return try result.get()
        }
        let nodes = readFile(nodesPath, errors: &errors)
        let edges = readFile(edgesPath, errors: &errors)
        var schemaBytes: Data?
        if hasSchema {
            schemaBytes = readFile(schemaPath, errors: &errors)
        }
        guard let nodes, let edges, errors.isEmpty else { throw LoadFailure(errors: errors, issues: []) }
        return try load(nodes: nodes, edges: edges, schema: schemaBytes.map { Array($0) },
                        nodesFile: nodesPath, edgesFile: edgesPath, schemaFile: schemaPath)
    }

    /// Loads a graph from the bytes of its files; the names are used in messages only.
    public static func load(
        nodes: some ContiguousBytes, edges: some ContiguousBytes, schema schemaJSON: [UInt8]? = nil,
        nodesFile: String = nodesFile, edgesFile: String = edgesFile, schemaFile: String = schemaFile
    ) throws(LoadFailure) -> LoadedGraph {
        let schema = try schema(schemaJSON, file: schemaFile)
        let result = nodes.withUnsafeBytes { nodeBytes in
            edges.withUnsafeBytes { edgeBytes in
                TableLoader(schema: schema, nodesFile: nodesFile, edgesFile: edgesFile)
                    .run(nodes: nodeBytes.bindMemory(to: UInt8.self), edges: edgeBytes.bindMemory(to: UInt8.self))
            }
        }
        return try result.get()
    }

    /// The built-in schema, extended by `schema.json` when there is one.
    private static func schema(_ json: [UInt8]?, file: String) throws(LoadFailure) -> Schema {
        guard let json else { return Schema.builtIn }
        do {
            return try Schema.builtIn.extended(with: json, file: file)
        } catch {
            throw LoadFailure(errors: error.errors, issues: [])
        }
    }

    /// `folder/file`, without doubling a trailing slash.
    public static func join(_ folder: String, _ file: String) -> String { GraphFiles.join(folder, file) }

    /// Whether anything is at `path`, a dangling or looping symlink included (it is then
    /// reported rather than taken for a missing optional file).
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Appends the error that keeps `path` from being read as a regular file, if any.
    static func check(_ path: String, errors: inout [LoadError]) {
        guard let problem = FileProblem.unreadable(path) else { return }
        let reason: LoadError.Reason = problem == .system(ENOENT) && !exists(path) ? .missingFile : .unreadable(message: problem.message)
        errors.append(LoadError(reason, at: SourceLocation(file: path, line: 0)))
    }

    private static func readFile(_ path: String, errors: inout [LoadError]) -> Data? {
        let before = errors.count
        check(path, errors: &errors)
        guard errors.count == before else { return nil }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            errors.append(LoadError(.unreadable(message: "\(error.localizedDescription)"), at: SourceLocation(file: path, line: 0)))
            return nil
        }
    }
}
