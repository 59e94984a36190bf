/// The IRIs of an RDF export, all under one base: `<base>node/<id>`, `<base>kind/<kind>`,
/// `<base>relation/<relation>` and `<base>attribute/<column>`. Names are percent-encoded
/// byte by byte except ASCII letters, digits, `-`, `.`, `_` and `~` (so `%` itself becomes
/// `%25` and the mapping from ids to IRIs is one to one and stable).
package struct RDFVocabulary: Sendable, Equatable {
    package let base: String

    /// - Throws: ``ExportError`` when `base` is not an absolute IRI ending in `/` or `#`.
    package init(base: String) throws(ExportError) {
        let forbidden: Set<UInt8> = Set(Array("<>\"{}|^`\\".utf8))
        let scheme = base.firstIndex(of: ":").map { Array(base[..<$0].utf8) } ?? []
        func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
        guard let first = scheme.first, isLetter(first),
              scheme.allSatisfy({ isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E }),
              base.utf8.allSatisfy({ $0 > 0x20 && !forbidden.contains($0) })
        else {
            throw ExportError(.baseNotAbsolute(base))
        }
        guard base.hasSuffix("/") || base.hasSuffix("#") else {
            throw ExportError(.baseWithoutSeparator(base))
        }
        self.base = base
    }

    package func node(_ id: NodeID) -> String { base + "node/" + Self.percentEncoded(id.rawValue) }
    package func kind(_ kind: Kind) -> String { base + "kind/" + Self.percentEncoded(kind.rawValue) }
    package func relation(_ relation: Relation) -> String { base + "relation/" + Self.percentEncoded(relation.rawValue) }
    package func attribute(_ name: String) -> String { base + "attribute/" + Self.percentEncoded(name) }

    /// `s` with every byte but the unreserved ASCII ones as `%XX`.
    package static func percentEncoded(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            let unreserved = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "~")
            if unreserved {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                let hex = String(b, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }

    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"
}

/// One RDF term.
enum RDFTerm: Hashable {
    case iri(String)
    case blank(String)
    /// A literal with an optional datatype IRI or language tag (never both).
    case literal(String, datatype: String?, language: String?)

    static func string(_ s: String) -> RDFTerm { .literal(s, datatype: nil, language: nil) }
}

struct RDFTriple: Hashable {
    let subject: RDFTerm
    let predicate: String
    let object: RDFTerm
}
