import Foundation
import Testing
@testable import PolicyGraph

/// The HTML map opened in headless Chromium and used as a person would: typing, clicking,
/// pressing keys, following a link. Each test also checks that the page logged no error (a CSP
/// violation is one) and requested nothing but its own file. Screenshots and the pages go to
/// `.build/browser-tests/`.
@Suite("HTML map in headless Chromium", .serialized,
       .enabled(if: HeadlessChromium.isAvailable, "Chromium or Graphviz is not installed here; apt-get install chromium graphviz (CI does)"))
struct HTMLMapBrowserTests {
    static let dataScript = "JSON.parse(document.getElementById('pg-data').textContent)"
    static let selectedID = """
        (() => { const g = document.querySelector('#pg-svg g.node.pg-selected');
          return g ? \(dataScript).nodes[+g.getAttribute('data-n')].id : null; })()
        """

    func open(_ page: MapPages.Page, fragment: String = "") throws -> BrowserPage {
        let tab = try BrowserPage(try HeadlessChromium.shared.get())
        let url = fragment.isEmpty ? page.url : URL(string: page.url.absoluteString + "#" + fragment) ?? page.url
        try tab.open(url)
        return tab
    }

    /// No console error, exception or CSP report; no request but the page's own file.
    func expectQuiet(_ tab: BrowserPage, _ page: MapPages.Page) {
        #expect(tab.errors == [])
        let others = tab.requests.filter { URL(string: $0)?.path != page.url.path || URL(string: $0)?.scheme != "file" }
        #expect(others == [])
    }

    /// The centre of a node's drawing on screen.
    func centre(of id: NodeID, in tab: BrowserPage) throws -> (x: Double, y: Double) {
        let box = try tab.evaluate("""
            (() => { const i = \(Self.dataScript).nodes.findIndex(n => n.id === \(try BrowserPage.quoted(id.rawValue)));
              const r = document.querySelector('#pg-svg g.node[data-n="' + i + '"] polygon, #pg-svg g.node[data-n="' + i + '"] ellipse, #pg-svg g.node[data-n="' + i + '"] path').getBoundingClientRect();
              return [r.left + r.width / 2, r.top + r.height / 2]; })()
            """) as? [Double]
        let point = try #require(box)
        return (point[0], point[1])
    }

    /// The checks of `expectQuiet` can fail: on a page that logs an error, throws, and fetches
    /// from another host, the driver sees all three.
    @Test func driverSeesConsoleErrorsExceptionsAndRequests() throws {
        let url = HeadlessChromium.artefacts.appendingPathComponent("noisy.html")
        try Data("""
            <!DOCTYPE html><img src="http://127.0.0.1:9/pixel.png"><script>
            console.error('boom'); document.documentElement.setAttribute('data-ready', 'true'); setTimeout(() => { throw new Error('bang'); });
            </script>
            """.utf8).write(to: url)
        let tab = try BrowserPage(try HeadlessChromium.shared.get())
        try tab.open(url)
        try tab.waitUntil("new Promise(done => setTimeout(() => done(true), 50))")
        #expect(tab.errors.contains { $0.contains("boom") })
        #expect(tab.errors.contains { $0.contains("bang") })
        #expect(tab.requests.contains("http://127.0.0.1:9/pixel.png"))
    }

    @Test func typingInSearchSelectsAndCentresTheNode() throws {
        let page = try MapPages.make(Fixtures.seedGraph, name: "seed-search")
        let tab = try open(page)
        try tab.click("#pg-search")
        try tab.type("Seth Cen")
        #expect(try tab.evaluate("document.querySelectorAll('#pg-svg g.node.pg-match').length") as? Int == 1)
        try tab.press("Enter")
        #expect(try tab.string(Self.selectedID) == "seth-center")
        #expect(try tab.string("document.querySelector('#pg-panel h2').textContent") == "Seth Center")
        #expect(try tab.string("location.hash") == "#node=seth-center")
        // Centred: the node's middle is in the middle of the drawing area, give or take a pixel.
        let node = try centre(of: "seth-center", in: tab)
        let middle = try #require(try tab.evaluate("""
            (() => { const r = document.getElementById('pg-viewport').getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()
            """) as? [Double])
        #expect(abs(node.x - middle[0]) < 2 && abs(node.y - middle[1]) < 2)
        // Search also reads the Chinese labels.
        try tab.evaluate("document.getElementById('pg-search').value = ''")
        try tab.click("#pg-search")
        try tab.type("森特")
        try tab.press("Enter")
        #expect(try tab.string(Self.selectedID) == "seth-center")
        try tab.screenshot("seed-search")
        expectQuiet(tab, page)
    }

    @Test func relationFilterFadesExactlyItsEdges() throws {
        let page = try MapPages.make(Fixtures.seedGraph, name: "seed-filter")
        let tab = try open(page)
        try tab.click("input[data-relation=\"supports\"]")
        let faded = try #require(try tab.evaluate("""
            (() => { const d = \(Self.dataScript); return d.edges.map((e, i) => [d.relations[e.r].name,
              getComputedStyle(document.querySelector('#pg-svg g.edge[data-e="' + i + '"]')).opacity]); })()
            """) as? [[Any]])
        let supports = page.view.edges.filter { $0.relation == .supports }.count
        #expect(supports > 0)
        #expect(faded.count == page.view.edgeCount)
        for row in faded {
            let relation = row[0] as? String, opacity = Double(row[1] as? String ?? "") ?? -1
            #expect(relation == "supports" ? opacity < 0.2 : opacity == 1, "\(relation ?? "?") has opacity \(opacity)")
        }
        #expect(try tab.string("document.getElementById('pg-status').textContent")
                == "\(page.view.nodeCount) of \(page.view.nodeCount) nodes, \(page.view.edgeCount - supports) of \(page.view.edgeCount) edges shown")
        // Hiding a kind hides its nodes and every edge that touches them.
        try tab.click("input[data-relation=\"supports\"]")
        try tab.click("input[data-polarity=\"-1\"]")
        let opposes = page.view.edges.filter { page.view.schema.polarity(of: $0.relation) < 0 }.count
        #expect(try tab.string("document.getElementById('pg-status').textContent")
                == "\(page.view.nodeCount) of \(page.view.nodeCount) nodes, \(page.view.edgeCount - opposes) of \(page.view.edgeCount) edges shown")
        try tab.screenshot("seed-filter")
        expectQuiet(tab, page)
    }

    @Test func clickingANodeListsItsEdgesWithTheirCitations() throws {
        let page = try MapPages.make(Fixtures.seedGraph, name: "us-delegation-click", focus: "us-delegation")
        let tab = try open(page)
        let point = try centre(of: "seth-center", in: tab)
        try tab.click(x: point.x, y: point.y)
        #expect(try tab.string(Self.selectedID) == "seth-center")
        #expect(try tab.string("document.querySelector('#pg-panel [data-field=label_zh]').textContent") == "森特")
        let cites = try #require(try tab.evaluate("[...document.querySelectorAll('#pg-panel .pg-cite')].map(e => e.textContent)") as? [String])
        let expected = (page.view.edges(from: "seth-center") + page.view.edges(to: "seth-center")).compactMap(\.cite)
        #expect(!expected.isEmpty)
        #expect(cites.sorted() == expected.sorted())
        // A neighbour in the panel is a link to its own panel.
        try tab.click("#pg-panel .pg-out button[data-n]")
        #expect(try tab.string(Self.selectedID) != "seth-center")
        #expect(try tab.string("location.hash")?.hasPrefix("#node=") == true)
        try tab.screenshot("us-delegation-click")
        expectQuiet(tab, page)
    }

    @Test func pointingAtAnEdgeShowsItsCitation() throws {
        let page = try MapPages.make(Fixtures.seedGraph, name: "us-delegation-edge", focus: "us-delegation")
        let tab = try open(page)
        let edges = DOTRenderer.sorted(page.view.edges)
        let index = try #require(edges.firstIndex { $0.cite != nil && $0.from == "seth-center" })
        let point = try #require(try tab.evaluate("""
            (() => { const p = document.querySelector('#pg-svg g.edge[data-e="\(index)"] path');
              const q = p.getPointAtLength(p.getTotalLength() / 2).matrixTransform(p.getScreenCTM()); return [q.x, q.y]; })()
            """) as? [Double])
        try tab.moveMouse(x: point[0], y: point[1])
        #expect(try tab.evaluate("document.getElementById('pg-tip').hidden") as? Bool == false)
        #expect(try tab.string("document.querySelector('#pg-tip .pg-cite').textContent") == edges[index].cite)
        try tab.click(x: point[0], y: point[1])
        #expect(try tab.evaluate("document.getElementById('pg-tip').classList.contains('pg-pinned')") as? Bool == true)
        try tab.screenshot("us-delegation-edge")
        expectQuiet(tab, page)
    }

    @Test func languageSwitchRelabelsWithoutReloading() throws {
        let page = try MapPages.make(Fixtures.seedGraph, name: "seed-language", focus: "us-delegation")
        let tab = try open(page, fragment: "node=us-delegation")
        try tab.evaluate("window.__sameDocument = true")
        func drawn(_ id: NodeID) throws -> String? {
            try tab.string("""
                (() => { const i = \(Self.dataScript).nodes.findIndex(n => n.id === \(try BrowserPage.quoted(id.rawValue)));
                  return [...document.querySelectorAll('#pg-svg g.node[data-n="' + i + '"] text')].map(t => t.textContent).join('\\n'); })()
                """)
        }
        #expect(try drawn("us") == "United States")
        try tab.click("#pg-lang button[data-lang=zh]")
        #expect(try drawn("us") == "美国")
        #expect(try tab.string("document.querySelector('#pg-panel h2').textContent") == page.view.node("us-delegation")?.chineseLabel)
        try tab.click("#pg-lang button[data-lang=both]")
        #expect(try drawn("us") == "United States\n美国")
        try tab.screenshot("seed-language")
        try tab.click("#pg-lang button[data-lang=en]")
        #expect(try drawn("us") == "United States")
        #expect(try tab.evaluate("window.__sameDocument") as? Bool == true)
        expectQuiet(tab, page)
    }

    /// The country boxes of `--cluster` follow the language switch too: each box first reads as
    /// Graphviz drew it (its country's English label), then in Chinese, in both (on the one line
    /// the layout made room for), and in English again, starting where the layout's label started.
    @Test func languageSwitchRelabelsTheCountryBoxes() throws {
        let page = try MapPages.make(Fixtures.seedGraph, name: "seed-boxes")
        let tab = try open(page)
        let anchors = DOTClusters(view: page.view.nodes.sorted { $0.id < $1.id }, context: page.graph, options: DOTOptions(clusters: true))
            .clusters.map(\.anchor)
        #expect(anchors.contains("china") && anchors.contains("us"))
        func boxes() throws -> [String] {
            try #require(try tab.evaluate("""
                [...document.querySelectorAll('#pg-svg g.cluster[data-c]')].sort((a, b) => a.getAttribute('data-c') - b.getAttribute('data-c'))
                  .map(g => [...g.querySelectorAll('text')].map(t => t.textContent).join('\\n'))
                """) as? [String])
        }
        func lefts() throws -> [Double] {
            try #require(try tab.evaluate("[...document.querySelectorAll('#pg-svg g.cluster[data-c] text:first-of-type')].map(t => t.getBBox().x)") as? [Double])
        }
        func labels(_ pick: (Node) -> String) throws -> [String] {
            try anchors.map { pick(try #require(page.graph.node($0))) }
        }
        let drawnLefts = try lefts()
        #expect(try boxes() == labels(\.label))
        try tab.click("#pg-lang button[data-lang=zh]")
        #expect(try boxes() == labels { ($0.chineseLabel ?? "").isEmpty ? $0.label : $0.chineseLabel ?? "" })
        #expect(try boxes().contains("美国") && boxes().contains("中国"))
        try tab.click("#pg-lang button[data-lang=both]")
        #expect(try boxes() == labels { node in
            guard let chinese = node.chineseLabel, !chinese.isEmpty, chinese != node.label else { return node.label }
            return node.label + " · " + chinese
        })
        try tab.screenshot("seed-boxes")
        try tab.click("#pg-lang button[data-lang=en]")
        #expect(try boxes() == labels(\.label))
        for (left, drawn) in zip(try lefts(), drawnLefts) { #expect(abs(left - drawn) < 0.5) }
        expectQuiet(tab, page)
    }

    @Test func nodeLinkOpensThatNodeAndFollowsHashChanges() throws {
        let page = try MapPages.make(Fixtures.seedGraph, name: "seed-link")
        let tab = try open(page, fragment: "node=seth-center")
        #expect(try tab.string(Self.selectedID) == "seth-center")
        #expect(try tab.evaluate("document.getElementById('pg-panel').hidden") as? Bool == false)
        try tab.evaluate("location.hash = '#node=china'")
        try tab.waitUntil("document.querySelector('#pg-panel [data-field=id]').textContent === 'china'")
        #expect(try tab.string(Self.selectedID) == "china")
        try tab.press("Escape")
        #expect(try tab.evaluate("document.getElementById('pg-panel').hidden") as? Bool == true)
        #expect(try tab.string("location.hash") == "")
        expectQuiet(tab, page)
    }

    @Test func panAndZoomByKeyboardWheelAndDrag() throws {
        let page = try MapPages.make(Fixtures.seedGraph, name: "seed-zoom")
        let tab = try open(page)
        let transform = "document.getElementById('pg-canvas').style.transform"
        let fitted = try tab.string(transform)
        try tab.click("#pg-viewport")
        try tab.press("+")
        let zoomed = try tab.string(transform)
        #expect(zoomed != fitted)
        try tab.press("ArrowLeft")
        #expect(try tab.string(transform) != zoomed)
        try tab.press("0")
        #expect(try tab.string(transform) == fitted)
        try tab.send("Input.dispatchMouseEvent", ["type": "mouseWheel", "x": 600, "y": 400, "deltaX": 0, "deltaY": -300])
        try tab.waitUntil("\(transform) !== \(try BrowserPage.quoted(fitted ?? ""))")
        try tab.click("#pg-fit")
        #expect(try tab.string(transform) == fitted)
        try tab.send("Input.dispatchMouseEvent", ["type": "mousePressed", "x": 700, "y": 400, "button": "left", "buttons": 1, "clickCount": 1])
        try tab.send("Input.dispatchMouseEvent", ["type": "mouseMoved", "x": 760, "y": 430, "button": "left", "buttons": 1])
        try tab.send("Input.dispatchMouseEvent", ["type": "mouseReleased", "x": 760, "y": 430, "button": "left", "buttons": 0, "clickCount": 1])
        #expect(try tab.string(transform) != fitted)
        expectQuiet(tab, page)
    }

    @Test func agreementTabShowsEveryPairOnHover() throws {
        let page = try MapPages.make(Fixtures.seedGraph, name: "seed-agreement")
        let tab = try open(page)
        try tab.click("#pg-tab-agreement")
        let actors = try #require(try tab.evaluate("\(Self.dataScript).agreement.actors.length") as? Int)
        #expect(actors >= 2)
        #expect(try tab.evaluate("document.querySelectorAll('#pg-agreement rect.pg-cell').length") as? Int == actors * actors)
        let cell = try #require(try tab.evaluate("""
            (() => { const r = document.querySelector('#pg-agreement rect.pg-cell[data-i="0"][data-j="1"]').getBoundingClientRect();
              return [r.left + r.width / 2, r.top + r.height / 2]; })()
            """) as? [Double])
        try tab.moveMouse(x: cell[0], y: cell[1])
        let text = try #require(try tab.string("document.getElementById('pg-tip').textContent"))
        // The counts the page shows are the library's overlap of the same two actors.
        let ids = try #require(try tab.evaluate("(() => { const d = \(Self.dataScript); return d.agreement.actors.slice(0, 2).map(i => d.nodes[i].id); })()") as? [String])
        let overlap = try page.view.overlap(between: NodeID(ids[0]), and: NodeID(ids[1]))
        #expect(text.contains("agree \(overlap.agree.count), conflict \(overlap.conflict.count)"))
        try tab.screenshot("seed-agreement")
        expectQuiet(tab, page)
    }

    @Test func hostileLabelsStayTextAndShowVerbatim() throws {
        let page = try MapPages.make(Fixtures.path("html/adversarial"), name: "adversarial",
                                     options: DOTOptions(language: .both, clusters: true))
        let tab = try open(page)
        for lang in ["zh", "en", "both"] { try tab.click("#pg-lang button[data-lang=\(lang)]") }
        for node in page.view.nodes.sorted(by: { $0.id < $1.id }) {
            try tab.evaluate("location.hash = '#node=' + encodeURIComponent(\(try BrowserPage.quoted(node.id.rawValue)))")
            try tab.waitUntil("document.querySelector('#pg-panel [data-field=id]')?.textContent === \(try BrowserPage.quoted(node.id.rawValue))")
            #expect(try tab.string("document.querySelector('#pg-panel [data-field=label]').textContent") == node.label)
            #expect(try tab.string("document.querySelector('#pg-panel [data-field=label_zh]').textContent") == node.chineseLabel ?? "")
            let cites = try #require(try tab.evaluate("[...document.querySelectorAll('#pg-panel .pg-cite')].map(e => e.textContent)") as? [String])
            let expected = (page.view.edges(from: node.id) + page.view.edges(to: node.id)).compactMap(\.cite).filter { !$0.isEmpty }
            #expect(cites.sorted() == expected.sorted(), "cites of \(node.id)")
        }
        try tab.click("#pg-search")
        try tab.type("</script>")
        #expect(try tab.evaluate("document.querySelectorAll('#pg-svg g.node.pg-match').length") as? Int ?? 0 >= 1)
        // Nothing ran, and nothing became markup: only the page's two scripts, no element from a label.
        #expect(try tab.evaluate("typeof window.__pwned") as? String == "undefined")
        #expect(try tab.evaluate("document.scripts.length") as? Int == 2)
        #expect(try tab.evaluate("document.querySelectorAll('img, iframe, object, embed, foreignObject, b, a').length") as? Int == 0)
        #expect(try tab.evaluate("[...document.querySelectorAll('*')].some(e => [...e.attributes].some(a => a.name.startsWith('on')))") as? Bool == false)
        try tab.screenshot("adversarial")
        expectQuiet(tab, page)
    }

    @Test func committedViewsOpenAndDrawEveryNode() throws {
        let folder = Fixtures.root.appendingPathComponent("graph/views")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html") }.sorted()
        #expect(!names.isEmpty)
        let graph = try GraphLoader.load(folder: Fixtures.seedGraph).graph
        for name in names {
            let page = MapPages.Page(url: folder.appendingPathComponent(name), graph: graph, view: graph)
            let tab = try open(page)
            let counts = try #require(try tab.evaluate("""
                (() => { const d = \(Self.dataScript); return [d.nodes.length, document.querySelectorAll('#pg-svg g.node[data-n]').length,
                  d.edges.length, document.querySelectorAll('#pg-svg g.edge[data-e]').length]; })()
                """) as? [Int])
            #expect(counts[0] == counts[1] && counts[2] == counts[3] && counts[0] > 0, "\(name)")
            try tab.screenshot("view-" + name.replacingOccurrences(of: ".html", with: ""))
            expectQuiet(tab, page)
        }
    }
}
