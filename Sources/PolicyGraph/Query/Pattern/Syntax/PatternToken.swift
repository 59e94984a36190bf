/// One lexical unit of a pattern query, with where it starts so that errors can point at it.
struct PatternToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A name or a keyword; keywords are told apart by the parser, case-insensitively.
        case word(String)
        /// A name in backticks: never a keyword.
        case quotedWord(String)
        case string(String)
        case integer(Int)
        case float(Double)
        /// `$name`: parameters are not supported, but are reported as such.
        case parameter(String)
        /// Punctuation and operators: `( ) [ ] { } , : . .. | * - + / % ^ < > = <> <= >= !=`.
        case symbol(String)
        case end
    }

    let kind: Kind
    /// Code point offsets of the token in the query text.
    let start: Int
    let end: Int
    let location: QueryLocation

    /// The word, upper-cased, when the token is an unquoted word (a keyword candidate).
    var keyword: String? {
        if case .word(let w) = kind { return w.uppercased() }
        return nil
    }

    /// Whether the token is the unquoted keyword `name` (given in upper case).
    ///
    /// Compares bytes with ASCII upper-casing first: the parser asks this many times per token,
    /// and an upper-cased copy per question was a large part of parsing a short query.
    func isKeyword(_ name: String) -> Bool {
        guard case .word(let w) = kind else { return false }
        if w.utf8.count == name.utf8.count,
           zip(w.utf8, name.utf8).allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0) == $1 }) {
            return true
        }
        // Only a word with a non-ASCII letter can still upper-case to the keyword (`ın` to `IN`).
        return !w.utf8.allSatisfy { $0 < 0x80 } && w.uppercased() == name
    }

    /// Whether the token is the symbol `s`.
    func isSymbol(_ s: String) -> Bool { kind == .symbol(s) }

    /// A name (identifier) when the token can serve as one: any word, quoted or not.
    var name: String? {
        switch kind {
        case .word(let w), .quotedWord(let w): return w
        default: return nil
        }
    }

    /// How the token reads in an error message: `'MATCH'`, `end of query`.
    var quoted: String {
        switch kind {
        case .end: return "end of query"
        case .word(let w): return "'\(w)'"
        case .quotedWord(let w): return "'`\(w)`'"
        case .string: return "a string"
        case .integer(let n): return "'\(n)'"
        case .float(let d): return "'\(d)'"
        case .parameter(let p): return "'$\(p)'"
        case .symbol(let s): return "'\(s)'"
        }
    }
}

/// Keywords of Cypher's write and projection clauses that this language does not have: met
/// where a clause may start, they are reported as "not supported" at their token.
enum UnsupportedClause {
    static let messages: [String: String] = [
        "CREATE": "CREATE is not supported: queries are read-only (MATCH ... WHERE ... RETURN ...)",
        "MERGE": "MERGE is not supported: queries are read-only (MATCH ... WHERE ... RETURN ...)",
        "DELETE": "DELETE is not supported: queries are read-only; edit graph/*.csv instead",
        "DETACH": "DETACH DELETE is not supported: queries are read-only; edit graph/*.csv instead",
        "SET": "SET is not supported: queries are read-only; edit graph/*.csv instead",
        "REMOVE": "REMOVE is not supported: queries are read-only; edit graph/*.csv instead",
        "CALL": "CALL is not supported: there are no procedures",
        "FOREACH": "FOREACH is not supported: queries are read-only",
        "LOAD": "LOAD CSV is not supported; a query reads the graph it is run on",
        "USE": "USE is not supported; a query reads the graph it is run on",
        "YIELD": "YIELD is not supported: there are no procedures",
    ]
}

/// SQL's grouping words, met where a clause may start after WITH or RETURN items: Cypher groups
/// without them, and the message says how. Not reserved: `group` stays a usable variable name.
enum SQLHabit {
    /// The message for `t` (and the token after it), if they are HAVING or GROUP BY after the
    /// items of `keyword` (WITH or RETURN).
    static func message(_ t: PatternToken, next: PatternToken, after keyword: String) -> String? {
        if t.isKeyword("HAVING") {
            return "HAVING is not part of Cypher: filter groups with WITH a, count(*) AS n WHERE n > 1 RETURN ..."
        }
        if t.isKeyword("GROUP"), next.isKeyword("BY") {
            return "GROUP BY is not needed: \(keyword) groups by the items that are not aggregates"
        }
        return nil
    }
}
