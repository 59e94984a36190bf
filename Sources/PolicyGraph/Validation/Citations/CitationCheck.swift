import Foundation

/// What checking the citations and statements of a graph folder found.
package struct CitationReport: Sendable {
    /// Every problem, sorted by file (nodes, then edges) and line.
    public let issues: [CitationIssue]
    /// How many cites were checked against a source text.
    public let checkedCitations: Int
    /// Whether the folder has `sources.csv` (without it only `by` and `evidence` are checked).
    public let hasSources: Bool
    /// The locator rewrites that would fix the cites whose quote occurs once elsewhere.
    package let fixes: [CitationFix]
}

/// One locator to rewrite: in `file`, inside the bytes `cell` (a cite cell as written), the
/// text `old` becomes `new`.
package struct CitationFix: Hashable, Sendable {
    /// The CSV file holding the cite.
    package let file: String
    /// The row's line.
    package let line: Int
    let cell: Range<Int>
    /// The locator as written.
    package let old: String
    /// The locator that replaces it.
    package let new: CitationLocator
}

/// Checks every `cite` of a graph folder against the texts of its sources, and the `by` and
/// `evidence` cells of its edges.
///
/// A cite checks out when its source exists, the source's text is in `sources/`, and the quote
/// occurs (whitespace normalised) in the paragraph the locator names. The source of a row is
/// its `source` cell, or the graph's only source when the cell is empty or the column absent.
package enum CitationCheck {
    /// Checks the folder at `folder`.
    ///
    /// - Throws: ``LoadFailure`` when `nodes.csv`, `edges.csv` or `sources.csv` cannot be read
    ///   as CSV, or a source text is malformed.
    public static func check(folder: String) throws(LoadFailure) -> CitationReport {
        let catalog = try SourceCatalog.load(folder: folder)
        let nodes = try table(GraphLoader.join(folder, GraphLoader.nodesFile))
        let edges = try table(GraphLoader.join(folder, GraphLoader.edgesFile))
        var texts: [String: SourceText] = [:]
        var missing: [String: String] = [:]
        if let catalog {
            for source in catalog.sources {
                guard let path = catalog.textPath(of: source) else { continue }
                guard let data = FileManager.default.contents(atPath: path) else {
                    missing[source.id] = path
                    continue
                }
                do {
                    texts[source.id] = try SourceText.parse(String(decoding: data, as: UTF8.self), file: path)
                } catch {
                    throw LoadFailure(errors: [LoadError(.unreadable(message: error.message), at: error.location)], issues: [])
                }
            }
        }
        var checker = Checker(catalog: catalog, texts: texts, missingTexts: missing)
        let nodeIDs = Set(nodes.index(of: Column.id).map { i in nodes.rows.map { $0.fields[i] } } ?? [])
        for row in nodes.rows { checker.checkCite(row, in: nodes) }
        for row in edges.rows {
            checker.checkCite(row, in: edges)
            checker.checkStatement(row, in: edges, nodeIDs: nodeIDs)
        }
        let issues = checker.issues.enumerated().sorted {
            LoadFailure.order($0.element.location, $1.element.location)
                || ($0.element.location == $1.element.location && $0.offset < $1.offset)
        }.map(\.element)
        return CitationReport(issues: issues, checkedCitations: checker.checked, hasSources: catalog != nil,
                              fixes: checker.fixes)
    }

    private static func table(_ path: String) throws(LoadFailure) -> CSVTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadFailure(errors: [LoadError(.missingFile, at: SourceLocation(file: path, line: 0))], issues: [])
        }
        do {
            return try CSVTable.parse(Array(data), file: path)
        } catch {
            throw LoadFailure(errors: [error], issues: [])
        }
    }

    /// The checks of one folder, collecting issues and fixes row by row.
    private struct Checker {
        let catalog: SourceCatalog?
        let texts: [String: SourceText]
        let missingTexts: [String: String]
        var issues: [CitationIssue] = []
        var fixes: [CitationFix] = []
        var checked = 0

        mutating func checkCite(_ row: CSVTable.Row, in table: CSVTable) {
            guard let catalog, let citeIndex = table.index(of: Column.cite) else { return }
            let at = SourceLocation(file: table.file, line: row.line)
            let sourceCell = table.value(row, Column.source)
            let source: Source
            if sourceCell.isEmpty {
                guard let sole = catalog.soleSource else {
                    issues.append(CitationIssue(.missingSource(count: catalog.sources.count), field: Column.source, at: at))
                    return
                }
                source = sole
            } else {
                guard let named = catalog.source(sourceCell) else {
                    let close = Suggestions.closest(to: sourceCell, among: catalog.sources.map(\.id))
                    issues.append(CitationIssue(.unknownSource(sourceCell, suggestions: close), field: Column.source, at: at))
                    return
                }
                source = named
            }
            let cell = row.fields[citeIndex]
            if cell.isEmpty { return }
            if let path = missingTexts[source.id] {
                issues.append(CitationIssue(.missingText(source: source.id, path: path), field: Column.cite, at: at))
                return
            }
            guard let text = texts[source.id] else { return }
            guard let citation = Citation(cell) else {
                issues.append(CitationIssue(.malformedCite(cell), field: Column.cite, at: at))
                return
            }
            checked += 1
            let found = text.locators(of: citation.quote)
            if found.contains(where: { citation.locator.covers($0) }) { return }
            guard !found.isEmpty else {
                issues.append(CitationIssue(.quoteNotFound(quote: citation.quote, source: source.id), field: Column.cite, at: at))
                return
            }
            let issue = CitationIssue(.wrongLocator(citation.locator, found: found), field: Column.cite, at: at)
            issues.append(issue)
            if let fix = issue.suggestedLocator {
                fixes.append(CitationFix(file: table.file, line: row.line, cell: row.rawRanges[citeIndex],
                                         old: citation.locatorText, new: fix))
            }
        }

        mutating func checkStatement(_ row: CSVTable.Row, in table: CSVTable, nodeIDs: Set<String>) {
            let at = SourceLocation(file: table.file, line: row.line)
            let evidence = table.value(row, Column.evidence)
            if !evidence.isEmpty, Evidence(rawValue: evidence) == nil {
                let close = Suggestions.closest(to: evidence, among: Evidence.allCases.map(\.rawValue))
                issues.append(CitationIssue(.unknownEvidence(evidence, suggestions: close), field: Column.evidence, at: at))
            }
            let by = table.value(row, Column.by)
            if !by.isEmpty, by != Column.authorsValue, !nodeIDs.contains(by) {
                let close = Suggestions.closest(to: by, among: nodeIDs.union([Column.authorsValue]))
                issues.append(CitationIssue(.unknownSpeaker(by, suggestions: close), field: Column.by, at: at))
            }
        }
    }
}

extension CitationCheck {
    /// Whether the folder has anything to check: `sources.csv`, or a `by`, `evidence` or
    /// `source` column in `edges.csv` (read from the header line only).
    package static func applies(toFolder folder: String) -> Bool {
        if FileManager.default.fileExists(atPath: GraphLoader.join(folder, SourceCatalog.file)) { return true }
        guard let handle = FileHandle(forReadingAtPath: GraphLoader.join(folder, GraphLoader.edgesFile)) else { return false }
        defer { try? handle.close() }
        let head = handle.readData(ofLength: 4096)
        let firstLine = String(decoding: head.prefix { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)
        let columns = Set(firstLine.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        return !columns.isDisjoint(with: [Column.by, Column.evidence, Column.source])
    }
}
