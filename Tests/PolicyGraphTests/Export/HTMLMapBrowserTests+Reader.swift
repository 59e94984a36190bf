import Foundation
import Testing
@testable import PolicyGraph

/// The map as a reader without the manual meets it: on a phone, with dashed lines to explain,
/// an agreement heatmap to read, a map drawn in one language read in another, and a link that
/// should reopen the same view.
extension HTMLMapBrowserTests {
    /// A tab the size of a phone (390 × 800 CSS pixels, touch, mobile viewport).
    func openOnPhone(_ page: MapPages.Page, fragment: String = "") throws -> BrowserPage {
        let tab = try BrowserPage(try HeadlessChromium.shared.get(), width: 390, height: 800)
        try tab.send("Emulation.setDeviceMetricsOverride", ["width": 390, "height": 800, "deviceScaleFactor": 2, "mobile": true])
        try tab.send("Emulation.setTouchEmulationEnabled", ["enabled": true])
        let url = fragment.isEmpty ? page.url : URL(string: page.url.absoluteString + "#" + fragment) ?? page.url
        try tab.open(url)
        return tab
    }

    /// The screen rectangle of the first element `selector` matches: [left, top, right, bottom].
    func rect(_ selector: String, in tab: BrowserPage) throws -> [Double] {
        try #require(try tab.evaluate("""
            (() => { const r = document.querySelector(\(try BrowserPage.quoted(selector))).getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })()
            """) as? [Double])
    }

    @Test func onAPhoneTheMapComesFirstAndNothingIsWiderThanTheScreen() throws {
        let page = try MapPages.make(Fixtures.seedGraph, name: "seed-phone")
        let tab = try openOnPhone(page, fragment: "node=us")
        let width = try #require(try tab.evaluate("window.innerWidth") as? Int)
        #expect(width == 390)
        #expect(try tab.evaluate("document.documentElement.scrollWidth") as? Int == width)
        let map = try rect("#pg-viewport", in: tab)
        #expect(map[2] - map[0] >= 380 && map[3] - map[1] >= 300)
        #expect(map[1] < 200)
        for control in ["#pg-zoom-in", "#pg-zoom-out", "#pg-fit", "#pg-tab-map", "#pg-tab-agreement", "#pg-lang button[data-lang=both]"] {
            let r = try rect(control, in: tab)
            #expect(r[0] >= 0 && r[2] <= Double(width) && r[1] >= 0 && r[3] <= 800, "\(control) at \(r)")
        }
        // The panel and the legend follow the map, at the screen's width.
        let panel = try rect("#pg-panel", in: tab)
        #expect(panel[1] >= map[3] - 1 && panel[2] <= Double(width))
        // The zoom buttons work by touch as by mouse.
        let transform = "document.getElementById('pg-canvas').style.transform"
        let before = try tab.string(transform)
        try tab.click("#pg-zoom-in")
        #expect(try tab.string(transform) != before)
        try tab.screenshot("seed-phone")
        expectQuiet(tab, page)
    }

    @Test func theLegendSaysWhatPaleDashedLinesMean() throws {
        let page = try MapPages.make(Fixtures.seedGraph, name: "seed-lines")
        let tab = try open(page)
        let inferred = page.view.edges.filter { $0.attributes["evidence"] == "inferred" }.count
        let direct = page.view.edges.filter { ["stated", "reported"].contains($0.attributes["evidence"]) }.count
        #expect(inferred > 0)
        #expect(try tab.string("document.querySelector('#pg-lines [data-evidence=\"pg-dashed pg-pale\"]').textContent")
                == "pale and dashed: inferred (a reading, not the holder\u{2019}s words)\(inferred)")
        #expect(try tab.string("document.querySelector('#pg-lines [data-evidence=\"pg-solid\"] .pg-count').textContent") == "\(direct)")
        // The sample line is drawn as the drawing draws an inferred edge: dashed and pale.
        #expect(try tab.string("getComputedStyle(document.querySelector('#pg-lines .pg-pale')).borderTopStyle") == "dashed")
        #expect(try tab.string("getComputedStyle(document.querySelector('#pg-lines .pg-pale')).opacity") == "0.5")
        expectQuiet(tab, page)
    }

    @Test func theHeatmapHasAKeyLeavesPairsWithNothingSharedBlankAndFollowsTheLanguage() throws {
        let page = try MapPages.make(Fixtures.seedGraph, name: "seed-agreement-key")
        let tab = try open(page)
        try tab.click("#pg-tab-agreement")
        #expect(try tab.evaluate("document.querySelectorAll('#pg-agreement ul.pg-measures li').length") as? Int == 5)
        #expect(try tab.string("document.querySelector('#pg-agreement li.pg-chosen').textContent")?.hasPrefix("sScore: ") == true)
        #expect(try tab.string("document.querySelector('#pg-agreement .pg-key').textContent")?.contains("no shared positions") == true)
        // Every pair: blank exactly when the two share no target, whatever the measure.
        let ids = try #require(try tab.evaluate("(() => { const d = \(Self.dataScript); return d.agreement.actors.map(i => d.nodes[i].id); })()") as? [String])
        var blank = 0
        for measure in ["sScore", "jaccard", "kappa"] {
            try tab.evaluate("(() => { const s = document.querySelector('#pg-agreement select'); s.value = '\(measure)'; s.dispatchEvent(new Event('change')); })()")
            for (i, first) in ids.enumerated() {
                for (j, second) in ids.enumerated() where i < j {
                    let overlap = try page.view.overlap(between: NodeID(first), and: NodeID(second))
                    let none = overlap.agree.isEmpty && overlap.conflict.isEmpty && overlap.halfway.isEmpty
                    let fill = try tab.string("document.querySelector('#pg-agreement rect.pg-cell[data-i=\"\(i)\"][data-j=\"\(j)\"]').getAttribute('fill')")
                    #expect((fill == "#ffffff") == none, "\(first)–\(second) by \(measure): \(fill ?? "-")")
                    if none { blank += 1 }
                }
            }
        }
        #expect(blank > 0)
        // No wide empty band above the grid: it starts just below the longest column name.
        let gap = try #require(try tab.evaluate("""
            (() => { const texts = [...document.querySelectorAll('#pg-agreement svg text')];
              const top = Math.min(...texts.map(t => t.getBoundingClientRect().top));
              const grid = document.querySelector('#pg-agreement rect.pg-cell').getBoundingClientRect().top;
              const longest = Math.max(...texts.map(t => t.getComputedTextLength()));
              return [top, grid, longest]; })()
            """) as? [Double])
        #expect(gap[1] - gap[0] < gap[2] + 20)
        // The names follow the language switch.
        try tab.click("#pg-lang button[data-lang=zh]")
        let names = try #require(try tab.evaluate("[...document.querySelectorAll('#pg-agreement svg text')].map(t => t.textContent)") as? [String])
        let chinese = try ids.map { id in try #require(page.view.node(NodeID(id))).chineseLabel ?? "" }
        #expect(Set(names) == Set(chinese.filter { !$0.isEmpty }))
        expectQuiet(tab, page)
    }

    @Test func aMapDrawnInChineseStaysReadableInEnglish() throws {
        let page = try MapPages.make(Fixtures.seedGraph, name: "seed-zh-to-en", options: DOTOptions(language: .chinese, clusters: true))
        let tab = try open(page)
        // The page's own words are Chinese with the labels.
        #expect(try tab.string("document.querySelector('#pg-side > summary').textContent") == "图例与筛选")
        #expect(try tab.string("document.documentElement.lang") == "zh-Hans")
        #expect(try tab.string("document.getElementById('pg-status').textContent") == "显示 \(page.view.nodeCount)/\(page.view.nodeCount) 个节点、\(page.view.edgeCount)/\(page.view.edgeCount) 条边")
        try tab.evaluate("window.__sizes = [...document.querySelectorAll('#pg-svg g.node')].map(g => +g.querySelector('text').getAttribute('font-size'))")
        try tab.click("#pg-lang button[data-lang=en]")
        #expect(try tab.string("document.querySelector('#pg-side > summary').textContent") == "Legend and filters")
        #expect(try tab.string("document.getElementById('pg-status').textContent")
                == "\(page.view.nodeCount) of \(page.view.nodeCount) nodes, \(page.view.edgeCount) of \(page.view.edgeCount) edges shown")
        // No label is shrunk below 70 % of its drawn size, and none is wider than its shape.
        let worst = try #require(try tab.evaluate("""
            (() => { let small = 0, wide = 0, cut = 0, titled = 0;
              document.querySelectorAll('#pg-svg g.node').forEach((g, k) => {
                const shape = g.querySelector('polygon, ellipse, path'); if (!shape) return;
                const room = shape.getBBox().width;
                g.querySelectorAll('text').forEach(t => {
                  if (+t.getAttribute('font-size') < window.__sizes[k] * 0.7 - 0.01) small++;
                  if (t.getComputedTextLength() > room + 0.5) wide++;
                  if (t.textContent.endsWith('\\u2026')) cut++;
                });
                if (g.querySelector('title.pg-full')) titled++;
              });
              return [small, wide, cut, titled]; })()
            """) as? [Int])
        #expect(worst[0] == 0 && worst[1] == 0, "\(worst)")
        // A label cut short keeps its whole text in the shape's tooltip.
        #expect(worst[2] > 0 && worst[3] > 0)
        try tab.screenshot("seed-zh-to-en")
        expectQuiet(tab, page)
    }

    @Test func theLinkKeepsLanguageFiltersAndNodeAndBackReturns() throws {
        let page = try MapPages.make(Fixtures.seedGraph, name: "seed-link-state")
        let tab = try open(page)
        try tab.click("#pg-lang button[data-lang=zh]")
        try tab.click("#pg-filters input[data-kind=\"\(try #require(try tab.evaluate("\(Self.dataScript).kinds.findIndex(k => k.name === 'topic')") as? Int))\"]")
        try tab.evaluate("location.hash = '#node=us&lang=zh&hide=topic'")
        try tab.waitUntil("document.querySelector('#pg-panel [data-field=id]') !== null")
        #expect(try tab.string(Self.selectedID) == "us")
        // Choosing a neighbour writes the whole view, in a new history entry.
        try tab.click("#pg-panel button[data-n]")
        let second = try #require(try tab.string(Self.selectedID))
        #expect(second != "us")
        #expect(try tab.string("location.hash") == "#node=\(second)&lang=zh&hide=topic")
        try tab.evaluate("history.back()")
        try tab.waitUntil("document.querySelector('#pg-panel [data-field=id]').textContent === 'us'")
        #expect(try tab.string(Self.selectedID) == "us")
        // The same link in a new tab opens the same view.
        let copy = try open(page, fragment: "node=\(second)&lang=zh&hide=topic")
        #expect(try copy.string(Self.selectedID) == second)
        #expect(try copy.string("document.querySelector('#pg-lang button[aria-pressed=true]').dataset.lang") == "zh")
        #expect(try copy.evaluate("[...document.querySelectorAll('#pg-filters input:not(:checked)')].map(b => b.dataset.kind)") as? [String]
                == [try #require(try copy.evaluate("String(\(Self.dataScript).kinds.findIndex(k => k.name === 'topic'))") as? String)])
        // A node this map does not hold is said so; the old panel does not stay.
        try copy.evaluate("location.hash = '#node=atlantis'")
        try copy.waitUntil("document.getElementById('pg-notice') !== null")
        #expect(try copy.string("document.getElementById('pg-notice').textContent")?.contains("atlantis") == true)
        #expect(try copy.evaluate("document.querySelector('#pg-panel [data-field=id]') === null") as? Bool == true)
        #expect(try copy.evaluate("document.querySelector('#pg-svg g.node.pg-selected') === null") as? Bool == true)
        expectQuiet(tab, page)
        expectQuiet(copy, page)
    }

    @Test func searchInEnglishShowsTheChineseLabelThatMatched() throws {
        let page = try MapPages.make(Fixtures.seedGraph, name: "seed-search-zh")
        let tab = try open(page)
        try tab.click("#pg-search")
        try tab.type("森特")
        let node = try #require(page.view.node("seth-center"))
        #expect(try tab.string("document.querySelector('#pg-results button[data-n]').textContent")
                == "\(node.label) · \(node.chineseLabel ?? "") · seth-center · \(node.kind.rawValue)")
        expectQuiet(tab, page)
    }
}
