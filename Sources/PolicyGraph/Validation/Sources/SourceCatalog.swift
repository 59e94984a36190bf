import Foundation

/// One document a graph is read from: a row of `sources.csv`.
package struct Source: Hashable, Sendable {
    /// Named by an edge's `source` cell.
    package let id: String
    /// The title in English.
    package let title: String
    /// The title as published.
    package let titleZh: String
    /// The author or, when there is none, the publisher.
    package let author: String
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; empty when unknown.
    package let date: String
    /// Where it is published; empty when it has no address of its own.
    package let url: String
    /// A language tag such as `zh` or `en`.
    package let language: String
    /// The file holding the source's text, relative to the graph's `sources/` folder; empty when
    /// the text is not in the folder.
    package let file: String
    /// The row's line in `sources.csv`.
    package let line: Int
}

/// The sources of a graph folder (`sources.csv`), and the texts of those held in `sources/`.
///
/// A folder without `sources.csv` has no catalog: its cites are not checked against texts.
package struct SourceCatalog: Sendable {
    /// The catalog's file name in a graph folder.
    package static let file = "sources.csv"
    /// The folder of the texts, beside `sources.csv`.
    package static let textFolder = "sources"
    /// The columns `sources.csv` must begin with; more may follow.
    package static let columns = ["id", "title", "title_zh", "author", "date", "url", "language", "file"]

    /// The path of `sources.csv`, as used in messages.
    package let path: String
    /// The sources in file order.
    package let sources: [Source]

    /// The source called `id`, `nil` when there is none.
    package func source(_ id: String) -> Source? { sources.first { $0.id == id } }

    /// The only source, when the catalog has exactly one: the source of an edge whose `source`
    /// cell is empty.
    package var soleSource: Source? { sources.count == 1 ? sources.first : nil }

    /// Reads `sources.csv` from its bytes; `path` names it in messages.
    ///
    /// - Throws: ``LoadFailure`` with every problem of the file: a wrong header, an empty or
    ///   repeated id, an invalid date.
    package static func parse(_ bytes: [UInt8], path: String) throws(LoadFailure) -> SourceCatalog {
        let table: CSVTable
        do {
            table = try CSVTable.parse(bytes, file: path)
        } catch {
            throw LoadFailure(errors: [error], issues: [])
        }
        guard Array(table.header.prefix(columns.count)) == columns else {
            throw LoadFailure(errors: [LoadError(.missingColumns(expected: columns, found: table.header),
                                                 at: SourceLocation(file: path, line: 1))], issues: [])
        }
        var issues: [ValidationIssue] = []
        var sources: [Source] = []
        var firstLine: [String: Int] = [:]
        for row in table.rows {
            let f = row.fields
            let at = SourceLocation(file: path, line: row.line)
            if f[0].isEmpty {
                issues.append(ValidationIssue(.emptyField, field: "id", at: at))
                continue
            }
            if let first = firstLine[f[0]] {
                issues.append(ValidationIssue(.duplicateID(NodeID(f[0]), firstLine: first), field: "id", at: at))
                continue
            }
            firstLine[f[0]] = row.line
            if !f[4].isEmpty, !PolicyDate.isValid(f[4]) {
                issues.append(ValidationIssue(.invalidDate(f[4]), field: "date", at: at))
            }
            sources.append(Source(id: f[0], title: f[1], titleZh: f[2], author: f[3], date: f[4], url: f[5],
                                  language: f[6], file: f[7], line: row.line))
        }
        guard issues.isEmpty else { throw LoadFailure(errors: [], issues: issues) }
        return SourceCatalog(path: path, sources: sources)
    }

    /// Reads the catalog of the graph folder at `folder`; `nil` when it has no `sources.csv`.
    ///
    /// - Throws: ``LoadFailure`` when the file cannot be read or holds errors.
    package static func load(folder: String) throws(LoadFailure) -> SourceCatalog? {
        let path = GraphLoader.join(folder, file)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadFailure(errors: [LoadError(.unreadable(message: "the file cannot be opened"),
                                                 at: SourceLocation(file: path, line: 0))], issues: [])
        }
        return try parse(Array(data), path: path)
    }

    /// The path of the text of `source` in the folder of this catalog; `nil` when the source
    /// names no file.
    package func textPath(of source: Source) -> String? {
        guard !source.file.isEmpty else { return nil }
        let folder = (path as NSString).deletingLastPathComponent
        return GraphLoader.join(GraphLoader.join(folder.isEmpty ? "." : folder, Self.textFolder), source.file)
    }
}
