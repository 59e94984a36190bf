/// Expressions, loosest operator first: OR, XOR, AND, NOT, comparisons, the string/list/null
/// predicates, + -, * / %, ^, unary minus, property access and indexing, atoms.
extension PatternParser {
    /// Words that end an expression or belong to a clause, never variables.
    static let reserved: Set<String> = [
        "AND", "OR", "XOR", "NOT", "IN", "IS", "STARTS", "ENDS", "CONTAINS", "AS", "ORDER", "BY", "SKIP",
        "LIMIT", "RETURN", "MATCH", "WHERE", "DISTINCT", "ASC", "ASCENDING", "DESC", "DESCENDING",
        "WITH", "UNWIND", "OPTIONAL", "UNION", "CASE", "WHEN", "THEN", "ELSE", "END",
    ]

    mutating func expression() throws(QueryError) -> PatternExpression {
        guard nesting < Self.maxNesting else {
            throw fail("the expression is nested too deeply: at most \(Self.maxNesting) levels of brackets, lists and calls")
        }
        nesting += 1
        defer { nesting -= 1 }
        return try binaryLevel(0)
    }

    private static let levels: [[String: BinaryOperator]] = [["OR": .or], ["XOR": .xor], ["AND": .and]]

    /// OR, XOR and AND, left-associative.
    private mutating func binaryLevel(_ level: Int) throws(QueryError) -> PatternExpression {
        if level == Self.levels.count { return try negation() }
        let start = token
        var left = try binaryLevel(level + 1)
        while let k = token.keyword, let op = Self.levels[level][k] {
            advance()
            let right = try binaryLevel(level + 1)
            left = try make(.binary(op, left, right), from: start)
        }
        return left
    }

    /// `NOT NOT x`: a loop, not recursion, so a long run of NOTs cannot overflow the stack.
    private mutating func negation() throws(QueryError) -> PatternExpression {
        var starts: [PatternToken] = []
        while token.isKeyword("NOT") {
            starts.append(token)
            advance()
        }
        var result = try comparison()
        for start in starts.reversed() {
            result = try make(.not(result), from: start)
        }
        return result
    }

    /// `a = b`, `a < b < c` (a chain means `a < b AND b < c`, as in Cypher).
    private mutating func comparison() throws(QueryError) -> PatternExpression {
        let start = token
        let first = try predicate()
        var operands = [first]
        var operators: [BinaryOperator] = []
        while true {
            if token.isSymbol("!=") { throw fail("use '<>' for 'not equal'") }
            if token.isSymbol("=~") { throw fail("regular expressions (=~) are not supported; use STARTS WITH, ENDS WITH or CONTAINS") }
            guard case .symbol(let s) = token.kind, let op = BinaryOperator(rawValue: s),
                  [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual].contains(op) else { break }
            advance()
            operators.append(op)
            operands.append(try predicate())
        }
        guard !operators.isEmpty else { return first }
        var result = try make(.binary(operators[0], operands[0], operands[1]), from: start)
        for i in 1..<operators.count {
            let link = try make(.binary(operators[i], operands[i], operands[i + 1]), from: start)
            result = try make(.binary(.and, result, link), from: start)
        }
        return result
    }

    /// `IS [NOT] NULL`, `IN list`, `STARTS WITH s`, `ENDS WITH s`, `CONTAINS s`, `:kind` after a term.
    private mutating func predicate() throws(QueryError) -> PatternExpression {
        let start = token
        var left = try additive()
        while true {
            if token.isKeyword("IS") {
                advance()
                var negated = false
                if token.isKeyword("NOT") {
                    negated = true
                    advance()
                }
                guard token.isKeyword("NULL") else { throw expected(negated ? "NULL after IS NOT" : "NULL or NOT NULL after IS") }
                advance()
                left = try make(.isNull(left, negated: negated), from: start)
            } else if token.isKeyword("IN") {
                advance()
                let right = try additive()
                left = try make(.binary(.in, left, right), from: start)
            } else if token.isKeyword("STARTS") || token.isKeyword("ENDS") {
                let op: BinaryOperator = token.isKeyword("STARTS") ? .startsWith : .endsWith
                let word = token.keyword ?? ""
                advance()
                guard token.isKeyword("WITH") else { throw expected("WITH after \(word)") }
                advance()
                let right = try additive()
                left = try make(.binary(op, left, right), from: start)
            } else if token.isSymbol(":"), case .variable = left.form {
                var groups: [[PatternName]] = []
                while token.isSymbol(":") {
                    advance()
                    groups.append(try kindAlternatives())
                }
                left = try make(.hasKinds(left, groups), from: start)
            } else if token.isKeyword("CONTAINS") {
                advance()
                let right = try additive()
                left = try make(.binary(.contains, left, right), from: start)
            } else {
                return left
            }
        }
    }

    /// The kinds after `:` in a label test, `kind|kind`. A `|` whose word is followed by `.`, `(`,
    /// `[` or `{` is left to the enclosing comprehension (`[i IN l WHERE i:framework | i.id]`):
    /// no kind name is.
    private mutating func kindAlternatives() throws(QueryError) -> [PatternName] {
        var result: [PatternName] = []
        repeat {
            if !result.isEmpty {
                advance()
                if token.isSymbol(":") { advance() }
            }
            guard let name = token.name else { throw expected("a kind after \(result.isEmpty ? "':'" : "'|'")") }
            result.append(PatternName(text: name, location: token.location))
            advance()
        } while token.isSymbol("|") && startsKindAlternative()
        return result
    }

    /// Whether the `|` at the current token goes on with kinds rather than closing a condition.
    private func startsKindAlternative() -> Bool {
        var ahead = 1
        if peek(ahead).isSymbol(":") { ahead += 1 }
        guard peek(ahead).name != nil else { return true }
        return ![".", "(", "[", "{"].contains { peek(ahead + 1).isSymbol($0) }
    }

    private mutating func additive() throws(QueryError) -> PatternExpression {
        let start = token
        var left = try multiplicative()
        while token.isSymbol("+") || token.isSymbol("-") {
            let op: BinaryOperator = token.isSymbol("+") ? .add : .subtract
            advance()
            let right = try multiplicative()
            left = try make(.binary(op, left, right), from: start)
        }
        return left
    }

    private mutating func multiplicative() throws(QueryError) -> PatternExpression {
        let start = token
        var left = try power()
        while token.isSymbol("*") || token.isSymbol("/") || token.isSymbol("%") {
            let op: BinaryOperator = token.isSymbol("*") ? .multiply : (token.isSymbol("/") ? .divide : .modulo)
            advance()
            let right = try power()
            left = try make(.binary(op, left, right), from: start)
        }
        return left
    }

    private mutating func power() throws(QueryError) -> PatternExpression {
        let start = token
        var left = try unary()
        while token.isSymbol("^") {
            advance()
            let right = try unary()
            left = try make(.binary(.power, left, right), from: start)
        }
        return left
    }

    /// Signs in front of a term (a loop, like ``negation()``); a minus on a number literal folds into it.
    private mutating func unary() throws(QueryError) -> PatternExpression {
        var minuses: [PatternToken] = []
        while token.isSymbol("-") || token.isSymbol("+") {
            if token.isSymbol("-") { minuses.append(token) }
            advance()
        }
        var result = try postfix()
        // A number takes all its signs at once: folding them one by one would slice the text once per sign.
        if let first = minuses.first {
            switch result.form {
            case .integer(let n): return try make(.integer(minuses.count % 2 == 0 ? n : -n), from: first)
            case .float(let d): return try make(.float(minuses.count % 2 == 0 ? d : -d), from: first)
            default: break
            }
        }
        for start in minuses.reversed() {
            switch result.form {
            case .integer(let n): result = try make(.integer(-n), from: start)
            case .float(let d): result = try make(.float(-d), from: start)
            default: result = try make(.negate(result), from: start)
            }
        }
        return result
    }

    private mutating func postfix() throws(QueryError) -> PatternExpression {
        let start = token
        var e = try atom()
        while true {
            if token.isSymbol(".") {
                advance()
                guard let name = token.name else { throw expected("a property name after '.'") }
                let key = PatternName(text: name, location: token.location)
                advance()
                e = try make(.property(e, key), from: start)
            } else if token.isSymbol("[") {
                advance()
                let index = token.isSymbol("..") ? nil : try expression()
                if token.isSymbol("..") {
                    advance()
                    let upper = token.isSymbol("]") ? nil : try expression()
                    try expect("]", "']' after the slice")
                    e = try make(.slice(e, index, upper), from: start)
                    continue
                }
                try expect("]", "']' after the index")
                if let index { e = try make(.index(e, index), from: start) }
            } else if token.isSymbol("{"), case .variable = e.form {
                e = try mapProjection(e, start: start)
            } else {
                return e
            }
        }
    }

    private mutating func atom() throws(QueryError) -> PatternExpression {
        let start = token
        switch token.kind {
        case .integer(let n):
            advance()
            return try make(.integer(n), from: start)
        case .float(let d):
            advance()
            return try make(.float(d), from: start)
        case .string(let s):
            advance()
            return try make(.string(s), from: start)
        case .parameter(let p):
            advance()
            return try make(.parameter(p), from: start)
        case .quotedWord(let name):
            advance()
            return try make(.variable(name), from: start)
        case .word(let word):
            return try wordAtom(word, start: start)
        case .symbol("("):
            if let pattern = try patternInExpression() {
                return try make(.pattern(pattern), from: start)
            }
            advance()
            var inner = try expression()
            try expect(")", "')'")
            inner = PatternExpression(form: inner.form, location: start.location, text: slice(from: start))
            return inner
        case .symbol("["):
            if let comprehension = try comprehension(start: start) { return comprehension }
            advance()
            var items: [PatternExpression] = []
            if !token.isSymbol("]") {
                while true {
                    items.append(try expression())
                    guard token.isSymbol(",") else { break }
                    advance()
                }
            }
            try expect("]", "',' or ']' in the list")
            return try make(.list(items), from: start)
        case .symbol("{"):
            let entries = try propertyMap()
            return try make(.map(entries), from: start)
        default:
            throw expected("an expression")
        }
    }

    private mutating func wordAtom(_ word: String, start: PatternToken) throws(QueryError) -> PatternExpression {
        let upper = word.uppercased()
        if let q = Quantifier(rawValue: word.lowercased()), peek().isSymbol("("), peek(2).name != nil, peek(3).isKeyword("IN") {
            return try quantifier(q, start: start)
        }
        switch upper {
        case "TRUE", "FALSE":
            advance()
            return try make(.bool(upper == "TRUE"), from: start)
        case "NULL":
            advance()
            return try make(.null, from: start)
        case "CASE":
            return try caseExpression(start: start)
        case "EXISTS" where peek().isSymbol("{"):
            return try existsSubquery(start: start)
        case "EXISTS" where peek().isSymbol("("):
            advance()
            advance()
            let inner = try expression()
            try expect(")", "')' after the argument of exists")
            if case .pattern = inner.form { return try make(inner.form, from: start) }
            return try make(.isNull(inner, negated: true), from: start)
        case "SHORTESTPATH", "ALLSHORTESTPATHS":
            throw fail("\(word) is not supported; use 'policygraph path FROM TO'")
        default:
            if let error = misspeltExists(start) { throw error }
        }
        if peek().isSymbol("(") {
            let name = PatternName(text: word, location: start.location)
            advance()
            advance()
            if upper == "COUNT", token.isSymbol("*") {
                advance()
                try expect(")", "')' after count(*")
                return try make(.countStar, from: start)
            }
            var distinct = false
            if token.isKeyword("DISTINCT") {
                distinct = true
                advance()
            }
            var arguments: [PatternExpression] = []
            if !token.isSymbol(")") {
                while true {
                    arguments.append(try expression())
                    guard token.isSymbol(",") else { break }
                    advance()
                }
            }
            // `count(DISTICT f)`: a misspelt DISTINCT reads as a variable, followed by another.
            if !distinct, arguments.count == 1, case .variable(let first) = arguments[0].form, token.name != nil,
               first.uppercased() != "DISTINCT", Suggestions.distance(Array(first.uppercased()), Array("DISTINCT"), cap: 2) <= 2 {
                throw QueryError(.syntax("expected ',' or ')' after the arguments of \(word), found '\(token.name ?? "")'; did you mean DISTINCT, not '\(first)'?"),
                                 at: arguments[0].location)
            }
            try expect(")", "',' or ')' after the arguments of \(word)")
            return try make(.call(name, distinct: distinct, arguments: arguments), from: start)
        }
        if Self.reserved.contains(upper) || UnsupportedClause.messages[upper] != nil {
            if let error = unsupportedClause(start), upper != "WITH" { throw error }
            throw expected("an expression")
        }
        advance()
        return try make(.variable(word), from: start)
    }

    // `make(...)` is called only with operands already parsed: a method call on a struct takes
    // `self` before evaluating its arguments, so parsing inside the call would cut the text short.

    /// The query text from `start` to the last consumed token.
    func slice(from start: PatternToken) -> String {
        guard start.start < lastEnd, lastEnd <= text.count else { return "" }
        // Appended one by one: `String(text[range])` goes through a generic initializer whose
        // first use searches every conformance in the process.
        var slice = String.UnicodeScalarView()
        for c in text[start.start..<lastEnd] { slice.append(c) }
        return String(slice)
    }

    /// Throws when the new expression would be more than ``maxHeight`` deep (`1 + 1 + ...`).
    func make(_ form: PatternExpression.Form, from start: PatternToken) throws(QueryError) -> PatternExpression {
        var height = 1
        for child in form.children { height = max(height, 1 + child.height) }
        guard height <= Self.maxHeight else {
            throw fail("the expression is too deep: at most \(Self.maxHeight) operators inside one another (for many alternatives, use IN [...])", at: start)
        }
        return PatternExpression(form: form, location: start.location, text: slice(from: start))
    }
}
