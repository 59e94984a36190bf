/// The triples of a graph, subject by subject: the vocabulary used (kinds as `rdfs:Class`,
/// relations and columns as `rdf:Property`), each node with its type, labels, columns and
/// outgoing edges, then one `rdf:Statement` per edge that has a cell (date, cite, weight, ...),
/// which keeps those cells: RDF 1.1 reification, readable by every RDF tool.
///
/// Labels: `label` is `rdfs:label` tagged `@en`, `label_zh` tagged `@zh` (any `label_<tag>`
/// column: `@<tag>`). Numeric columns are `xsd:double`; a `date` cell is `xsd:date`,
/// `xsd:gYearMonth` or `xsd:gYear` by its precision; other cells are plain strings.
struct RDFGraph {
    let vocabulary: RDFVocabulary

    func triples(_ graph: Graph) -> [RDFTriple] {
        let v = vocabulary
        let type = RDFVocabulary.rdf + "type"
        let rdfsLabel = RDFVocabulary.rdfs + "label"
        var out: [RDFTriple] = []
        let nodeColumns = graph.nodeExportColumns
        let edgeColumns = graph.edgeExportColumns
        let counts = graph.kindCounts
        let relationCounts = graph.relationCounts
        for rule in graph.schema.kinds where counts[rule.kind, default: 0] > 0 {
            let s = RDFTerm.iri(v.kind(rule.kind))
            out.append(RDFTriple(subject: s, predicate: type, object: .iri(RDFVocabulary.rdfs + "Class")))
            out.append(RDFTriple(subject: s, predicate: rdfsLabel, object: .string(rule.kind.rawValue)))
            if !rule.description.isEmpty { out.append(RDFTriple(subject: s, predicate: RDFVocabulary.rdfs + "comment", object: .string(rule.description))) }
        }
        for rule in graph.schema.relations where relationCounts[rule.relation, default: 0] > 0 {
            let s = RDFTerm.iri(v.relation(rule.relation))
            out.append(RDFTriple(subject: s, predicate: type, object: .iri(RDFVocabulary.rdf + "Property")))
            out.append(RDFTriple(subject: s, predicate: rdfsLabel, object: .string(rule.relation.rawValue)))
            if !rule.description.isEmpty { out.append(RDFTriple(subject: s, predicate: RDFVocabulary.rdfs + "comment", object: .string(rule.description))) }
        }
        var attributeNames = [Column.id]
        for name in nodeColumns.map(\.name) + edgeColumns.map(\.name) where Self.language(of: name) == nil && !attributeNames.contains(name) {
            attributeNames.append(name)
        }
        for name in attributeNames {
            let s = RDFTerm.iri(v.attribute(name))
            out.append(RDFTriple(subject: s, predicate: type, object: .iri(RDFVocabulary.rdf + "Property")))
            out.append(RDFTriple(subject: s, predicate: rdfsLabel, object: .string(name)))
        }
        let predicates = nodeColumns.map { column in Self.language(of: column.name) == nil ? v.attribute(column.name) : rdfsLabel }
        for i in 0..<Int32(graph.nodeCount) {
            let s = RDFTerm.iri(v.node(graph.id(at: i)))
            out.append(RDFTriple(subject: s, predicate: type, object: .iri(v.kind(graph.kind(at: i)))))
            out.append(RDFTriple(subject: s, predicate: v.attribute(Column.id), object: .string(graph.id(at: i).rawValue)))
            for (c, column) in nodeColumns.enumerated() {
                guard let value = column.value(at: Int(i)) else { continue }
                out.append(RDFTriple(subject: s, predicate: predicates[c], object: literal(value, column: column)))
            }
            for e in graph.outgoing.members(Int(i)) {
                out.append(RDFTriple(subject: s, predicate: v.relation(graph.relation(ofEdge: e)), object: .iri(v.node(graph.id(at: graph.target(ofEdge: e))))))
            }
        }
        for e in 0..<Int32(graph.edgeCount) {
            let cells = edgeColumns.compactMap { column in column.value(at: Int(e)).map { (column, $0) } }
            guard !cells.isEmpty else { continue }
            let s = RDFTerm.blank("e\(e + 1)")
            out.append(RDFTriple(subject: s, predicate: type, object: .iri(RDFVocabulary.rdf + "Statement")))
            out.append(RDFTriple(subject: s, predicate: RDFVocabulary.rdf + "subject", object: .iri(v.node(graph.id(at: graph.source(ofEdge: e))))))
            out.append(RDFTriple(subject: s, predicate: RDFVocabulary.rdf + "predicate", object: .iri(v.relation(graph.relation(ofEdge: e)))))
            out.append(RDFTriple(subject: s, predicate: RDFVocabulary.rdf + "object", object: .iri(v.node(graph.id(at: graph.target(ofEdge: e))))))
            for (column, value) in cells {
                out.append(RDFTriple(subject: s, predicate: v.attribute(column.name), object: literal(value, column: column)))
            }
        }
        return out
    }

    /// The language tag of a label column: `en` for `label`, `zh` for `label_zh`,
    /// `zh-Hant` for `label_zh_Hant`; `nil` for other columns.
    static func language(of column: String) -> String? {
        if column == Column.label { return "en" }
        guard column.hasPrefix("label_") else { return nil }
        let parts = column.dropFirst(6).split(separator: "_", omittingEmptySubsequences: false)
        guard let first = parts.first, (1...8).contains(first.count), first.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }),
              parts.dropFirst().allSatisfy({ (1...8).contains($0.count) && $0.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) } })
        else { return nil }
        return parts.joined(separator: "-")
    }

    private func literal(_ value: String, column: ExportColumn) -> RDFTerm {
        if let language = Self.language(of: column.name) { return .literal(value, datatype: nil, language: language) }
        if column.type == .double { return .literal(value, datatype: RDFVocabulary.xsd + "double", language: nil) }
        if column.name == Column.date, PolicyDate.isValid(value) {
            let type = value.utf8.count == 4 ? "gYear" : value.utf8.count == 7 ? "gYearMonth" : "date"
            return .literal(value, datatype: RDFVocabulary.xsd + type, language: nil)
        }
        return .string(value)
    }
}

/// Text of RDF terms shared by N-Triples and Turtle.
enum RDFText {
    /// `<iri>`; the vocabulary only makes IRIs without characters N-Triples forbids.
    static func iri(_ s: String) -> String { "<\(s)>" }

    /// A double-quoted string with the escapes both syntaxes read: `\"`, `\\`, `\n`, `\r`, `\t`,
    /// and `\uXXXX` for other control characters and noncharacters; the rest as UTF-8.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
