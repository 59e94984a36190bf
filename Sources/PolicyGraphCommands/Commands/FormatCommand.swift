import Foundation
import PolicyGraph

/// `policygraph format`: rewrite a graph folder's CSV files in the canonical form.
struct FormatCommand: Command {
    let spec = CommandSpec(
        name: "format", summary: "Rewrite nodes.csv and edges.csv in the canonical CSV form",
        discussion: "Canonical CSV: UTF-8 without BOM, LF line ends, fields quoted only when they hold a comma, a quote or a line break. Columns, rows and values are kept. With --check, writes nothing and exits 1 when a file is not canonical.",
        options: [.flag("check", "only report whether the files are canonical")],
        formats: [],
        examples: ["policygraph format --graph my-graph", "policygraph format --check"])

    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        // A rewrite holds the graph's lock, like the edit commands: without it, format could
        // read the files while an edit is half-way and write the older rows back over it.
        var isFolder: ObjCBool = false
        if !arguments.flag("check"), FileManager.default.fileExists(atPath: arguments.graphFolder, isDirectory: &isFolder), isFolder.boolValue {
            try GraphLock.withLock(folder: arguments.graphFolder) { try format(arguments, output: &output) }
        } else {
            try format(arguments, output: &output)
        }
    }

    private func format(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        let folder = arguments.graphFolder
        let graph = try loadGraph(arguments)
        let files = [(GraphLoader.nodesFile, GraphWriter.nodesCSV(graph)), (GraphLoader.edgesFile, GraphWriter.edgesCSV(graph))]
        for (name, text) in files {
            let path = GraphLoader.join(folder, name)
            let current = try? String(decoding: Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            if current == text {
                output.stdout += "\(path): canonical\n"
            } else if arguments.flag("check") {
                output.stdout += "\(path): not canonical; run 'policygraph format'\n"
                output.status = ExitStatus.failure
            } else {
                try AtomicFile.write(text, to: path)
                output.stdout += "\(path): rewritten\n"
            }
        }
    }
}
