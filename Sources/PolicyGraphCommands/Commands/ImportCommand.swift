import Foundation
import PolicyGraph

/// `policygraph import`: a JSON export back to a graph folder, or rows from elsewhere (a stance
/// sheet, Kumu's CSV pair, GraphML) into a new graph (`--out`) or an existing one (`--graph`).
struct ImportCommand: Command {
    let spec = CommandSpec(
        name: "import", summary: "Import a stance sheet, Kumu's CSV pair, GraphML, or a JSON export into a graph folder",
        discussion: """
            FILE.json: a document written by 'policygraph export --format json', checked in full and written in \
            canonical form to --out DIR (a canonical folder exported and imported again is byte-identical).

            FILE.csv: a stance sheet, recognised by its header actor,relation,target,date,cite (optional \
            actor_kind, target_kind, weight, actor_label_zh, target_label_zh, source and further edge columns). \
            --kumu ELEMENTS.csv CONNECTIONS.csv: Kumu's spreadsheet pair. FILE.graphml: GraphML from Gephi, yEd, \
            networkx or 'policygraph export --format graphml'. Names are found by id or label (either language, \
            case-insensitive); a new name becomes a node of the kind given, its id made from the name (lower case, \
            Latin letters and digits and CJK kept, other runs '-', '-2' on collision). The whole import is checked \
            first and every problem reported at file:line:column; then the rows are appended and both files \
            written atomically. Rows the graph already has are not added again, so importing twice changes nothing. \
            A row naming an edge the graph has (same from, relation, to and date) with other cells is not a new \
            edge: it is listed with the cells that differ, and --update writes the row's cells into that edge in \
            place (the sheet as the master copy). A row repeated within one import is an error.

            --schema FILE: a schema.json for the kinds and relations the rows use. GraphML exported by policygraph \
            carries its graph's schema; Kumu's sheets and stance sheets need --schema. What it declares is added to \
            the graph's schema.json (written when the graph has none); a relation the graph already gives a stance \
            (built in or in its schema.json) must keep it, else the import stops with the conflict.
            """,
        positionals: [PositionalSpec(name: "FILE", help: "the file to import (with --kumu: the elements sheet)"),
                      PositionalSpec(name: "CONNECTIONS", help: "with --kumu: the connections sheet", optional: true)],
        options: [
            .value("out", "DIR", "a new graph folder to write (created when missing)"),
            .value("graph", "DIR", "an existing graph folder to merge into (default: . when it holds nodes.csv)"),
            .flag("kumu", "read Kumu's elements and connections sheets"),
            .value("schema", "FILE", "a schema.json declaring the kinds and relations the rows use (added to the graph's)"),
            .flag("dry-run", "list what would be created, added and updated; write nothing"),
            .flag("update", "write the cells of rows that differ from an edge the graph has into that edge, in place"),
            .flag("force", "JSON: replace the graph files the folder already holds"),
        ],
        formats: [], readsGraph: false,
        examples: ["policygraph import stances.csv --graph mine --dry-run",
                   "policygraph import stances.csv --graph mine --update",
                   "policygraph import --kumu elements.csv connections.csv --out from-kumu",
                   "policygraph import network.graphml --out from-gephi",
                   "policygraph import graph.json --out restored-graph"])

    func run(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        let p = arguments.positionals
        let kumu = arguments.flag("kumu")
        if kumu, p.count != 2 { throw UsageError("--kumu takes two files: ELEMENTS.csv CONNECTIONS.csv", command: spec.name) }
        if !kumu, p.count != 1 { throw UsageError("unexpected argument '\(p[1])' (two files are for --kumu)", command: spec.name) }
        if arguments.value("out") != nil, arguments.value("graph") != nil {
            throw UsageError("give --out DIR (a new graph) or --graph DIR (merge), not both", command: spec.name)
        }
        let file = p[0]
        if !kumu, file.lowercased().hasSuffix(".json"), arguments.value("schema") != nil {
            throw UsageError("a JSON export carries its schema; --schema is for sheets, Kumu's pair and GraphML", command: spec.name)
        }
        if !kumu, file.lowercased().hasSuffix(".json") {
            if arguments.value("graph") != nil || arguments.flag("dry-run") || arguments.flag("update") {
                throw UsageError("a JSON export is written whole to a new folder with --out DIR", command: spec.name)
            }
            try runJSON(arguments, output: &output)
            return
        }
        if arguments.flag("force") { throw UsageError("--force is for JSON imports", command: spec.name) }
        let target: GraphImporter.Target
        if let out = arguments.value("out") {
            target = .new(out)
        } else if let graph = arguments.value("graph") ?? (GraphFolder.holdsGraph(".") ? "." : nil) {
            target = .merge(graph)
        } else {
            throw UsageError("name the graph: --out DIR for a new one, --graph DIR to merge into one", command: spec.name)
        }
        let dryRun = arguments.flag("dry-run")
        let update = arguments.flag("update")
        do {
            var schema: ImportSchema?
            if let schemaFile = arguments.value("schema") {
                guard let bytes = read(schemaFile, &output) else { return }
                schema = ImportSchema(bytes: bytes, file: schemaFile)
            }
            let plan: ImportPlan
            if kumu {
                guard let elements = read(p[0], &output), let connections = read(p[1], &output) else { return }
                plan = try KumuSheets.importSheets(elements: elements, elementsFile: p[0], connections: connections, connectionsFile: p[1],
                                                   into: target, dryRun: dryRun, schema: schema, update: update)
            } else if file.lowercased().hasSuffix(".graphml") || file.lowercased().hasSuffix(".xml") {
                guard let bytes = read(file, &output) else { return }
                plan = try GraphMLReader.importDocument(bytes, file: file, into: target, dryRun: dryRun, schema: schema, update: update)
            } else {
                guard let bytes = read(file, &output) else { return }
                guard StanceSheet.recognizes(bytes) else {
                    output.stderr += "\(file):1: error: not a stance sheet: the header needs the columns \(StanceSheet.requiredColumns.joined(separator: ",")) "
                        + "(for Kumu's sheets add --kumu; GraphML files end in .graphml, JSON exports in .json)\n"
                    output.status = ExitStatus.failure
                    return
                }
                plan = try StanceSheet.importSheet(bytes, file: file, into: target, dryRun: dryRun, schema: schema, update: update)
            }
            output.stdout += Self.report(plan, file: kumu ? "\(p[0]) and \(p[1])" : file, target: target, dryRun: dryRun)
        } catch let failure as SheetImportFailure {
            output.stderr += failure.description + "\n"
            output.stderr += "\(English.count(failure.issues.count, "error")); nothing was written\n"
            output.stderr += Self.schemaHint(failure.undeclared)
            output.status = ExitStatus.failure
        } catch let error as EditError {
            output.stderr += error.description + "\n"
            output.status = ExitStatus.failure
        }
    }

    /// What the import did (or, with `dryRun`, would do): the new nodes one per line, then the counts.
    static func report(_ plan: ImportPlan, file: String, target: GraphImporter.Target, dryRun: Bool) -> String {
        let folder: String
        switch target {
        case .new(let f), .merge(let f): folder = f
        }
        var out = ""
        if dryRun {
            out += "dry run: nothing written\n"
            out += "would create \(English.count(plan.nodes.count, "node"))\(plan.nodes.isEmpty ? "" : ":")\n"
            var table = TextTable(["id", "kind", "label", "first named at"])
            for node in plan.nodes { table.append([node.id.rawValue, node.kind.rawValue, node.label, node.location.description]) }
            if !plan.nodes.isEmpty { out += table.text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n") }
            out += "would add \(English.count(plan.edges.count, "edge"))\(plan.edges.isEmpty ? "" : ":")\n"
            out += newEdgeLines(plan)
            if plan.updatesDiffering, !plan.differing.isEmpty {
                out += "would update \(English.count(plan.differing.count, "edge")):\n"
                out += differingLines(plan)
            }
            out += "\(English.count(plan.alreadyPresent, "row")) already in the graph\n"
            switch plan.schemaChange {
            case .none: break
            case .written: out += "would write \(folder)/schema.json\n"
            case .extended: out += "would add to \(folder)/schema.json\n"
            }
        } else {
            out += "imported \(file) into \(folder): \(English.count(plan.nodes.count, "new node")), \(English.count(plan.edges.count, "new edge")), "
            if plan.updatesDiffering, !plan.differing.isEmpty { out += "\(English.count(plan.differing.count, "updated edge")), " }
            out += "\(English.count(plan.alreadyPresent, "row")) already in the graph"
            switch plan.schemaChange {
            case .none: out += "\n"
            case .written: out += "; wrote schema.json\n"
            case .extended: out += "; added to schema.json\n"
            }
            if plan.updatesDiffering { out += differingLines(plan) }
        }
        if !plan.updatesDiffering, !plan.differing.isEmpty {
            out += "\(English.count(plan.differing.count, "row")) \(plan.differing.count == 1 ? "differs" : "differ") from an edge the graph has "
            let was = dryRun ? "would not be" : plan.differing.count == 1 ? "was not" : "were not"
            out += "(same from, relation, to and date) and \(was) imported:\n"
            out += differingLines(plan)
            out += "hint: to write the sheet's cells into those edges in place, import again with --update; "
            out += "to keep the graph's, change the sheet\n"
        }
        return out
    }

    /// How to declare what the schema lacks: a schema.json that would, and the option that reads it.
    static func schemaHint(_ undeclared: UndeclaredVocabulary) -> String {
        guard !undeclared.isEmpty else { return "" }
        let what = [undeclared.kinds.isEmpty ? nil : English.count(undeclared.kinds.count, "kind"),
                    undeclared.relations.isEmpty ? nil : English.count(undeclared.relations.count, "relation")].compactMap { $0 }
        var out = "hint: the schema does not declare \(what.joined(separator: " and ")) used above; declare them in a schema file "
        out += "and import again with --schema FILE"
        out += undeclared.relations.isEmpty ? ", for example:\n" : " (add \"stance\": 1, -1 or 0 to a relation that is a stance), for example:\n"
        out += undeclared.schemaSnippet
        return out
    }

    private func read(_ file: String, _ output: inout CommandOutput) -> [UInt8]? {
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: file)))
        } catch {
            output.stderr += "\(file): error: cannot read the file: \(error.localizedDescription)\n"
            output.status = ExitStatus.failure
            return nil
        }
    }

    private func runJSON(_ arguments: ParsedArguments, output: inout CommandOutput) throws {
        guard let folder = arguments.value("out") else {
            throw UsageError("name the folder to write with --out DIR", command: spec.name)
        }
        let file = arguments.positionals[0]
        guard let bytes = read(file, &output) else { return }
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
            output.stderr += error.commandLineDescription + "\n"
            output.status = ExitStatus.failure
            return
        }
        for warning in imported.warnings { output.stderr += warning.description + "\n" }
        let g = imported.graph
        output.stdout += "wrote \(folder) (\(English.count(g.nodeCount, "node")), \(English.count(g.edgeCount, "edge"))\(imported.schemaJSON == nil ? "" : ", schema.json"))\n"
    }
}
