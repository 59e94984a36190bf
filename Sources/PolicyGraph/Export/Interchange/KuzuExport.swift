/// The graph as a folder for Kùzu: `1-schema.cypher` creates the tables, `2-copy.cypher` fills
/// them from the CSV files beside it (named by paths relative to the folder), so running the
/// scripts in name order from inside the folder loads the graph.
///
/// Kùzu is typed: one node table per kind (every kind of the schema, so `MATCH (n:place)` works
/// even when no place exists), with `id` as primary key, `kind`, and every node column; one rel
/// table per relation with a `FROM ... TO ...` pair for each kind pair the schema allows, and
/// every edge column. Numeric columns are `DOUBLE`, the rest `STRING`; empty cells load as NULL.
/// All names are backtick-quoted. Kùzu compares table names without case, in one catalog for
/// node and rel tables: a kind or relation whose name clashes that way with an earlier one gets
/// a table named `<name>_2` (the only case where MATCH text must change). A file with line breaks inside a field is copied with
/// `parallel=false`, which Kùzu needs for those.
package enum KuzuExport {
    package static let schemaScript = "1-schema.cypher"
    package static let copyScript = "2-copy.cypher"

    package static func files(_ graph: Graph) -> [ExportResult.File] {
        let nodeColumns = graph.nodeExportColumns
        let edgeColumns = graph.edgeExportColumns
        var names = FileNames()
        let tables = tableNames(graph.schema)
        var schema = ""
        var copies = ""
        var files: [ExportResult.File] = []
        let nodeProperties = ["`id` STRING", "`kind` STRING"] + nodeColumns.map { "\(CypherText.quotedName($0.name)) \(type($0))" }
        for (k, rule) in graph.schema.kinds.enumerated() {
            let table = CypherText.quotedName(tables.kinds[k])
            schema += "CREATE NODE TABLE \(table)(\(nodeProperties.joined(separator: ", ")), PRIMARY KEY(`id`));\n"
            let rows = graph.byKind.members(k)
            guard !rows.isEmpty else { continue }
            var csv = CSVWriter.record([Column.id, Column.kind] + nodeColumns.map(\.name))
            for i in rows {
                var fields = [graph.id(at: i).rawValue, rule.kind.rawValue]
                for column in nodeColumns { fields.append(column.value(at: Int(i)) ?? "") }
                csv += CSVWriter.record(fields)
            }
            let path = names.unique("nodes/\(rule.kind.rawValue)", extension: "csv")
            files.append(ExportResult.File(path: path, contents: csv))
            copies += "COPY \(table) FROM \(CypherText.string(path)) (\(options(csv, pair: nil)));\n"
        }
        let edgeProperties = edgeColumns.map { "\(CypherText.quotedName($0.name)) \(type($0))" }
        for (r, rule) in graph.schema.relations.enumerated() {
            let pairs = kindPairs(rule)
            guard !pairs.isEmpty else { continue }
            let table = CypherText.quotedName(tables.relations[r])
            let pairText = pairs.map { "FROM \(CypherText.quotedName(tables.kind($0.from))) TO \(CypherText.quotedName(tables.kind($0.to)))" }
            schema += "CREATE REL TABLE \(table)(\((pairText + edgeProperties).joined(separator: ", ")));\n"
            // Edges of this relation, split by the kinds at their ends, in file order.
            var byPair: [KindPair: [Int32]] = [:]
            for e in graph.byRelation.members(r) {
                byPair[KindPair(from: graph.kind(at: graph.source(ofEdge: e)), to: graph.kind(at: graph.target(ofEdge: e))), default: []].append(e)
            }
            for pair in pairs {
                guard let edges = byPair[pair] else { continue }
                var csv = CSVWriter.record([Column.from, Column.to] + edgeColumns.map(\.name))
                for e in edges {
                    var fields = [graph.id(at: graph.source(ofEdge: e)).rawValue, graph.id(at: graph.target(ofEdge: e)).rawValue]
                    for column in edgeColumns { fields.append(column.value(at: Int(e)) ?? "") }
                    csv += CSVWriter.record(fields)
                }
                let path = names.unique("edges/\(rule.relation.rawValue)-\(pair.from.rawValue)-\(pair.to.rawValue)", extension: "csv")
                files.append(ExportResult.File(path: path, contents: csv))
                let names = KindPair(from: Kind(tables.kind(pair.from)), to: Kind(tables.kind(pair.to)))
                copies += "COPY \(table) FROM \(CypherText.string(path)) (\(options(csv, pair: names)));\n"
            }
        }
        return [ExportResult.File(path: schemaScript, contents: schema), ExportResult.File(path: copyScript, contents: copies)] + files
    }

    /// Kùzu's table names: the kind and relation names, except that Kùzu compares names without
    /// case in one catalog for node and rel tables, so a name that clashes with an earlier one
    /// (built-in kinds, other kinds, built-in relations, other relations) gets `_2`, `_3`, ...
    struct TableNames {
        let kinds: [String]
        let relations: [String]
        let byKind: [Kind: String]
        func kind(_ k: Kind) -> String { byKind[k] ?? k.rawValue }
    }

    static func tableNames(_ schema: Schema) -> TableNames {
        var taken: Set<String> = []
        func unique(_ name: String) -> String {
            var candidate = name
            var n = 2
            while taken.contains(candidate.lowercased()) {
                candidate = "\(name)_\(n)"
                n += 1
            }
            taken.insert(candidate.lowercased())
            return candidate
        }
        // Built-in names first, so that `country` stays `country` next to a user's `Country`.
        var kinds = [String](repeating: "", count: schema.kinds.count)
        for pass in [true, false] {
            for (k, rule) in schema.kinds.enumerated() where Schema.builtIn.contains(rule.kind) == pass { kinds[k] = unique(rule.kind.rawValue) }
        }
        var relations = [String](repeating: "", count: schema.relations.count)
        for pass in [true, false] {
            for (r, rule) in schema.relations.enumerated() where Schema.builtIn.contains(rule.relation) == pass {
                relations[r] = unique(rule.relation.rawValue)
            }
        }
        var byKind: [Kind: String] = [:]
        for (rule, name) in zip(schema.kinds, kinds) { byKind[rule.kind] = name }
        return TableNames(kinds: kinds, relations: relations, byKind: byKind)
    }

    struct KindPair: Hashable {
        let from: Kind
        let to: Kind
    }

    /// The kind pairs the schema allows for `rule`, in declaration order, each once.
    static func kindPairs(_ rule: Schema.RelationRule) -> [KindPair] {
        var seen: Set<KindPair> = []
        var pairs: [KindPair] = []
        for endpoints in rule.endpoints {
            for from in endpoints.from {
                for to in endpoints.to where seen.insert(KindPair(from: from, to: to)).inserted {
                    pairs.append(KindPair(from: from, to: to))
                }
            }
        }
        return pairs
    }

    private static func type(_ column: ExportColumn) -> String { column.type == .double ? "DOUBLE" : "STRING" }

    private static func options(_ csv: String, pair: KindPair?) -> String {
        var options: [String] = []
        if let pair { options += ["from=\(CypherText.string(pair.from.rawValue))", "to=\(CypherText.string(pair.to.rawValue))"] }
        // Kùzu sniffs the dialect by default and took `'single'` for a quoted field: say it.
        options += ["header=true", "delim=','", "quote='\"'", "escape='\"'", "auto_detect=false"]
        if csv.utf8.contains(where: { $0 == 0x0D }) || hasFieldLineBreak(csv) { options.append("parallel=false") }
        return options.joined(separator: ", ")
    }

    /// Whether a line break sits inside a quoted field (more line breaks than records).
    private static func hasFieldLineBreak(_ csv: String) -> Bool {
        var quoted = false
        for b in csv.utf8 {
            if b == 0x22 { quoted.toggle() } else if b == 0x0A, quoted { return true }
        }
        return false
    }
}

/// File names unique even on a case-insensitive file system (`Country` and `country` are two
/// kinds but would be one file on macOS): a later clash gets `-2`, `-3`, ...
struct FileNames {
    private var taken: Set<String> = []

    mutating func unique(_ stem: String, extension ext: String) -> String {
        var candidate = "\(stem).\(ext)"
        var n = 2
        while taken.contains(candidate.lowercased()) {
            candidate = "\(stem)-\(n).\(ext)"
            n += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }
}
