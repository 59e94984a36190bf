/// A clause keyword written with a typo (`RETRUN`), or EXISTS before a subquery (`EXIST {`),
/// reported as such instead of as a list of what may come there.
extension PatternParser {
    /// The words that start a clause or a part of one.
    static let clauseKeywords = ["MATCH", "OPTIONAL", "UNWIND", "WITH", "RETURN", "WHERE", "ORDER", "SKIP", "LIMIT", "UNION"]

    /// The error for a word where a clause belongs that is a clause keyword misspelt, if `t` is one.
    func misspeltClause(_ t: PatternToken) -> QueryError? {
        guard case .word(let word) = t.kind, !Self.clauseKeywords.contains(word.uppercased()) else { return nil }
        let close = Suggestions.closest(to: word, among: Self.clauseKeywords)
        guard !close.isEmpty else { return nil }
        return fail("unknown clause '\(word)'; did you mean " + close.joined(separator: " or ") + "?", at: t)
    }

    /// The error for `ORDERBY` (or `ORDER_BY`) after RETURN or WITH, written as one word.
    func joinedOrderBy(_ t: PatternToken) -> QueryError? {
        guard case .word(let word) = t.kind, ["ORDERBY", "ORDER_BY"].contains(word.uppercased()) else { return nil }
        return fail("unknown clause '\(word)'; did you mean ORDER BY (two words)?", at: t)
    }

    /// The error for a misspelt `EXISTS` before a subquery (`NOT EXIST { (c)-->() }`), which
    /// would otherwise read as a map projection: a word within two edits of EXISTS, then `{`
    /// and `(` or MATCH.
    func misspeltExists(_ t: PatternToken) -> QueryError? {
        guard case .word(let word) = t.kind, word.uppercased() != "EXISTS",
              peek().isSymbol("{"), peek(2).isSymbol("(") || peek(2).isKeyword("MATCH"),
              Suggestions.distance(Array(word.uppercased()), Array("EXISTS"), cap: 2) <= 2 else { return nil }
        return fail("unknown function or keyword '\(word)'; did you mean EXISTS { ... }?", at: t)
    }
}
