/// Splits a query text into tokens, each with its line and column.
///
/// Works on `Character`s so that columns count what a terminal shows (a caret lands under a
/// Chinese label correctly); queries are short, so the cost does not matter.
struct PatternLexer {
    /// The query's characters (the parser reads expressions' texts from them too).
    let text: [Character]
    private let lines: [String]
    private var offset = 0
    private var line = 1
    private var column = 1
    /// The token before the one being read (a `.` after a value reads a property, not `.5`).
    private var previous: PatternToken?

    init(_ query: String) {
        self.text = Array(query)
        self.lines = query.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.hasSuffix("\r") ? $0.dropLast() : $0)
        }
    }

    /// The location of a 1-based line and column, with the line's text.
    func location(line: Int, column: Int) -> QueryLocation {
        QueryLocation(line: line, column: column, lineText: line <= lines.count ? lines[line - 1] : "")
    }

    /// Every token of the text, ending with `.end`.
    ///
    /// - Throws: ``QueryError`` at an unterminated string or comment, a bad escape or number, or a
    ///   character that starts no token.
    mutating func tokens() throws(QueryError) -> [PatternToken] {
        var result: [PatternToken] = []
        while true {
            try skipSpaceAndComments()
            let token = try next()
            result.append(token)
            previous = token
            if token.kind == .end { return result }
        }
    }

    private var current: Character? { offset < text.count ? text[offset] : nil }
    private func peek(_ ahead: Int = 1) -> Character? { offset + ahead < text.count ? text[offset + ahead] : nil }

    private mutating func advance() {
        if text[offset] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        offset += 1
    }

    private func error(_ message: String, line: Int, column: Int) -> QueryError {
        QueryError(.syntax(message), at: location(line: line, column: column))
    }

    private mutating func skipSpaceAndComments() throws(QueryError) {
        while let c = current {
            if Self.isSpace(c) {
                advance()
            } else if c == "/", peek() == "/" {
                while let d = current, d != "\n" { advance() }
            } else if c == "/", peek() == "*" {
                let (l, col) = (line, column)
                advance()
                advance()
                while current != nil, !(current == "*" && peek() == "/") { advance() }
                guard current != nil else { throw error("unterminated comment: expected '*/'", line: l, column: col) }
                advance()
                advance()
            } else {
                return
            }
        }
    }

    private mutating func next() throws(QueryError) -> PatternToken {
        let start = offset
        let (l, col) = (line, column)
        func make(_ kind: PatternToken.Kind) -> PatternToken {
            PatternToken(kind: kind, start: start, end: offset, location: location(line: l, column: col))
        }
        guard let c = current else { return make(.end) }
        if Self.startsWord(c) {
            var word = ""
            while let d = current, Self.continuesWord(d) {
                word.append(d)
                advance()
            }
            return make(.word(word))
        }
        if Self.isDigit(c) { return make(try number(line: l, column: col)) }
        // `.5` is a number where a value may start (not after a name, `)` or `]`: `n.x`, `a[0].b`).
        if c == ".", let d = peek(), Self.isDigit(d), !Self.endsValue(previous) {
            return make(try number(line: l, column: col))
        }
        if c == "'" || c == "\"" { return make(.string(try string(quote: c, line: l, column: col))) }
        if c == "`" {
            advance()
            var word = ""
            while let d = current, d != "`" {
                word.append(d)
                advance()
            }
            guard current == "`" else { throw error("unterminated name: expected a closing '`'", line: l, column: col) }
            advance()
            return make(.quotedWord(word))
        }
        if c == "$" {
            advance()
            var word = ""
            while let d = current, Self.continuesWord(d) {
                word.append(d)
                advance()
            }
            return make(.parameter(word))
        }
        if let d = peek(), let pair = Self.pair(c, d) {
            advance()
            advance()
            return make(.symbol(pair))
        }
        if Self.symbols.contains(c) {
            advance()
            return make(.symbol(String(c)))
        }
        if c == ";" {
            // One `;` may end the query (the habit of Neo4j's shell); it ends nothing else.
            advance()
            try skipSpaceAndComments()
            guard current == nil else {
                throw error("unexpected ';': a query is one statement, and ';' may only end it", line: l, column: col)
            }
            return make(.end)
        }
        throw error("unexpected character '\(c)'", line: l, column: col)
    }

    // Character classes, ASCII first: a Unicode property lookup per character was most of the
    // lexer's cost, and the lexer was a third of a short query's (`pattern` at S).
    private static func startsWord(_ c: Character) -> Bool {
        if let a = c.asciiValue { return (a >= 0x61 && a <= 0x7A) || (a >= 0x41 && a <= 0x5A) || a == 0x5F }
        return c.isLetter
    }

    private static func continuesWord(_ c: Character) -> Bool {
        if let a = c.asciiValue { return (a >= 0x61 && a <= 0x7A) || (a >= 0x41 && a <= 0x5A) || (a >= 0x30 && a <= 0x39) || a == 0x5F }
        return c.isLetter || c.isNumber
    }

    private static func isSpace(_ c: Character) -> Bool {
        if let a = c.asciiValue { return a == 0x20 || (a >= 0x09 && a <= 0x0D) }
        return c.isWhitespace
    }

    private static func isDigit(_ c: Character) -> Bool {
        if let a = c.asciiValue { return a >= 0x30 && a <= 0x39 }
        return false
    }

    /// The one-character symbols.
    private static let symbols: Set<Character> = Set("()[]{},:.|*-+/%^<>=")

    /// The two-character symbol `c` and `d` make, if any.
    private static func pair(_ c: Character, _ d: Character) -> String? {
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

    /// Whether a token can end a value, so that a `.` after it reads a property.
    private static func endsValue(_ t: PatternToken?) -> Bool {
        guard let t else { return false }
        switch t.kind {
        case .word(let w): return !PatternParser.reserved.contains(w.uppercased())
        case .quotedWord, .parameter, .string, .integer, .float: return true
        case .symbol(let s): return s == ")" || s == "]" || s == "}"
        case .end: return false
        }
    }

    private mutating func number(line l: Int, column col: Int) throws(QueryError) -> PatternToken.Kind {
        // `0x1F` and `0o17`: hexadecimal and octal integers.
        if current == "0", let r = peek(), "xXoO".contains(r) {
            let radix = "xX".contains(r) ? 16 : 8
            advance()
            advance()
            var digits = ""
            while let d = current, d.isLetter || d.isNumber || d == "_" {
                digits.append(d)
                advance()
            }
            guard !digits.isEmpty, let value = Int(digits, radix: radix) else {
                throw error("malformed number '0\(r)\(digits)'", line: l, column: col)
            }
            return .integer(value)
        }
        var digits = ""
        var isFloat = false
        while let d = current, Self.isDigit(d) {
            digits.append(d)
            advance()
        }
        // `1..3` is a range, not the decimal `1.` followed by `.3`.
        if current == ".", let d = peek(), Self.isDigit(d) {
            isFloat = true
            digits.append(".")
            advance()
            while let d = current, Self.isDigit(d) {
                digits.append(d)
                advance()
            }
        }
        if current == "e" || current == "E", let d = peek(), Self.isDigit(d) || ((d == "-" || d == "+") && (peek(2)?.isNumber ?? false)) {
            isFloat = true
            digits.append("e")
            advance()
            if current == "-" || current == "+" {
                digits.append(current ?? "+")
                advance()
            }
            while let d = current, Self.isDigit(d) {
                digits.append(d)
                advance()
            }
        }
        if let d = current, d.isLetter || d == "_" {
            throw error("malformed number '\(digits)\(d)'", line: l, column: col)
        }
        if isFloat {
            guard let value = Double(digits) else { throw error("malformed number '\(digits)'", line: l, column: col) }
            guard value.isFinite else { throw error("number '\(digits)' is too large for a float", line: l, column: col) }
            return .float(value)
        }
        guard let value = Int(digits) else { throw error("number '\(digits)' is too large", line: l, column: col) }
        return .integer(value)
    }

    private mutating func string(quote: Character, line l: Int, column col: Int) throws(QueryError) -> String {
        advance()
        var value = ""
        while let c = current, c != quote {
            if c == "\\" {
                let (el, ec) = (line, column)
                advance()
                guard let e = current else { break }
                switch e {
                case "\\", "'", "\"": value.append(e)
                case "n": value.append("\n")
                case "t": value.append("\t")
                case "r": value.append("\r")
                case "b": value.append("\u{8}")
                case "f": value.append("\u{C}")
                case "u", "U":
                    let width = e == "u" ? 4 : 8
                    var hex = ""
                    for _ in 0..<width {
                        advance()
                        guard let h = current, h.isHexDigit else {
                            throw error("\\\(e) needs \(width) hexadecimal digits", line: el, column: ec)
                        }
                        hex.append(h)
                    }
                    guard let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else {
                        throw error("'\\\(e)\(hex)' is not a Unicode character", line: el, column: ec)
                    }
                    value.unicodeScalars.append(scalar)
                default:
                    throw error("unknown escape '\\\(e)' in a string; use \\\\ for a backslash", line: el, column: ec)
                }
                advance()
                continue
            }
            value.append(c)
            advance()
        }
        guard current == quote else { throw error("unterminated string: expected a closing \(quote)", line: l, column: col) }
        advance()
        return value
    }
}
