@testable import PolicyGraph
import Testing

/// Where `JSONLocator` places values, checked against positions counted independently from the
/// text (the byte offset of a unique marker, its line and the characters before it on the line).
@Suite("JSON locator")
struct JSONLocatorTests {
    /// The 1-based line and column of the first occurrence of `marker`, counted from the text.
    static func reference(of marker: String, in text: String) throws -> JSONLocator.SourcePosition {
        let range = try #require(text.range(of: marker))
        let before = text[..<range.lowerBound]
        let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
        let last = try #require(lines.last)
        return JSONLocator.SourcePosition(line: lines.count, column: last.unicodeScalars.count + 1)
    }

    @Test func valuesOnOneLongLineHaveTheirCharacterColumns() throws {
        // One line, as JSONSerialization writes, with multi-byte characters before the values.
        var rows: [String] = []
        for i in 0..<2_000 { rows.append(#"["r\#(i)","中文é😀\#(i)"]"#) }
        let text = #"{"format":"x","nodes":{"rows":["# + rows.joined(separator: ",") + "]}}"
        let found = JSONLocator.positions(in: Array(text.utf8), maximumDepth: 3)
        for i in [0, 1, 999, 1_999] {
            #expect(found[[.key("nodes"), .key("rows"), .index(i)]] == (try Self.reference(of: #"["r\#(i)","#, in: text)))
        }
        #expect(found[[.key("format")]] == (try Self.reference(of: #""x""#, in: text)))
        // Deeper than the maximum depth: not recorded.
        #expect(found[[.key("nodes"), .key("rows"), .index(0), .index(0)]] == nil)
    }

    @Test func valuesOnLaterLinesStartTheirColumnsAgain() throws {
        let text = "\u{FEFF}{\n  \"a\": [1,\n    \"é\", \"b\"],\n\t\"c\": {\"d\": true}\n}\n"
        let found = JSONLocator.positions(in: Array(text.utf8), maximumDepth: 3)
        #expect(found[[.key("a")]] == JSONLocator.SourcePosition(line: 2, column: 8))
        #expect(found[[.key("a"), .index(1)]] == JSONLocator.SourcePosition(line: 3, column: 5))
        #expect(found[[.key("a"), .index(2)]] == JSONLocator.SourcePosition(line: 3, column: 10))
        #expect(found[[.key("c"), .key("d")]] == JSONLocator.SourcePosition(line: 4, column: 13))
    }
}
