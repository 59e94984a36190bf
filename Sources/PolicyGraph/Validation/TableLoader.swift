/// The bytes of one input file, its name for messages, and how to hand back the part already
/// read (a mapped file returns those pages to the system, keeping the peak memory of a 500 MB
/// load near the size of the graph instead of graph plus file).
struct CSVSource {
    let bytes: UnsafeBufferPointer<UInt8>
    let name: String
    var release: ((Range<Int>) -> Void)?
}

/// The row-by-row work of ``GraphLoader``: parse both CSV files, check each row against the
/// format and the schema, and fill the column tables the ``Graph`` is built from.
///
/// Every cell is handled as bytes: ids are interned straight from the field (``NodeIndex``),
/// kinds and relations are looked up by their bytes, attribute cells go into byte-level
/// column builders, and weights and dates are checked once per distinct value. A `String` is
/// made for each node id and for the text of a problem, nothing else.
struct TableLoader {
    let schema: Schema
    let nodesFile: String
    let edgesFile: String
    /// Edge files of this many bytes or more are read in two halves at once.
    var parallelThreshold = TableLoader.defaultParallelThreshold

    static let nodeHeader = [Column.id, Column.kind, Column.label]
    static let edgeHeader = [Column.from, Column.relation, Column.to]
    /// Unknown ids (and distinct unknown kinds and relations) beyond this many get no suggestions:
    /// a search over a million ids, or a schema of thousands of kinds, for each is slow.
    static let suggestionBudget = 50

    func run(nodes: UnsafeBufferPointer<UInt8>, edges: UnsafeBufferPointer<UInt8>) -> Result<LoadedGraph, LoadFailure> {
        run(nodes: CSVSource(bytes: nodes, name: nodesFile), edges: CSVSource(bytes: edges, name: edgesFile))
    }

    func run(nodes: CSVSource, edges: CSVSource) -> Result<LoadedGraph, LoadFailure> {
        var errors: [LoadError] = []
        var issues: [ValidationIssue] = []
        var nodeRows: NodeRows?
        do {
            nodeRows = try readNodes(nodes, errors: &errors, issues: &issues)
        } catch {
            errors.append(error)
        }
        var edgeTable = EdgeTable()
        do {
            edgeTable = try readEdges(edges, nodes: nodeRows, errors: &errors, issues: &issues)
        } catch {
            errors.append(error)
        }
        if let nodeRows { addSuggestions(to: &issues, index: nodeRows.index) }
        guard let nodeRows, errors.isEmpty, !issues.contains(where: \.isError) else {
            return .failure(LoadFailure(errors: errors, issues: issues))
        }
        let graph = Graph(schema: schema, nodes: nodeRows.table, edges: edgeTable, index: nodeRows.index)
        return .success(LoadedGraph(graph: graph, warnings: issues.sorted { $0.location < $1.location }))
    }

    /// Checks a header: the required columns first, in order, then unique non-empty names.
    func header(_ record: CSVRecord, required: [String], file: String) throws(LoadError) -> [String] {
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

    /// Runs `read` over a file: an error of the file's text (found by the cursor, which checks
    /// ahead of itself) takes back everything the file's rows had reported, as if the text
    /// check had run before the first row.
    func reading<T>(
        _ source: CSVSource, errors: inout [LoadError], issues: inout [ValidationIssue],
        _ read: (inout CSVCursor, inout [LoadError], inout [ValidationIssue]) throws(LoadError) -> T
    ) throws(LoadError) -> T {
        let errorMark = errors.count
        let issueMark = issues.count
        var cursor = CSVCursor(source.bytes, file: source.name, release: source.release)
        do {
            return try read(&cursor, &errors, &issues)
        } catch {
            let failure = cursor.textError() ?? error
            if failure.isTextError {
                errors.removeSubrange(errorMark...)
                issues.removeSubrange(issueMark...)
            }
            throw failure
        }
    }

    /// Fills in the suggestions of the first ``suggestionBudget`` unknown ids, in file order.
    private func addSuggestions(to issues: inout [ValidationIssue], index: NodeIndex) {
        var left = Self.suggestionBudget
        var known: [String]?
        for (k, issue) in issues.enumerated() where left > 0 {
            guard case .unknownNode(let id, _) = issue.reason else { continue }
            left -= 1
            let candidates = known ?? index.keys.map(\.rawValue)
            known = candidates
            let suggestions = Suggestions.closest(to: id.rawValue, among: candidates)
            issues[k] = ValidationIssue(.unknownNode(id, suggestions: suggestions), field: issue.field, at: issue.location)
        }
    }

    /// A rough count of the rows in `bytes`, to reserve capacity once (untouched capacity costs
    /// address space, not memory).
    static func estimatedRows(_ bytes: Int, minimumRowBytes: Int) -> Int { bytes / minimumRowBytes + 16 }
}
