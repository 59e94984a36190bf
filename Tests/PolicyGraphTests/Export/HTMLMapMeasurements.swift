import Foundation
import Testing
@testable import PolicyGraph
@testable import PolicyGraphBench

/// The README's size and speed numbers of the map, measured in headless Chromium: file size, time
/// to first paint, and frame times while dragging the map. Timing is no test: this only runs with
/// `MEASURE_HTML_MAP=1` and asserts nothing about speed; it prints the numbers and writes them to
/// `.build/browser-tests/measurements.txt`.
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
        lines.append(try measure(big, name: "generated \(generated.nodes) nodes / \(generated.edges) edges") + String(format: ", page made (mostly dot) in %.1f s", Date().timeIntervalSince(start)))
        let text = lines.joined(separator: "\n") + "\n"
        print(text)
        try Data(text.utf8).write(to: HeadlessChromium.artefacts.appendingPathComponent("measurements.txt"))
    }

    func measure(_ page: MapPages.Page, name: String) throws -> String {
        let size = (try FileManager.default.attributesOfItem(atPath: page.url.path)[.size] as? Int) ?? 0
        let tab = try BrowserPage(try HeadlessChromium.shared.get(), width: 1280, height: 800)
        try tab.open(page.url)
        let paint = try #require(try tab.evaluate("""
            (() => { const p = performance.getEntriesByType('paint').find(e => e.name === 'first-contentful-paint');
              const n = performance.getEntriesByType('navigation')[0];
              return [p ? p.startTime : -1, n ? n.loadEventEnd : -1]; })()
            """) as? [Double])
        var results: [String] = []
        for (label, zoom) in [("fitted", "document.getElementById('pg-fit').click()"),
                              ("at 100%", "document.getElementById('pg-fit').click(); for (let i = 0; i < 30; i++) document.getElementById('pg-zoom-in').click()")] {
            try tab.evaluate(zoom)
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
            let started = Date()
            try tab.send("Input.dispatchMouseEvent", ["type": "mousePressed", "x": 600, "y": 400, "button": "left", "buttons": 1, "clickCount": 1])
            let steps = 90
            for step in 1...steps {
                try tab.send("Input.dispatchMouseEvent", ["type": "mouseMoved", "x": 600 + Double(step % 45) * 6, "y": 400 + Double(step % 30) * 3, "button": "left", "buttons": 1])
                Thread.sleep(forTimeInterval: 0.016)
            }
            try tab.send("Input.dispatchMouseEvent", ["type": "mouseReleased", "x": 600, "y": 400, "button": "left", "buttons": 0, "clickCount": 1])
            let elapsed = Date().timeIntervalSince(started)
            let mainThread = (try taskTime() - before) / Double(steps) * 1000
            let frames = try #require(try tab.evaluate("window.__on = false; window.__frames.slice(2).filter(d => d > 0)") as? [Double]).sorted()
            let median = frames.isEmpty ? 0 : frames[frames.count / 2], p95 = frames.isEmpty ? 0 : frames[min(frames.count - 1, frames.count * 95 / 100)]
            results.append(String(format: "%@: frames median %.1f ms, p95 %.1f ms (%d frames in %.1f s), main-thread work %.1f ms per drag step",
                                  label, median, p95, frames.count, elapsed, mainThread))
        }
        return String(format: "%@: %d nodes, %d edges, %.0f KB; first contentful paint %.0f ms, load done %.0f ms; frame time while dragging: %@",
                      name, page.view.nodeCount, page.view.edgeCount, Double(size) / 1024, paint[0], paint[1], results.joined(separator: "; "))
    }
}
