import Testing
@testable import PolicyGraph

/// A leaf whose conditions test its own relationship's column, counted over that column
/// gathered in slot order (`PatternEdgeConditionLeaf.swift`), against the same queries
/// enumerated match by match (the general path): counts by scan and by table, grouped counts,
/// several leaves, conditions the fast path must leave alone, parallel edges and self-loops.
struct PatternEdgeConditionLeafTests {
    static func graph(_ random: inout PatternRandom) throws -> Graph {
        try files(&random).load()
    }

    /// A random graph's files, to load as often as a test needs a graph that has counted nothing.
    static func files(_ random: inout PatternRandom) -> EdgeColumnGraphFiles {
        let n = random.int(15...40)
        var nodes = "id,kind,label\n"
        for i in 0..<n {
            // A few countries to start from, hubs among the first rows.
            let kind = i < 4 ? "country" : random.pick(RandomPatterns.kinds)
            nodes += "n\(i),\(kind),l\(i % 3)\n"
        }
        var edges = "from,relation,to,weight,date\n"
        for _ in 0..<random.int(60...250) {
            let from = random.chance(0.4) ? random.int(0...3) : random.int(0...(n - 1))
            let to = random.chance(0.05) ? from : (random.chance(0.3) ? random.int(0...3) : random.int(0...(n - 1)))
            let weight = random.chance(0.3) ? "" : random.pick(["0.5", "1", "1.5", "2", "3"])
            let date = random.chance(0.2) ? "" : random.pick(["2020", "2021-06", "2022-01-15", "2023-12", "2024", "2024-05-14"])
            edges += "n\(from),\(random.pick(RandomPatterns.relations)),n\(to),\(weight),\(date)\n"
        }
        return EdgeColumnGraphFiles(nodes: nodes, edges: edges)
    }

    /// A count over a leaf whose relationship `s` has a random one of ``conditions``.
    static func query(_ random: inout PatternRandom) -> String {
        let relation = random.pick(RandomPatterns.relations)
        let arrow = random.chance(0.5) ? "-[s:\(relation)]->" : "<-[s:\(relation)]-"
        let kind = random.chance(0.3) ? "" : ":" + random.pick(RandomPatterns.kinds)
        var text = "MATCH (c:country)\(arrow)(x\(kind))"
        if random.chance(0.3) { text += ", (c)-[:\(random.pick(RandomPatterns.relations))]->(y)" }
        text += " WHERE " + random.pick(Self.conditions)
        switch random.int(0...2) {
        case 0: text += " RETURN count(*)"
        case 1: text += " RETURN c.id, count(*) AS n ORDER BY n DESC, c.id"
        default: text += " RETURN x.id, count(*) AS n ORDER BY n DESC, x.id LIMIT 5"
        }
        return text
    }

    static let conditions = [
        "s.weight > 1", "s.weight >= 1 AND s.weight < 3", "s.weight IS NULL", "s.weight IN [0.5, 2]",
        "s.date >= '2022'", "s.date < '2021-07' OR s.date >= '2024-05'", "NOT s.date STARTS WITH '2024'",
        "s.date IS NOT NULL", "s.date = date('2024-05-14')",
        // Not the leaf's own column alone: left to the general path.
        "s.weight > 1 AND s.date >= '2022'", "s.weight > 1 AND x.label = 'l1'",
    ]

    @Test func countsOverSlotOrderedColumnsAgreeWithEnumeratedMatches() throws {
        var random = PatternRandom(seed: 27_182)
        var gathered = 0
        for _ in 0..<50 {
            let graph = try Self.graph(&random)
            for _ in 0..<6 {
                let text = Self.query(&random)
                let expected = try graph.query(text, options: PatternOptions(factorize: false)).rows
                for (way, options) in PatternPropertyTests.ways {
                    #expect(try graph.query(text, options: options).rows == expected, "\(way): \(text)")
                }
            }
            let columns = graph.edgeTable.columns.indices
            if columns.contains(where: { graph.slotCodes.isBuilt(column: $0, outgoing: true) || graph.slotCodes.isBuilt(column: $0, outgoing: false) }) {
                gathered += 1
            }
        }
        // Most graphs met a query the fast path takes; a planner change that stopped taking it
        // would leave this test checking nothing new.
        #expect(gathered >= 25)
    }

    @Test func slotOrderedCodesAreTheEdgesCodesInSlotOrder() throws {
        var random = PatternRandom(seed: 31_415)
        let graph = try Self.graph(&random)
        for column in graph.edgeTable.columns.indices {
            for outgoing in [true, false] {
                let index = outgoing ? graph.outgoing : graph.incoming
                let view = graph.slotCodes.view(column: column, outgoing: outgoing, in: graph)
                #expect(view.codes.count == graph.edgeCount)
                for k in index.items.indices {
                    #expect(view.codes[k] == graph.edgeTable.columns[column].code(at: Int(index.items[k])))
                }
                for (code, row) in view.representatives.enumerated() where row >= 0 {
                    #expect(graph.edgeTable.columns[column].code(at: Int(row)) == UInt32(code))
                }
            }
        }
    }
}

/// The text of a graph of `PatternEdgeConditionLeafTests`, whose edges have weights and dates.
struct EdgeColumnGraphFiles {
    let nodes: String
    let edges: String

    /// A new graph, which has gathered no column and been asked for none.
    func load() throws -> Graph {
        try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(edges.utf8), schema: Array(RandomPatterns.schema.utf8)).graph
    }
}

/// A leaf counted into a table whose conditions test its own label (each candidate tested once,
/// `LeafScanner.passingCandidates`), against the same queries enumerated match by match.
struct PatternLabelTableLeafTests {
    @Test func tableCountsOfLabelledLeavesAgreeWithEnumeratedMatches() throws {
        var random = PatternRandom(seed: 14_142)
        let conditions = ["x.label STARTS WITH 'l1'", "x.label ENDS WITH '2' OR x.label = 'l0'", "NOT x.label CONTAINS '1'",
                          "x.label STARTS WITH 'l' AND x.label <> 'l2'", "x.label IS NULL"]
        for _ in 0..<40 {
            // Labels stored plain, as a large graph's are (the only ones the fast path reads).
            let graph = PatternColumnReadTests.withPlainNodeColumns(try PatternEdgeConditionLeafTests.graph(&random))
            for _ in 0..<5 {
                let relation = random.pick(RandomPatterns.relations)
                let arrow = random.pick(["-[:\(relation)]->", "<-[:\(relation)]-", "-[:\(relation)]-"])
                let kind = random.chance(0.3) ? "" : ":" + random.pick(RandomPatterns.kinds)
                var text = "MATCH (c\(random.chance(0.5) ? ":country" : ""))\(arrow)(x\(kind)) WHERE " + random.pick(conditions)
                switch random.int(0...2) {
                case 0: text += " RETURN count(DISTINCT c)"
                case 1: text += " RETURN c.id, count(*) AS n ORDER BY n DESC, c.id"
                default: text += " RETURN count(*)"
                }
                let expected = try graph.query(text, options: PatternOptions(factorize: false)).rows
                for (way, options) in PatternPropertyTests.ways {
                    #expect(try graph.query(text, options: options).rows == expected, "\(way): \(text)")
                }
            }
        }
    }
}
