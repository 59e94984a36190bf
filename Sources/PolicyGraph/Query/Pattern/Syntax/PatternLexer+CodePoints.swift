/// What the lexer asks of a code point, and how it names one that starts no token.
extension PatternLexer {
    // ASCII first: a property lookup per code point was most of the lexer's cost, and the
    // lexer a large part of a short query's (the bench's `pattern` at S).
    static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") }
        return c.properties.isAlphabetic
    }
    static func isDigitLike(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c >= "0" && c <= "9" }
        return c.properties.numericType != nil
    }
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c == " " || (c.value >= 0x09 && c.value <= 0x0D) }
        return c.properties.isWhitespace
    }
    /// The one-code-point symbols.
    static let symbols: Set<Unicode.Scalar> = Set("()[]{},:.|*-+/%^<>=".unicodeScalars)
    /// The two-code-point symbol `c` and `d` make, if any.
    static func pair(_ c: Unicode.Scalar, _ d: Unicode.Scalar) -> String? {
        switch (c, d) {
        case ("<", ">"): return "<>"
        case ("<", "="): return "<="
        case (">", "="): return ">="
        case ("!", "="): return "!="
        case (".", "."): return ".."
        case ("=", "~"): return "=~"
        default: return nil
        }
    }
    static func isASCIIDigit(_ c: Unicode.Scalar?) -> Bool { c.map { $0 >= "0" && $0 <= "9" } ?? false }
    static func isHexDigit(_ c: Unicode.Scalar) -> Bool { isASCIIDigit(c) || ("a"..."f").contains(c) || ("A"..."F").contains(c) }

    /// The error for a code point that starts no token: a character a terminal shows is
    /// quoted; a mark, a control or another invisible one is named by its number and name,
    /// since quoted it would vanish or combine with the quote.
    static func unexpected(_ c: Unicode.Scalar) -> String {
        let name = (c.properties.name ?? c.properties.nameAlias).map { " (\($0))" } ?? ""
        let hex = String(c.value, radix: 16, uppercase: true)
        let number = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        switch c.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return "unexpected combining mark \(number)\(name); a mark may follow a letter in a name, or stand anywhere in a string"
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned:
            return "unexpected character \(number)\(name)"
        default:
            return "unexpected character '\(c)'"
        }
    }
}
