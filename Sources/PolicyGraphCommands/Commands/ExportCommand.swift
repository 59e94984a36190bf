import Foundation
import PolicyGraph

/// `policygraph export --format F [-o FILE|DIR]`: the graph, or a part of it, for other tools.
struct ExportCommand: Command {
    let spec = CommandSpec(
        name: "export", summary: "Export the graph or a part of it: JSON, GraphML, Cypher, Neo4j CSV, Kùzu, RDF, Mermaid, Kumu",
        discussion: """
            Text formats go to stdout unless -o FILE is given; neo4j-csv, kuzu and kumu are folders and need -o DIR. \
            json is lossless ('policygraph import' reads it back to the same CSV bytes). \
            The selection options export a part: an ego network, some relations, some kinds.
            """,
        options: [
            .value("output", short: "o", "PATH", "write to this file (a folder for neo4j-csv, kuzu and kumu) instead of stdout"),
            .value("base", "IRI", "ntriples/turtle: the namespace of the IRIs (default: \(ExportOptions.defaultBase))"),
            .value("dialect", "NAME", "cypher: the constraint syntax, neo4j or memgraph (default: neo4j)", choices: CypherDialect.allCases.map(\.rawValue)),
        ] + SelectionOptions.specs,
        formats: ExportFormat.allCases.map(\.rawValue),
        examples: [
            "policygraph export --format graphml -o graph.graphml",
            "policygraph export --format kuzu -o kuzu-graph",
            "policygraph export --format turtle --base https://example.org/pg/ --focus china --depth 1",
            "policygraph export --format mermaid --focus us --relation supports",
        ])

    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        let format = ExportFormat(rawValue: arguments.format(spec)) ?? .json
        if arguments.value("base") != nil, format != .ntriples, format != .turtle {
            throw UsageError("--base applies to --format ntriples and turtle only", command: spec.name)
        }
        if arguments.value("dialect") != nil, format != .cypher {
            throw UsageError("--dialect applies to --format cypher only", command: spec.name)
        }
        let target = arguments.value("output")
        if format.isFolder, target == nil {
            throw UsageError("--format \(format.rawValue) writes a folder of files; name it with -o DIR", command: spec.name)
        }
        let graph = try loadGraph(arguments)
        let part = try graph.selecting(SelectionOptions.selection(arguments, in: graph))
        let options = ExportOptions(base: arguments.value("base") ?? ExportOptions.defaultBase,
                                    cypherDialect: CypherDialect(rawValue: arguments.value("dialect") ?? "neo4j") ?? .neo4j)
        let result: ExportResult
        do {
            result = try part.exported(as: format, options: options)
        } catch {
            // The library names the base IRI; the option that gives it is the CLI's to name.
            switch error.reason {
            case .baseNotAbsolute(let base):
                throw UsageError("--base '\(base)' is not an absolute IRI; write one such as \(ExportOptions.defaultBase)", command: spec.name)
            case .baseWithoutSeparator(let base):
                throw UsageError("--base '\(base)' must end with '/' or '#', so that names can follow it (try '\(base)/')", command: spec.name)
            }
        }
        let summary = "\(part.nodeCount) node\(part.nodeCount == 1 ? "" : "s"), \(part.edgeCount) edge\(part.edgeCount == 1 ? "" : "s")"
        switch result {
        case .text(let text):
            guard let target else {
                output.stdout += text
                return
            }
            try AtomicFile.write(text, to: target, graphFolder: arguments.graphFolder)
            output.stdout += "wrote \(target) (\(format.rawValue), \(summary))\n"
        case .files(let files):
            guard let target else { return }
            for file in files {
                let path = GraphLoader.join(target, file.path)
                try AtomicFile.makeFolder(URL(fileURLWithPath: path).deletingLastPathComponent().path)
                try AtomicFile.write(file.contents, to: path, graphFolder: arguments.graphFolder)
            }
            output.stdout += "wrote \(English.count(files.count, "file")) to \(target) (\(format.rawValue), \(summary))\n"
            for file in files { output.stdout += "  \(file.path)\n" }
        }
    }
}
