import PolicyGraph

/// `policygraph init DIR [--schema]`: a new, empty graph folder.
struct InitCommand: Command {
    let spec = CommandSpec(
        name: "init", summary: "Start a new graph folder (nodes.csv and edges.csv with the canonical headers)",
        discussion: """
            Creates DIR when missing. Refuses to overwrite: a folder that holds nodes.csv, edges.csv \
            (or, with --schema, schema.json) is left as it is. Commands run inside a graph folder \
            use it when no --graph is given.
            """,
        positionals: [PositionalSpec(name: "DIR", help: "the folder of the new graph")],
        options: [.flag("schema", "also write a starter schema.json (stance polarities, a neutral stance, an actor kind)")],
        formats: [], readsGraph: false,
        examples: ["policygraph init summit --schema"])

    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        let folder = arguments.positionals[0]
        do {
            let files = try GraphFolder.create(at: folder, schema: arguments.flag("schema"))
            output.stdout += "created \(folder) with \(files.map { $0.split(separator: "/").last.map(String.init) ?? $0 }.joined(separator: ", "))\n"
            output.stdout += "next: cd \(folder) && policygraph import SHEET.csv --graph .   (or: policygraph add-node ID --kind K --label L)\n"
        } catch let error as EditError {
            output.stderr += error.description + "\n"
            output.status = ExitStatus.failure
        }
    }
}
