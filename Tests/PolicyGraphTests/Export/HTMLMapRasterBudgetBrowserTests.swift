import Foundation
import Testing
@testable import PolicyGraph

/// A settled zoom draws the drawing again inside its layer at the new scale (sharp), but never
/// larger than 24 million device pixels (8 million on a map of over 1,500 nodes and edges):
/// beyond, the layer's transform magnifies it. Either way the drawing's scale on screen is the
/// zoom's, and the redraw does not move it. The seed graph's drawing (490 nodes and edges)
/// reaches the budget below the zoom of 12 presses of `+`.
extension HTMLMapBrowserTests {
    @Test func aSettledZoomRedrawsTheDrawingSharpUpToARasterBudget() throws {
        let page = try MapPages.make(Fixtures.seedGraph, name: "seed-raster-budget")
        let tab = try open(page)
        let size = try #require(try tab.evaluate("(s => [+s.getAttribute('width'), +s.getAttribute('height'), devicePixelRatio])(document.getElementById('pg-svg'))") as? [Double])
        // The largest scale whose drawing holds at most 24e6 device pixels: w·h·(m·dpr)² = 24e6.
        let cap = (24e6 / (size[0] * size[1])).squareRoot() / size[2]
        let onScreen = "document.getElementById('pg-svg').getBoundingClientRect().width / \(size[0])"
        let drawn = "+((/scale\\(([^)]+)\\)/.exec(document.getElementById('pg-svg').style.transform) || [0, 1])[1])"
        func scales() throws -> (screen: Double, drawn: Double) {
            (try #require(try tab.evaluate(onScreen) as? Double), try #require(try tab.evaluate(drawn) as? Double))
        }
        // Fitted: drawn at the scale it is shown at.
        let fitted = try scales()
        #expect(fitted.screen < cap)
        #expect(abs(fitted.drawn - fitted.screen) < 1e-6)
        // Zoomed in past the budget: once settled, drawn at the budget's scale, the screen unchanged.
        try tab.click("#pg-viewport")
        for _ in 1...12 { try tab.press("+") }
        let zoomed = try scales()
        #expect(zoomed.screen > cap * 1.2)
        try tab.waitUntil("Math.abs(\(drawn) - \(cap)) < 1e-6")
        let settled = try scales()
        #expect(abs(settled.screen - zoomed.screen) < 1e-9 * zoomed.screen)
        // (1e-5: the transform is written with six digits)
        #expect(size[0] * size[1] * pow(settled.drawn * size[2], 2) <= 24e6 * (1 + 1e-5))
        // Back below the budget: drawn sharp again.
        for _ in 1...7 { try tab.press("-") }
        let below = try scales()
        #expect(below.screen < cap)
        try tab.waitUntil("Math.abs(\(drawn) - \(onScreen)) < 1e-6")
        expectQuiet(tab, page)
    }
}
