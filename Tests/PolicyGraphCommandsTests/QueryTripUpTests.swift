import Foundation
import Testing
@testable import PolicyGraphCommands

/// Trip-ups a researcher met using the query language from the README alone: each gets a
/// plain answer or a message that says what to write instead.
struct QueryTripUpTests {
    static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("graph").path

    static func query(_ text: String, _ extra: [String] = []) -> CommandOutput {
        PolicyGraphTool.run(["query", text] + extra + ["--graph", seed])
    }

    @Test(arguments: ["who = 'china'", " who='china' ", "$who = 'china'", "who= 'china'"])
    func spacesAroundAParameterNameAndItsEqualsSignAreLayout(_ pair: String) {
        let spaced = Self.query("MATCH (c:country {id: $who}) RETURN c.id", ["--param", pair])
        #expect(spaced.status == 0)
        #expect(spaced.stderr == "")
        #expect(spaced.stdout == Self.query("MATCH (c:country {id: 'china'}) RETURN c.id").stdout)
        #expect(spaced.stdout.contains("china"))
    }

    @Test func aParameterNameThatIsNotANameIsAUsageError() {
        let bad = Self.query("MATCH (c:country {id: $who}) RETURN c.id", ["--param", "wh o='china'"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--param takes NAME=VALUE with NAME letters, digits or '_', found 'wh o='china''"))
        #expect(Self.query("RETURN 1", ["--param", "='x'"]).status == 2)
    }

    @Test(arguments: ["MATCH (c:country) RETURN c, id(c)", "MATCH (c:country) WITH c RETURN c, ID(c)"])
    func cyphersIdFunctionIsReportedWithTheIdProperty(_ text: String) {
        let out = Self.query(text)
        #expect(out.status == 1)
        let column = text.count - "id(c)".count + 1
        #expect(out.stderr.hasPrefix("query:1:\(column): error: unknown function '\(text.hasSuffix("ID(c)") ? "ID" : "id")': Cypher's id(c) is not supported; here c.id is the id\n"))
    }

    @Test func oneTrailingSemicolonEndsAQuery() {
        let plain = Self.query("MATCH (c:country) RETURN c.id")
        #expect(plain.status == 0 && plain.stdout.contains("china"))
        #expect(Self.query("MATCH (c:country) RETURN c.id;") == plain)
        #expect(Self.query("MATCH (c:country) RETURN c.id ;  // done\n") == plain)
        #expect(Self.query("MATCH (c:country) RETURN c.id;;").status == 1)
    }

    static let dateWarning = "date is text ('2024-05-14'), so comparing it with the number 2024 is never true; quote it ('2024') or write date('2024')"

    @Test func aDateComparedWithANumberIsWarnedAbout() {
        let text = "MATCH (a)-[r:supports]->(x) WHERE r.date > 2024 RETURN a.id"
        let out = Self.query(text)
        #expect(out.status == 0)
        #expect(out.stdout == "no rows\n")
        #expect(out.stderr.hasPrefix("query:1:44: warning: " + Self.dateWarning + "\n"))
        let json = Self.query(text, ["--format", "json"])
        #expect(json.stdout.contains("\"warnings\"") && json.stdout.contains("is never true"))
        #expect(json.stderr == "")
        // Reversed, and with rows: still warned; quoted, no warning and rows.
        #expect(Self.query("MATCH (a)-[r]->(x) WHERE 2024 < r.date OR a.id = 'us' RETURN DISTINCT a.id").stderr.contains(Self.dateWarning))
        let quoted = Self.query("MATCH (a)-[r:supports]->(x) WHERE r.date > '2024' RETURN DISTINCT a.id")
        #expect(quoted.stderr == "" && quoted.stdout.contains("china"))
        #expect(Self.query("MATCH (a)-[r:supports]->(x) WHERE r.weight > 0 RETURN count(*)").stderr == "")
    }

    static let chniaWarning = "no node has id 'chnia', so this list item matches nothing; did you mean 'china'?"

    @Test func anIDInAListThatNoNodeHasIsWarnedAboutEvenWithRows() {
        let out = Self.query("MATCH (n) WHERE n.id IN ['us', 'chnia'] RETURN n.id")
        #expect(out.status == 0)
        #expect(out.stdout.contains("us"))
        #expect(out.stderr.hasPrefix("query:1:32: warning: " + Self.chniaWarning + "\n"))
        #expect(out.stderr.components(separatedBy: "warning:").count == 2)
        let empty = Self.query("MATCH (n) WHERE n.id IN ['chnia'] RETURN n.id")
        #expect(empty.stdout == "no rows\n")
        #expect(empty.stderr.components(separatedBy: "warning:").count == 2)
        #expect(empty.stderr.contains(Self.chniaWarning))
        #expect(Self.query("MATCH (n) WHERE n.id IN ['us', 'china'] RETURN n.id").stderr == "")
    }

    /// Found by a new user: under NOT, a label in the wrong case made "who does not support the
    /// San Francisco Consensus" answer every country, silently.
    @Test func aNameNoNodeHasUnderANotIsWarnedAboutEvenWithRows() {
        let typo = "MATCH (c:country) WHERE NOT EXISTS { (c)-[:supports]->(:framework {label: 'San Francisco consensus'}) } RETURN c.id"
        let out = Self.query(typo)
        #expect(out.status == 0)
        #expect(out.stdout.contains("china") && out.stdout.contains("us"))
        #expect(out.stderr.hasPrefix("query:1:75: warning: no node has label 'San Francisco consensus', so this comparison matches nothing; did you mean 'San Francisco Consensus'?\n"),
                "\(out.stderr)")
        // The same in a pattern predicate and a WHERE inside EXISTS; none for the right name or outside a NOT.
        #expect(Self.query("MATCH (c:country) WHERE NOT (c)-[:supports]->(:framework {label: 'San Francisco consensus'}) RETURN c.id")
            .stderr.contains("did you mean 'San Francisco Consensus'?"))
        #expect(Self.query("MATCH (c:country) WHERE NOT EXISTS { MATCH (c)-[:supports]->(f) WHERE f.label = 'San Francisco consensus' } RETURN c.id")
            .stderr.contains("did you mean 'San Francisco Consensus'?"))
        let right = Self.query("MATCH (c:country) WHERE NOT EXISTS { (c)-[:supports]->(:framework {label: 'San Francisco Consensus'}) } RETURN c.id")
        #expect(right.stderr == "" && !right.stdout.contains("china"))
        #expect(Self.query("MATCH (c:country) WHERE EXISTS { (c)-[:supports]->(:framework {label: 'Trade'}) } OR c.id = 'us' RETURN c.id").stderr == "")
    }

    @Test(arguments: ["MATCH (c:country) RETURN c ORDERBY c.id", "MATCH (c:country) WITH c ORDERBY c.id RETURN c"])
    func orderByWrittenAsOneWordIsNamed(_ text: String) {
        let out = Self.query(text)
        #expect(out.status == 1)
        let column = (text.range(of: "ORDERBY").map { text.distance(from: text.startIndex, to: $0.lowerBound) } ?? 0) + 1
        #expect(out.stderr.hasPrefix("query:1:\(column): error: unknown clause 'ORDERBY'; did you mean ORDER BY (two words)?\n"), "\(out.stderr)")
    }

    @Test func aMisspeltDistinctInAnAggregateIsNamed() {
        let out = Self.query("MATCH (c:country)-[:supports]->(f) RETURN c, count(DISTICT f)")
        #expect(out.status == 1)
        #expect(out.stderr.hasPrefix("query:1:52: error: expected ',' or ')' after the arguments of count, found 'f'; did you mean DISTINCT, not 'DISTICT'?\n"),
                "\(out.stderr)")
        // A variable that only looks a little like it, followed by ')', is a variable.
        #expect(Self.query("MATCH (c:country) WITH c AS distinc RETURN count(distinc)").status == 0)
    }

    @Test func listsAndMapsInACSVFieldAreJSONText() throws {
        let out = Self.query("RETURN ['a, b', 'c'] AS l, {n: 1, k: 'v \\\"q\\\"', z: null} AS m, [1.5, true] AS x", ["--format", "csv"])
        #expect(out.status == 0)
        #expect(out.stdout == "l,m,x\n\"[\"\"a, b\"\", \"\"c\"\"]\",\"{\"\"k\"\": \"\"v \\\"\"q\\\"\"\"\", \"\"n\"\": 1, \"\"z\"\": null}\",\"[1.5, true]\"\n")
        // Undo the CSV quoting of the first field by hand: what remains is JSON a reader parses.
        let record = out.stdout.split(separator: "\n")[1]
        let first = String(record.dropFirst().prefix { $0 != "]" }) + "]"
        let decoded = try #require(JSONSerialization.jsonObject(with: Data(first.replacingOccurrences(of: "\"\"", with: "\"").utf8)) as? [String])
        #expect(decoded == ["a, b", "c"])
        let nodes = Self.query("MATCH (o:official)-[:memberOf]->(:agency {id: 'us-state-department'}) RETURN collect(o) AS ids", ["--format", "csv"])
        #expect(nodes.stdout == "ids\n\"[\"\"antony-blinken\"\", \"\"seth-center\"\"]\"\n")
    }

    @Test func stringsInAListAreQuotedInTheTextTable() {
        let out = Self.query("MATCH (o:official)-[:memberOf]->(:agency {id: 'us-state-department'}) RETURN collect(o.label) AS names, collect(o) AS ids")
        #expect(out.stdout.contains("[\"Antony Blinken\", \"Seth Center\"]  [antony-blinken, seth-center]"))
    }
}
