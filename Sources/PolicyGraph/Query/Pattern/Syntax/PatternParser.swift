/// Reads a query text into a ``PatternQuery``: recursive descent over the tokens, failing at the
/// first problem with what was expected there.
struct PatternParser {
    var tokens: [PatternToken]
    var position = 0
    /// The query's code points: token offsets count them.
    let text: [Unicode.Scalar]
    /// The end offset of the last token consumed: where an expression's text stops.
    var lastEnd = 0
    /// How many expressions the parser is inside (brackets, lists, arguments): capped, with
    /// ``PatternExpression/height``, so that a pathological query fails instead of overflowing the stack.
    var nesting = 0
    /// Token positions where a pattern was tried in an expression and was not one (`(` opening
    /// an ordinary expression): not tried again there. Without it, each `(` inside a property
    /// map inside a `(` ... was tried as a pattern once per way of reading the ones around it,
    /// and a 439-byte query took seconds (found by the query fuzzer).
    var notPatterns: Set<Int> = []
    /// How many times a path was parsed, for the test that the retries stay linear.
    var pathsTried = 0
    static let maxNesting = 64
    static let maxHeight = 256

    init(_ query: String) throws(QueryError) {
        var lexer = PatternLexer(query)
        self.tokens = try lexer.tokens()
        self.text = Array(query.unicodeScalars)
    }

    /// Parses a whole query.
    static func parse(_ query: String) throws(QueryError) -> PatternQuery {
        var parser = try PatternParser(query)
        return try parser.query()
    }

    var token: PatternToken { tokens[min(position, tokens.count - 1)] }
    func peek(_ ahead: Int = 1) -> PatternToken { tokens[min(position + ahead, tokens.count - 1)] }

    mutating func advance() {
        lastEnd = token.end
        if position < tokens.count - 1 { position += 1 }
    }

    func fail(_ message: String, at t: PatternToken? = nil) -> QueryError {
        QueryError(.syntax(message), at: (t ?? token).location)
    }

    func expected(_ what: String) -> QueryError { fail("expected \(what), found \(token.quoted)") }

    mutating func expect(_ symbol: String, _ what: String) throws(QueryError) {
        guard token.isSymbol(symbol) else { throw expected(what) }
        advance()
    }

    /// The error for a clause keyword the language does not have, if `t` is one.
    func unsupportedClause(_ t: PatternToken) -> QueryError? {
        guard let k = t.keyword, let message = UnsupportedClause.messages[k] else { return nil }
        return fail(message, at: t)
    }

    /// The error for HAVING or GROUP BY at `t`, after the items of `keyword`, if `t` is one.
    func sqlHabit(_ t: PatternToken, after keyword: String) -> QueryError? {
        guard let message = SQLHabit.message(t, next: peek(), after: keyword) else { return nil }
        return fail(message, at: t)
    }

    mutating func query() throws(QueryError) -> PatternQuery {
        var matches: [MatchClause] = []
        while token.isKeyword("MATCH") {
            matches.append(try matchClause())
        }
        if let error = unsupportedClause(token) { throw error }
        var returnClause: ReturnClause?
        if token.isKeyword("RETURN") {
            returnClause = try self.returnClause()
        } else if token.kind != .end || matches.isEmpty {
            if token.isKeyword("WHERE") { throw fail("WHERE must follow a MATCH clause's patterns") }
            if matches.isEmpty { throw expected("MATCH (a query starts with MATCH ... and ends with RETURN ...)") }
            throw expected(matches.last?.predicate == nil ? "',', MATCH, WHERE or RETURN after the patterns" : "an operator, MATCH or RETURN after the WHERE condition")
        }
        if token.kind != .end {
            if let error = unsupportedClause(token) ?? sqlHabit(token, after: "RETURN") { throw error }
            if token.isKeyword("MATCH") { throw fail("MATCH must come before RETURN") }
            throw expected("end of query after RETURN")
        }
        return PatternQuery(matches: matches, returnClause: returnClause, end: token.location)
    }

    mutating func matchClause() throws(QueryError) -> MatchClause {
        let location = token.location
        advance()
        var paths = [try path()]
        while token.isSymbol(",") {
            advance()
            paths.append(try path())
        }
        var predicate: PatternExpression?
        if token.isKeyword("WHERE") {
            advance()
            predicate = try expression()
        }
        return MatchClause(paths: paths, predicate: predicate, location: location)
    }

    mutating func path() throws(QueryError) -> PathPattern {
        pathsTried += 1
        var variable: PatternName?
        if let name = token.name, peek().isSymbol("=") {
            variable = PatternName(text: name, location: token.location)
            advance()
            advance()
        }
        if let k = token.keyword, ["SHORTESTPATH", "ALLSHORTESTPATHS"].contains(k) {
            throw fail("\(token.name ?? "") is not supported; use 'policygraph path FROM TO'")
        }
        var nodes = [try node()]
        var relationships: [RelationshipPattern] = []
        while token.isSymbol("-") || token.isSymbol("<") {
            relationships.append(try relationship())
            nodes.append(try node())
        }
        return PathPattern(variable: variable, nodes: nodes, relationships: relationships)
    }

    mutating func node() throws(QueryError) -> NodePattern {
        let location = token.location
        guard token.isSymbol("(") else {
            throw expected(position == 0 ? "'('" : "'(' to start a node pattern")
        }
        advance()
        var variable: PatternName?
        if let name = token.name {
            variable = PatternName(text: name, location: token.location)
            advance()
        }
        var kinds: [[PatternName]] = []
        while token.isSymbol(":") {
            advance()
            kinds.append(try names(after: "':'", what: "a kind"))
        }
        let properties = token.isSymbol("{") ? try propertyMap() : []
        guard token.isSymbol(")") else {
            throw expected(kinds.isEmpty && properties.isEmpty && variable != nil ? "':', '{' or ')' in the node pattern" : "')' to close the node pattern")
        }
        advance()
        return NodePattern(variable: variable, kinds: kinds, properties: properties, location: location)
    }

    /// `a|b|:c`: one or more names joined by `|`.
    mutating func names(after: String, what: String) throws(QueryError) -> [PatternName] {
        var result: [PatternName] = []
        repeat {
            if !result.isEmpty {
                advance()
                if token.isSymbol(":") { advance() }
            }
            guard let name = token.name else { throw expected("\(what) after \(result.isEmpty ? after : "'|'")") }
            result.append(PatternName(text: name, location: token.location))
            advance()
        } while token.isSymbol("|")
        return result
    }

    mutating func relationship() throws(QueryError) -> RelationshipPattern {
        let location = token.location
        let pointsLeft = token.isSymbol("<")
        if pointsLeft { advance() }
        try expect("-", pointsLeft ? "'-' after '<'" : "'-'")
        var variable: PatternName?
        var relations: [PatternName] = []
        var length: LengthRange?
        var properties: [PropertyEntry] = []
        if token.isSymbol("[") {
            advance()
            if let name = token.name {
                variable = PatternName(text: name, location: token.location)
                advance()
            }
            if token.isSymbol(":") {
                advance()
                relations = try names(after: "':'", what: "a relation")
                if token.isSymbol(":") { throw fail("a relationship has one relation; write alternatives as ':a|b'") }
            }
            if token.isSymbol("*") { length = try lengthRange() }
            if token.isSymbol("{") { properties = try propertyMap() }
            guard token.isSymbol("]") else {
                throw expected(length == nil ? "']' to close the relationship pattern" : "']' after the length")
            }
            advance()
        }
        try expect("-", "'-' to end the relationship pattern")
        let pointsRight = token.isSymbol(">")
        if pointsRight { advance() }
        // `<-->` points both ways: either way, as `--`.
        let direction: PatternDirection = pointsLeft == pointsRight ? .either : (pointsLeft ? .left : .right)
        return RelationshipPattern(variable: variable, relations: relations, direction: direction, length: length,
                                   properties: properties, location: location)
    }

    /// `*`, `*n`, `*n..`, `*..m`, `*n..m` (after the `*`).
    mutating func lengthRange() throws(QueryError) -> LengthRange {
        let star = token
        advance()
        var low: Int?
        var high: Int?
        if case .integer(let n) = token.kind {
            low = n
            advance()
        }
        if token.isSymbol("..") {
            advance()
            if case .integer(let n) = token.kind {
                high = n
                advance()
            }
        } else if let low {
            high = low
        }
        let range = LengthRange(min: low ?? 1, max: high)
        if let max = range.max, max < range.min {
            throw fail("the length range *\(range.min)..\(max) is empty: the lower bound is above the upper", at: star)
        }
        return range
    }

    /// `{key: value, ...}`.
    mutating func propertyMap() throws(QueryError) -> [PropertyEntry] {
        advance()
        var entries: [PropertyEntry] = []
        if token.isSymbol("}") {
            advance()
            return entries
        }
        while true {
            guard let key = token.name else { throw expected("a property name") }
            let keyName = PatternName(text: key, location: token.location)
            advance()
            try expect(":", "':' after the property name '\(key)'")
            entries.append(PropertyEntry(key: keyName, value: try expression()))
            if token.isSymbol(",") {
                advance()
                continue
            }
            try expect("}", "',' or '}' in the property map")
            return entries
        }
    }

    mutating func returnClause() throws(QueryError) -> ReturnClause {
        let location = token.location
        advance()
        var clause = ReturnClause(distinct: false, star: false, items: [], order: [], skip: nil, limit: nil, location: location)
        if token.isKeyword("DISTINCT") {
            clause.distinct = true
            advance()
        }
        if token.isSymbol("*") {
            clause.star = true
            advance()
            if token.isSymbol(",") { advance() } else { return try returnTail(clause) }
        }
        while true {
            if token.kind == .end || token.isKeyword("ORDER") || token.isKeyword("LIMIT") || token.isKeyword("SKIP") {
                throw expected("an expression to return")
            }
            let e = try expression()
            var alias: PatternName?
            if token.isKeyword("AS") {
                advance()
                guard let name = token.name else { throw expected("a column name after AS") }
                alias = PatternName(text: name, location: token.location)
                advance()
            }
            clause.items.append(ReturnItem(expression: e, alias: alias))
            guard token.isSymbol(",") else { break }
            advance()
        }
        return try returnTail(clause)
    }

    mutating func returnTail(_ start: ReturnClause) throws(QueryError) -> ReturnClause {
        var clause = start
        if token.isKeyword("ORDER") {
            advance()
            guard token.isKeyword("BY") else { throw expected("BY after ORDER") }
            advance()
            repeat {
                if token.isSymbol(",") { advance() }
                let e = try expression()
                var descending = false
                if let k = token.keyword, ["ASC", "ASCENDING", "DESC", "DESCENDING"].contains(k) {
                    descending = k.hasPrefix("DESC")
                    advance()
                }
                clause.order.append(SortItem(expression: e, descending: descending))
            } while token.isSymbol(",")
        }
        if token.isKeyword("SKIP") {
            advance()
            clause.skip = try count("SKIP")
        }
        if token.isKeyword("LIMIT") {
            advance()
            clause.limit = try count("LIMIT")
        }
        if token.isKeyword("SKIP") { throw fail("SKIP must come before LIMIT") }
        return clause
    }

    mutating func count(_ keyword: String) throws(QueryError) -> Int {
        guard case .integer(let n) = token.kind else {
            if token.isSymbol("-") { throw fail("\(keyword) takes a whole number of at least 0") }
            throw expected("a whole number after \(keyword)")
        }
        advance()
        return n
    }
}
