import Foundation
import PolicyGraph

/// `policygraph views`: (re)draws the views listed in `<graph>/views/views.txt`, or checks that
/// the committed ones are current.
struct ViewsCommand: Command {
    let spec = CommandSpec(
        name: "views", summary: "Redraw the graph's views (views/views.txt) as DOT and SVG, or check them",
        discussion: """
            Each line of <graph>/views/views.txt is 'name: options of policygraph dot'; the view is written to \
            <graph>/views/name.dot and, with Graphviz, name.svg and the interactive map name.html. The SVG carries a fingerprint of the DOT it \
            was drawn from. With --check nothing is written: the command exits 1 when a .dot differs from \
            what the graph gives now, a .svg was not drawn from its .dot, or a .html is not the map made again \
            now (byte for byte; this needs Graphviz).
            """,
        options: [
            .flag("check", "write nothing; exit 1 when a view is stale"),
            .flag("no-svg", "only the DOT files (no Graphviz needed)"),
        ],
        formats: [],
        examples: ["policygraph views", "policygraph views --graph graph --check"])

    /// Where Graphviz is looked for (tests point it at an empty folder).
    var runner = GraphvizRunner()

    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        do {
            try draw(arguments, output: &output)
        } catch let error as ViewManifest.Error {
            // Rendered here: the error carries its own `file:line: error:` prefix.
            output.stderr += "\(error)\n"
            output.status = ExitStatus.failure
        }
    }

    private func draw(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        let folder = GraphLoader.join(arguments.graphFolder, ViewManifest.folder)
        let listPath = GraphLoader.join(folder, ViewManifest.file)
        guard let data = FileManager.default.contents(atPath: listPath) else {
            throw ViewManifest.Error(location: SourceLocation(file: listPath, line: 0),
                                     message: "no list of views; create it with lines 'name: options of policygraph dot'")
        }
        let manifest = try ViewManifest.parse(String(decoding: data, as: UTF8.self), file: listPath)
        let graph = try loadGraph(arguments)
        let check = arguments.flag("check")
        let svg = !arguments.flag("no-svg")
        if svg, !check, !runner.isAvailable() { throw GraphvizError(.notFound(program: "dot")) }
        // Every view is drawn before any file is written: a bad line leaves the folder as it was.
        var drawings: [(view: ViewManifest.View, drawing: DotOptions.Drawing)] = []
        var errors: [ViewManifest.Error] = []
        for view in manifest.views {
            do {
                drawings.append((view, try drawing(view, listPath: listPath, graph: graph)))
            } catch let error as ViewManifest.Error {
                errors.append(error)
            }
        }
        guard errors.isEmpty else {
            for error in errors { output.stderr += "\(error)\n" }
            output.status = ExitStatus.failure
            return
        }
        var stale = 0
        for (view, drawing) in drawings {
            let dot = drawing.dot
            let dotPath = GraphLoader.join(folder, view.name + ".dot")
            let svgPath = GraphLoader.join(folder, view.name + ".svg")
            if check {
                func text(_ path: String) -> String? { FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } }
                let freshness = ViewManifest.freshness(ofDOT: dot, committedDOT: text(dotPath), committedSVG: svg ? text(svgPath) : nil, checkingSVG: svg)
                if freshness == .staleDOT {
                    output.stdout += "\(dotPath): stale: the graph now draws it differently\n"
                    stale += 1
                    continue
                }
                // The map is made again (Graphviz lays it out) and compared byte for byte.
                let htmlPath = GraphLoader.join(folder, view.name + ".html")
                let html = svg && runner.isAvailable() ? try HTMLCommand.page(drawing, runner: runner).html : nil
                let htmlFresh = html.map { FileManager.default.contents(atPath: htmlPath) == Data($0.utf8) }
                if freshness == .staleSVG {
                    output.stdout += "\(svgPath): stale: not drawn from \(view.name).dot\n"
                    stale += 1
                }
                if htmlFresh == false {
                    output.stdout += "\(htmlPath): stale: not the map the graph gives now\n"
                    stale += 1
                }
                guard freshness == .upToDate, htmlFresh != false else { continue }
                let checked = !svg ? "" : htmlFresh == nil
                    ? " (and \(view.name).svg; \(view.name).html not checked: no Graphviz to lay it out)"
                    : " (and \(view.name).svg, \(view.name).html)"
                output.stdout += "\(dotPath): up to date\(checked)\n"
                continue
            }
            try AtomicFile.write(dot, to: dotPath, graphFolder: arguments.graphFolder)
            output.stdout += "wrote \(dotPath)\n"
            if svg {
                let warnings = try runner.render(dot, to: svgPath, format: .svg,
                                                 arguments: ["-Gcomment=" + ViewManifest.fingerprint(ofDOT: dot)],
                                                 graphFolder: arguments.graphFolder)
                for warning in warnings { output.stderr += "warning: graphviz: \(view.name): \(RenderCommand.plain(warning))\n" }
                output.stdout += "wrote \(svgPath)\n"
                // The interactive map of the same view, beside its picture.
                let htmlPath = GraphLoader.join(folder, view.name + ".html")
                try AtomicFile.write(try HTMLCommand.page(drawing, runner: runner).html, to: htmlPath)
                output.stdout += "wrote \(htmlPath)\n"
            }
        }
        if stale > 0 {
            output.stdout += "\(stale) stale view\(stale == 1 ? "" : "s"); redraw with 'policygraph views --graph \(arguments.graphFolder)'\n"
            output.status = ExitStatus.failure
        }
    }

    /// The DOT of one view, its options read as `policygraph dot` reads them.
    private func drawing(_ view: ViewManifest.View, listPath: String, graph: Graph) throws -> DotOptions.Drawing {
        let dotSpec = DotCommand().spec
        func fail(_ message: String) -> ViewManifest.Error {
            ViewManifest.Error(location: SourceLocation(file: listPath, line: view.line), message: "view '\(view.name)': \(message)")
        }
        let parsed: ParsedArguments
        do {
            parsed = try ParsedArguments.parse(view.arguments, spec: dotSpec)
        } catch {
            throw fail(error.message)
        }
        for name in ["output", "graph", "help"] where parsed.values[name] != nil || parsed.flag(name) {
            throw fail("--\(name) has no place in a view (the files and the graph are the list's)")
        }
        if let extra = parsed.positionals.first { throw fail("unexpected argument '\(extra)'") }
        do {
            return try DotOptions.drawing(parsed, graph: graph)
        } catch let error as UsageError {
            throw fail(error.message)
        } catch let error as QueryError {
            throw fail(error.message)
        }
    }
}
