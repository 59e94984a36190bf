/// A reader of the XML that Graphviz writes: tags with quoted attributes, text, character and
/// the five predefined entity references, comments, processing instructions and a DOCTYPE
/// without internal subset. Enough to take an SVG apart, and strict where it matters: a tag
/// that does not end, an unquoted attribute or a stray `<` is an error, never a guess.
struct MarkupReader {
    struct Attribute {
        let name: String
        let value: String
    }

    enum Token {
        case start(name: String, attributes: [Attribute], selfClosing: Bool)
        case end(name: String)
        case text(String)
    }

    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// An error at the current offset.
    func error(_ message: String) -> HTMLMapError { HTMLMapError(.unreadableLayout(offset: offset, message: message)) }

    /// The next token, `nil` at the end.
    mutating func next() throws(HTMLMapError) -> Token? {
        while offset < bytes.count {
            guard bytes[offset] == UInt8(ascii: "<") else {
                let start = offset
                while offset < bytes.count, bytes[offset] != UInt8(ascii: "<") { offset += 1 }
                return .text(try decoded(bytes[start..<offset]))
            }
            if starts(with: "<!--") {
                try skip(past: "-->")
            } else if starts(with: "<?") {
                try skip(past: "?>")
            } else if starts(with: "<!") {
                try skip(past: ">")
            } else if starts(with: "</") {
                offset += 2
                let name = try self.name()
                skipSpace()
                try expect(">")
                return .end(name: name)
            } else {
                offset += 1
                let name = try self.name()
                var attributes: [Attribute] = []
                while true {
                    let hadSpace = skipSpace()
                    if starts(with: "/>") {
                        offset += 2
                        return .start(name: name, attributes: attributes, selfClosing: true)
                    }
                    if starts(with: ">") {
                        offset += 1
                        return .start(name: name, attributes: attributes, selfClosing: false)
                    }
                    guard hadSpace else { throw error("expected a space, '>' or '/>' in <\(name)>") }
                    let attribute = try self.name()
                    skipSpace()
                    try expect("=")
                    skipSpace()
                    guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") || bytes[offset] == UInt8(ascii: "'") else {
                        throw error("the value of '\(attribute)' is not quoted")
                    }
                    let quote = bytes[offset]
                    offset += 1
                    let start = offset
                    while offset < bytes.count, bytes[offset] != quote {
                        if bytes[offset] == UInt8(ascii: "<") { throw error("'<' in the value of '\(attribute)'") }
                        offset += 1
                    }
                    guard offset < bytes.count else { throw error("the value of '\(attribute)' does not end") }
                    let value = try decoded(bytes[start..<offset])
                    offset += 1
                    attributes.append(Attribute(name: attribute, value: value))
                }
            }
        }
        return nil
    }

    private func starts(with literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { buffer in
            for i in 0..<count where bytes[offset + i] != buffer[i] { return false }
            return true
        }
    }

    private mutating func skip(past literal: StaticString) throws(HTMLMapError) {
        while offset < bytes.count {
            if starts(with: literal) {
                offset += literal.utf8CodeUnitCount
                return
            }
            offset += 1
        }
        throw error("'\(literal)' expected before the end")
    }

    private mutating func expect(_ literal: StaticString) throws(HTMLMapError) {
        guard starts(with: literal) else { throw error("expected '\(literal)'") }
        offset += literal.utf8CodeUnitCount
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = offset
        while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
        return offset > start
    }

    /// A tag or attribute name: letters, digits and `_ : . -` (ASCII; Graphviz writes no other).
    private mutating func name() throws(HTMLMapError) -> String {
        let start = offset
        while offset < bytes.count {
            let b = bytes[offset]
            let isName = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
                || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b == UInt8(ascii: ".") || b == UInt8(ascii: "-")
            guard isName else { break }
            offset += 1
        }
        guard offset > start else { throw error("expected a name") }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    /// Text with its references replaced by the characters they stand for.
    private func decoded(_ slice: ArraySlice<UInt8>) throws(HTMLMapError) -> String {
        guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
        var out = ""
        var i = slice.startIndex
        var plain = i
        while i < slice.endIndex {
            guard slice[i] == UInt8(ascii: "&") else {
                i += 1
                continue
            }
            out += String(decoding: slice[plain..<i], as: UTF8.self)
            guard let semicolon = slice[i...].firstIndex(of: UInt8(ascii: ";")), semicolon - i <= 10 else {
                throw HTMLMapError(.unreadableLayout(offset: i, message: "'&' starts no reference"))
            }
            let name = String(decoding: slice[(i + 1)..<semicolon], as: UTF8.self)
            switch name {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                guard name.hasPrefix("#") else {
                    // An HTML entity name XML does not define: kept as the text it is.
                    out += "&" + name + ";"
                    break
                }
                let scalar = name.hasPrefix("#x") || name.hasPrefix("#X")
                    ? UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                    : UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
                guard let scalar else {
                    throw HTMLMapError(.unreadableLayout(offset: i, message: "'&\(name);' names no character"))
                }
                out.unicodeScalars.append(scalar)
            }
            i = semicolon + 1
            plain = i
        }
        out += String(decoding: slice[plain..<slice.endIndex], as: UTF8.self)
        return out
    }
}
