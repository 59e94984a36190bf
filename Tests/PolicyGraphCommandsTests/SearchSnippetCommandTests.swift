import Foundation
import PolicyGraph
import Testing
@testable import PolicyGraphCommands

/// `policygraph search`: snippets centred on a match found after folding, and "did you mean"
/// when nothing matches.
@Suite struct SearchSnippetCommandTests {
    func run(_ arguments: String...) -> CommandOutput {
        PolicyGraphTool.run(arguments + ["--graph", Fixtures.seedGraph])
    }

    /// The characters before and after `needle` in `excerpt`, without the ellipses.
    func sides(of needle: String, in excerpt: String) throws -> (before: Int, after: Int) {
        let range = try #require(excerpt.range(of: needle))
        return (excerpt[..<range.lowerBound].count - (excerpt.hasPrefix("…") ? 1 : 0),
                excerpt[range.upperBound...].count - (excerpt.hasSuffix("…") ? 1 : 0))
    }

    /// The query, the text written around it, and the part of that text it matches.
    @Test(arguments: [
        ("export control", "US-Export-Controls", "Export-Control"), ("us", "ＵＳ", "ＵＳ"), ("wang yi", "WANG_YI", "WANG_YI"),
        ("森特", "森特", "森特"),
    ])
    func aMatchFoundAfterFoldingIsCentred(query: String, written: String, matched: String) throws {
        let text = String(repeating: "a ", count: 40) + written + String(repeating: " b", count: 40)
        let excerpt = SearchCommand.excerpt(text, around: query)
        let (before, after) = try sides(of: matched, in: excerpt)
        #expect(abs(before - after) <= 1, "\(excerpt)")
        #expect(excerpt.hasPrefix("…") && excerpt.hasSuffix("…"))
    }

    @Test func theMatchRangeIsInTheTextAsWritten() {
        #expect(TextMatch.characterRange(of: "export control", in: "The US-Export-Controls") == 7..<21)
        #expect(TextMatch.characterRange(of: "ｕｓ", in: "x US") == 2..<4)
        #expect(TextMatch.characterRange(of: "zz", in: "abc") == nil)
    }

    @Test func noMatchOffersTheNamesShowWould() throws {
        let output = run("search", "chna")
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.first == "No node matches 'chna'.")
        #expect(lines.count == 2 && lines[1].hasPrefix("Did you mean 'china'"))
        let show = run("show", "chna")
        #expect(show.stderr.contains(String(lines[1].dropFirst(4))))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run("search", "chna", "--format", "json").stdout.utf8)) as? [String: Any])
        #expect((json["suggestions"] as? [String])?.first == "china")
        #expect((json["matches"] as? [Any])?.isEmpty == true)
    }
}
