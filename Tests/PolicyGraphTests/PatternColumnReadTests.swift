import Testing
@testable import PolicyGraph

/// Property reads and string predicates through both column storages: dictionary-encoded
/// (most columns) and plain (labels of a large graph, each row its own value), against the CSV
/// as written and against brute force.
@Suite struct PatternColumnReadTests {
    /// `graph` with every node column stored plain, as the loader stores labels past 65,536
    /// rows: the same cells through the other storage, on a graph small enough for brute force.
    static func withPlainNodeColumns(_ graph: Graph) -> Graph {
        var nodes = graph.nodeTable
        nodes.columns = nodes.columns.map { column in
            var arena = ByteArena()
            for row in 0..<column.count {
                var text = column.text(at: row)
                if text.isEmpty { arena.appendEmpty() } else { text.withUTF8 { arena.append($0) } }
            }
            return AttributeColumn(name: column.name, storage: .plain(arena))
        }
        return Graph(schema: graph.schema, nodes: nodes, edges: graph.edgeTable)
    }

    static let labels = ["Trade", "Trade Smith", "Tradecraft", "trade", "Finance", "Finance Trade", "Smith",
                         "Smithson", "值Trade", "Fin", "Agreement of Trade and Finance", ""]

    /// A small graph whose labels share prefixes, suffixes and inner words.
    static func graph(_ random: inout PatternRandom) throws -> Graph {
        let n = random.int(3...7)
        var nodes = "id,kind,label,score\n"
        for i in 0..<n {
            let label = random.pick(labels)
            let quoted = label.contains(" ") ? "\"\(label)\"" : label
            nodes += "n\(i),\(random.pick(RandomPatterns.kinds)),\(quoted),\(random.chance(0.3) ? "" : String(random.int(0...9)))\n"
        }
        var edges = "from,relation,to\n"
        for _ in 0..<random.int(2...10) {
            edges += "n\(random.int(0...(n - 1))),\(random.pick(RandomPatterns.relations)),n\(random.int(0...(n - 1)))\n"
        }
        return try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(edges.utf8), schema: Array(RandomPatterns.schema.utf8)).graph
    }

    @Test func labelReadsGiveTheCellAsWrittenInBothStorages() throws {
        var random = RandomGraphCSV(seed: 42, noise: 0)
        let files = random.folder(nodes: 400, edges: 800)
        let reference = ReferenceLoader(schema: .builtIn).load(nodes: files.nodes, edges: files.edges)
        #expect(reference.failureLines == nil)
        let dictionary = try GraphLoader.load(nodes: files.nodes, edges: files.edges).graph
        let plain = Self.withPlainNodeColumns(dictionary)
        let allPlain = plain.nodeTable.columns.allSatisfy { $0.isPlain }
        #expect(allPlain)
        #expect(!dictionary.nodeTable.columns[0].isPlain)
        let expected = reference.nodes.map { [$0.id.rawValue, $0.label] }.sorted { $0.lexicographicallyPrecedes($1) }
        for graph in [dictionary, plain] {
            let label = graph.nodeTable.columns[0]
            #expect(label.name == "label")
            // One cell at a time, as the matcher reads it.
            for (row, node) in reference.nodes.enumerated() {
                let cell = CompiledExpression.cell(label, row: row, numbers: nil)
                #expect(cell == (node.label.isEmpty ? .null : .string(node.label)))
                #expect(label.value(at: row) == (node.label.isEmpty ? nil : node.label))
            }
            // And through a query.
            let rows = try graph.query("MATCH (n) RETURN n.id, n.label").rows.map { row in row.map { $0 == .null ? "" : $0.text } }
            #expect(rows.sorted { $0.lexicographicallyPrecedes($1) } == expected)
        }
    }

    @Test func numericCellsOfAPlainColumnAreNumbers() throws {
        let nodes = "id,kind,label,score\na,country,A,3\nb,country,B,2.5\nc,country,C,\nd,country,D,x7\n"
        let dictionary = try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array("from,relation,to\n".utf8),
                                              schema: Array(RandomPatterns.schema.utf8)).graph
        let plain = Self.withPlainNodeColumns(dictionary)
        let query = "MATCH (n) WHERE n.score > 2 RETURN n.id, n.score"
        let expected: [[QueryValue]] = [[.string("a"), .int(3)], [.string("b"), .double(2.5)]]
        #expect(try dictionary.query(query).rows == expected)
        #expect(try plain.query(query).rows == expected)
        // Text that is no number stays text, an empty cell is null.
        #expect(try plain.query("MATCH (n) WHERE n.id = 'd' RETURN n.score").rows == [[.string("x7")]])
        #expect(try plain.query("MATCH (n) WHERE n.score IS NULL RETURN n.id").rows == [[.string("c")]])
    }

    static let textOperators = ["STARTS WITH", "ENDS WITH", "CONTAINS", "="]
    static let needles = ["Trade", "Smith", "Fin", "trade", "值", "e", "Trade Smith", ""]

    /// Past an eighth of a plain column's rows, a condition is answered from one pass over the
    /// column: the same counts as the dictionary column, which answers per distinct value.
    @Test func aPlainColumnAskedOftenGivesTheSameAnswers() throws {
        var random = PatternRandom(seed: 8)
        var nodes = "id,kind,label,score\n"
        for i in 0..<600 {
            let label = i % 7 == 0 ? "" : random.pick(Self.labels) + " \(i % 13)"
            nodes += "n\(i),\(random.pick(RandomPatterns.kinds)),\"\(label)\",\(i % 5)\n"
        }
        var edges = "from,relation,to\n"
        for _ in 0..<2000 { edges += "n\(random.int(0...599)),\(random.pick(RandomPatterns.relations)),n\(random.int(0...599))\n" }
        let dictionary = try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(edges.utf8), schema: Array(RandomPatterns.schema.utf8)).graph
        let plain = Self.withPlainNodeColumns(dictionary)
        for _ in 0..<40 {
            let predicate = ReferenceQuery.Predicate.or(
                .nodeText(1, "label", random.pick(Self.textOperators), random.pick(Self.needles)),
                .nodeText(1, "label", random.pick(Self.textOperators), random.pick(Self.needles) + " 1"))
            let q = ReferenceQuery(nodes: [.init(name: "a"), .init(name: "b", kind: random.chance(0.5) ? "official" : nil)],
                                   rels: [.init(name: "r", left: 0, right: 1, direction: random.pick([.right, .left]),
                                                relations: [], length: nil, clause: 0)],
                                   clauses: 1, wheres: [predicate], returned: nil)
            // The dictionary column answers per distinct value (checked against brute force above).
            let expected = try dictionary.query(q.text).rows
            #expect(try plain.query(q.text).rows == expected, "\(q.text)")
            let rows = "MATCH (b) WHERE b.label ENDS WITH ' 1' RETURN b.id ORDER BY b.id"
            #expect(try plain.query(rows).rows == dictionary.query(rows).rows)
        }
    }

    @Test func stringPredicatesCountLikeBruteForceInBothStorages() throws {
        var random = PatternRandom(seed: 15_015)
        for _ in 0..<150 {
            let dictionary = try Self.graph(&random)
            var q = ReferenceQuery(nodes: [.init(name: "a"), .init(name: "b")], rels: [], clauses: 1, wheres: [nil], returned: nil)
            if random.chance(0.5) { q.nodes[0].kind = random.pick(RandomPatterns.kinds) }
            q.rels = [.init(name: "r", left: 0, right: 1, direction: random.pick([.right, .left, .either]),
                            relations: random.chance(0.5) ? [random.pick(RandomPatterns.relations)] : [], length: nil, clause: 0)]
            func test() -> ReferenceQuery.Predicate {
                .nodeText(random.int(0...(q.nodes.count - 1)), "label", random.pick(Self.textOperators), random.pick(Self.needles))
            }
            var predicate = test()
            switch random.int(0...3) {
            case 0: predicate = .or(predicate, test())
            case 1: predicate = .and(predicate, .not(test()))
            default: break
            }
            q.wheres = [predicate]
            let expected = ReferenceMatcher(dictionary).matches(q).count
            for graph in [dictionary, Self.withPlainNodeColumns(dictionary)] {
                for (way, options) in PatternPropertyTests.ways {
                    let result = try graph.query(q.text, options: options)
                    #expect(result.rows == [[.int(expected)]], "\(way): \(q.text)\n\(PatternPropertyTests.dump(graph))")
                }
            }
        }
    }
}
