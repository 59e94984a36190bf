import Foundation
import PolicyGraph
import Testing
@testable import PolicyGraphCommands

/// `policygraph positions` end to end: the seed graph's country table against a computation
/// straight from `graph/edges.csv`, the fixture table's text and CSV, one actor's stances, and
/// the usage errors.
@Suite struct PositionsCommandTests {
    /// A tiny RFC 4180 reader: fields split on commas outside double quotes, `""` for a quote.
    static func readCSV(_ path: String) throws -> [[String: String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var records: [[String]] = []
        var field = ""
        var record: [String] = []
        var quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { record.append(field); field = "" }
            else if c == "\n" || c == "\r\n" { record.append(field); records.append(record); record = []; field = "" }
            else { field.append(c) }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        guard let header = records.first else { return [] }
        return records.dropFirst().filter { $0 != [""] }.map { row in
            var out: [String: String] = [:]
            for (name, value) in zip(header, row) { out[name] = value }
            return out
        }
    }

    @Test func seedCountryTableEqualsAComputationFromTheCSV() throws {
        let nodes = try Self.readCSV(Fixtures.seedGraph + "/nodes.csv")
        let edges = try Self.readCSV(Fixtures.seedGraph + "/edges.csv")
        let countries = Set(nodes.filter { $0["kind"] == "country" }.compactMap { $0["id"] })
        // By hand: s(t) = clamp(Σ polarity × weight) over the country's supports (+1) and opposes (−1).
        var sums: [String: [String: Double]] = [:]
        var counts: [String: [String: Int]] = [:]
        for edge in edges {
            guard let from = edge["from"], let to = edge["to"], countries.contains(from) else { continue }
            let polarity: Double = edge["relation"] == "supports" ? 1 : edge["relation"] == "opposes" ? -1 : 0
            guard polarity != 0 else { continue }
            let weight = Double(edge["weight"] ?? "") ?? 1
            sums[from, default: [:]][to, default: 0] += polarity * weight
            counts[from, default: [:]][to, default: 0] += 1
        }
        let output = PolicyGraphTool.run(["positions", "--kind", "country", "--format", "json", "--graph", Fixtures.seedGraph])
        #expect(output.status == 0, "\(output.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let actors = try #require(json["actors"] as? [String])
        let targets = try #require(json["targets"] as? [String])
        let values = try #require(json["values"] as? [[Any]])
        #expect(Set(actors) == countries)
        #expect(actors.count == countries.count)
        #expect(Set(targets) == Set(sums.values.flatMap(\.keys)))
        for (i, actor) in actors.enumerated() {
            for (j, target) in targets.enumerated() {
                let expected = sums[actor]?[target].map { min(max($0, -1), 1) }
                let value = values[i][j] as? Double
                #expect(value == expected, "\(actor) on \(target)")
            }
        }
        // One cell per stance, with every edge behind it.
        let cells = try #require(json["cells"] as? [[String: Any]])
        #expect(cells.count == sums.values.reduce(0) { $0 + $1.count })
        for cell in cells {
            let actor = try #require(cell["actor"] as? String)
            let target = try #require(cell["target"] as? String)
            let stances = try #require(cell["stances"] as? [[String: Any]])
            #expect(stances.count == counts[actor]?[target])
            #expect(stances.allSatisfy { $0["from"] as? String == actor && $0["to"] as? String == target && $0["cite"] is String })
        }
    }

    func run(_ arguments: String...) -> CommandOutput {
        PolicyGraphTool.run(["positions"] + arguments + ["--graph", Fixtures.path("overlap/graph")])
    }

    @Test func textTableNumbersTheColumnsAndKeysThem() {
        let output = run("--actors", "atlantis,borealis", "--sort", "id", "--target-kind", "framework")
        #expect(output.status == 0)
        #expect(output.stdout == """
            2 actors × 5 targets (+ supports, − opposes, 0 neutral, blank: no stance; sorted by id)

            actor     label             1  2     3      4  5
            --------  ----------------  -  ----  -----  -  -
            atlantis  Atlantis          +  +0.5  −         +
            borealis  Borealis & Isles  +  −     −0.25  +  0

            #  target      label           label_zh
            -  ----------  --------------  --------
            1  accord      Open Accord     开放协定
            2  charter     Safety Charter  安全宪章
            3  export-ban  Export Ban      出口禁令
            4  pact        Data Pact       数据公约
            5  treaty      Treaty          条约

            """)
    }

    @Test func csvHoldsTheValues() {
        let output = run("--actors", "atlantis,borealis", "--sort", "id", "--format", "csv")
        #expect(output.stdout == """
            actor,label,accord,arms-race,charter,export-ban,pact,treaty
            atlantis,Atlantis,1,-1,0.5,-1,,1
            borealis,Borealis & Isles,1,,-1,-0.25,1,0

            """)
    }

    @Test func oneActorListsItsStancesWithCites() {
        let output = run("borealis")
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("borealis (country): Borealis & Isles 北方群岛 — 5 stances\n"))
        #expect(output.stdout.contains("\n0     treaty (Treaty 条约)\n    supports | B6: Borealis backs the Treaty\n    opposes | B7: Borealis also rejects the Treaty\n"))
        #expect(output.stdout.contains("\n−0.25 export-ban (Export Ban 出口禁令)\n    opposes ×0.25 | B3: Borealis has doubts about the Export Ban\n"))
        let inherited = run("atlantis", "--inherit", "--format", "json")
        #expect(inherited.stdout.contains("\"members\": [\"atlantis-bureau\", \"atlantis-envoy\", \"atlantis-ministry\"]"))
    }

    @Test func svgIsAStandaloneDocument() {
        let output = run("--kind", "country", "--format", "svg", "--lang", "zh", "--title", "Who stands where")
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\""))
        #expect(output.stdout.contains(">Who stands where</text>"))
        #expect(output.stdout.contains(">北方群岛</text>"))
    }

    @Test(arguments: [
        (["--actors", "atlantis", "--kind", "country"], "error: give rows either by --actors or by --kind, not both"),
        (["atlantis", "--kind", "country"], "error: --kind is for the table; leave out the actor 'atlantis'"),
        (["atlantis", "--format", "svg"], "error: --format svg draws the table; leave out the actor"),
        (["--as-of", "2024-13"], "error: --as-of takes a date written YYYY, YYYY-MM or YYYY-MM-DD, not '2024-13'"),
        (["--sort", "size"], "error: --sort takes one of similar, id, label, count, not 'size'"),
    ])
    func usageErrorsExitTwo(arguments: [String], message: String) {
        let output = PolicyGraphTool.run(["positions"] + arguments + ["--graph", Fixtures.path("overlap/graph")])
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix(message + "\n"))
    }

    @Test func anUnknownActorIsAQueryError() {
        let output = run("atlantiss")
        #expect(output.status == 1)
        #expect(output.stderr.hasPrefix("error: unknown node 'atlantiss'; did you mean 'atlantis'"))
    }
}

/// The options that change positions reach the library from every command that takes them.
@Suite struct PositionOptionsCommandTests {
    @Test func inheritAsOfAndRollUpChangeTheTable() {
        func csv(_ arguments: String...) -> String {
            PolicyGraphTool.run(["positions", "--actors", "atlantis", "--sort", "id", "--format", "csv"] + arguments
                + ["--graph", Fixtures.path("overlap/graph")]).stdout
        }
        // See StanceTableTests for the hand computations.
        #expect(csv() == "actor,label,accord,arms-race,charter,export-ban,treaty\natlantis,Atlantis,1,-1,0.5,-1,1\n")
        #expect(csv("--inherit") == "actor,label,accord,arms-race,charter,export-ban,misuse,pact,treaty\natlantis,Atlantis,0.5,-1,1,0,-1,1,1\n")
        #expect(csv("--as-of", "2024-05") == "actor,label,accord,arms-race,export-ban\natlantis,Atlantis,1,-1,-1\n")
    }

    @Test func rollUpReachesTheMatrixAndThePair() throws {
        func run(_ arguments: String...) -> CommandOutput {
            PolicyGraphTool.run(["overlap"] + arguments + ["--graph", Fixtures.path("rollup/graph")])
        }
        // Without roll-up the US and China share no target; with it they conflict on the
        // restrictions and agree on AI safety risk: agreement 1/2.
        #expect(run("--actors", "us,china", "--measure", "agreement", "--format", "csv").stdout
            == "agreement,us,china\nus,1,\nchina,,1\n")
        #expect(run("--actors", "us,china", "--measure", "agreement", "--format", "csv", "--roll-up").stdout
            == "agreement,us,china\nus,1,0.5\nchina,0.5,1\n")
        let pair = run("us", "china", "--roll-up")
        #expect(pair.stdout.contains("  us-restrictions (US restrictions on China): us +1, china -1\n    us: supports → chip-controls 2023-10-17 | U1: the US tightens chip controls\n"))
    }
}
