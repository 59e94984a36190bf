import Testing
@testable import PolicyGraph

@Suite struct JSONParserTests {
    @Test func parsesValuesKeepingMemberOrderAndNumberText() throws {
        let value = try JSONParser.parse(#"{"b": [1, 2.50, -3e2], "a": {"x": null, "y": true}, "s": "q\"\u00e9\ud83d\ude00\n"}"#)
        #expect(value.objectValue?.map(\.key) == ["b", "a", "s"])
        #expect(value["b"] == .array([.number("1"), .number("2.50"), .number("-3e2")]))
        #expect(value["s"]?.stringValue == "q\"é😀\n")
        #expect(value["a"]?["y"] == .bool(true))
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9), ("[1 2]", 1, 4), ("{\n  \"a\": tru\n}", 2, 8), ("\"abc", 1, 5), ("{\"a\": 01}", 1, 8), ("", 1, 1),
    ])
    func errorsSayWhere(text: String, line: Int, column: Int) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.line == line)
            #expect(error.column == column)
        }
    }

    @Test func renderingEscapesAndParsesBack() throws {
        let value = JSONValue.object(["k\"ey": .string("a\\b\n\u{01}中"), "n": .int(3), "list": .array([.null, .bool(false)])])
        #expect(try JSONParser.parse(value.rendered()) == value)
        #expect(try JSONParser.parse(value.rendered(pretty: false)) == value)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
    }
}
