/// The pure part of an edit: from the bytes of `nodes.csv` and `edges.csv` to their new bytes
/// and a report. Reads nothing and writes nothing, so tests can check byte for byte.
struct EditPlanner {
    struct Change {
        /// The new bytes of a file, `nil` when it is unchanged.
        var nodes: [UInt8]?
        var edges: [UInt8]?
        var lines: [String] = []
        /// Write edges.csv before nodes.csv (removals).
        var edgesFirst = false
    }

    let nodes: RawCSV
    let edges: RawCSV
    let nodesFile: String
    let edgesFile: String

    init(nodes: [UInt8], edges: [UInt8], nodesFile: String, edgesFile: String) throws(LoadFailure) {
        var errors: [LoadError] = []
        var n: RawCSV?
        var e: RawCSV?
        do { n = try RawCSV(bytes: nodes, file: nodesFile) } catch { errors.append(error) }
        do { e = try RawCSV(bytes: edges, file: edgesFile) } catch { errors.append(error) }
        guard let n, let e else { throw LoadFailure(errors: errors, issues: []) }
        self.nodes = n
        self.edges = e
        self.nodesFile = nodesFile
        self.edgesFile = edgesFile
    }

    func plan(_ edit: GraphEdit) throws -> Change {
        switch edit {
        case .addNode(let id, let kind, let label, let values):
            try checkReserved(values, [Column.id: "it is the node's id", Column.kind: "it is the node's kind", Column.label: "it is the node's label"])
            if let existing = nodeRecord(id) {
                throw EditError(.nodeExists(id), at: SourceLocation(file: nodesFile, line: existing.line))
            }
            return add(to: nodes, fields: [Column.id: id.rawValue, Column.kind: kind.rawValue, Column.label: label], values: values,
                       what: "node '\(id)' (\(kind))", isNodes: true)
        case .addEdge(let from, let relation, let to, let values):
            try checkReserved(values, [Column.from: "it is the edge's source", Column.relation: "it is the edge's relation",
                                       Column.to: "it is the edge's target"])
            let from = try resolve(from, argument: "FROM")
            let to = try resolve(to, argument: "TO")
            return add(to: edges, fields: [Column.from: from.rawValue, Column.relation: relation.rawValue, Column.to: to.rawValue],
                       values: values, what: "edge '\(from) \(relation) \(to)'", isNodes: false)
        case .set(let id, let values):
            try checkReserved(values, [Column.id: "rename the node instead"])
            let id = try resolve(id, argument: "ID")
            guard let record = nodeRecord(id) else { throw unknown(id) }
            let change = setCells(of: record, in: nodes, name: id.rawValue, values: values)
            return Change(nodes: change.bytes, lines: change.lines)
        case .setEdge(let from, let relation, let to, let nth, let values):
            return try setEdge(from: from, relation: relation, to: to, nth: nth, values: values)
        case .removeNode(let id, let cascade):
            let id = try resolve(id, argument: "ID")
            guard let record = nodeRecord(id) else { throw unknown(id) }
            let touching = edgeRecords { $0.from == id.rawValue || $0.to == id.rawValue }
            if !touching.isEmpty, !cascade {
                throw EditError(.nodeHasEdges(id, lines: touching.map(\.line)), at: SourceLocation(file: nodesFile, line: record.line))
            }
            var change = Change(edgesFirst: true)
            change.nodes = removing([record], from: nodes)
            change.lines.append("removed node '\(id)' (\(nodesFile):\(record.line))")
            if !touching.isEmpty {
                change.edges = removing(touching, from: edges)
                change.lines.append("removed \(touching.count) edge\(touching.count == 1 ? "" : "s") at it (\(edgesFile) line\(touching.count == 1 ? "" : "s") \(touching.map { String($0.line) }.joined(separator: ", ")))")
            }
            return change
        case .removeEdge(let from, let relation, let to, let all):
            let from = try resolveListed(from, argument: "FROM")
            let to = try resolveListed(to, argument: "TO")
            let matching = edgeRecords { $0.from == from.rawValue && $0.relation == relation.rawValue && $0.to == to.rawValue }
            guard !matching.isEmpty else {
                for id in [from, to] where nodeRecord(id) == nil { throw unknown(id) }
                throw EditError(.noSuchEdge(from: from, relation: relation, to: to, between: edges(between: from, and: to)),
                                at: SourceLocation(file: edgesFile, line: 0))
            }
            if matching.count > 1, !all {
                throw EditError(.severalEdges(from: from, relation: relation, to: to, lines: matching.map(\.line)),
                                at: SourceLocation(file: edgesFile, line: matching[0].line))
            }
            var change = Change(edgesFirst: true)
            change.edges = removing(matching, from: edges)
            change.lines.append("removed \(matching.count) edge\(matching.count == 1 ? "" : "s") '\(from) \(relation) \(to)' (\(edgesFile) line\(matching.count == 1 ? "" : "s") \(matching.map { String($0.line) }.joined(separator: ", ")))")
            return change
        case .rename(let id, let newID):
            let id = try resolve(id, argument: "ID")
            guard let record = nodeRecord(id) else { throw unknown(id) }
            if let existing = nodeRecord(newID) {
                throw EditError(.nodeExists(newID), at: SourceLocation(file: nodesFile, line: existing.line))
            }
            var change = Change()
            var nodeSplices = CSVSplices()
            nodeSplices.setField(record, 0, to: newID.rawValue)
            change.nodes = nodeSplices.applied(to: nodes)
            var edgeSplices = CSVSplices()
            var count = 0
            for row in edges.rows where row.fields.count >= 3 {
                if row.fields[0] == id.rawValue { edgeSplices.setField(row, 0, to: newID.rawValue) }
                if row.fields[2] == id.rawValue { edgeSplices.setField(row, 2, to: newID.rawValue) }
                if row.fields[0] == id.rawValue || row.fields[2] == id.rawValue { count += 1 }
            }
            if !edgeSplices.isEmpty { change.edges = edgeSplices.applied(to: edges) }
            change.lines.append("renamed '\(id)' to '\(newID)' (\(nodesFile):\(record.line)) and in \(count) edge\(count == 1 ? "" : "s")")
            return change
        }
    }

    // MARK: - Pieces

    func nodeRecord(_ id: NodeID) -> RawCSV.Record? {
        nodes.rows.first { $0.fields.first == id.rawValue }
    }

    struct EdgeFields {
        let from: String
        let relation: String
        let to: String
    }

    func edgeRecords(_ matches: (EdgeFields) -> Bool) -> [RawCSV.Record] {
        edges.rows.filter { $0.fields.count >= 3 && matches(EdgeFields(from: $0.fields[0], relation: $0.fields[1], to: $0.fields[2])) }
    }

    /// The edges joining `a` and `b` either way, in file order.
    func edges(between a: NodeID, and b: NodeID) -> [EditError.EdgeAt] {
        edgeRecords { ($0.from == a.rawValue && $0.to == b.rawValue) || ($0.from == b.rawValue && $0.to == a.rawValue) }
            .map { EditError.EdgeAt(from: $0.fields[0], relation: $0.fields[1], to: $0.fields[2], line: $0.line) }
    }

    func unknown(_ id: NodeID) -> EditError {
        let ids = nodes.rows.compactMap(\.fields.first)
        let suggestions = Suggestions.closest(to: id.rawValue, among: ids).map { NodeID($0) }
        return EditError(.unknownNode(id, suggestions: suggestions), at: SourceLocation(file: nodesFile, line: 0))
    }

    private func checkReserved(_ values: [ColumnValue], _ reserved: [String: String]) throws(EditError) {
        for v in values {
            if v.column.isEmpty { throw EditError(.emptyColumnName, at: SourceLocation(file: "argument '=\(v.value)'", line: 0)) }
            if let use = reserved[v.column] { throw EditError(.reservedColumn(v.column, use: use), at: SourceLocation(file: "argument '\(v.column)=\(v.value)'", line: 0)) }
        }
    }

    /// The last value given for each column, in the order columns were first named.
    func lastValues(_ values: [ColumnValue]) -> [ColumnValue] {
        var order: [String] = []
        var value: [String: String] = [:]
        for v in values {
            if value[v.column] == nil { order.append(v.column) }
            value[v.column] = v.value
        }
        return order.map { ColumnValue(column: $0, value: value[$0] ?? "") }
    }

    /// A new row: the given fields in the header's columns, new columns appended for `values`
    /// that name none (and an empty cell for them in every other row).
    private func add(to csv: RawCSV, fields: [String: String], values: [ColumnValue], what: String, isNodes: Bool) -> Change {
        var cells = fields
        let values = lastValues(values)
        for v in values { cells[v.column] = v.value }
        let newColumns = values.filter { csv.column($0.column) == nil && !$0.value.isEmpty }.map(\.column)
        var splices = CSVSplices()
        var lines: [String] = []
        if !newColumns.isEmpty {
            splices.appendFields(csv.records[0], newColumns)
            for row in csv.rows { splices.appendFields(row, newColumns.map { _ in "" }) }
            lines.append(newColumnsLine(newColumns, file: csv.file))
        }
        let header = csv.header + newColumns
        splices.append(header.map { cells[$0] ?? "" }, to: csv)
        let newLine = (csv.records.last.map { $0.line + lineCount(csv, $0) } ?? 1)
        lines.insert("added \(what) at \(csv.file):\(newLine)", at: 0)
        var change = Change(lines: lines)
        if isNodes { change.nodes = splices.applied(to: csv) } else { change.edges = splices.applied(to: csv) }
        return change
    }

    /// Lines a record spans (more than one when a quoted field holds line breaks).
    private func lineCount(_ csv: RawCSV, _ record: RawCSV.Record) -> Int {
        var n = 1
        var i = record.range.lowerBound
        while i < record.range.upperBound {
            let b = csv.bytes[i]
            if b == 0x0A || (b == 0x0D && !(i + 1 < record.range.upperBound && csv.bytes[i + 1] == 0x0A)) { n += 1 }
            i += 1
        }
        return n
    }

    func newColumnsLine(_ names: [String], file: String) -> String {
        "added column\(names.count == 1 ? "" : "s") \(names.map { "'\($0)'" }.joined(separator: ", ")) to \(file) (every row gets an empty cell)"
    }

    /// Sets cells of `record` in `csv` (a new column for a value that names none, an empty
    /// value clearing a cell); `name` says whose cells in the report. Only the changed fields'
    /// bytes change, and the header and every row for a new column.
    func setCells(of record: RawCSV.Record, in csv: RawCSV, name: String, values: [ColumnValue]) -> (bytes: [UInt8]?, lines: [String]) {
        var splices = CSVSplices()
        var lines: [String] = []
        let values = lastValues(values)
        var newColumns: [ColumnValue] = []
        for v in values {
            if let c = csv.column(v.column), c < record.fields.count {
                let old = record.fields[c]
                guard old != v.value else { continue }
                splices.setField(record, c, to: v.value)
                lines.append("set \(name).\(v.column): \(JSONValue.quote(old)) -> \(JSONValue.quote(v.value)) (\(csv.file):\(record.line))")
            } else if csv.column(v.column) == nil, !v.value.isEmpty {
                newColumns.append(v)
                lines.append("set \(name).\(v.column): \"\" -> \(JSONValue.quote(v.value)) (\(csv.file):\(record.line))")
            }
        }
        if !newColumns.isEmpty {
            splices.appendFields(csv.records[0], newColumns.map(\.column))
            for row in csv.rows {
                splices.appendFields(row, newColumns.map { row.line == record.line ? $0.value : "" })
            }
            lines.insert(newColumnsLine(newColumns.map(\.column), file: csv.file), at: 0)
        }
        if splices.isEmpty { return (nil, ["nothing to change: \(name) already has these values"]) }
        return (splices.applied(to: csv), lines)
    }

    private func removing(_ records: [RawCSV.Record], from csv: RawCSV) -> [UInt8] {
        var splices = CSVSplices()
        let lines = Set(records.map(\.line))
        // Each removed record goes with its own line end; a last record without one takes the
        // line end before it, which belongs to a kept record (or the header) unless that one
        // goes too, in which case its own removal covers it.
        for (k, record) in csv.records.enumerated() where k > 0 && lines.contains(record.line) {
            var previous = k - 1
            while previous > 0, lines.contains(csv.records[previous].line), csv.lineEndLength(after: record) == 0 { previous -= 1 }
            splices.remove(record, in: csv, previous: csv.records[previous])
        }
        return splices.applied(to: csv)
    }
}
