/// How an exporter types a column: as a number or as text.
enum ExportColumnType: Sendable, Equatable {
    case string
    case double
}

/// An attribute column as the typed formats (GraphML, Neo4j CSV, Kùzu, RDF) see it.
///
/// A column is typed `double` only when the schema calls it numeric *and* every non-empty cell
/// is a finite number: the loader checks `weight` but not the other numeric columns, and a
/// typed column with one word in it would make the target tool reject the whole file.
struct ExportColumn: Sendable {
    let name: String
    let type: ExportColumnType
    let storage: AttributeColumn

    /// The cell of `row` as the export writes it: numbers canonical, `nil` when empty.
    func value(at row: Int) -> String? {
        guard let text = storage.value(at: row) else { return nil }
        if type == .double, let number = NumberText.canonical(text) { return number }
        return text
    }
}

extension Graph {
    /// The node columns after `id,kind` (so `label` first), typed.
    var nodeExportColumns: [ExportColumn] { nodeTable.columns.map { typed($0) } }
    /// The edge columns after `from,relation,to`, typed.
    var edgeExportColumns: [ExportColumn] { edgeTable.columns.map { typed($0) } }

    private func typed(_ column: AttributeColumn) -> ExportColumn {
        let numeric = schema.isNumeric(column.name) && column.values.allSatisfy { NumberText.canonical($0) != nil }
        return ExportColumn(name: column.name, type: numeric ? .double : .string, storage: column)
    }
}

/// Numbers as every target reads them.
enum NumberText {
    /// The shortest text that reads back as the same double, with a plain exponent (`1e16`, not
    /// `1e+16`, which Cypher's grammar lacks); `nil` when `text` is not a finite number.
    static func canonical(_ text: String) -> String? {
        guard let value = Double(text), value.isFinite else { return nil }
        return value.description.replacing("e+", with: "e")
    }
}

