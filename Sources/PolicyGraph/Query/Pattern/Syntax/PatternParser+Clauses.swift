/// Reads a query as a pipeline of clauses (``ClauseQuery``).
extension PatternParser {
    /// Parses a whole query as clauses.
    static func parseClauses(_ query: String) throws(QueryError) -> ClauseQuery {
        var parser = try PatternParser(query)
        return try parser.clauseQuery()
    }

    mutating func clauseQuery() throws(QueryError) -> ClauseQuery {
        var parts = [try clauseSequence()]
        var all: Bool?
        while token.isKeyword("UNION") {
            let union = token
            advance()
            let isAll = token.isKeyword("ALL")
            if isAll { advance() }
            if let all, all != isAll { throw fail("UNION and UNION ALL cannot be mixed in one query", at: union) }
            all = isAll
            parts.append(try clauseSequence())
        }
        if token.kind != .end {
            if let error = unsupportedClause(token) ?? sqlHabit(token, after: "RETURN") ?? joinedOrderBy(token) { throw error }
            throw expected("end of query after RETURN")
        }
        return ClauseQuery(parts: parts, unionAll: all ?? false, end: token.location)
    }

    /// Clauses up to and including RETURN.
    mutating func clauseSequence() throws(QueryError) -> ClauseSequence {
        var clauses: [Clause] = []
        while true {
            if token.isKeyword("MATCH") {
                clauses.append(.match(try matchClause(), optional: false))
            } else if token.isKeyword("OPTIONAL") {
                let optional = token
                advance()
                guard token.isKeyword("MATCH") else { throw expected("MATCH after OPTIONAL") }
                let clause = try matchClause()
                clauses.append(.match(MatchClause(paths: clause.paths, predicate: clause.predicate, location: optional.location), optional: true))
            } else if token.isKeyword("UNWIND") {
                let location = token.location
                advance()
                let list = try expression()
                guard token.isKeyword("AS") else { throw expected("AS and a name after the UNWIND list") }
                advance()
                guard let name = token.name else { throw expected("a name after AS") }
                let variable = PatternName(text: name, location: token.location)
                advance()
                clauses.append(.unwind(list, variable, location: location))
            } else if token.isKeyword("WITH") {
                clauses.append(.with(try projection(isWith: true)))
            } else if token.isKeyword("RETURN") {
                clauses.append(.return(try projection(isWith: false)))
                return ClauseSequence(clauses: clauses)
            } else {
                if let error = unsupportedClause(token) { throw error }
                if case .with? = clauses.last, let error = sqlHabit(token, after: "WITH") { throw error }
                if let error = sqlHabit(token, after: "RETURN") { throw error }
                if token.isKeyword("WHERE") { throw fail("WHERE must follow a MATCH clause's patterns or a WITH clause") }
                if let error = joinedOrderBy(token) ?? misspeltClause(token) { throw error }
                if clauses.isEmpty { throw expected("a clause: MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN (a query ends with RETURN ...)") }
                if token.kind == .end {
                    let what = clauses.allSatisfy { if case .match(_, false) = $0 { true } else { false } } ? "the MATCH clauses" : "the clauses"
                    throw fail("expected RETURN after \(what) (a query ends with RETURN ...), found end of query")
                }
                if case .match(let m, _)? = clauses.last {
                    throw expected(m.predicate == nil ? "',', WHERE, MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN after the patterns" : "an operator, MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN after the WHERE condition")
                }
                throw expected("MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN")
            }
        }
    }

    /// WITH or RETURN after its keyword: `[DISTINCT] items [ORDER BY] [SKIP] [LIMIT]`, and for
    /// WITH a final `WHERE`.
    mutating func projection(isWith: Bool) throws(QueryError) -> Projection {
        var p = Projection(location: token.location)
        advance()
        if token.isKeyword("DISTINCT") {
            p.distinct = true
            advance()
        }
        var needItems = true
        if token.isSymbol("*") {
            p.star = true
            advance()
            if token.isSymbol(",") { advance() } else { needItems = false }
        }
        while needItems {
            if token.kind == .end || token.isKeyword("ORDER") || token.isKeyword("LIMIT") || token.isKeyword("SKIP") || token.isKeyword("WHERE") {
                throw expected(isWith ? "an expression after WITH" : "an expression to return")
            }
            let e = try expression()
            var alias: PatternName?
            if token.isKeyword("AS") {
                advance()
                guard let name = token.name else { throw expected("a column name after AS") }
                alias = PatternName(text: name, location: token.location)
                advance()
            }
            if isWith, alias == nil, !Self.isVariable(e) {
                throw QueryError(.syntax("an expression in WITH needs a name: write '\(e.text) AS name'"), at: e.location)
            }
            p.items.append(ReturnItem(expression: e, alias: alias))
            guard token.isSymbol(",") else { break }
            advance()
        }
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
                p.order.append(SortItem(expression: e, descending: descending))
            } while token.isSymbol(",")
        }
        if token.isKeyword("SKIP") {
            advance()
            p.skip = try expression()
        }
        if token.isKeyword("LIMIT") {
            advance()
            p.limit = try expression()
        }
        if token.isKeyword("SKIP") { throw fail("SKIP must come before LIMIT") }
        if isWith, token.isKeyword("WHERE") {
            advance()
            p.predicate = try expression()
        }
        return p
    }

    private static func isVariable(_ e: PatternExpression) -> Bool {
        if case .variable = e.form { return true }
        return false
    }
}
