/// The expressions that hold other grammar: patterns, comprehensions, CASE, EXISTS { },
/// quantifiers and map projections.
extension PatternParser {
    /// A pattern at `(` in an expression (`(a)-[:r]->(b)`), or `nil` (the position unchanged)
    /// when the parenthesis opens an ordinary expression.
    mutating func patternInExpression() throws(QueryError) -> PathPattern? {
        if notPatterns.contains(position) { return nil }
        let saved = (position, lastEnd)
        var pattern: PathPattern?
        do { pattern = try path() } catch { pattern = nil }
        if let pattern, !pattern.relationships.isEmpty { return pattern }
        (position, lastEnd) = saved
        notPatterns.insert(position)
        return nil
    }

    /// `[x IN list WHERE c | v]` or `[(a)-->(b) WHERE c | v]` at `[`, or `nil` (the position
    /// unchanged) for a list literal.
    mutating func comprehension(start: PatternToken) throws(QueryError) -> PatternExpression? {
        if let name = peek().name, peek(2).isKeyword("IN"), peek().keyword.map({ !Self.reserved.contains($0) }) ?? true {
            advance()
            let variable = PatternName(text: name, location: token.location)
            advance()
            advance()
            let list = try expression()
            var predicate: PatternExpression?
            if token.isKeyword("WHERE") {
                advance()
                predicate = try expression()
            }
            var value: PatternExpression?
            if token.isSymbol("|") {
                advance()
                value = try expression()
            }
            guard token.isSymbol("]") else { throw expected("']' to close the list comprehension", after: predicate) }
            advance()
            return try make(.comprehension(variable: variable, list: list, predicate: predicate, value: value), from: start)
        }
        guard peek().isSymbol("(") || (peek().name != nil && peek(2).isSymbol("=")) else { return nil }
        let saved = (position, lastEnd)
        advance()
        var pattern: PathPattern?
        if !notPatterns.contains(position) {
            do { pattern = try path() } catch { pattern = nil }
            if pattern?.relationships.isEmpty ?? true { notPatterns.insert(saved.0 + 1) }
        }
        guard let pattern, !pattern.relationships.isEmpty, token.isSymbol("|") || token.isKeyword("WHERE") else {
            (position, lastEnd) = saved
            return nil
        }
        var predicate: PatternExpression?
        if token.isKeyword("WHERE") {
            advance()
            predicate = try expression()
        }
        guard token.isSymbol("|") else { throw expected("'|' and the value of each match in the pattern comprehension", after: predicate) }
        advance()
        let value = try expression()
        guard token.isSymbol("]") else { throw expected("']' to close the pattern comprehension", after: predicate) }
        advance()
        return try make(.patternComprehension(pattern, predicate: predicate, value: value), from: start)
    }

    /// The error for `what` after a comprehension's condition, suggesting parentheses when the
    /// condition ends in a label test that read the comprehension's `|` as a kind alternative
    /// (`WHERE i:framework | i + 1`).
    func expected(_ what: String, after predicate: PatternExpression?) -> QueryError {
        let error = expected(what)
        guard let predicate, let test = Self.labelTestWithoutLastAlternative(predicate) else { return error }
        return fail(error.message + "; to give the comprehension a value after '|', write the label test in parentheses: (\(test))")
    }

    /// `i:framework` for a condition ending in the label test `i:framework|x`, else `nil`.
    private static func labelTestWithoutLastAlternative(_ e: PatternExpression) -> String? {
        switch e.form {
        case .binary(.and, _, let right), .binary(.or, _, let right), .binary(.xor, _, let right), .not(let right):
            return labelTestWithoutLastAlternative(right)
        case .hasKinds(let operand, let groups):
            guard let last = groups.last, last.count > 1 else { return nil }
            let kept = groups.dropLast() + [Array(last.dropLast())]
            return operand.text + kept.map { ":" + $0.map(\.text).joined(separator: "|") }.joined()
        default:
            return nil
        }
    }

    /// `n {.key, .*, key: value, variable}` after the variable.
    mutating func mapProjection(_ base: PatternExpression, start: PatternToken) throws(QueryError) -> PatternExpression {
        advance()
        var items: [MapProjectionItem] = []
        while !token.isSymbol("}") {
            if token.isSymbol(".") {
                advance()
                if token.isSymbol("*") {
                    items.append(MapProjectionItem(form: .allProperties, key: PatternName(text: "*", location: token.location), value: nil))
                    advance()
                } else {
                    guard let key = token.name else { throw expected("a property name or '*' after '.'") }
                    items.append(MapProjectionItem(form: .property, key: PatternName(text: key, location: token.location), value: nil))
                    advance()
                }
            } else if let key = token.name {
                let name = PatternName(text: key, location: token.location)
                let keyToken = token
                advance()
                if token.isSymbol(":") {
                    advance()
                    items.append(MapProjectionItem(form: .literal, key: name, value: try expression()))
                } else {
                    let variable = try make(.variable(key), from: keyToken)
                    items.append(MapProjectionItem(form: .variable, key: name, value: variable))
                }
            } else {
                throw expected("'.key', '.*', 'key: value' or a variable in the map projection")
            }
            guard token.isSymbol(",") else { break }
            advance()
        }
        try expect("}", "',' or '}' in the map projection")
        return try make(.mapProjection(base, items), from: start)
    }

    /// `CASE [subject] WHEN a THEN b ... [ELSE c] END`, at CASE.
    mutating func caseExpression(start: PatternToken) throws(QueryError) -> PatternExpression {
        advance()
        let subject = token.isKeyword("WHEN") ? nil : try expression()
        var branches: [CaseBranch] = []
        while token.isKeyword("WHEN") {
            advance()
            let condition = try expression()
            guard token.isKeyword("THEN") else { throw expected("THEN after the WHEN condition") }
            advance()
            branches.append(CaseBranch(condition: condition, value: try expression()))
        }
        if branches.isEmpty { throw expected("WHEN in the CASE expression") }
        var otherwise: PatternExpression?
        if token.isKeyword("ELSE") {
            advance()
            otherwise = try expression()
        }
        guard token.isKeyword("END") else { throw expected("WHEN, ELSE or END in the CASE expression") }
        advance()
        return try make(.caseWhen(subject: subject, branches: branches, otherwise: otherwise), from: start)
    }

    /// `EXISTS { [MATCH] patterns [WHERE condition] }`, at EXISTS.
    mutating func existsSubquery(start: PatternToken) throws(QueryError) -> PatternExpression {
        advance()
        let location = token.location
        advance()
        if token.isKeyword("MATCH") { advance() }
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
        try expect("}", "'}' to close EXISTS { ... }")
        return try make(.exists(MatchClause(paths: paths, predicate: predicate, location: location)), from: start)
    }

    /// `any(x IN list WHERE condition)` and `all`, `none`, `single`, at the function's name.
    mutating func quantifier(_ q: Quantifier, start: PatternToken) throws(QueryError) -> PatternExpression {
        advance()
        advance()
        let variable = PatternName(text: token.name ?? "", location: token.location)
        advance()
        advance()
        let list = try expression()
        guard token.isKeyword("WHERE") else { throw expected("WHERE and a condition in \(q.rawValue)(\(variable.text) IN ... WHERE ...)") }
        advance()
        let predicate = try expression()
        try expect(")", "')' to close \(q.rawValue)(...)")
        return try make(.quantifier(q, variable: variable, list: list, predicate: predicate), from: start)
    }
}
