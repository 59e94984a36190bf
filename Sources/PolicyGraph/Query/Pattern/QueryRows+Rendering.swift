/// CSV and JSON of a query's rows, handed out a piece at a time: the same bytes as
/// ``QueryResult/csv`` and ``QueryResult/jsonValue`` rendered whole, without ever holding the
/// whole text (or every row as public values) at once.
extension QueryRows {
    /// The CSV document (header, then a record per row), one record per call of `write`.
    package func writeCSV(_ write: (String) -> Void) {
        write(CSVWriter.record(columns))
        for i in values.indices {
            write(CSVWriter.record(row(i).map(\.csvField)))
        }
    }

    /// The JSON document `{"columns": [...], "rows": [...]}`, one row per call of `write`, laid
    /// out as ``JSONValue/rendered(pretty:)`` lays out the whole; `"warnings"` (their text)
    /// follows the rows when there are any.
    package func writeJSON(_ write: (String) -> Void) {
        let renderer = QueryResult(columns: columns, rows: [], source: graph)
        write("{\n  \"columns\": " + JSONValue.array(columns.map { .string($0) }).rendered(indent: 1) + ",\n  \"rows\": ")
        if values.isEmpty {
            write("[]")
        } else {
            write("[")
            for i in values.indices {
                let cells = JSONValue.array(row(i).map(renderer.json))
                write((i > 0 ? "," : "") + "\n    " + cells.rendered(indent: 2))
            }
            write("\n  ]")
        }
        if !warnings.isEmpty {
            write(",\n  \"warnings\": " + JSONValue.array(warnings.map { .string($0.description) }).rendered(indent: 1))
        }
        write("\n}\n")
    }
}
