import Testing
@testable import PolicyGraph

/// EXPLAIN of the pattern engine (`PatternExplainer`) against the engine itself: for many
/// queries on graphs that call for every fast path, the ways EXPLAIN names are the ones the
/// engine's own objects take (the planner, a matcher and its leaf scanner, a row collector);
/// and explaining changes nothing a later run depends on.
@Suite struct PatternExplainerTests {
    /// The fast paths the engine's objects take for `text` (planned and built as a run builds
    /// them), as the methods EXPLAIN names them by; `nil` for a query of the pipeline.
    static func engineChoices(_ text: String, graph: Graph, options: PatternOptions) throws -> [QueryPlanStep.Method]? {
        guard let parsed = ClausePlanner.patternQuery(try PatternParser.parseClauses(text)) else { return nil }
        let bound = try PatternBinder.bind(parsed, in: graph)
        let projection = try #require(bound.projection)
        func start(_ slot: NodeSlot) -> QueryPlanStep.Method { slot.rows != nil ? .idIndex : (slot.kinds != nil ? .kindIndex : .allNodes) }
        if let pairs = PairCountPlan.recognize(bound, graph: graph) {
            let kept: QueryPlanStep.Method = PairCountPlan.keptCapacity(projection) != nil ? .boundedHeap : .sortAll
            return [start(bound.nodes[pairs.a]), .pairCounts, kept]
        }
        let plan = PatternPlanner.plan(bound, graph: graph, factorize: true, leafMode: options.leafMode)
        var matcher = PatternMatcher(graph: graph, query: bound, plan: plan)
        var methods: [QueryPlanStep.Method] = []
        for (k, step) in plan.steps.enumerated() {
            guard case .scanNodes(let v) = step.operation else { continue }
            methods.append(matcher.textScans[k] != nil ? .textScan : start(bound.nodes[v]))
        }
        if projection.isAggregating {
            matcher.sumsFrom = plan.firstStepAfter(reading: projection, in: bound)
            if matcher.sumsFrom != nil { methods.append(.weightSum) }
            if matcher.sumsFrom != nil, matcher.sumsLastStep { methods.append(.lastStepSum) }
            methods.append(.sortAll)
        } else {
            let collector = RowCollector(graph: graph, projection: projection, limits: .default)
            if projection.limit == 0 {
                // The collector does not run the matcher at all.
                methods.append(.stopsEarly)
            } else if projection.limit == nil {
                methods.append(.sortAll)
            } else {
                methods.append(collector.page.limit == nil ? .stopsEarly : .boundedHeap)
            }
        }
        let scanner = matcher.counter.scanner
        for (i, leaf) in plan.leaves.enumerated() {
            switch leaf.counting {
            case .scan:
                if scanner.pushed[i] != nil {
                    methods.append(.pushedLeaf)
                } else if scanner.edgeConditions[i]?.fromAnchor == true {
                    methods.append(.edgeCondition)
                } else if scanner.edgeConditionByRow(i)?.fromAnchor == true {
                    methods.append(.edgeConditionByRow)
                } else {
                    methods.append(.scanAnchor)
                }
            case .table:
                if scanner.edgeConditions[i] != nil {
                    methods.append(.edgeCondition)
                } else if scanner.edgeConditionByRow(i) != nil {
                    methods.append(.edgeConditionByRow)
                } else if scanner.passingCandidates[i] != nil {
                    methods.append(.passingCandidates)
                } else {
                    methods.append(.table)
                }
            case .edgeTable: methods.append(.edgeList)
            }
        }
        return methods
    }

    static let fastPaths: Set<QueryPlanStep.Method> = [
        .kindIndex, .allNodes, .idIndex, .textScan, .scanAnchor, .table, .edgeList, .pushedLeaf, .edgeCondition, .edgeConditionByRow,
        .passingCandidates, .pairCounts, .weightSum, .lastStepSum, .stopsEarly, .boundedHeap, .sortAll,
    ]

    /// The graphs and queries of the check: the planner's graph (dictionary labels), one whose
    /// labels are stored plain (text scans, pushed leaves, and tables of passing candidates
    /// when leaves are counted by table), one with weights and dates on its edges (edge
    /// conditions), and random ones with random queries.
    static func workload() throws -> [(graph: Graph, queries: [String], options: PatternOptions)] {
        var random = PatternRandom(seed: 1_515)
        var out: [(graph: Graph, queries: [String], options: PatternOptions)] = []
        out.append((try #require(PatternPlannerTests.graph), [
            PatternPlannerTests.supportersOpposers, PatternPlannerTests.heavy, PatternPlannerTests.chain,
            "MATCH (o:official)-[:supports]->(f:framework) RETURN f, count(*)",
            "MATCH (a:country)-[:supports]->(f)<-[:opposes]-(b:country) RETURN a.id, b.id, count(*) AS n ORDER BY n DESC LIMIT 3",
            "MATCH (c:country)-[:supports]->(f) RETURN c, f LIMIT 5",
            "MATCH (c:country)-[:supports]->(f) RETURN c, f ORDER BY f.id LIMIT 5",
            "MATCH (x)-[:memberOf]->(a {id: 'a7'}) RETURN x", "MATCH (n) RETURN count(*)",
            "MATCH (o:official)-[:memberOf]->(a:agency)-[:memberOf]->(c:country) RETURN count(*)",
            "MATCH (o:official)-[:memberOf]->(a:agency) WHERE o.label STARTS WITH 'o1' RETURN a, count(*)",
        ], PatternOptions()))
        let text = try TextConditionTests.graph(&random, count: 3000)
        let labelled = [
            "MATCH (n:official) WHERE n.label STARTS WITH 'Trade' RETURN count(*)",
            "MATCH (n:framework) WHERE n.label CONTAINS 'Smith' RETURN n.id ORDER BY n.id LIMIT 3",
            "MATCH (p:official)-[:memberOf]->(a:country) WHERE p.label ENDS WITH 'Smith' RETURN a.id, count(*) AS n ORDER BY n DESC",
            "MATCH (p:official)-[:memberOf]->(a) WHERE p.label STARTS WITH 'Trade' RETURN count(*)",
            "MATCH (p)-[:memberOf]->(a:country) WHERE p.label = 'Fin' RETURN a, count(*)",
            "MATCH (p:official)-[:memberOf]->(a:framework {id: 'n7'}) WHERE p.label CONTAINS 'e' RETURN count(*)",
        ]
        out.append((text, labelled, PatternOptions()))
        out.append((text, labelled, PatternOptions(leafMode: .table)))
        // Counts by scan: where the label tests of a leaf become its bit table (pushed leaf).
        out.append((text, labelled, PatternOptions(leafMode: .scan)))
        for _ in 0..<3 {
            let edges = try PatternEdgeConditionLeafTests.graph(&random)
            out.append((edges, [
                "MATCH (c:country)-[s:supports]->(x) WHERE s.weight > 1 RETURN count(*)",
                "MATCH (c:country)<-[s:memberOf]-(x:official) WHERE s.date >= '2022' RETURN c.id, count(*) AS n ORDER BY n DESC",
                "MATCH (c:country)-[s:opposes]->(x) WHERE s.date IS NOT NULL RETURN x.id, count(*) AS n ORDER BY n DESC LIMIT 5",
            ], PatternOptions()))
        }
        for _ in 0..<60 {
            let graph = try RandomPatterns.graph(&random)
            var queries = [RandomPatterns.star(&random, graph: graph).text]
            for i in 1..<4 { queries.append(RandomPatterns.query(&random, graph: graph, returning: i == 1).text) }
            out.append((graph, queries, PatternOptions()))
        }
        return out
    }

    /// For every query, the fast paths EXPLAIN names are the ones the engine's objects take
    /// (EXPLAIN first, then the engine's objects built as a run builds them, so that an edge
    /// condition's first ask is the one EXPLAIN looked at); and each fast path is met.
    @Test func explainNamesTheFastPathsTheEngineTakes() throws {
        var met: Set<QueryPlanStep.Method> = []
        var queries = 0
        for (graph, texts, options) in try Self.workload() {
            for text in texts {
                let plan = try graph.explainQuery(text, options: options)
                let named = plan.allSteps.compactMap(\.method).filter(Self.fastPaths.contains)
                guard let taken = try Self.engineChoices(text, graph: graph, options: options) else {
                    #expect(plan.engine == .pipeline, "\(text)")
                    continue
                }
                queries += 1
                #expect(plan.engine == .pattern, "\(text)")
                #expect(named.map(\.rawValue).sorted() == taken.map(\.rawValue).sorted(), "\(text)\n\(plan)")
                met.formUnion(taken)
            }
        }
        #expect(queries > 150)
        #expect(met == Self.fastPaths, "never met: \(Self.fastPaths.subtracting(met).map(\.rawValue).sorted())")
    }

    /// Explaining asks for nothing: an edge condition's column is gathered from the second
    /// count that asks for it, and explaining (however often) is not one, so the run after it
    /// reads the edges' values by row as it would have, and the run after that gathers the column.
    @Test func explainingChangesNothingALaterRunDependsOn() throws {
        var random = PatternRandom(seed: 27_182)
        let graph = try PatternEdgeConditionLeafTests.graph(&random)
        let text = "MATCH (c:country)-[s:supports]->(x) WHERE s.weight > 1 RETURN count(*)"
        func method() throws -> QueryPlanStep.Method? { try graph.explainQuery(text).allSteps.first { $0.operation == .count }?.method }
        func built() -> Bool {
            graph.edgeTable.columns.indices.contains { graph.slotCodes.isBuilt(column: $0, outgoing: true) || graph.slotCodes.isBuilt(column: $0, outgoing: false) }
        }
        #expect(try method() == .edgeConditionByRow)
        let note = "each edge's weight read by its row, the condition answered once per value met (edge condition by row; "
            + "the weight is gathered in adjacency order from the second such count in this process)"
        #expect(try graph.explainQuery(text).description.contains(note))
        _ = try graph.explainQuery(text)
        let expected = try graph.query(text, options: PatternOptions(factorize: false)).rows
        #expect(try graph.query(text).rows == expected)
        #expect(!built())
        #expect(try method() == .edgeCondition)
        #expect(try graph.query(text).rows == expected)
        #expect(built())
        #expect(try method() == .edgeCondition)
    }
}
