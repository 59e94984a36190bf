import Testing
@testable import PolicyGraph

/// Every kind of bad input gives a clear error naming the file and line, never a crash.
@Suite struct LoadErrorTests {
    /// A fixture folder, and the `file:line` prefix plus a fragment its first message must hold.
    @Test(arguments: [
        ("unknown-node", "edges.csv:3: error: column 'from': unknown node 'chnia' (did you mean 'china'?)"),
        ("duplicate-id", "nodes.csv:6: error: column 'id': duplicate id 'us', first defined on line 2"),
        ("unknown-kind", "nodes.csv:6: error: column 'kind': unknown kind 'organisation' (did you mean 'organization'?)"),
        ("unknown-relation", "edges.csv:2: error: column 'relation': unknown relation 'suports' (did you mean 'supports'?)"),
        ("forbidden-endpoints", "edges.csv:2: error: column 'relation': 'leads' cannot join a framework to a country"),
        ("unterminated-quote", "nodes.csv:6:17: error: a quoted field opened here is never closed"),
        ("text-after-quote", "nodes.csv:6:5: error: text after a closing quote"),
        ("too-many-fields", "nodes.csv:6: error: expected 4 fields as in the header (id,kind,label,label_zh), found 5"),
        ("too-few-fields", "edges.csv:2: error: expected 6 fields as in the header (from,relation,to,weight,date,cite), found 3"),
        ("empty-id", "nodes.csv:6: error: column 'id': empty value"),
        ("bad-weight", "edges.csv:2: error: column 'weight': weight 'strong' is not a number"),
        ("impossible-date", "edges.csv:2: error: column 'date': '2024-02-30' is not a valid date"),
        ("invalid-utf8", "nodes.csv:6:23: error: invalid UTF-8"),
        ("nul-byte", "edges.csv:2:20: error: NUL byte"),
        ("missing-edges-file", "edges.csv: error: file not found"),
        ("bad-header", "nodes.csv:1: error: the header must begin with 'id,kind,label', found 'identifier,kind,label'"),
        ("empty-file", "nodes.csv:1: error: the file is empty"),
        ("schema-syntax", "schema.json:4:30: error: invalid JSON: expected ',' or '}' in an object"),
        ("schema-content", "schema.json:4: error: relation 'ratifies': 'stance' must be 1, -1, 0 (neutral) or false (no stance)"),
    ])
    func badInputNamesFileAndLine(fixture: String, expected: String) throws {
        let folder = Fixtures.path("invalid/\(fixture)")
        do {
            _ = try GraphLoader.load(folder: folder)
            Issue.record("\(fixture) loaded but should not")
        } catch {
            let first = try #require(error.lines.first)
            #expect(first.hasPrefix(folder + "/" + expected), "\(first)")
        }
    }

    @Test func everyProblemOfBothFilesIsReportedAtOnce() throws {
        let folder = Fixtures.path("invalid/many-errors")
        do {
            _ = try GraphLoader.load(folder: folder)
            Issue.record("expected a failure")
        } catch {
            let lines = error.lines.map { String($0.dropFirst(folder.count + 1)) }
            #expect(lines == [
                "nodes.csv:6: error: column 'id': duplicate id 'us', first defined on line 2; ids must be unique",
                "nodes.csv:7: error: column 'kind': unknown kind 'organisation' (did you mean 'organization'?) (declare new kinds in schema.json)",
                "edges.csv:2: error: column 'from': unknown node 'chnia' (did you mean 'china'?); add it to nodes.csv or fix the id",
                "edges.csv:3: error: column 'relation': unknown relation 'suports' (did you mean 'supports'?) (declare new relations in schema.json)",
                "edges.csv:4: error: column 'weight': weight 'x' is not a number; write a decimal such as 0.5 or leave it empty",
                "edges.csv:5: error: column 'date': '2024-13' is not a valid date; write YYYY, YYYY-MM or YYYY-MM-DD",
                "edges.csv:6: error: column 'relation': 'leads' cannot join a framework to a country; the schema allows official|agency|country -> agency|organization|delegation",
            ])
        }
    }

    /// A tab in an id loads (every output escapes it) but is worth a warning at its line.
    @Test func aControlCharacterInAnIdIsAWarning() throws {
        let folder = Fixtures.path("valid/control-in-id")
        let loaded = try GraphLoader.load(folder: folder)
        #expect(loaded.graph.node("eu\tcommission") != nil)
        #expect(loaded.warnings.map(\.description) == [
            folder + "/nodes.csv:6: warning: column 'id': the id contains a control character (U+0009); ids are usually plain text on one line: remove it unless it is meant",
        ])
    }

    @Test func missingFolderIsAnError() {
        #expect(throws: LoadFailure.self) { try GraphLoader.load(folder: "/nonexistent/graph") }
    }

    @Test(arguments: ["2024", "2024-02", "2024-02-29", "2000-02-29", "1999-12-31"])
    func validDatesAreAccepted(date: String) { #expect(PolicyDate.isValid(date)) }

    @Test(arguments: ["24", "2024-2", "2024-00", "2024-13", "2023-02-29", "1900-02-29", "2024-04-31", "2024/05/14", "2024-05-14T00:00", "abcd"])
    func impossibleDatesAreRejected(date: String) { #expect(!PolicyDate.isValid(date)) }

    @Test(arguments: ["inf", "nan", "1e999", "0x10", "1,5", " "])
    func nonNumericWeightsAreRejected(weight: String) {
        let edges = "from,relation,to,weight\nus,supports,sfc,\(CSVWriter.escape(weight))\n"
        let failure = loadFailure(nodes: minimalNodes, edges: edges)
        #expect(failure?.issues.first?.reason == .invalidWeight(weight))
    }

    /// Random bytes never crash the loader: they load or fail with located errors.
    @Test func randomBytesNeverCrash() {
        var rng = SeededRandom(seed: 42)
        let pieces: [[UInt8]] = [[0x2C], [0x22], [0x0A], [0x0D], [0x00], [0xFF], [0xE4, 0xB8], [0xE4, 0xB8, 0xAD],
                                 Array("us".utf8), Array("country".utf8), Array("supports".utf8), [0xEF, 0xBB, 0xBF]]
        for _ in 0..<300 {
            var nodes = Array("id,kind,label\n".utf8)
            var edges = Array("from,relation,to\n".utf8)
            for _ in 0..<Int(rng.next() % 30) { nodes += pieces[Int(rng.next() % UInt64(pieces.count))] }
            for _ in 0..<Int(rng.next() % 30) { edges += pieces[Int(rng.next() % UInt64(pieces.count))] }
            do {
                _ = try GraphLoader.load(nodes: nodes, edges: edges)
            } catch {
                #expect(!error.lines.isEmpty)
                #expect(error.lines.allSatisfy { $0.contains(": error: ") || $0.contains(": warning: ") })
            }
        }
    }
}
