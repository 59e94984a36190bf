import Foundation

/// A new graph folder, and the canonical layout of its files: what `init` writes and what an
/// edit starts from when a file is missing.
package enum GraphFolder {
    /// The canonical columns of `nodes.csv`.
    public static let nodeColumns = [Column.id, Column.kind, Column.label, Column.labelZh, "description", Column.cite]
    /// The canonical columns of `edges.csv` (the provenance columns `source`, `by`, `evidence` included).
    public static let edgeColumns = [Column.from, Column.relation, Column.to, Column.weight, Column.date, Column.cite, "source", "by", "evidence"]

    /// The bytes of a file that holds only the header `columns`.
    public static func header(_ columns: [String]) -> [UInt8] {
        Array((columns.joined(separator: ",") + "\n").utf8)
    }

    /// A starter `schema.json`: the built-in stance relations with their polarities (change one
    /// to change what it means), the stances a summit's sheet usually needs (`signs`, and the
    /// neutral `abstains`, as in the README's walkthrough) and an example actor kind.
    public static let starterSchema = """
        {
          "kinds": {
            "bloc": {"description": "An alliance or negotiating group of states.", "actor": true}
          },
          "relations": {
            "supports": {"stance": 1},
            "opposes": {"stance": -1},
            "signs": {"stance": 1, "description": "Signed (support).",
                      "endpoints": [{"from": ["country", "organization"], "to": ["framework"]}]},
            "abstains": {"stance": 0, "description": "Abstains on (a neutral position).",
                         "endpoints": [{"from": ["country", "agency", "official", "organization", "person", "delegation"], "to": ["framework", "risk", "topic", "technology"]}]}
          },
          "numeric": []
        }

        """

    /// Whether `folder` holds a graph (a `nodes.csv`).
    public static func holdsGraph(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: GraphLoader.join(folder, GraphLoader.nodesFile))
    }

    /// Creates `folder` (and its parents) when missing and writes `nodes.csv` and `edges.csv` with
    /// the canonical headers, and a starter `schema.json` when `schema` is set.
    ///
    /// - Returns: the paths written, in order.
    /// - Throws: ``EditError`` `.graphExists` (nothing written) when the folder already holds any
    ///   of those files; `AtomicFile.WriteError` when writing fails.
    public static func create(at folder: String, schema: Bool = false) throws -> [String] {
        var files: [(path: String, bytes: [UInt8])] = [
            (GraphLoader.join(folder, GraphLoader.nodesFile), header(nodeColumns)),
            (GraphLoader.join(folder, GraphLoader.edgesFile), header(edgeColumns)),
        ]
        if schema { files.append((GraphLoader.join(folder, GraphLoader.schemaFile), Array(starterSchema.utf8))) }
        let existing = files.map(\.path).filter { FileManager.default.fileExists(atPath: $0) }
        if !existing.isEmpty {
            let names = existing.map { URL(fileURLWithPath: $0).lastPathComponent }
            throw EditError(.graphExists(names), at: SourceLocation(file: folder, line: 0))
        }
        try AtomicFile.makeFolder(folder)
        for file in files { try AtomicFile.write(file.bytes, to: file.path) }
        return files.map(\.path)
    }
}
