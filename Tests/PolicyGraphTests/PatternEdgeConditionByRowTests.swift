import Testing
@testable import PolicyGraph

/// The first count of a process over an edge condition leaf, each edge's code read by its row
/// (`PatternEdgeConditionByRow.swift`): whole queries on graphs that have counted nothing
/// before, against the same queries enumerated match by match; and the walks at every anchor
/// and leaf row against brute force over the edges, with empty cells, conditions that are null
/// for some values and conditions that fail to evaluate for some.
struct PatternEdgeConditionByRowTests {
    /// Each run on a graph of its own, so that each is the first ask of its process.
    @Test func firstCountsReadByRowAgreeWithEnumeratedMatches() throws {
        var random = PatternRandom(seed: 16_180)
        let ways: [(String, PatternOptions)] = [
            ("automatic", PatternOptions()), ("leaves by scan", PatternOptions(leafMode: .scan)),
            ("leaves by table", PatternOptions(leafMode: .table)),
        ]
        var byRow: [String: Int] = [:]
        for _ in 0..<40 {
            let files = PatternEdgeConditionLeafTests.files(&random)
            for _ in 0..<5 {
                let text = PatternEdgeConditionLeafTests.query(&random)
                let expected = try files.load().query(text, options: PatternOptions(factorize: false)).rows
                for (way, options) in ways {
                    let graph = try files.load()
                    let methods = try graph.explainQuery(text, options: options).allSteps.compactMap(\.method)
                    if methods.contains(.edgeConditionByRow) { byRow[way, default: 0] += 1 }
                    #expect(try graph.query(text, options: options).rows == expected, "\(way): \(text)")
                    // A first ask reads by row: nothing was gathered.
                    #expect(!Self.gatheredAny(graph), "\(way): \(text)")
                }
            }
        }
        // Most queries took the walk by row, by scan and by table; a planner change that
        // stopped taking it would leave this test checking nothing new.
        for (way, _) in ways { #expect(byRow[way, default: 0] >= 60, "\(way): \(byRow)") }
    }

    /// Whether some edge column of `graph` has been gathered in slot order, in either direction.
    static func gatheredAny(_ graph: Graph) -> Bool {
        graph.edgeTable.columns.indices.contains {
            graph.slotCodes.isBuilt(column: $0, outgoing: true) || graph.slotCodes.isBuilt(column: $0, outgoing: false)
        }
    }

    /// Conditions on `s`, as WHERE gives them; `fails` marks the conjuncts made to fail for
    /// some values: `1 / toInteger(s.weight) > 0` divides by zero at weight 0.5. The engine
    /// answers such a conjunct through the general path (its function reads more than a
    /// column), so the test wraps it as the single-column condition it would otherwise be, to
    /// check the errors the walk must leave where they are. `raises`: whether some edge's
    /// evaluation fails (null at an empty cell is no error).
    static let conditions: [(text: String, fails: [Bool], raises: Bool)] = [
        ("s.weight > 1", [false], false),
        ("s.weight IS NULL", [false], false),
        ("s.weight >= 1 AND s.weight < 3", [false, false], false),
        ("s.date >= '2022' AND s.date < '2024-05'", [false, false], false),
        ("NOT s.date STARTS WITH '2024'", [false], false),
        ("1 / toInteger(s.weight) > 0", [true], true),
        // The first conjunct is false at 0.5: the second is never evaluated there.
        ("s.weight >= 1 AND 1 / toInteger(s.weight) > 0", [false, true], false),
        ("1 / toInteger(s.weight) > 0 AND s.weight >= 1", [true, false], true),
    ]

    /// At every anchor (a scan) and every leaf row (a table) of fresh graphs, the scanner, which
    /// walks by row, gives what brute force over the edges gives: the same count or the same
    /// edges (or the same error, raised only where an edge that the general path reads holds a
    /// failing value).
    @Test(arguments: conditions.indices)
    func byRowWalksAgreeWithBruteForceAtEveryRow(_ c: Int) throws {
        var random = PatternRandom(seed: 1_000 + UInt64(c))
        var walked = (scans: 0, tables: 0, errors: 0)
        for _ in 0..<25 {
            let files = PatternEdgeConditionLeafTests.files(&random)
            let relation = random.pick(RandomPatterns.relations)
            let kind = random.chance(0.3) ? "" : ":" + random.pick(RandomPatterns.kinds)
            let outgoing = random.chance(0.5)
            let arrow = outgoing ? "-[s:\(relation)]->" : "<-[s:\(relation)]-"
            let text = "MATCH (c:country)\(arrow)(x\(kind)) WHERE \(Self.conditions[c].text) RETURN count(*)"
            for mode in [LeafMode.scan, .table] {
                let graph = try files.load()
                let walk = try LeafWalk(text, fails: Self.conditions[c].fails, mode: mode, graph: graph)
                let scanner = walk.scanner
                let i = walk.leaf
                try #require(scanner.edgeConditionByRow(i) != nil, "\(text)")
                #expect(scanner.edgeConditions[i] == nil)
                try MatchArrays.with(graph) { (arrays) throws(QueryError) in
                    var frame = MatchFrame(nodes: walk.query.nodes.count, relationships: walk.query.relationships.count)
                    for row in 0..<Int32(graph.nodeCount) {
                        if mode == .scan {
                            let expected = walk.count(at: row)
                            let found = Result { () throws(QueryError) in try scanner.count(i, anchorRow: row, frame: &frame, arrays) }
                            #expect(found == expected, "\(text) at \(graph.id(at: row))")
                            walked.scans += 1
                            if case .failure = expected { walked.errors += 1 }
                        } else {
                            let expected = walk.tableEdges(at: row)
                            var edges: [Int32] = []
                            let found = Result { () throws(QueryError) in
                                try scanner.forEachAnchor(i, leafRow: row, frame: &frame, arrays) { e, _ in edges.append(e) }
                                return edges.sorted()
                            }
                            #expect(found == expected, "\(text) at \(graph.id(at: row))")
                            walked.tables += 1
                            if case .failure = expected { walked.errors += 1 }
                        }
                    }
                }
                // The walk asked once and did not gather.
                #expect(!PatternEdgeConditionByRowTests.gatheredAny(graph))
            }
        }
        #expect(walked.scans > 0 && walked.tables > 0)
        // The failing conditions met their failing values.
        if Self.conditions[c].raises { #expect(walked.errors > 20) } else { #expect(walked.errors == 0) }
    }
}

/// One query's leaf with a condition, planned with its leaves counted one way, and its scanner
/// built as a run builds it; the conjuncts marked `fails` wrapped as single-column conditions.
private struct LeafWalk {
    let graph: Graph
    let query: BoundQuery
    let scanner: LeafScanner
    /// The leaf with the conditions.
    let leaf: Int
    let plan: LeafPlan
    /// The conditions as written (unwrapped, uncached): what brute force evaluates.
    let conditions: [CompiledExpression]

    init(_ text: String, fails: [Bool], mode: LeafMode, graph: Graph) throws {
        let parsed = try #require(ClausePlanner.patternQuery(try PatternParser.parseClauses(text)))
        var query = try PatternBinder.bind(parsed, in: graph)
        let s = try #require(query.relationships.firstIndex { $0.name == "s" })
        try #require(query.predicates.count == fails.count)
        let column = try #require(graph.edgeAttributeNames.firstIndex(of: "weight"))
        var conditions: [CompiledExpression] = []
        for (p, failing) in fails.enumerated() {
            let bound = query.predicates[p]
            if failing {
                let wrapped = CompiledExpression.columnTest(node: false, slot: s, column: column, condition: bound.expression,
                                                            cache: ColumnTruthCache(values: graph.edgeTable.columns[column].distinctCount))
                query.predicates[p] = BoundPredicate(expression: wrapped, nodes: bound.nodes, relationships: bound.relationships,
                                                     text: bound.text)
                conditions.append(bound.expression)
            } else {
                guard case .columnTest(_, _, _, let condition, _) = bound.expression else { throw QueryError(.syntax("not a column test")) }
                conditions.append(condition)
            }
        }
        let plan = PatternPlanner.plan(query, graph: graph, factorize: true, leafMode: mode)
        leaf = try #require(plan.leaves.firstIndex { !$0.predicates.isEmpty })
        self.plan = plan.leaves[leaf]
        try #require(self.plan.counting == (mode == .scan ? .scan : .table))
        scanner = LeafScanner(graph: graph, query: query, leaves: plan.leaves, estimatedRows: plan.estimatedRows)
        self.graph = graph
        self.query = query
        self.conditions = conditions
    }

    /// How many edges bind the leaf at anchor `row`, found over every edge as the general path
    /// defines it: the far end of the leaf's kinds, then the conditions in order, the first not
    /// true deciding; or the error of an edge it reads.
    func count(at row: Int32) -> Result<Int, QueryError> {
        Result { () throws(QueryError) in
            try edges { anchor, far in anchor == row && query.nodes[plan.node].accepts(far, in: graph) }.count
        }
    }

    /// The edges that bind the leaf's node `row` to some anchor (whose kinds are the table's to
    /// check), sorted; or the error of an edge that reads.
    func tableEdges(at row: Int32) -> Result<[Int32], QueryError> {
        Result { () throws(QueryError) in try edges { _, far in far == row }.sorted() }
    }

    /// The edges of the leaf's relations for which `reads(anchor, far)` holds and the conditions pass.
    private func edges(_ reads: (Int32, Int32) -> Bool) throws(QueryError) -> [Int32] {
        let r = query.relationships[plan.relationship]
        let outgoing = plan.outgoing ?? true
        var frame = MatchFrame(nodes: query.nodes.count, relationships: query.relationships.count)
        var found: [Int32] = []
        for e in 0..<Int32(graph.edgeCount) where r.relations?.contains(Int(graph.edgeTable.relations[Int(e)])) ?? true {
            let source = graph.source(ofEdge: e), target = graph.target(ofEdge: e)
            guard outgoing ? reads(source, target) : reads(target, source) else { continue }
            frame.edges[plan.relationship] = e
            var passes = true
            for c in conditions where try c.truth(in: frame, graph: graph) != true {
                passes = false
                break
            }
            if passes { found.append(e) }
        }
        return found
    }
}
