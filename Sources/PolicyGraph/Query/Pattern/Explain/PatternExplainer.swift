/// EXPLAIN for the pattern engine: the plan it runs (a ``PairCountPlan``, or a ``MatchPlan``)
/// and the choices the matcher, its leaf counter and its row collector make from that plan, as
/// ``QueryPlanStep``s.
///
/// Every choice is asked of the function the run asks (``TextScan/forSteps(_:query:graph:)``,
/// ``PushedLeaf/applies(_:query:graph:estimatedRows:)``, ``EdgeConditionLeaf/choose(_:query:graph:estimatedRows:asking:)``,
/// ``PatternMatcher/sumsLastStep(_:query:)``, ``RowCollector/keepsTop(_:)``...), so that the
/// text says what will run. Nothing is built (no table, no gathered column or label) and
/// nothing is counted towards building one, so that explaining a query costs little and leaves
/// the graph as it was.
struct PatternExplainer {
    let graph: Graph
    let query: BoundQuery
    /// The query as written: the MATCH count, and ORDER BY as written.
    let syntax: PatternQuery
    let options: PatternOptions

    private var names: PlanNames { PlanNames(graph: graph, query: query) }

    /// RETURN's items as written (`count(*) AS shared`), `*` spelt out as the binder does.
    private var shownItems: [String] {
        guard let r = syntax.returnClause else { return [] }
        let star = r.star ? query.variables.keys.sorted() : []
        return star + r.items.map { item in item.alias.map { "\(item.expression.text) AS \($0.text)" } ?? item.expression.text }
    }

    func plan() -> QueryPlan {
        let header = syntax.matches.count == 1 ? "MATCH" : "MATCH × \(syntax.matches.count), planned as one join"
        var match = QueryPlanStep(.match, header)
        guard let projection = query.projection else { return QueryPlan(engine: .pattern, steps: [match]) }
        var result = QueryPlanStep(.return, "RETURN " + (projection.distinct ? "DISTINCT " : "") + shownItems.joined(separator: ", "))
        if options.factorize, let pairs = PairCountPlan.recognize(query, graph: graph) {
            match.steps = pairSteps(pairs)
            result.steps = projectionSteps(projection, keepsWhileCounting: PairCountPlan.keptCapacity(projection))
        } else {
            let plan = PatternPlanner.plan(query, graph: graph, factorize: options.factorize, leafMode: options.leafMode)
            match.steps = matchSteps(plan, projection: projection)
            result.steps = projectionSteps(projection, keepsWhileCounting: nil)
        }
        return QueryPlan(engine: .pattern, steps: [match, result])
    }

    // MARK: The join

    private func matchSteps(_ plan: MatchPlan, projection: PatternProjection) -> [QueryPlanStep] {
        var out: [QueryPlanStep] = plan.constantPredicates.map { names.filter($0, " (once, before matching)") }
        let textScans = TextScan.forSteps(plan, query: query, graph: graph)
        let sumsFrom = projection.isAggregating ? plan.firstStepAfter(reading: projection, in: query) : nil
        for (k, step) in plan.steps.enumerated() {
            if k == sumsFrom {
                var sum = QueryPlanStep(.sum, "from here on only the number of matches is read: "
                                        + "they are added up and handed to their group once")
                sum.method = .weightSum
                out.append(sum)
            }
            var s = coreStep(step.operation, textScan: textScans[k])
            s.steps = step.predicates.map { names.filter($0) }
            out.append(s)
        }
        if sumsFrom != nil, PatternMatcher.sumsLastStep(plan, query: query) {
            var sum = QueryPlanStep(.sum, "the last expansion adds up its targets' counts in one go")
            sum.method = .lastStepSum
            out.append(sum)
        }
        out += leafSteps(plan)
        for pair in plan.pairs {
            let first = plan.leaves[pair.first], second = plan.leaves[pair.second]
            let what = pair.differ ? "bind \(names.variable(first.node)) and \(names.variable(second.node)) to the same node"
                                   : "bind the same edge to both leaves"
            let how = first.usesTable && second.usesTable
                ? "counted once per \(names.variable(first.anchor)) in a table" : "counted at each match"
            var correct = QueryPlanStep(.correct, "minus the matches that \(what) (\(how))")
            correct.anchor = names.variable(first.anchor)
            out.append(correct)
        }
        return out
    }

    private func coreStep(_ operation: MatchPlan.Operation, textScan: TextScan?) -> QueryPlanStep {
        switch operation {
        case .scanNodes(let v): return start(v, textScan: textScan)
        case .scanEdges(let ri):
            let r = query.relationships[ri]
            var step = QueryPlanStep(.scanEdges, "scan the edges of " + names.pattern(from: r.from, ri))
            step.variable = r.name
            step.relations = names.relations(ri)
            step.direction = names.direction(from: r.from, ri)
            return step
        case .expand(let ri, let forward):
            let r = query.relationships[ri]
            let anchor = forward ? r.from : r.to
            return names.step(.expand, "expand " + names.pattern(from: anchor, ri) + idNote(forward ? r.to : r.from), from: anchor, ri)
        case .expandInto(let ri):
            let r = query.relationships[ri]
            return names.step(.check, "check " + names.pattern(from: r.from, ri) + " between its bound ends", from: r.from, ri)
        }
    }

    /// Where a component of the pattern starts: the rows of its ids, its kinds, or every node.
    private func start(_ v: Int, textScan: TextScan?) -> QueryPlanStep {
        var step: QueryPlanStep
        if let ids = names.ids(v) {
            let which = ids.isEmpty ? "id: none of them is in the graph" : idList(ids)
            step = names.step(.seek, "seek \(names.node(v)) by \(which)", node: v)
            step.ids = ids
            step.method = .idIndex
        } else if query.nodes[v].kinds != nil {
            if let textScan {
                let test = query.predicates[textScan.predicate].text
                step = names.step(.scan, "scan \(names.node(v)), testing \(test) first over the kind's labels (text scan)", node: v)
                step.method = .textScan
            } else {
                step = names.step(.scan, "scan \(names.node(v))", node: v)
                step.method = .kindIndex
            }
        } else {
            step = names.step(.scan, "scan \(names.node(v)): every node", node: v)
            step.method = .allNodes
        }
        return step
    }

    /// ` (f: id 'x')` when an expansion's target is restricted to ids.
    private func idNote(_ v: Int) -> String {
        guard let ids = names.ids(v) else { return "" }
        return " (\(names.variable(v)): " + (ids.isEmpty ? "no id in the graph" : idList(ids)) + ")"
    }

    /// `id 'us'`, `ids 'a', 'b'`.
    private func idList(_ ids: [String]) -> String {
        (ids.count == 1 ? "id " : "ids ") + ids.map { "'" + $0.replacingAll("'", with: "\\'") + "'" }.joined(separator: ", ")
    }
}

extension PatternExplainer {
    // MARK: Counted leaves

    /// Each leaf with how it is counted: by the choice the planner made (``LeafCounting``) and
    /// the special counts the counter takes where they apply.
    private func leafSteps(_ plan: MatchPlan) -> [QueryPlanStep] {
        let inPairs = Set(plan.pairs.flatMap { [$0.first, $0.second] })
        let order = PatternLeafCounter.tableOrder(plan.leaves)
        var out: [QueryPlanStep] = []
        for (i, leaf) in plan.leaves.enumerated() {
            let anchor = names.variable(leaf.anchor)
            var (how, method) = counting(leaf, estimatedRows: plan.estimatedRows)
            if method == .edgeList {
                // ``PatternLeafCounter/prepare(_:arrays:)`` may still scan, after a table outside pairs.
                let before = order[..<(order.firstIndex(of: i) ?? 0)]
                let single = !inPairs.contains(i)
                if PatternLeafCounter.mayScanInstead(leaf, single: single), before.contains(where: { !inPairs.contains($0) }) {
                    how += ", or by reading \(anchor)'s edges if the tables built before it leave few \(anchor) (decided when it runs)"
                }
            }
            let text = "count " + names.pattern(from: leaf.anchor, leaf.relationship) + " at each \(anchor), " + how
            var step = names.step(.count, text, from: leaf.anchor, leaf.relationship)
            step.method = method
            step.steps = leaf.predicates.map { names.filter($0, " (in the count)") }
            out.append(step)
        }
        return out
    }

    /// How a leaf's count is found, in words and as a method, asked as ``LeafScanner`` asks.
    private func counting(_ leaf: LeafPlan, estimatedRows: Double) -> (String, QueryPlanStep.Method) {
        let anchor = names.variable(leaf.anchor), node = names.variable(leaf.node)
        let edgeCondition = EdgeConditionLeaf.choose(leaf, query: query, graph: graph, estimatedRows: estimatedRows, asking: false)
        var gathered: String?
        var byRow: String?
        switch edgeCondition {
        case .gathered(let column, _, _)?: gathered = graph.edgeAttributeNames[column]
        case .firstAsk(let column, _, _)?: byRow = graph.edgeAttributeNames[column]
        case nil: break
        }
        func firstAsk(_ name: String) -> String {
            "each edge's \(name) read by its row, the condition answered once per value met (edge condition by row; "
                + "the \(name) is gathered in adjacency order from the second such count in this process)"
        }
        let table = "from a table of counts per \(anchor) built once from "
        switch leaf.counting {
        case .scan:
            if PushedLeaf.applies(leaf, query: query, graph: graph, estimatedRows: estimatedRows) {
                return ("by reading \(anchor)'s edges, \(node)'s label tests answered once per node "
                        + "and read as a bit per edge (pushed leaf)", .pushedLeaf)
            }
            if let gathered {
                return ("by reading \(anchor)'s edges beside their \(gathered) gathered in adjacency order, "
                        + "the condition answered once per value (edge condition)", .edgeCondition)
            }
            if let byRow { return ("by reading \(anchor)'s edges, " + firstAsk(byRow), .edgeConditionByRow) }
            return ("by reading \(anchor)'s edges", .scanAnchor)
        case .table:
            if let gathered {
                return (table + "\(node)'s side, over \(gathered) gathered in adjacency order (edge condition)", .edgeCondition)
            }
            if let byRow { return (table + "\(node)'s side, " + firstAsk(byRow), .edgeConditionByRow) }
            if LeafScanner.countsPassingCandidates(leaf, query: query), PushedLeaf.tests(leaf, query: query, graph: graph) != nil {
                return (table + "the \(node) that pass its label tests", .passingCandidates)
            }
            return (table + "\(node)'s side", .table)
        case .edgeTable:
            let relations = names.relations(leaf.relationship)
            let list = relations.isEmpty ? "every relation" : ":" + relations.joined(separator: "|")
            return ("from a table of counts per \(anchor) built in one pass down the edge list of " + list, .edgeList)
        }
    }

    // MARK: Pair counts

    private func pairSteps(_ pairs: PairCountPlan) -> [QueryPlanStep] {
        var first = start(pairs.a, textScan: nil)
        first.steps = pairs.aPredicateIndices.map { names.filter($0) }
        let middle = names.variable(pairs.middle), b = names.variable(pairs.b)
        // `(a)-[...]->(m)` and `(m)<-[...]-(b)` as one path.
        let second = names.pattern(from: pairs.middle, pairs.second)
        let path = names.pattern(from: pairs.a, pairs.first) + String(second.drop { $0 != ")" }.dropFirst())
        let text = "count pairs \(path) per \(names.variable(pairs.a)): "
            + "each \(middle)'s \(b) gathered once, the pairs counted in a table by \(b)"
        var count = names.step(.countPairs, text, node: pairs.b)
        count.anchor = names.variable(pairs.a)
        count.relations = names.relations(pairs.first)
        count.direction = names.direction(from: pairs.a, pairs.first)
        count.method = .pairCounts
        if let index = pairs.idOrderIndex { count.steps.append(names.filter(index, " (the ids ranked once, compared as numbers)")) }
        count.steps += pairs.pairPredicateIndices.map { names.filter($0, " (per pair)") }
        return [first, count]
    }

    // MARK: RETURN

    /// Grouping, DISTINCT, the order and the page. `keepsWhileCounting`: pair counts keep the
    /// first rows of the order as they count (``PairCountPlan/keptCapacity(_:)``).
    private func projectionSteps(_ projection: PatternProjection, keepsWhileCounting: Int?) -> [QueryPlanStep] {
        var out: [QueryPlanStep] = []
        let columns = projection.columns.indices
        if projection.isAggregating {
            let shown = shownItems.count == projection.columns.count ? shownItems : projection.columns
            let keys = columns.filter { !projection.itemAggregates[$0] }.map { projection.columns[$0] }
            let aggregates = columns.filter { projection.itemAggregates[$0] }.map { shown[$0] }
            let text = (keys.isEmpty ? "one group" : "group by " + keys.joined(separator: ", ")) + ": " + aggregates.joined(separator: ", ")
            out.append(QueryPlanStep(.aggregate, text))
        }
        if projection.distinct { out.append(QueryPlanStep(.distinct, "DISTINCT: repeated rows dropped")) }
        let sortKeys = syntax.returnClause?.order.map { $0.expression.text + ($0.descending ? " DESC" : "") } ?? []
        let by = sortKeys.isEmpty ? "by the columns" : "by " + sortKeys.joined(separator: ", ") + ", then by the columns"
        let skip = projection.skip > 0 ? "SKIP \(projection.skip)" : nil
        let limit = projection.limit.map { "LIMIT \($0)" }
        let page = [skip, limit].compactMap { $0 }.joined(separator: " ")
        var order: QueryPlanStep
        if let kept = keepsWhileCounting {
            order = QueryPlanStep(.order, "groups sorted \(by); the first \(kept) kept while counting")
            order.method = .boundedHeap
        } else if !projection.isAggregating, let wanted = RowCollector.wanted(projection) {
            if wanted == 0 {
                order = QueryPlanStep(.page, "LIMIT 0: nothing is matched")
                order.method = .stopsEarly
                return out + [order]
            }
            if RowCollector.keepsTop(projection) {
                order = QueryPlanStep(.order, "rows sorted \(by); the first \(wanted) of the sort kept in a bounded heap while matching")
                order.method = .boundedHeap
            } else {
                let passed = projection.skip > 0 ? " (the first \(projection.skip) passed over)" : ""
                order = QueryPlanStep(.page, "\(page): matching stops once it has found \(wanted) row\(wanted == 1 ? "" : "s")\(passed); "
                                      + (wanted - projection.skip == 1 ? "that row is kept" : "those kept are sorted by the columns"))
                order.method = .stopsEarly
                return out + [order]
            }
        } else {
            order = QueryPlanStep(.order, (projection.isAggregating ? "groups" : "rows") + " sorted \(by)")
            order.method = .sortAll
        }
        out.append(order)
        if !page.isEmpty { out.append(QueryPlanStep(.page, page + " after the sort")) }
        return out
    }
}
