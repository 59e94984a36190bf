import Foundation
import Testing
@testable import PolicyGraph
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct HeatmapSVGTests {
    let matrix = OverlapMatrix(actors: ["a", "b", "c"], measure: .signed, values: [
        [1, -0.5, nil],
        [-0.5, 1, 0.25],
        [nil, 0.25, nil],
    ])

    /// Whether `text` is well-formed XML, by the platform's parser.
    func isWellFormedXML(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }

    @Test func labelsAreEscapedAndTheDocumentIsWellFormed() {
        let svg = HeatmapSVG.render(matrix, labels: ["a": "A & <Co> \"quoted\" 'x'", "b": "美国"], title: "signed <test>")
        #expect(isWellFormedXML(svg))
        #expect(svg.contains("A &amp; &lt;Co&gt; &quot;quoted&quot; &apos;x&apos;"))
        #expect(svg.contains("signed &lt;test&gt;"))
        #expect(svg.contains(">美国</text>"))
        #expect(!svg.contains("<Co>"))
    }

    @Test func everyCellShowsItsValueAndUndefinedCellsAreGreyDashes() {
        let svg = HeatmapSVG.render(matrix)
        let lines = svg.split(separator: "\n").map(String.init)
        // Value texts are the only texts without a font size or an anchor of their own.
        let values = lines.filter { $0.hasPrefix("<text x=") && !$0.contains("font-size") && !$0.contains("text-anchor") }
        func count(_ text: String) -> Int { values.filter { $0.hasSuffix(">\(text)</text>") }.count }
        #expect(values.count == 9)
        #expect(svg.components(separatedBy: "<title>").count - 1 == 9)
        #expect(count("-0.50") == 2)
        #expect(count("0.25") == 2)
        #expect(count("1.00") == 2)
        #expect(count("–") == 3)
        #expect(svg.components(separatedBy: "fill=\"#d9d9d9\"").count - 1 == 3 + 1)
        #expect(svg.contains("<title>a – c: undefined</title>"))
        #expect(svg.contains("<title>a – b: -0.500</title>"))
        // The legend: the measure's name, its range and the grey of undefined cells.
        #expect(svg.contains(">signed</text>") && svg.contains(">-1.00</text>") && svg.contains(">undefined</text>"))
    }

    @Test func coloursRunFromRedThroughWhiteToBlue() {
        #expect(HeatmapSVG.colour(1, measure: .signed) == "#2166ac")
        #expect(HeatmapSVG.colour(-1, measure: .kappa) == "#b2182b")
        #expect(HeatmapSVG.colour(0, measure: .sScore) == "#f7f7f7")
        // jaccard has no negative half: 0 is white, 1 blue.
        #expect(HeatmapSVG.colour(0, measure: .jaccard) == "#f7f7f7")
        #expect(HeatmapSVG.colour(1, measure: .jaccard) == "#2166ac")
    }

    @Test func controlCharactersInLabelsDoNotBreakTheXML() {
        let svg = HeatmapSVG.render(matrix, labels: ["a": "bell\u{07}tab\tend"])
        #expect(isWellFormedXML(svg))
    }

    @Test func anEmptyMatrixIsStillAPicture() {
        let svg = HeatmapSVG.render(OverlapMatrix(actors: [], measure: .jaccard, values: []))
        #expect(isWellFormedXML(svg))
    }

    @Test func fixedDecimalsHaveNoNegativeZero() {
        #expect(HeatmapSVG.fixed(-0.0001, digits: 2) == "0.00")
        #expect(HeatmapSVG.fixed(-0.125, digits: 2) == "-0.13")
        #expect(HeatmapSVG.fixed(2.0 / 3, digits: 3) == "0.667")
        #expect(HeatmapSVG.fixed(1, digits: 2) == "1.00")
    }
}
