import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// GraphML as Gephi, yEd, networkx and `policygraph export --format graphml` write it.
///
/// Nodes keep their `id`. A node's kind is its data for the key named `kind` (or `type`); its
/// label the data for `label` (or a yEd `NodeLabel`), else its id. An edge's relation is its data
/// for `relation` (or `type`, or `label`). Every other key becomes a column of its name; a key's
/// `<default>` fills elements that lack it. The graph's data for the key named
/// `policygraph.schema` is a `schema.json` document (what `export --format graphml` writes for a
/// graph with a schema of its own). Read with Foundation's `XMLParser`.
package enum GraphMLReader {
    /// Imports the document into `target` (see ``GraphImporter``): its own schema first (the
    /// `policygraph.schema` data an export carries), then `schema` (see ``ImportSchema``); with
    /// `dryRun`, only plans.
    ///
    /// - Throws: ``SheetImportFailure`` with every issue at file:line:column (XML syntax
    ///   included); the errors of ``GraphImporter``.
    public static func importDocument(_ bytes: [UInt8], file: String, into target: GraphImporter.Target, dryRun: Bool = false,
                                      schema: ImportSchema? = nil, update: Bool = false) throws -> ImportPlan {
        var records = try records(bytes, file: file)
        records.updatesExisting = update
        if let schema { records.schemas.append(schema) }
        return try GraphImporter.run(records, into: target, dryRun: dryRun)
    }

    static func records(_ bytes: [UInt8], file: String) throws(SheetImportFailure) -> ImportRecords {
        let delegate = GraphMLDelegate(file: file)
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = delegate
        let parsed = parser.parse()
        if !parsed || delegate.error != nil || !delegate.closed {
            let reason = delegate.error ?? parser.parserError
            let message = reason.map { "invalid GraphML (XML error: \($0.localizedDescription))" }
                ?? "invalid GraphML: the document ends before </graphml>"
            throw SheetImportFailure([ImportIssue(.syntax(message), at: SourceLocation(file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber)))])
        }
        return delegate.finish()
    }
}

/// Collects keys, nodes and edges while `XMLParser` walks the document.
private final class GraphMLDelegate: NSObject, XMLParserDelegate {
    struct Key {
        let name: String
        let domain: String
        var defaultValue: String?
        var isNodeGraphics = false
    }

    struct Element {
        let isNode: Bool
        let id: String
        let source: String
        let target: String
        let at: SourceLocation
        var data: [(key: String, value: String, at: SourceLocation)] = []
    }

    let file: String
    var keys: [String: Key] = [:]
    var keyOrder: [String] = []
    var elements: [Element] = []
    var current: Element?
    var currentKey: String?
    var dataKey: String?
    var dataAt = SourceLocation(file: "", line: 0)
    var text = ""
    var inNodeLabel = false
    /// The schema the document carries, if any.
    var schema: ImportSchema?
    var error: Error?
    /// Whether `</graphml>` was read: a cut-off document is an error even when the parser
    /// does not say so.
    var closed = false

    init(file: String) { self.file = file }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if error == nil { error = parseError }
    }

    func location(_ parser: XMLParser) -> SourceLocation {
        SourceLocation(file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber))
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let local = name.split(separator: ":").last.map(String.init) ?? name
        switch local {
        case "key":
            guard let id = attributes["id"] else { return }
            let attrName = attributes["attr.name"] ?? id
            keys[id] = Key(name: attrName, domain: attributes["for"] ?? "all", isNodeGraphics: attributes["yfiles.type"] == "nodegraphics")
            keyOrder.append(id)
            currentKey = id
        case "default":
            text = ""
        case "node":
            current = Element(isNode: true, id: attributes["id"] ?? "", source: "", target: "", at: location(parser))
        case "edge":
            current = Element(isNode: false, id: attributes["id"] ?? "", source: attributes["source"] ?? "",
                              target: attributes["target"] ?? "", at: location(parser))
        case "data":
            dataKey = attributes["key"]
            dataAt = location(parser)
            text = ""
        case "NodeLabel":
            inNodeLabel = true
            text = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let local = name.split(separator: ":").last.map(String.init) ?? name
        switch local {
        case "default":
            if let id = currentKey { keys[id]?.defaultValue = text }
        case "key":
            currentKey = nil
        case "graphml":
            closed = true
        case "NodeLabel":
            if inNodeLabel, let key = dataKey { current?.data.append((key, StanceSheet.trimmed(text), dataAt)) }
            inNodeLabel = false
        case "data":
            if let key = dataKey, keys[key]?.isNodeGraphics != true { current?.data.append((key, text, dataAt)) }
            if current == nil, let key = dataKey, let declared = keys[key], declared.domain == "graph", declared.name == ImportSchema.graphMLKeyName {
                schema = ImportSchema(bytes: Array(text.utf8), file: file, lineOffset: dataAt.line - 1)
            }
            dataKey = nil
        case "node", "edge":
            if let element = current { elements.append(element) }
            current = nil
        default: break
        }
    }

    /// The nodes and edges as import records.
    func finish() -> ImportRecords {
        var records = ImportRecords()
        if let schema { records.schemas.append(schema) }
        for element in elements {
            var values: [String: String] = [:]
            var at: [String: SourceLocation] = [:]
            var order: [String] = []
            let domain = element.isNode ? "node" : "edge"
            for id in keyOrder {
                guard let key = keys[id], key.domain == domain || key.domain == "all", let value = key.defaultValue, !key.isNodeGraphics else { continue }
                values[key.name] = value
                order.append(key.name)
            }
            for datum in element.data {
                let name = keys[datum.key].map { $0.isNodeGraphics ? Column.label : $0.name } ?? datum.key
                if values[name] == nil { order.append(name) }
                values[name] = datum.value
                at[name] = datum.at
            }
            func take(_ names: [String]) -> (value: String, at: SourceLocation?)? {
                for name in names {
                    if let key = values.keys.first(where: { $0.lowercased() == name }), let value = values[key] {
                        values[key] = nil
                        order.removeAll { $0 == key }
                        return (value, at[key])
                    }
                }
                return nil
            }
            if element.isNode {
                let kind = take([Column.kind, "type"])
                let label = take([Column.label])
                var name = ImportName(name: label.map { StanceSheet.trimmed($0.value) }.flatMap { $0.isEmpty ? nil : $0 } ?? element.id,
                                      at: label?.at ?? element.at)
                name.column = "label"
                name.kind = kind.map { StanceSheet.trimmed($0.value) }
                name.kindAt = kind?.at ?? element.at
                name.kindColumn = "kind"
                for column in order { if let value = values[column], !value.isEmpty { name.cells[column] = value } }
                records.nodes.append(ImportNode(id: element.id, name: name))
            } else {
                guard let relation = take([Column.relation, "type", Column.label]), !StanceSheet.trimmed(relation.value).isEmpty else {
                    records.issues.append(ImportIssue(.emptyCell(column: Column.relation), at: element.at))
                    continue
                }
                var from = ImportName(name: element.source, at: element.at)
                from.column = "source"
                var to = ImportName(name: element.target, at: element.at)
                to.column = "target"
                let cells = order.map { (column: $0, value: values[$0] ?? "") }
                records.edges.append(ImportEdge(from: from, relation: StanceSheet.trimmed(relation.value), relationAt: relation.at ?? element.at,
                                                to: to, cells: cells, cellAt: at, line: element.at.line))
            }
        }
        return records
    }
}
