/// Parameter values from outside a query: a Cypher literal as text, or JSON.
extension QueryValue {
    /// The value of a Cypher literal: a number, a string, `true`, `false`, `null`, or a list or
    /// map of literals (`[1, 'a']`, `{k: 2}`).
    ///
    /// - Throws: ``QueryError`` when `text` does not parse, or is not a literal (a variable, a
    ///   function call, an operator).
    package static func literal(_ text: String) throws(QueryError) -> QueryValue {
        var parser = try PatternParser(text)
        let e = try parser.expression()
        guard parser.token.kind == .end else { throw parser.expected("end of the value") }
        return try literal(e)
    }

    private static func literal(_ e: PatternExpression) throws(QueryError) -> QueryValue {
        switch e.form {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .integer(let n): return .int(n)
        case .float(let d): return .double(d)
        case .string(let s): return .string(s)
        case .list(let items):
            var values: [QueryValue] = []
            for item in items { values.append(try literal(item)) }
            return .list(values)
        case .map(let entries):
            var map: [String: QueryValue] = [:]
            for entry in entries { map[entry.key.text] = try literal(entry.value) }
            return .map(map)
        default:
            throw QueryError(.syntax("a parameter's value is a literal (a number, a string, true, false, null, a list or a map), found '\(e.text)'"), at: e.location)
        }
    }

    /// The value of a JSON document: numbers without a fraction or exponent are integers.
    package init(json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let text): self = Int(text).map { .int($0) } ?? .double(Double(text) ?? .nan)
        case .string(let s): self = .string(s)
        case .array(let items): self = .list(items.map(QueryValue.init(json:)))
        case .object(let members):
            var map: [String: QueryValue] = [:]
            for m in members { map[m.key] = QueryValue(json: m.value) }
            self = .map(map)
        }
    }
}
