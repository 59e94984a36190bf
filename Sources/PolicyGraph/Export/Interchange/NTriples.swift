/// The graph as N-Triples: one triple a line, in the order ``RDFGraph`` gives (vocabulary,
/// then node by node, then the edge statements). Blank nodes `_:eN` are the edge statements,
/// N the edge's 1-based row in `edges.csv` (of the exported part).
package enum NTriples {
    package static func document(_ graph: Graph, vocabulary: RDFVocabulary) -> String {
        var out = ""
        for t in RDFGraph(vocabulary: vocabulary).triples(graph) {
            out += "\(term(t.subject)) \(RDFText.iri(t.predicate)) \(term(t.object)) .\n"
        }
        return out
    }

    static func term(_ term: RDFTerm) -> String {
        switch term {
        case .iri(let s): return RDFText.iri(s)
        case .blank(let label): return "_:\(label)"
        case .literal(let text, let datatype, let language):
            if let language { return RDFText.quoted(text) + "@" + language }
            if let datatype { return RDFText.quoted(text) + "^^" + RDFText.iri(datatype) }
            return RDFText.quoted(text)
        }
    }
}
