import Foundation
import PolicyGraph
import Testing

/// `DOT.quote`, `DOT.quoteLabel`, `DOT.wrap` and the stable hash, against hand-written DOT.
@Suite struct DOTQuoteTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        let quoted: String
        let why: String
        var testDescription: String { why }
    }

    // Expected values written by hand from the DOT language and escString rules.
    static let cases: [Case] = [
        Case(text: "plain", quoted: #""plain""#, why: "plain text is only wrapped in quotes"),
        Case(text: #"say "hi""#, quoted: #""say \"hi\"""#, why: "a quote is escaped, so it cannot end the string"),
        Case(text: #"C:\dir"#, quoted: #""C:\\dir""#, why: "a backslash is doubled, so it is never an escape"),
        Case(text: #"one\ntwo"#, quoted: #""one\\ntwo""#, why: "a literal backslash-n stays backslash-n"),
        Case(text: "one\ntwo", quoted: #""one\ntwo""#, why: "a real line break becomes the \\n escape"),
        Case(text: "one\r\ntwo", quoted: #""one\ntwo""#, why: "CR LF is one line break"),
        Case(text: "one\rtwo\u{2028}three", quoted: #""one\ntwo\nthree""#, why: "CR and U+2028 are line breaks"),
        Case(text: #"ends\"#, quoted: #""ends\\""#, why: "a trailing backslash cannot escape the closing quote"),
        Case(text: #"a\"b"#, quoted: #""a\\\"b""#, why: "backslash-quote in the text stays text"),
        Case(text: #"\N \G \E \T \H \L \l \r"#, quoted: #""\\N \\G \\E \\T \\H \\L \\l \\r""#, why: "escString escapes stay literal"),
        Case(text: "bell\u{7} del\u{7F} tab\t", quoted: "\"bell\u{2407} del\u{2421} tab\t\"", why: "control characters become control pictures, tab stays"),
        Case(text: "node", quoted: #""node""#, why: "a keyword is an id once quoted"),
        Case(text: "中文 🤖 שלום", quoted: "\"中文 🤖 שלום\"", why: "non-ASCII text passes through"),
        Case(text: "", quoted: #""""#, why: "the empty string is two quotes"),
        Case(text: "A&amp;B", quoted: #""A&amp;B""#, why: "quote leaves ampersands to labels"),
    ]

    @Test(arguments: cases)
    func quoteWritesTheDOTString(_ c: Case) {
        #expect(DOT.quote(c.text) == c.quoted)
    }

    @Test func quoteLabelKeepsEntitiesLiteral() {
        #expect(DOT.quoteLabel("AT&T &amp; &#65;") == #""AT&amp;T &amp;amp; &amp;#65;""#)
        #expect(DOT.quoteLabel("a\"b\\c\nd") == #""a\"b\\c\nd""#)
    }

    /// A quoted string is one DOT token: it opens and closes with a quote, holds no line break,
    /// and every quote inside it is escaped (preceded by an odd run of backslashes).
    @Test func noTextEndsTheStringEarly() {
        var random = DOTRandom(seed: 7)
        for _ in 0..<2000 {
            let text = random.hostileText(maxFragments: 12)
            for quoted in [DOT.quote(text), DOT.quoteLabel(text)] {
                let scalars = Array(quoted.unicodeScalars)
                #expect(scalars.first == "\"" && scalars.last == "\"" && scalars.count >= 2)
                #expect(!scalars.contains("\n") && !scalars.contains("\r"))
                var backslashes = 0
                for (i, s) in scalars.enumerated() where i > 0 && i < scalars.count - 1 {
                    if s == "\"" { #expect(backslashes % 2 == 1, "unescaped quote in \(quoted)") }
                    backslashes = s == "\\" ? backslashes + 1 : 0
                }
                #expect(backslashes % 2 == 0, "the closing quote of \(quoted) is escaped")
            }
        }
    }

    @Test func wrapBreaksAtSpacesToTheWidth() {
        #expect(DOT.wrap("US National Security Council", width: 12) == "US National\nSecurity\nCouncil")
        #expect(DOT.wrap("short", width: 12) == "short")
        #expect(DOT.wrap("supercalifragilistic word", width: 5) == "supercalifragilistic\nword")
        #expect(DOT.wrap("first line here\nsecond", width: 10) == "first line\nhere\nsecond")
    }

    @Test func wrapOnlyReplacesSpaces() {
        var random = DOTRandom(seed: 11)
        let words = ["a", "bb", "ccc", "dddd", "eeeeeeeeee", "中文", ""]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 1...12, using: &random)).map { _ in words.randomElement(using: &random) ?? "" }.joined(separator: " ")
            let width = Int.random(in: 1...15, using: &random)
            let wrapped = DOT.wrap(text, width: width)
            #expect(wrapped.replacingOccurrences(of: "\n", with: " ") == text)
            // A line only overflows where it has no space to break at (leading spaces excepted).
            for line in wrapped.split(separator: "\n") where line.count > width {
                #expect(!line.drop { $0 == " " }.contains(" "), "\(line) could break")
            }
        }
    }

    @Test func fnv1a64MatchesTheReferenceVectors() {
        // Test vectors of the FNV specification (http://www.isthe.com/chongo/tech/comp/fnv/).
        #expect(DOT.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(DOT.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(DOT.fnv1a64("foobar") == 0x8594_4171_f739_67e8)
    }
}
