import Foundation
import PolicyGraph

// `policygraph-bench`: generate or read a graph, run the benchmark ops through the library's
// public API, print the JSON report (and a table with --table). Exit 0, 1 on a data error, 2
// on a usage error.

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    exit(status)
}

let options: BenchOptions
do {
    options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    if error.message.isEmpty {
        print(BenchOptions.usage, terminator: "")
        exit(0)
    }
    fail("policygraph-bench: error: \(error.message)\n" + BenchOptions.usage, status: 2)
}

if options.sources.count > 1 {
    do {
        let growth = try GrowthReport.run(options)
        let json = growth.json.rendered()
        if let out = options.out {
            try AtomicFile.write(json, to: out)
        } else {
            print(json, terminator: "")
        }
        if options.table { print(growth.table, terminator: "") }
        exit(0)
    } catch let failure as GrowthReport.Failure {
        fail(failure.description, status: failure.status)
    } catch {
        fail("policygraph-bench: error: \(error)", status: 1)
    }
}

if options.queries != nil, options.sources.isEmpty {
    FileHandle.standardError.write(Data(
        "policygraph-bench: no --graph DIR or --size given: timing the queries on a generated S graph (1k nodes, 5k edges)\n".utf8))
}

var folder: String
var dataName: String
var temporary: String?
switch options.data {
case .folder(let path):
    folder = path
    dataName = path
case .generated(let name, let shape):
    dataName = name
    if let keep = options.keep {
        folder = keep
    } else {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("policygraph-bench-\(name)-\(ProcessInfo.processInfo.processIdentifier)").path
        temporary = folder
    }
    do {
        let started = ContinuousClock.now
        let generated = try GraphGenerator.write(shape, to: folder)
        FileHandle.standardError.write(Data(
            "generated \(name): \(generated.nodes) nodes, \(generated.edges) edges in \(folder) (\(ContinuousClock.now - started))\n".utf8))
    } catch {
        fail(error.description, status: 1)
    }
}
defer { if let temporary { try? FileManager.default.removeItem(atPath: temporary) } }

if let file = options.queries {
    do {
        let queries = try QueryWorkload.parse(try String(contentsOfFile: file, encoding: .utf8))
        let parameters: [String: QueryValue]
        do throws(BenchOptions.UsageError) { parameters = try options.parameters() } catch {
            fail("policygraph-bench: error: \(error.message)", status: 2)
        }
        if !options.cold { BenchRun.warmUp() }
        let (load, graph) = try CoreOps.load(folder)
        let timings = QueryWorkload.run(queries, on: graph, repeats: options.repeats, parameters: parameters, limits: options.limits)
        let json = QueryWorkload.json(data: dataName, loadSeconds: load.seconds, timings: timings).rendered()
        if let out = options.out {
            try AtomicFile.write(json, to: out)
        } else {
            print(json, terminator: "")
        }
        if options.table { print(QueryWorkload.table(timings), terminator: "") }
        if let temporary { try? FileManager.default.removeItem(atPath: temporary) }
        // A query that stopped with an error is reported in the JSON, and fails the run.
        exit(QueryWorkload.exitStatus(timings))
    } catch let error as WorkloadError {
        fail("policygraph-bench: error: \(file):\(error)", status: 1)
    } catch {
        fail("policygraph-bench: error: \(error)", status: 1)
    }
    if let temporary { try? FileManager.default.removeItem(atPath: temporary) }
    exit(0)
}

let ops: [OpResult]
do {
    if !options.cold { BenchRun.warmUp() }
    ops = try BenchRun.ops(folder: folder, options: options)
} catch {
    if let temporary { try? FileManager.default.removeItem(atPath: temporary) }
    fail("\(error)", status: 1)
}

let report = BenchReport(data: dataName, ops: ops, peakRSSMegabytes: peakResidentMegabytes())
let json = report.json.rendered()
if let out = options.out {
    do {
        try AtomicFile.write(json, to: out)
    } catch {
        fail(error.description, status: 1)
    }
} else {
    print(json, terminator: "")
}
if options.table { print(report.table, terminator: "") }
if let temporary { try? FileManager.default.removeItem(atPath: temporary) }
