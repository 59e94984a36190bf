import Foundation
import Testing
@testable import PolicyGraph
@testable import PolicyGraphBench

/// The README's size and speed numbers of the map, measured in headless Chromium with real input
/// events over the DevTools protocol: file size, time to first paint, time until the page is
/// ready (its script has run and the next frame is drawn), and frame times while dragging
/// (fitted, and at 100 %) and while zooming with the wheel (including the redraw once the zoom
/// settles). Timing is no test: this only runs with `MEASURE_HTML_MAP=1` and asserts nothing
/// about speed; it prints the numbers and writes them to `.build/browser-tests/measurements.txt`.
///
///     MEASURE_HTML_MAP=1 swift test --filter HTMLMapMeasurements
@Suite(.serialized, .enabled(if: HeadlessChromium.isAvailable && ProcessInfo.processInfo.environment["MEASURE_HTML_MAP"] != nil))
struct HTMLMapMeasurements {
    @Test func seedAndGenerated2000NodeMaps() throws {
        var lines: [String] = []
        let seed = try MapPages.make(Fixtures.seedGraph, name: "measure-seed")
        lines.append(try measure(seed, name: "seed graph"))
        let folder = ScratchFolder("policygraph-map-2000")
        let generated = try GraphGenerator.write(GraphShape(nodes: 2_000, edges: 6_000), to: folder.path)
        let start = Date()
        let big = try MapPages.make(folder.path, name: "measure-2000", options: DOTOptions())
        let made = Date().timeIntervalSince(start)
        lines.append(try measure(big, name: "generated \(generated.nodes) nodes / \(generated.edges) edges")
                     + String(format: "\n  page made (mostly the layout) in %.1f s", made))
        let text = lines.joined(separator: "\n") + "\n"
        print(text)
        try Data(text.utf8).write(to: HeadlessChromium.artefacts.appendingPathComponent("measurements.txt"))
    }

    /// Frame intervals (ms) recorded by `requestAnimationFrame` while `body` sends input, and the
    /// main thread's busy time (ms) per input event.
    struct Frames {
        let intervals: [Double]
        let perEvent: Double
        let events: Int
        var summary: String {
            let sorted = intervals.sorted()
            func at(_ q: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] }
            return String(format: "median %.1f ms, p95 %.1f ms, max %.1f ms over %d frames; main thread %.1f ms per event",
                          at(0.5), at(0.95), sorted.last ?? 0, sorted.count, perEvent)
        }
    }

    func record(_ tab: BrowserPage, events: Int, settle: TimeInterval = 0, _ body: (Int) throws -> Void) throws -> Frames {
        try tab.evaluate("""
            window.__frames = []; window.__last = performance.now(); window.__on = true;
            (function tick(t) { window.__frames.push(t - window.__last); window.__last = t; if (window.__on) requestAnimationFrame(tick); })(performance.now());
            """)
        try tab.send("Performance.enable")
        func taskTime() throws -> Double {
            let metrics = try tab.send("Performance.getMetrics")["metrics"] as? [[String: Any]] ?? []
            return metrics.first { $0["name"] as? String == "TaskDuration" }?["value"] as? Double ?? 0
        }
        let before = try taskTime()
        for step in 1...events {
            try body(step)
            Thread.sleep(forTimeInterval: 0.016)
        }
        Thread.sleep(forTimeInterval: settle)
        let busy = (try taskTime() - before) / Double(events) * 1000
        let frames = try #require(try tab.evaluate("window.__on = false; window.__frames.slice(2).filter(d => d > 0)") as? [Double])
        return Frames(intervals: frames, perEvent: busy, events: events)
    }

    func drag(_ tab: BrowserPage) throws -> Frames {
        try tab.send("Input.dispatchMouseEvent", ["type": "mousePressed", "x": 600, "y": 400, "button": "left", "buttons": 1, "clickCount": 1])
        let frames = try record(tab, events: 90) { step in
            try tab.send("Input.dispatchMouseEvent", ["type": "mouseMoved", "x": 600 + Double(step % 45) * 6, "y": 400 + Double(step % 30) * 3,
                                                      "button": "left", "buttons": 1])
        }
        try tab.send("Input.dispatchMouseEvent", ["type": "mouseReleased", "x": 600, "y": 400, "button": "left", "buttons": 0, "clickCount": 1])
        return frames
    }

    /// With `MEASURE_HTML_MAP_TRACE=1`: a DevTools trace of the wheel zoom and its redraw, written
    /// as `trace-NAME.json` beside the measurements (read it in a trace viewer or summarise it).
    func startTrace(_ tab: BrowserPage) throws {
        try tab.send("Tracing.start", ["transferMode": "ReportEvents",
                                       "categories": "devtools.timeline,disabled-by-default-devtools.timeline,cc,blink,viz,toplevel,benchmark,gpu"])
    }

    func endTrace(_ tab: BrowserPage, name: String) throws {
        try tab.send("Tracing.end")
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !tab.browser.events(session: tab.session).contains(where: { $0["method"] as? String == "Tracing.tracingComplete" }) {
            Thread.sleep(forTimeInterval: 0.2)
        }
        let chunks = tab.browser.events(session: tab.session).filter { $0["method"] as? String == "Tracing.dataCollected" }
        let values = chunks.flatMap { ($0["params"] as? [String: Any])?["value"] as? [Any] ?? [] }
        let file = HeadlessChromium.artefacts.appendingPathComponent("trace-" + name.filter { $0.isLetter || $0.isNumber } + ".json")
        try JSONSerialization.data(withJSONObject: ["traceEvents": values]).write(to: file)
    }

    /// The drawing's scale on screen (the canvas's and the drawing's own transform together).
    var scale: String { "(s => s.getBoundingClientRect().width / +s.getAttribute('width'))(document.getElementById('pg-svg'))" }

    func measure(_ page: MapPages.Page, name: String) throws -> String {
        let size = (try FileManager.default.attributesOfItem(atPath: page.url.path)[.size] as? Int) ?? 0
        let tab = try BrowserPage(try HeadlessChromium.shared.get(), width: 1280, height: 800)
        // When the script marks the page ready, and when the frame after that is drawn.
        try tab.send("Page.addScriptToEvaluateOnNewDocument", ["source": """
            new MutationObserver((_, o) => { if (document.documentElement.getAttribute('data-ready')) { o.disconnect(); window.__ready = performance.now();
              requestAnimationFrame(() => requestAnimationFrame(() => { window.__drawn = performance.now(); })); } })
              .observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
            """])
        try tab.open(page.url)
        try tab.waitUntil("typeof window.__drawn === 'number'")
        let times = try #require(try tab.evaluate("""
            (() => { const p = performance.getEntriesByType('paint').find(e => e.name === 'first-contentful-paint');
              return [p ? p.startTime : -1, window.__ready, window.__drawn]; })()
            """) as? [Double])
        Thread.sleep(forTimeInterval: 1)
        let fitted = try drag(tab)
        // The wheel: 30 steps in, 30 out, then the redraw at the settled scale.
        let tracing = ProcessInfo.processInfo.environment["MEASURE_HTML_MAP_TRACE"] != nil
        if tracing { try startTrace(tab) }
        let zoom = try record(tab, events: 60, settle: 1) { step in
            try tab.send("Input.dispatchMouseEvent", ["type": "mouseWheel", "x": 700, "y": 420, "deltaX": 0, "deltaY": step <= 30 ? -60 : 60])
        }
        if tracing { try endTrace(tab, name: name) }
        try tab.click("#pg-fit")
        var clicks = 0
        while clicks < 40, (try tab.evaluate(scale) as? Double ?? 1) < 1 {
            try tab.click("#pg-zoom-in")
            clicks += 1
        }
        let atScale = try tab.evaluate(scale) as? Double ?? 0
        // The redraw once that zoom settles (200 ms after the last click).
        let redraw = try record(tab, events: 1, settle: 3) { _ in }
        let full = try drag(tab)
        return String(format: "%@: %d nodes, %d edges, %.0f KB; first contentful paint %.0f ms; ready %.0f ms, drawn %.0f ms\n",
                      name, page.view.nodeCount, page.view.edgeCount, Double(size) / 1024, times[0], times[1], times[2])
            + "  dragging, fitted: \(fitted.summary)\n"
            + "  zooming with the wheel: \(zoom.summary)\n"
            + String(format: "  redraw once the zoom to %.0f %% settles: longest frame %.0f ms\n", atScale * 100, redraw.intervals.max() ?? 0)
            + String(format: "  dragging at %.0f %%: ", atScale * 100) + full.summary
    }
}
