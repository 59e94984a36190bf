import Testing
@testable import PolicyGraph

/// The lexer reads code points: a string holds exactly the code points written, a stray mark or
/// an invisible character is an error that names it by number, columns count the characters a
/// terminal shows, and a line ends at its line feed whatever comes before it.
@Suite struct PatternLexerTests {
    static let graph: Graph? = try? loadGraph(nodes: "id,kind,label\none,country,One\n", edges: "from,relation,to\n")

    func error(_ query: String) throws -> QueryError { try queryError(query, on: Self.graph, shown: CodePointReference.visible) }

    @Test func aQueryStartingWithALoneCombiningMarkIsAnErrorThatNamesIt() throws {
        let e = try error("\u{301}MATCH (n) RETURN n")
        #expect(e.message == "unexpected combining mark U+0301 (COMBINING ACUTE ACCENT); a mark may follow a letter in a name, or stand anywhere in a string")
        #expect(e.location?.line == 1)
        #expect(e.location?.column == 1)
        #expect(e.location?.lineText == "\u{301}MATCH (n) RETURN n")
    }

    @Test func aMarkAfterPunctuationIsAnErrorAtThatCharacter() throws {
        // `(` and the mark are one character on screen: the caret goes under it (column 7).
        let e = try error("MATCH (\u{301}n) RETURN n")
        #expect(e.message.hasPrefix("unexpected combining mark U+0301"))
        #expect(e.location?.column == 7)
    }

    @Test func invisibleCharactersAreNamedByNumber() throws {
        let e = try error("RETURN 1 AS \u{200F}")
        #expect(e.message == "unexpected character U+200F (RIGHT-TO-LEFT MARK)")
        #expect(try error("RETURN 1 § 2").message == "unexpected character '§'")
    }

    @Test func aStringHoldsTheCodePointsWrittenEvenAMarkRightAfterTheQuote() throws {
        let graph = try #require(Self.graph)
        for text in ["\u{301}abc", "e\u{301}", "\u{212A}", "a\u{200D}", "\u{1100}\u{1161}", "\u{200F}"] {
            for quote in ["'", "\""] {
                let rows = try graph.query("RETURN \(quote)\(text)\(quote) AS v, size(\(quote)\(text)\(quote)) AS n").rows
                #expect(CodePointReference.shown(rows) == [["'" + CodePointReference.visible(text) + "'", "\(text.unicodeScalars.count)"]])
            }
        }
    }

    @Test func namesKeepTheMarksOfTheirLetters() throws {
        let graph = try #require(Self.graph)
        let result = try graph.query("RETURN 1 AS e\u{301}, 2 AS `\u{301}x`")
        #expect(result.columns.map(CodePointReference.visible) == ["e<U+0301>", "<U+0301>x"])
    }

    @Test func columnsCountCharactersNotCodePoints() throws {
        let prefix = "RETURN 'e\u{301}\u{1100}\u{1161}' AS x "
        let e = try error(prefix + ")")
        #expect(e.location?.column == prefix.count + 1)
        #expect(prefix.count + 1 < prefix.unicodeScalars.count + 1)
    }

    @Test func aCarriageReturnBeforeALineFeedEndsTheLineAndAComment() throws {
        let graph = try #require(Self.graph)
        // The comment ends at the line end, so LIMIT 0 applies.
        #expect(try graph.query("RETURN 1 AS x\r\n// a comment\r\nLIMIT 0").rows.isEmpty)
        let e = try error("RETURN 1 AS x\r\n\r\nLIMT 3")
        #expect(e.location == QueryLocation(line: 3, column: 1, lineText: "LIMT 3"))
    }
}
