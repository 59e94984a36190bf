/// Rows of an import that name an edge the graph already has (same `from`, `relation`, `to` and
/// `date`) with other cells: the sheet kept as the master copy after an edit in the graph, or an
/// edit in the sheet. Such a row is not a new edge; it is reported, and written into the
/// existing edge in place only when asked (``ImportRecords/updatesExisting``).
extension ImportPlan {
    /// An existing edge and the cells in which an imported row differs from it.
    package struct DifferingEdge: Sendable, Equatable {
        /// One cell that differs: the graph's value and the import's.
        package struct Cell: Sendable, Equatable {
            package let column: String
            package let graph: String
            package let sheet: String
        }

        package let from: NodeID
        package let relation: Relation
        package let to: NodeID
        /// The edge's date (empty when it has none): part of its identity.
        package let date: String
        /// The cells that differ, in the import's column order.
        package let cells: [Cell]
        /// The edge's row in the graph's `edges.csv`.
        package let graphLocation: SourceLocation
        /// The imported row.
        package let location: SourceLocation
    }
}

extension ImportMerger {
    /// The identity under which an imported row is the same edge as a row of the graph: its
    /// ends, relation and date (parallel edges with other dates are other edges).
    static func identity(from: String, relation: String, to: String, date: String) -> String {
        [from, relation, to, date].joined(separator: "\u{1F}")
    }

    /// The graph's edge rows by ``identity(from:relation:to:date:)``, in file order.
    func existingEdgesByIdentity() -> [String: [RawCSV.Record]] {
        guard let f = edges.column(Column.from), let r = edges.column(Column.relation), let t = edges.column(Column.to) else { return [:] }
        let d = edges.column(Column.date)
        var found: [String: [RawCSV.Record]] = [:]
        for row in edges.rows where row.fields.count > max(f, r, t) {
            let date = d.map { $0 < row.fields.count ? StanceSheet.trimmed(row.fields[$0]) : "" } ?? ""
            found[Self.identity(from: row.fields[f], relation: row.fields[r], to: row.fields[t], date: date), default: []].append(row)
        }
        return found
    }

    /// The cells of an imported row (`columns` in its order) that differ from the graph's `row`;
    /// empty when the row says nothing new. Columns the graph lacks count as empty there.
    func differences(_ cells: [String: String], columns: [String], from row: RawCSV.Record) -> [ImportPlan.DifferingEdge.Cell] {
        let identity: Set<String> = [Column.from, Column.relation, Column.to, Column.date]
        var out: [ImportPlan.DifferingEdge.Cell] = []
        for column in columns where !identity.contains(column) {
            let sheet = cells[column] ?? ""
            let graph = edges.column(column).map { $0 < row.fields.count ? row.fields[$0] : "" } ?? ""
            // Weights compare as numbers (`0.5` is `.5`); every other cell as written.
            let same = column == Column.weight
                ? PolicyNumber.parse(sheet) == PolicyNumber.parse(graph) && sheet.isEmpty == graph.isEmpty
                : sheet == graph
            if !same { out.append(ImportPlan.DifferingEdge.Cell(column: column, graph: graph, sheet: sheet)) }
        }
        return out
    }
}
