/// The Graphviz DOT language: quoting any text so that it cannot break or inject into a DOT file.
///
/// A DOT double-quoted string ends at the first `"` not preceded by a backslash, so a label such
/// as `x" shape=box "` would end the string and add attributes. Graphviz then reads most text
/// attributes (`label`, `tooltip`, `xlabel`...) as *escString*: `\n`, `\l`, `\r` break the line and
/// `\N`, `\G`, `\E`, `\T`, `\H`, `\L` are replaced by names; a backslash shows only when doubled.
/// Plain labels also decode HTML entities (`&amp;` shows as `&`). Every string we write goes
/// through ``quote(_:)`` (ids, names) or ``quoteLabel(_:)`` (text people read), so that any text
/// is one string and reads back as itself.
package enum DOT {
    /// `text` as a DOT double-quoted string that is safe in any position (node id, attribute
    /// value, subgraph name) and that Graphviz's escString attributes show as `text`, except for
    /// `&entity;` sequences (use ``quoteLabel(_:)`` for what people read).
    ///
    /// - `"` becomes `\"` and `\` becomes `\\`, so a backslash is never an escape (a literal
    ///   backslash-n shows as backslash-n) and no text can end the string early;
    /// - line breaks (LF, CR LF, CR, NEL, U+2028, U+2029) become the escape `\n`, so the DOT keeps
    ///   one statement per line and no line of the file starts with user text;
    /// - C0 control characters other than tab, and DEL, become their Unicode control pictures
    ///   (U+2400...): Graphviz would copy them into SVG, where XML forbids them.
    ///
    /// Graphviz keeps `\\` and `\n` as written in node names, so an id with a backslash or a line
    /// break is named in its escaped form; undoing `\\`, `\"` and `\n` gives the id back.
    /// - Complexity: O(length).
    package static func quote(_ text: String) -> String {
        "\"" + escaped(text, entities: false) + "\""
    }

    /// `text` as a DOT double-quoted escString that Graphviz displays exactly as `text`: like
    /// ``quote(_:)``, and `&` becomes `&amp;` so that `&lt;` or `&#65;` in the text stay literal.
    /// Line breaks in `text` are line breaks in the drawing.
    /// - Complexity: O(length).
    package static func quoteLabel(_ text: String) -> String {
        "\"" + escaped(text, entities: true) + "\""
    }

    /// The inside of a quoted string (see ``quote(_:)``).
    static func escaped(_ text: String, entities: Bool) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "\"": out.append(contentsOf: "\\\"".unicodeScalars)
            case "&" where entities: out.append(contentsOf: "&amp;".unicodeScalars)
            case "\n" where previousWasCR: continue  // the LF of a CR LF pair: the CR made the break
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": out.append(contentsOf: "\\n".unicodeScalars)
            case "\t": out.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out.append(controlPicture(of: scalar))
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }

    /// The visible stand-in of a control character: U+2400 + code, U+2421 for DEL.
    static func controlPicture(of scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value: UInt32 = scalar.value == 0x7F ? 0x2421 : 0x2400 + scalar.value
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// `text` with its lines broken at spaces so that no line is longer than `width` characters
    /// (a word longer than that keeps its own line). Each break replaces exactly one space, so
    /// joining the lines with spaces gives the text back. Existing line breaks are kept.
    /// - Complexity: O(length).
    package static func wrap(_ text: String, width: Int) -> String {
        guard width > 0, text.count > width else { return text }
        var lines: [String] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var current = ""
            var currentCount = 0
            for (i, word) in line.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
                let count = word.count
                if i == 0 {
                    current = String(word)
                    currentCount = count
                } else if currentCount + 1 + count > width, currentCount > 0 {
                    lines.append(current)
                    current = String(word)
                    currentCount = count
                } else {
                    current += " " + word
                    currentCount += 1 + count
                }
            }
            lines.append(current)
        }
        return lines.joined(separator: "\n")
    }

    /// A stable 64-bit FNV-1a hash of `text`'s UTF-8 bytes: the same on every run and machine,
    /// unlike `Hasher`, so derived styles and view fingerprints never change between runs.
    package static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
