/// The graph as Turtle: the same triples as ``NTriples``, grouped by subject (`;`) and
/// predicate (`,`), with prefixes for the vocabulary: `node:`, `kind:`, `rel:` and `attr:`
/// under the base, and `rdf:`, `rdfs:`, `xsd:`. A name is written with its prefix when it is a
/// plain local name (letters, digits, `_`, `-`, `.` inside), otherwise as a full `<IRI>`.
package enum Turtle {
    package static func document(_ graph: Graph, vocabulary: RDFVocabulary) -> String {
        let prefixes: [(String, String)] = [
            ("rdf", RDFVocabulary.rdf), ("rdfs", RDFVocabulary.rdfs), ("xsd", RDFVocabulary.xsd),
            ("node", vocabulary.base + "node/"), ("kind", vocabulary.base + "kind/"),
            ("rel", vocabulary.base + "relation/"), ("attr", vocabulary.base + "attribute/"),
        ]
        var out = prefixes.map { "@prefix \($0.0): \(RDFText.iri($0.1)) .\n" }.joined()
        func name(_ iri: String) -> String {
            if iri == RDFVocabulary.rdf + "type" { return "a" }
            for (prefix, namespace) in prefixes where iri.hasPrefix(namespace) {
                let local = String(iri.dropFirst(namespace.count))
                if isPlainLocalName(local) { return "\(prefix):\(local)" }
            }
            return RDFText.iri(iri)
        }
        func term(_ t: RDFTerm) -> String {
            switch t {
            case .iri(let s): return name(s)
            case .blank(let label): return "_:\(label)"
            case .literal(let text, let datatype, let language):
                if let language { return RDFText.quoted(text) + "@" + language }
                if let datatype { return RDFText.quoted(text) + "^^" + name(datatype) }
                return RDFText.quoted(text)
            }
        }
        var subject: RDFTerm?
        var predicate: String?
        for t in RDFGraph(vocabulary: vocabulary).triples(graph) {
            if t.subject == subject {
                if t.predicate == predicate {
                    out += ", " + term(t.object)
                } else {
                    out += " ;\n    \(name(t.predicate)) \(term(t.object))"
                }
            } else {
                if subject != nil { out += " .\n" }
                out += "\n\(term(t.subject)) \(name(t.predicate)) \(term(t.object))"
            }
            subject = t.subject
            predicate = t.predicate
        }
        if subject != nil { out += " .\n" }
        return out
    }

    /// A local name Turtle takes without escapes: ASCII letters, digits and `_` at the ends,
    /// `-` and `.` inside too.
    static func isPlainLocalName(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard let first = u.first, let last = u.last else { return false }
        func word(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F }
        return word(first) && word(last) && u.allSatisfy { word($0) || $0 == 0x2D || $0 == 0x2E }
    }
}
