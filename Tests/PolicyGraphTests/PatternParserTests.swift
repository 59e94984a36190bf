import Foundation
import Testing
import TestSupport
@testable import PolicyGraph

/// The lexer and parser on their own: tokens, literals, the shapes of patterns, and column names.
struct PatternParserTests {
    func kinds(_ text: String) throws -> [PatternToken.Kind] {
        var lexer = PatternLexer(text)
        return try lexer.tokens().map(\.kind)
    }

    @Test func stringsTakeEitherQuoteAndEscapes() throws {
        #expect(try kinds(#"'it\'s' "say \"hi\"" '\u738B\t'"#) == [.string("it's"), .string("say \"hi\""), .string("王\t"), .end])
    }

    @Test func aRangeIsNotADecimal() throws {
        #expect(try kinds("*1..3 1.5 2e3") == [.symbol("*"), .integer(1), .symbol(".."), .integer(3), .float(1.5), .float(2000), .end])
    }

    @Test func commentsAreSkippedAndColumnsCountCharacters() throws {
        var lexer = PatternLexer("// who?\nMATCH /* the US */ (王毅)")
        let tokens = try lexer.tokens()
        #expect(tokens.map(\.kind) == [.word("MATCH"), .symbol("("), .word("王毅"), .symbol(")"), .end])
        #expect(tokens[2].location.line == 2)
        #expect(tokens[2].location.column == 21)
        #expect(tokens[2].location.lineText == "MATCH /* the US */ (王毅)")
    }

    @Test func keywordsAreCaseInsensitiveAndBackticksQuoteNames() throws {
        let query = try PatternParser.parse("match (`match`:country) where `match`.id = 'us' return `match`")
        #expect(query.matches.count == 1)
        #expect(query.matches[0].paths[0].nodes[0].variable?.text == "match")
        #expect(query.returnClause?.items.first?.column == "`match`")
    }

    @Test func relationshipDirectionsAndLengths() throws {
        let query = try PatternParser.parse("MATCH (a)-[:x]->(b)<-[r:y|:z*2]-(c)-[*]-(d)-[*..3]->(e)<-[*2..]-(f)-->(g) RETURN a")
        let relationships = query.matches[0].paths[0].relationships
        #expect(relationships.map(\.direction) == [.right, .left, .either, .right, .left, .right])
        #expect(relationships.map(\.length) == [nil, LengthRange(min: 2, max: 2), LengthRange(min: 1, max: nil),
                                                LengthRange(min: 1, max: 3), LengthRange(min: 2, max: nil), nil])
        #expect(relationships[1].relations.map(\.text) == ["y", "z"])
        #expect(relationships[1].variable?.text == "r")
    }

    @Test func severalPatternsAndClauses() throws {
        let query = try PatternParser.parse("MATCH (a), (b:x:y {id: 'b', n: 2}) WHERE a <> b MATCH (c) RETURN DISTINCT a, b AS bee ORDER BY a DESC, bee SKIP 1 LIMIT 2")
        #expect(query.matches.count == 2)
        #expect(query.matches[0].paths.count == 2)
        #expect(query.matches[0].paths[1].nodes[0].kinds.map { $0.map(\.text) } == [["x"], ["y"]])
        #expect(query.matches[0].paths[1].nodes[0].properties.map(\.key.text) == ["id", "n"])
        let r = try #require(query.returnClause)
        #expect(r.distinct)
        #expect(r.items.map(\.column) == ["a", "bee"])
        #expect(r.order.map(\.descending) == [true, false])
        #expect(r.skip == 1)
        #expect(r.limit == 2)
    }

    @Test func columnsAreNamedAsWritten() throws {
        let query = try PatternParser.parse("MATCH (n) RETURN n.label, count( * ), toUpper(n.id) + '!', (n.weight)")
        #expect(query.returnClause?.items.map(\.column) == ["n.label", "count( * )", "toUpper(n.id) + '!'", "(n.weight)"])
    }

    @Test func operatorsBindAsInCypher() throws {
        let query = try PatternParser.parse("RETURN NOT 1 < 2 AND 3 IN [1] OR true XOR false, 1 + 2 * 3 ^ 2, -2 ^ 2, 1 < 2 < 3")
        let items = try #require(query.returnClause?.items)
        #expect(items.map(\.expression.canonical) == [
            "((NOT((1 < 2)) AND (3 IN [1])) OR (true XOR false))",
            "(1 + (2 * (3 ^ 2)))",
            "(-2 ^ 2)",
            "((1 < 2) AND (2 < 3))",
        ])
    }

    /// A `(` in an expression is tried as a pattern once per position, not once per way of
    /// reading the brackets around it: the query fuzzer's 439-byte input of nested `(`, `{id:`
    /// and `[` took seconds to reach its syntax error. Counted, not timed: every position holds
    /// at most one pattern attempt from an expression and one from a comprehension, plus the
    /// MATCH's own paths.
    @Test func nestedBracketsAreTriedAsPatternsAtMostOncePerPosition() throws {
        let url = Fixtures.root.appendingPathComponent("Fixtures/fuzz/query/timeout-nested-pattern-retries")
        let fuzzed = try String(contentsOf: url, encoding: .utf8)
        let nested = "MATCH (c) WHERE " + String(repeating: "({id: [(", count: 12) + "1" + String(repeating: ")]})", count: 12) + " RETURN c"
        for query in [fuzzed, nested] {
            var parser = try PatternParser(query)
            _ = try? parser.clauseQuery()
            #expect(parser.pathsTried <= 2 * parser.tokens.count, "\(parser.pathsTried) paths for \(parser.tokens.count) tokens")
        }
    }
}
