/// Escaping for XML 1.0 text and attribute values.
///
/// `&`, `<`, `>` and quotes become entities; CR, LF and TAB become character references where
/// a parser would otherwise normalise them away (line ends in text, all three in attributes),
/// so they read back as written. Characters XML 1.0 cannot hold at all, not even as references
/// (the C0 controls other than TAB, LF and CR; U+FFFE and U+FFFF), are replaced by U+FFFD:
/// such a document stays well-formed, and the JSON export is the lossless one.
enum XMLText {
    /// Text content of an element.
    static func text(_ s: String) -> String { escape(s, attribute: false) }

    /// An attribute value, for use inside double quotes.
    static func attribute(_ s: String) -> String { escape(s, attribute: true) }

    /// Whether XML 1.0 allows the character at all.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    private static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\r": out += "&#13;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) } else { out += "\u{FFFD}" }
            }
        }
        return out
    }
}
