import Foundation
import Testing
@testable import PolicyGraph

/// A neutral stance (polarity 0, such as `abstains`) is a position: in the map it has a filter
/// group of its own, apart from relations that are no stance, its own colour, and the panel
/// calls it a neutral stance. On the summit fixture: 4 `signs` + 1 `supports`, 1 `opposes`,
/// 2 `abstains`, and 10 `memberOf` + 1 `participatesIn` (counted by hand).
extension HTMLMapBrowserTests {
    @Test func neutralStancesHaveTheirOwnFilterGroupApartFromNoStance() throws {
        let page = try MapPages.make(Fixtures.path("html/summit"), name: "summit-polarity")
        let tab = try open(page, fragment: "node=ireland")
        let groups = try #require(try tab.evaluate("""
            [...document.querySelectorAll('input[data-polarity]')].map(b => [b.getAttribute('data-polarity'),
              b.parentNode.querySelector('.pg-text').textContent, b.parentNode.querySelector('.pg-count').textContent].join(' '))
            """) as? [String])
        #expect(groups == ["1 supporting 5", "-1 opposing 1", "0 neutral 2", "none no stance 11"])
        // Hiding "neutral" fades exactly the two `abstains` edges; "no stance" exactly the others.
        func faded() throws -> [String] {
            try #require(try tab.evaluate("""
                (() => { const d = \(Self.dataScript); return d.edges.map((e, i) => [d.relations[e.r].name,
                  getComputedStyle(document.querySelector('#pg-svg g.edge[data-e="' + i + '"]')).opacity])
                  .filter(p => +p[1] < 1).map(p => p[0]).sort(); })()
                """) as? [String])
        }
        try tab.click("input[data-polarity=\"0\"]")
        #expect(try faded() == ["abstains", "abstains"])
        try tab.click("input[data-polarity=\"0\"]")
        try tab.click("input[data-polarity=\"none\"]")
        #expect(try faded() == Array(repeating: "memberOf", count: 10) + ["participatesIn"])
        #expect(try tab.string("document.getElementById('pg-status').textContent") == "13 of 13 nodes, 8 of 19 edges shown")
        // The drawn `abstains` edges are in the neutral stance colour, not grey.
        let strokes = try #require(try tab.evaluate("""
            (() => { const d = \(Self.dataScript); return [...new Set(d.edges.map((e, i) => [e, i]).filter(p => d.relations[p[0].r].name === 'abstains')
              .map(p => document.querySelector('#pg-svg g.edge[data-e="' + p[1] + '"] path').getAttribute('stroke')))]; })()
            """) as? [String])
        #expect(strokes == [DOTStyle.neutralStanceColor])
        // The panel (Ireland, from the link) names the stance.
        let titles = try #require(try tab.evaluate("[...document.querySelectorAll('#pg-panel .pg-relation')].map(s => s.textContent + ': ' + s.title).sort()") as? [String])
        #expect(titles == ["abstains: neutral stance", "memberOf: no stance"])
        try tab.screenshot("summit-polarity")
        expectQuiet(tab, page)
    }
}
