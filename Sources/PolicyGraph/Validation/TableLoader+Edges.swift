extension TableLoader {
    /// Reads the edge rows. With `nodes` (the node file was read), endpoints are looked up and
    /// checked against the schema; without, only what the edge file says alone is checked.
    /// A large file is read in two halves at once (see ``readInParallel``).
    func readEdges(
        _ source: CSVSource, nodes: NodeRows?, errors: inout [LoadError], issues: inout [ValidationIssue]
    ) throws(LoadError) -> EdgeTable {
        try reading(source, errors: &errors, issues: &issues) { (cursor: inout CSVCursor, errors: inout [LoadError], issues: inout [ValidationIssue]) throws(LoadError) in
            var reader = EdgeRowReader(loader: self, nodes: nodes, capacity: Self.estimatedRows(source.bytes.count, minimumRowBytes: 20))
            guard try cursor.next() else { throw LoadError(.emptyFile, at: SourceLocation(file: edgesFile, line: 1)) }
            try reader.readHeader(cursor.record)
            if let split = splitPoint(source.bytes, after: cursor.position) {
                try readInParallel(source, split: split, cursor: &cursor, reader: &reader, errors: &errors, issues: &issues)
            } else {
                try Self.readRows(&cursor, into: &reader, errors: &errors, issues: &issues)
            }
            return reader.build()
        }
    }

    /// Reads records into `reader` until the end, or until the next record would start at or
    /// after `stop`.
    static func readRows(
        _ cursor: inout CSVCursor, into reader: inout EdgeRowReader, errors: inout [LoadError], issues: inout [ValidationIssue],
        stop: Int = .max
    ) throws(LoadError) {
        do throws(LoadError) {
            while cursor.position < stop, try cursor.next() {
                cursor.withRecord { (record: inout CSVRecord) in reader.parse(&record, errors: &errors) }
                if reader.batchIsFull { reader.finishBatch(issues: &issues) }
            }
        } catch {
            // Rows before a syntax error keep their findings, as they would row by row.
            reader.finishBatch(issues: &issues)
            throw error
        }
        reader.finishBatch(issues: &issues)
    }
}

/// Reading edge rows in batches: each row's fields are parsed and its columns filled at once,
/// but the endpoints of a batch are looked up together (see ``NodeIndex/rows(of:into:scratch:)``)
/// and the findings of each row are then reported in row order, exactly as row by row.
struct EdgeRowReader {
    private let file: String
    private let schema: Schema
    private let loader: TableLoader
    private let index: NodeIndex?
    private let nodeKinds: [UInt16]
    private let relations: NameLookup
    private let relationNames: [String]
    /// `allowed[(relation * kinds + from) * kinds + to]`: the endpoint check without nested
    /// arrays, when the schema is small enough to have the table (else ``Schema/allowed``).
    private let allowed: [Bool]?
    private let kindCount: Int
    private let capacity: Int
    private var table = EdgeTable()
    private var builders: [AttributeColumnBuilder] = []
    private var columnCount = 0
    private var columnNames: [String] = []
    private var weightColumn: Int?
    private var dateColumn: Int?
    /// Per distinct value (code - 1) of the weight and date columns: whether it is valid.
    private var weightValid: [Bool] = []
    private var dateValid: [Bool] = []
    private var relationSuggestions: [String: [String]] = [:]
    private var batch = EdgeBatch()

    init(loader: TableLoader, nodes: NodeRows?, capacity: Int) {
        self.loader = loader
        file = loader.edgesFile
        schema = loader.schema
        index = nodes?.index
        nodeKinds = nodes?.table.kinds ?? []
        relationNames = schema.relations.map(\.relation.rawValue)
        relations = NameLookup(relationNames)
        kindCount = schema.kinds.count
        allowed = schema.allowed.dense
        self.capacity = capacity
        table.from.reserveCapacity(capacity)
        table.to.reserveCapacity(capacity)
        table.relations.reserveCapacity(capacity)
    }

    mutating func readHeader(_ record: CSVRecord) throws(LoadError) {
        let names = try loader.header(record, required: TableLoader.edgeHeader, file: file)
        columnCount = names.count
        columnNames = names
        builders = names.dropFirst(3).map { AttributeColumnBuilder(name: $0, capacity: capacity) }
        weightColumn = names.firstIndex(of: Column.weight)
        dateColumn = names.firstIndex(of: Column.date)
    }

    /// A reader for a later part of the same file: the same columns, nothing read yet.
    func emptyCopy(capacity: Int) -> EdgeRowReader {
        var copy = self
        copy.table = EdgeTable()
        copy.table.from.reserveCapacity(capacity)
        copy.table.to.reserveCapacity(capacity)
        copy.table.relations.reserveCapacity(capacity)
        copy.builders = builders.map { AttributeColumnBuilder(name: $0.name, capacity: capacity) }
        copy.batch = EdgeBatch()
        return copy
    }

    /// Appends the rows `other` read from the part of the file after this one's.
    mutating func append(contentsOf other: EdgeRowReader) {
        table.from.append(contentsOf: other.table.from)
        table.to.append(contentsOf: other.table.to)
        table.relations.append(contentsOf: other.table.relations)
        for c in builders.indices { builders[c].append(contentsOf: other.builders[c]) }
    }

    func build() -> EdgeTable {
        var table = table
        table.columns = builders.map { $0.build() }
        return table
    }

    var batchIsFull: Bool { batch.count == EdgeBatch.capacity }

    /// Parses one row into the batch: its endpoints' bytes, its relation, its attribute cells
    /// (into the columns) and the findings of those, kept to be reported in order.
    @inline(__always)
    mutating func parse(_ record: inout CSVRecord, errors: inout [LoadError]) {
        let line = record.line
        guard record.count == columnCount else {
            errors.append(LoadError(.fieldCount(expected: columnCount, found: record.count, header: columnNames), at: SourceLocation(file: file, line: line)))
            return
        }
        let k = batch.count
        batch.lines[k] = line
        batch.keep(record, field: 0, as: 2 * k)
        batch.keep(record, field: 2, as: 2 * k + 1)
        var relation: Int32 = -1
        record.withBytes(1) { bytes in
            if let r = relations.find(bytes) {
                relation = Int32(truncatingIfNeeded: r)
            } else if bytes.isEmpty {
                batch.findings.append(.init(row: k, order: 1, issue: ValidationIssue(.emptyField, field: Column.relation, at: SourceLocation(file: file, line: line))))
            } else {
                let text = String(decoding: bytes, as: UTF8.self)
                // Each distinct name once, and only the first `suggestionBudget` of them: a
                // search over a big schema for each of thousands of names is slow.
                var suggestions: [String] = []
                if let known = relationSuggestions[text] {
                    suggestions = known
                } else if relationSuggestions.count < TableLoader.suggestionBudget {
                    suggestions = Suggestions.closest(to: text, among: relationNames)
                    relationSuggestions[text] = suggestions
                }
                batch.findings.append(.init(row: k, order: 1, issue: ValidationIssue(
                    .unknownRelation(Relation(text), suggestions: suggestions), field: Column.relation, at: SourceLocation(file: file, line: line))))
            }
        }
        batch.relations[k] = relation
        for c in 3..<record.count {
            record.withBytes(c) { bytes in
                let (code, isNew) = builders[c - 3].append(bytes: bytes)
                if c == weightColumn, !bytes.isEmpty,
                   !Self.valid(code, isNew, bytes, cache: &weightValid, { PolicyNumber.parse($0) != nil }) {
                    batch.findings.append(.init(row: k, order: 4, issue: ValidationIssue(
                        .invalidWeight(String(decoding: bytes, as: UTF8.self)), field: Column.weight, at: SourceLocation(file: file, line: line))))
                } else if c == dateColumn, !bytes.isEmpty, !Self.valid(code, isNew, bytes, cache: &dateValid, PolicyDate.isValid) {
                    batch.findings.append(.init(row: k, order: 5, issue: ValidationIssue(
                        .invalidDate(String(decoding: bytes, as: UTF8.self)), field: Column.date, at: SourceLocation(file: file, line: line))))
                }
            }
        }
        batch.commitRow()
    }

    /// Looks up the batch's endpoints together, checks them, reports every finding of every row
    /// in row order and appends the rows to the table.
    mutating func finishBatch(issues: inout [ValidationIssue]) {
        let n = batch.count
        guard n > 0 else { return }
        if let index { batch.lookUp(in: index) }
        batch.gatherKinds(nodeKinds, known: index != nil)
        var next = 0
        let findings = batch.findings.sorted { ($0.row, $0.order) < ($1.row, $1.order) }
        func report(_ k: Int, upTo order: Int) {
            while next < findings.count, findings[next].row == k, findings[next].order <= order {
                issues.append(findings[next].issue)
                next += 1
            }
        }
        for k in 0..<n {
            let line = batch.lines[k]
            let from = endpoint(2 * k, Column.from, line: line, issues: &issues)
            report(k, upTo: 1)
            let to = endpoint(2 * k + 1, Column.to, line: line, issues: &issues)
            let relation = Int(batch.relations[k])
            if from != nil, to != nil, relation >= 0 {
                let fk = Int(batch.kinds[2 * k])
                let tk = Int(batch.kinds[2 * k + 1])
                if fk != Int(UInt16.max), tk != Int(UInt16.max),
                   !(allowed.map { $0[(relation * kindCount + fk) * kindCount + tk] } ?? schema.allowed.allows(relation: relation, from: fk, to: tk)) {
                    let rule = schema.relations[relation]
                    issues.append(ValidationIssue(
                        .forbiddenEndpoints(rule.relation, from: schema.kinds[fk].kind, to: schema.kinds[tk].kind, allowed: rule.endpoints),
                        field: Column.relation, at: SourceLocation(file: file, line: line)))
                }
            }
            report(k, upTo: 5)
            table.from.append(from ?? -1)
            table.to.append(to ?? -1)
            table.relations.append(UInt16(truncatingIfNeeded: max(relation, 0)))
        }
        batch.reset()
    }

    /// The row of an endpoint, or `nil` after reporting it empty or unknown. Suggestions for
    /// unknown ids are added after the whole file is read (see `TableLoader.addSuggestions`).
    @inline(__always)
    private func endpoint(_ slot: Int, _ name: String, line: Int, issues: inout [ValidationIssue]) -> Int32? {
        if batch.isEmpty(slot) {
            issues.append(ValidationIssue(.emptyField, field: name, at: SourceLocation(file: file, line: line)))
            return nil
        }
        guard index != nil else { return nil }
        let row = batch.rows[slot]
        if row >= 0 { return row }
        let id = NodeID(batch.string(slot))
        issues.append(ValidationIssue(.unknownNode(id, suggestions: []), field: name, at: SourceLocation(file: file, line: line)))
        return nil
    }

    /// Whether a cell is valid, checking each distinct value of a dictionary column once.
    @inline(__always)
    private static func valid(
        _ code: UInt32, _ isNew: Bool, _ bytes: UnsafeBufferPointer<UInt8>, cache: inout [Bool], _ check: (String) -> Bool
    ) -> Bool {
        if code == 0 { return check(String(decoding: bytes, as: UTF8.self)) }
        if isNew {
            let ok = check(String(decoding: bytes, as: UTF8.self))
            if cache.count < Int(code) { cache.append(contentsOf: repeatElement(false, count: Int(code) - cache.count)) }
            cache[Int(code) - 1] = ok
            return ok
        }
        return cache[Int(code) - 1]
    }
}
