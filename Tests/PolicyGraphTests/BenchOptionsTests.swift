import Testing
@testable import PolicyGraph
@testable import PolicyGraphBench

@Suite struct BenchOptionsTests {
    @Test func severalSizesAndFoldersRunInTheOrderGiven() throws {
        let options = try BenchOptions.parse(["--size", "S,m", "/data/big", "--repeat", "3", "--ops", "path,load"])
        #expect(options.sources.map(\.name) == ["S", "M", "/data/big"])
        #expect(options.repeats == 3)
        #expect(options.runs("path") && options.runs("load") && !options.runs("chain"))
        // A child run gets one source, the same repeat and ops (in the report's order), and --out.
        let child = options.childArguments(for: options.sources[1], out: "/tmp/r.json")
        #expect(child == ["--size", "M", "--repeat", "3", "--ops", "load,path", "--out", "/tmp/r.json"])
    }

    @Test func keepGivesEachSizeItsOwnFolder() throws {
        let options = try BenchOptions.parse(["--size", "S,M", "--keep", "/data", "--cold"])
        #expect(options.cold)
        #expect(options.childArguments(for: options.sources[0], out: "o") == ["--size", "S", "--keep", "/data/S", "--cold", "--out", "o"])
    }

    @Test func withoutDataTheRunIsOnS() throws {
        let options = try BenchOptions.parse([])
        #expect(options.sources.isEmpty && options.data.name == "S")
        #expect(options.repeats == 1 && options.runs("overlap") && !options.cold)
    }

    @Test(arguments: [["--size", "XL"], ["--size", "S,,M"], ["--repeat", "0"], ["--repeat", "many"],
                      ["--ops", "path,walk"], ["--table", "--bogus"], ["--out"]])
    func badArgumentsAreUsageErrors(arguments: [String]) {
        #expect(throws: BenchOptions.UsageError.self) { try BenchOptions.parse(arguments) }
    }

    @Test func theGrowthTableGivesEachOpsFactorFromOneGraphToTheNext() {
        func report(_ data: String, nodes: Int, edges: Int, load: String, path: String?, peak: String) -> JSONValue {
            var ops = [JSONMember(key: "load", value: .object([
                JSONMember(key: "seconds", value: .number(load)),
                JSONMember(key: "result", value: .object([JSONMember(key: "nodes", value: .int(nodes)),
                                                           JSONMember(key: "edges", value: .int(edges))])),
            ]))]
            if let path {
                ops.append(JSONMember(key: "path", value: .object([JSONMember(key: "seconds", value: .number(path)),
                                                                   JSONMember(key: "result", value: .int(1))])))
            }
            return .object([JSONMember(key: "data", value: .string(data)), JSONMember(key: "ops", value: .object(ops)),
                            JSONMember(key: "peak_rss_mb_self", value: .number(peak))])
        }
        let growth = GrowthReport(reports: [
            report("S", nodes: 1000, edges: 5000, load: "0.002", path: "0.0005", peak: "20.0"),
            report("M", nodes: 100_000, edges: 1_000_000, load: "0.250", path: nil, peak: "80.0"),
            report("L", nodes: 1_000_000, edges: 10_000_000, load: "2.000", path: "0.1000", peak: "440.0"),
        ])
        let lines = growth.table.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines[0] == ["op", "S", "s", "M", "s", "L", "s", "S→M", "M→L"])
        #expect(lines[1] == ["load", "0.002000", "0.250000", "2.000000", "×125", "×8.0"])
        // An op missing at one size has no factor to or from it.
        #expect(lines[2] == ["path", "0.000500", "-", "0.100000", "-", "-"])
        #expect(lines[3] == ["nodes", "1000", "100000", "1000000", "×100", "×10"])
        #expect(lines[4] == ["edges", "5000", "1000000", "10000000", "×200", "×10"])
        #expect(lines[5] == ["peak", "RSS", "MB", "20.0", "80.0", "440.0", "×4.0", "×5.5"])
        #expect(growth.json == .array(growth.reports))
    }
}
