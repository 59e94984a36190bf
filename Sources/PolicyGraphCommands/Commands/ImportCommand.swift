import Foundation
import PolicyGraph

/// `policygraph import FILE.json --out DIR`: a JSON export back to a graph folder.
struct ImportCommand: Command {
    let spec = CommandSpec(
        name: "import", summary: "Read a JSON export back into a graph folder (nodes.csv, edges.csv, schema.json)",
        discussion: """
            The document is checked in full (JSON syntax, its form, and the graph against its schema) before anything \
            is written; a malformed or truncated file fails with the line and column of the problem and writes nothing. \
            The CSV files are written in the canonical form, so a canonical folder exported and imported again is byte-identical.
            """,
        positionals: [PositionalSpec(name: "FILE", help: "a document written by 'policygraph export --format json'")],
        options: [
            .value("out", "DIR", "the graph folder to write (created when missing)"),
            .flag("force", "replace the graph files the folder already holds"),
        ],
        formats: [], readsGraph: false,
        examples: ["policygraph import graph.json --out restored-graph"])

    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        guard let folder = arguments.value("out") else {
            throw UsageError("name the folder to write with --out DIR", command: spec.name)
        }
        let file = arguments.positionals[0]
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            output.stderr += "\(file): error: cannot read the file: \(error.localizedDescription)\n"
            output.status = ExitStatus.failure
            return
        }
        let imported: ImportedGraph
        do {
            imported = try GraphJSON.read(bytes, file: file)
        } catch {
            output.stderr += error.description + "\n"
            output.stderr += "\(error.errorCount) error\(error.errorCount == 1 ? "" : "s")\n"
            output.status = ExitStatus.failure
            return
        }
        do {
            try imported.write(to: folder, replacing: arguments.flag("force"))
        } catch let error as EditError {
            output.stderr += error.description + "\n"
            output.status = ExitStatus.failure
            return
        }
        for warning in imported.warnings { output.stderr += warning.description + "\n" }
        let g = imported.graph
        output.stdout += "wrote \(folder) (\(English.count(g.nodeCount, "node")), \(English.count(g.edgeCount, "edge"))\(imported.schemaJSON == nil ? "" : ", schema.json"))\n"
    }
}
