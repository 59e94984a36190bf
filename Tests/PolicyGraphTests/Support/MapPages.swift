import Foundation
@testable import PolicyGraph

/// Maps made the way `policygraph html` makes them (the library's DOT, the real `dot`, the
/// library's page), written beside the browser tests' screenshots so that a failure can be
/// opened and looked at.
enum MapPages {
    struct Page {
        let url: URL
        let graph: Graph
        let view: Graph
    }

    /// The map of `folder` (the whole graph, or the ego network of `focus`), saved as `name.html`.
    static func make(_ folder: String, name: String, focus: NodeID? = nil, depth: Int = 1,
                     options: DOTOptions = DOTOptions(clusters: true)) throws -> Page {
        let graph = try GraphLoader.load(folder: folder).graph
        var selection = GraphSelection()
        selection.focus = focus
        selection.depth = depth
        let view = try graph.selecting(selection)
        let engine = HTMLMap.defaultEngine(for: view)
        let dot = HTMLMap.layoutDOT(of: view, context: graph, options: options, engine: engine)
        let layout = try GraphvizRunner().run(dot, engine: engine, format: "svg")
        let html = try HTMLMap.page(of: view, context: graph, layout: String(decoding: layout.bytes, as: UTF8.self),
                                    options: HTMLMapOptions(language: options.language, title: "Test map: \(name)",
                                                            wrapWidth: options.wrapWidth, clusters: options.clusters))
        let url = HeadlessChromium.artefacts.appendingPathComponent(name + ".html")
        try Data(html.utf8).write(to: url)
        return Page(url: url, graph: graph, view: view)
    }
}
