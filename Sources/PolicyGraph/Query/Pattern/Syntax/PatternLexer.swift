/// Splits a query text into tokens, each with its line and column.
///
/// Reads code points, so that a string holds exactly the code points written (a combining mark
/// right after the opening quote is the string's first code point, not part of the quote), a
/// quote, a bracket or a line break is one whatever follows it, and a stray mark is an error
/// that names it. Columns count characters (grapheme clusters), what a terminal shows, so a
/// caret lands under a Chinese label or an accented name correctly; queries are short, so the
/// cost does not matter.
struct PatternLexer {
    private let text: [Unicode.Scalar]
    /// Per code point: whether it starts a character (a grapheme cluster), for columns and for
    /// names, which take a letter's marks with it.
    private let startsCharacter: [Bool]
    private let lines: [String]
    private var offset = 0
    private var line = 1
    private var column = 1
    /// The token before the one being read (a `.` after a value reads a property, not `.5`).
    private var previous: PatternToken?

    init(_ query: String) {
        var text: [Unicode.Scalar] = []
        var starts: [Bool] = []
        if query.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: every code point is a character but the line feed of a CR LF.
            var previous: Unicode.Scalar = " "
            for scalar in query.unicodeScalars {
                text.append(scalar)
                starts.append(!(scalar == "\n" && previous == "\r"))
                previous = scalar
            }
        } else {
            for character in query {
                for (i, scalar) in character.unicodeScalars.enumerated() {
                    text.append(scalar)
                    starts.append(i == 0)
                }
            }
        }
        self.text = text
        self.startsCharacter = starts
        // Lines end at each line feed (a carriage return before it is no part of the line).
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text {
            if scalar == "\n" {
                if current.last == "\r" { current.removeLast() }
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if current.last == "\r" { current.removeLast() }
        lines.append(String(current))
        self.lines = lines
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

    private var current: Unicode.Scalar? { offset < text.count ? text[offset] : nil }
    private func peek(_ ahead: Int = 1) -> Unicode.Scalar? { offset + ahead < text.count ? text[offset + ahead] : nil }

    private mutating func advance() {
        if text[offset] == "\n" {
            line += 1
            column = 1
        } else if offset + 1 == text.count || startsCharacter[offset + 1] {
            column += 1
        }
        offset += 1
    }

    /// Whether the code point at `offset` continues a name: a letter, a digit, `_`, or a mark
    /// (or joiner) that belongs to the character before it.
    private func continuesName(_ c: Unicode.Scalar) -> Bool {
        Self.isLetter(c) || Self.isDigitLike(c) || c == "_" || !startsCharacter[offset]
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
        if startsCharacter[offset], Self.isLetter(c) || c == "_" {
            var word = String.UnicodeScalarView()
            while let d = current, continuesName(d) {
                word.append(d)
                advance()
            }
            return make(.word(String(word)))
        }
        if Self.isASCIIDigit(c) { return make(try number(line: l, column: col)) }
        // `.5` is a number where a value may start (not after a name, `)` or `]`: `n.x`, `a[0].b`).
        if c == ".", Self.isASCIIDigit(peek()), !Self.endsValue(previous) {
            return make(try number(line: l, column: col))
        }
        if c == "'" || c == "\"" { return make(.string(try string(quote: c, line: l, column: col))) }
        if c == "`" {
            advance()
            var word = String.UnicodeScalarView()
            while let d = current, d != "`" {
                word.append(d)
                advance()
            }
            guard current == "`" else { throw error("unterminated name: expected a closing '`'", line: l, column: col) }
            advance()
            return make(.quotedWord(String(word)))
        }
        if c == "$" {
            advance()
            var word = String.UnicodeScalarView()
            while let d = current, Self.isLetter(d) || Self.isDigitLike(d) || d == "_" || (!startsCharacter[offset] && !word.isEmpty) {
                word.append(d)
                advance()
            }
            return make(.parameter(String(word)))
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
        throw error(Self.unexpected(c), line: l, column: col)
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
        if current == "0", let r = peek(), "xXoO".unicodeScalars.contains(r) {
            let radix = r == "x" || r == "X" ? 16 : 8
            advance()
            advance()
            var digits = ""
            while let d = current, Self.isLetter(d) || Self.isDigitLike(d) || d == "_" {
                digits.unicodeScalars.append(d)
                advance()
            }
            guard !digits.isEmpty, let value = Int(digits, radix: radix) else {
                throw error("malformed number '0\(r)\(digits)'", line: l, column: col)
            }
            return .integer(value)
        }
        var digits = ""
        var isFloat = false
        while let d = current, Self.isASCIIDigit(d) {
            digits.unicodeScalars.append(d)
            advance()
        }
        // `1..3` is a range, not the decimal `1.` followed by `.3`.
        if current == ".", Self.isASCIIDigit(peek()) {
            isFloat = true
            digits.append(".")
            advance()
            while let d = current, Self.isASCIIDigit(d) {
                digits.unicodeScalars.append(d)
                advance()
            }
        }
        if current == "e" || current == "E", let d = peek(), Self.isASCIIDigit(d) || ((d == "-" || d == "+") && Self.isASCIIDigit(peek(2))) {
            isFloat = true
            digits.append("e")
            advance()
            if let sign = current, sign == "-" || sign == "+" {
                digits.unicodeScalars.append(sign)
                advance()
            }
            while let d = current, Self.isASCIIDigit(d) {
                digits.unicodeScalars.append(d)
                advance()
            }
        }
        if let d = current, Self.isLetter(d) || d == "_" {
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

    private mutating func string(quote: Unicode.Scalar, line l: Int, column col: Int) throws(QueryError) -> String {
        advance()
        var value = String.UnicodeScalarView()
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
                        guard let h = current, Self.isHexDigit(h) else {
                            throw error("\\\(e) needs \(width) hexadecimal digits", line: el, column: ec)
                        }
                        hex.unicodeScalars.append(h)
                    }
                    guard let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else {
                        throw error("'\\\(e)\(hex)' is not a Unicode character", line: el, column: ec)
                    }
                    value.append(scalar)
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
        return String(value)
    }
}
