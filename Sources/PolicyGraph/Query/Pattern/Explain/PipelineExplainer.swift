/// EXPLAIN for the clause pipeline: its clauses in the order ``ClausePipeline`` runs them, with
/// the decisions the pipeline takes for each: where a MATCH's paths start
/// (``ClauseContext/PathStart``, asked with the variables the clauses before bind), how many rows
/// a clause makes before the later ones have enough (``ClauseDemand``), and how a WITH or RETURN
/// groups, orders and pages its rows (``ClauseContext/items(of:scope:)``,
/// ``ClauseContext/aggregates(of:items:)``, ``ProjectionOrder``). Patterns inside expressions
/// (`EXISTS { ... }`, pattern predicates and comprehensions) are explained under the step that
/// evaluates them. Parameters are shown with their values.
struct PipelineExplainer {
    let graph: Graph
    let parameters: [String: QueryValue]
    /// Evaluates SKIP and LIMIT (which may be parameters), as the run does.
    var context: ClauseContext

    mutating func plan(_ query: ClauseQuery) throws(QueryError) -> QueryPlan {
        var steps: [QueryPlanStep] = []
        for (i, part) in query.parts.enumerated() {
            if i > 0 {
                let text = query.unionAll ? "UNION ALL: the rows of both queries, repeats kept" : "UNION: the rows of both queries, repeats dropped"
                steps.append(QueryPlanStep(.union, text))
            }
            steps += try sequence(part)
        }
        return QueryPlan(engine: .pipeline, steps: steps)
    }

    /// The plan of a query whose `MATCH ... WITH` beginning the pattern engine answers
    /// (``ClausePlanner/PatternPrefix``): that plan, its RETURN read as the WITH, then the
    /// pipeline's clauses after it.
    mutating func plan(_ query: ClauseQuery, prefix: ClausePlanner.PatternPrefix, prefixPlan: QueryPlan) throws(QueryError) -> QueryPlan {
        var steps = prefixPlan.steps
        if let last = steps.indices.last, steps[last].operation == .return {
            steps[last].operation = .with
            steps[last].text = "WITH" + steps[last].text.dropFirst("RETURN".count)
        }
        let columns = prefix.query.returnClause?.items.map(\.column) ?? []
        if let predicate = prefix.predicate {
            steps.append(QueryPlanStep(.filter, "filter " + predicate.text + values(predicate)))
        }
        steps += try sequence(query.parts[0], from: prefix.clauseCount, scope: columns, ordered: prefix.ordered)
        return QueryPlan(engine: .patternThenPipeline, steps: steps)
    }

    /// The plan of a query whose `MATCH ... OPTIONAL MATCH ... count` beginning is a left join
    /// of two pattern-engine answers (``ClausePlanner/LeftJoin``): the plan of the groups, the
    /// plan of their counts, the join, then the projection read from the joined columns and the
    /// pipeline's clauses after it.
    mutating func plan(_ join: ClausePlanner.LeftJoin, keysPlan: QueryPlan, countsPlan: QueryPlan) throws(QueryError) -> QueryPlan {
        let keyColumns = join.keys.returnClause?.items.map(\.column) ?? []
        // Both answers are joined as they come (``Graph/leftJoinRows``): the projection after sorts.
        func unsorted(_ steps: [QueryPlanStep]) -> [QueryPlanStep] {
            steps.map { step in
                var step = step
                step.steps = step.steps.map { child in
                    guard child.operation == .order, child.method == .sortAll else { return child }
                    var kept = QueryPlanStep(.order, "kept in the order found, for the join")
                    kept.method = .asTheyCome
                    return kept
                }
                return step
            }
        }
        var groups = QueryPlanStep(.match, "MATCH, for the groups: " + keyColumns.joined(separator: ", "))
        groups.steps = unsorted(keysPlan.steps)
        var counted = QueryPlanStep(.optionalMatch, "OPTIONAL MATCH, counted with the MATCH clauses as one join, by group")
        counted.steps = unsorted(countsPlan.steps)
        let padded = QueryPlanStep(.optional, "no match: the group's count 0 (a left join on " + keyColumns.joined(separator: ", ") + ")")
        counted.steps.append(padded)
        return QueryPlan(engine: .patternLeftJoin, steps: [groups, counted] + (try sequence(join.rest.parts[0], scope: join.columns)))
    }

    /// One query of a UNION, with the scope and order each clause sees, as ``ClausePipeline``
    /// tracks them; from clause `first` on, with `scope` and `ordered` as the clauses before left them.
    private mutating func sequence(_ sequence: ClauseSequence, from first: Int = 0, scope: [String] = [], ordered: Bool = false) throws(QueryError) -> [QueryPlanStep] {
        var out: [QueryPlanStep] = []
        var scope = scope
        var ordered = ordered
        let demands = try ClauseDemand.demands(sequence, &context)
        for (index, clause) in sequence.clauses.enumerated() where index >= first {
            switch clause {
            case .match(let match, let optional):
                let introduced = ClausePipeline.variables(of: match).filter { !scope.contains($0) }
                var step = QueryPlanStep(optional ? .optionalMatch : .match, optional ? "OPTIONAL MATCH" : "MATCH")
                step.steps = matchSteps(match, bound: scope)
                if optional {
                    let padded = introduced.isEmpty ? "the row kept as it is"
                                                    : "the row kept, with " + introduced.joined(separator: ", ") + " null"
                    step.steps.append(QueryPlanStep(.optional, "no match: " + padded))
                }
                if let wanted = demands[index] { step.steps.append(stop(wanted)) }
                out.append(step)
                scope += introduced
                ordered = false
            case .unwind(let list, let name, _):
                var step = QueryPlanStep(.unwind, "UNWIND \(list.text) AS \(name.text): a row per item" + values(list))
                step.variable = name.text
                step.steps = subqueries(list, bound: scope)
                if let wanted = demands[index] { step.steps.append(stop(wanted)) }
                out.append(step)
                if !scope.contains(name.text) { scope.append(name.text) }
            case .with(let projection):
                let (step, names) = try self.projection(projection, keyword: "WITH", scope: scope, final: false)
                out.append(step)
                scope = names
                if !projection.order.isEmpty { ordered = true }
            case .return(let projection):
                out.append(try self.projection(projection, keyword: "RETURN", scope: scope, final: !ordered).step)
                return out
            }
        }
        return out
    }

    private func stop(_ wanted: Int) -> QueryPlanStep {
        let rows = "\(wanted) row" + (wanted == 1 ? "" : "s")
        var step = QueryPlanStep(.stop, "stops once it has made \(rows) (all that the clauses after it read)")
        step.method = .stopsEarly
        return step
    }

    // MARK: MATCH

    /// A MATCH's paths as the pipeline walks them: each from its first node or, when its last
    /// has fewer candidates, from its last (``ClauseContext/walked(_:_:_:seeds:)``), hop by hop,
    /// then WHERE on each full match. `bound`: the variables the row binds already.
    private func matchSteps(_ clause: MatchClause, bound scope: [String]) -> [QueryPlanStep] {
        var bound = Set(scope)
        var out: [QueryPlanStep] = []
        // The run's decisions, asked with a row that binds what the clauses before bind.
        func row() -> ClauseRow { Dictionary(uniqueKeysWithValues: bound.map { ($0, PatternValue.null) }) }
        var probe = context
        let seeds = probe.idSeeds(clause, row())
        for index in clause.paths.indices {
            let walked = context.walked(clause, index, row(), seeds: seeds)
            let path = walked.pattern
            let first = path.nodes[0]
            var begin = start(first, bound: bound, seeds: seeds)
            if walked.reversed { begin.text += "; the path walked from its last node, which has fewer candidates" }
            out.append(begin)
            if let name = first.variable { bound.insert(name.text) }
            for (hop, relationship) in path.relationships.enumerated() {
                let near = path.nodes[hop], far = path.nodes[hop + 1]
                out.append(expand(from: near, relationship, to: far, bound: bound))
                if let name = relationship.variable { bound.insert(name.text) }
                if let name = far.variable { bound.insert(name.text) }
            }
            if let name = path.variable { bound.insert(name.text) }
        }
        if let predicate = clause.predicate {
            var filter = QueryPlanStep(.filter, "filter " + predicate.text + values(predicate))
            filter.steps = subqueries(predicate, bound: Array(bound))
            out.append(filter)
        }
        return out
    }

    private func start(_ node: NodePattern, bound: Set<String>, seeds: [String: [Int32]]) -> QueryPlanStep {
        var step: QueryPlanStep
        var checkedKinds = node.kinds
        var checkedProperties = node.properties
        switch ClauseContext.PathStart(node, isBound: bound.contains, isSeeded: { seeds[$0] != nil }) {
        case .whereIDs(let name):
            let rows = seeds[name.text] ?? []
            step = QueryPlanStep(.seek, "seek \(Self.text(node)) by the ids the WHERE names (\(rows.count) node\(rows.count == 1 ? "" : "s"))")
            step.method = .idIndex
            step.ids = rows.map { graph.id(at: $0).rawValue }
        case .bound(let name):
            step = QueryPlanStep(.bound, "start at (\(name.text)), bound before")
        case .id(let e):
            step = QueryPlanStep(.seek, "seek \(Self.text(node)) by id \(e.text)" + values(e))
            step.method = .idIndex
            if let id = ClauseBinder.writtenID(e, parameters) { step.ids = [id] }
            checkedProperties.removeAll { $0.key.text == Column.id }
        case .kinds:
            step = QueryPlanStep(.scan, "scan \(Self.text(node))")
            step.method = .kindIndex
            checkedKinds.removeFirst()
        case .allNodes:
            step = QueryPlanStep(.scan, "scan \(Self.text(node)): every node")
            step.method = .allNodes
        }
        step.variable = node.variable?.text
        step.kinds = node.kinds.first?.map(\.text) ?? []
        step.text += checks(checkedKinds, checkedProperties)
        step.steps = node.properties.flatMap { subqueries($0.value, bound: Array(bound)) }
        return step
    }

    private func expand(from near: NodePattern, _ r: RelationshipPattern, to far: NodePattern, bound: Set<String>) -> QueryPlanStep {
        var text = "expand " + Self.text(near) + Self.text(r) + Self.text(far, properties: true)
        if let name = far.variable, bound.contains(name.text) { text += ", only where it reaches \(name.text) (bound before)" }
        let entries = r.properties + far.properties
        if !entries.isEmpty { text += entries.map { values($0.value) }.joined() }
        var step = QueryPlanStep(.expand, text)
        step.variable = far.variable?.text
        step.kinds = far.kinds.first?.map(\.text) ?? []
        step.anchor = near.variable?.text
        step.relations = r.relations.map(\.text)
        step.direction = switch r.direction {
        case .right: .outgoing
        case .left: .incoming
        case .either: .both
        }
        step.hops = r.length.map(QueryPlanStep.Hops.init)
        step.steps = entries.flatMap { subqueries($0.value, bound: Array(bound)) }
        return step
    }

    /// `; checks :official, population = 10` for what a start checks at each node it tries.
    private func checks(_ kinds: [[PatternName]], _ properties: [PropertyEntry]) -> String {
        let tests = kinds.map { ":" + $0.map(\.text).joined(separator: "|") }
            + properties.map { "\($0.key.text) = \($0.value.text)" + values($0.value) }
        return tests.isEmpty ? "" : "; checks " + tests.joined(separator: ", ")
    }

    // MARK: Expressions

    /// The patterns inside `e`, each matched for every row that evaluates it, with the steps
    /// of that match. `bound`: the variables the row holds.
    private func subqueries(_ e: PatternExpression, bound: [String]) -> [QueryPlanStep] {
        switch e.form {
        case .pattern(let path):
            let clause = MatchClause(paths: [path], predicate: nil, location: e.location)
            if let test = edgeTest(clause, "pattern " + e.text, bound: bound) { return [test] }
            var step = QueryPlanStep(.subquery, "pattern \(e.text): matched for each row, until its first match")
            step.method = .firstMatch
            step.steps = matchSteps(clause, bound: bound)
            return [step]
        case .exists(let clause):
            if let test = edgeTest(clause, e.text, bound: bound) { return [test] }
            var step = QueryPlanStep(.subquery, "\(e.text): matched for each row, until its first match")
            step.method = .firstMatch
            step.steps = matchSteps(clause, bound: bound)
            return [step]
        case .patternComprehension(let path, let predicate, let value):
            let clause = MatchClause(paths: [path], predicate: predicate, location: e.location)
            var step = QueryPlanStep(.subquery, "\(e.text): matched for each row, every match")
            step.method = .everyMatch
            step.steps = matchSteps(clause, bound: bound) + subqueries(value, bound: bound + ClausePipeline.variables(of: clause))
            return [step]
        case .comprehension(let variable, let list, let predicate, let value):
            let inner = [predicate, value].compactMap { $0 }.flatMap { subqueries($0, bound: bound + [variable.text]) }
            return subqueries(list, bound: bound) + inner
        case .quantifier(_, let variable, let list, let predicate):
            return subqueries(list, bound: bound) + subqueries(predicate, bound: bound + [variable.text])
        default:
            return e.form.children.flatMap { subqueries($0, bound: bound) }
        }
    }

    /// The step of a pattern predicate or EXISTS that ``EdgeTest`` answers, as the run decides
    /// it (with `bound` as the names the row binds); `nil` when the search answers it.
    private func edgeTest(_ clause: MatchClause, _ text: String, bound: [String]) -> QueryPlanStep? {
        let names = Set(bound)
        guard EdgeTest(clause, in: graph, isBound: names.contains, parameters: context.parameters) != nil,
              let path = clause.paths.first, path.nodes.count == 2, let relationship = path.relationships.first else {
            return nil
        }
        let ends = path.nodes.map { Self.text($0, properties: true) + $0.properties.map { values($0.value) }.joined() }
        let runs = relationship.relations.isEmpty ? "edges" : ":" + relationship.relations.map(\.text).joined(separator: "|") + " edges"
        var step = QueryPlanStep(.subquery, "\(text): for each row, one edge looked for between \(ends[0]) and \(ends[1]), "
                                 + "in the shorter of their lists of \(runs)")
        step.method = .edgeTest
        return step
    }

    /// ` ($x = 'us')` for the parameters `e` reads (outside patterns, which show their own).
    private func values(_ e: PatternExpression) -> String {
        var names: [String] = []
        func collect(_ e: PatternExpression) {
            if case .parameter(let name) = e.form, !names.contains(name) { names.append(name) }
            e.form.children.forEach(collect)
        }
        collect(e)
        guard !names.isEmpty else { return "" }
        let shown = names.map { name in parameters[name].map { "$\(name) = \($0.literalText)" } ?? "$\(name) not given" }
        return " (" + shown.joined(separator: ", ") + ")"
    }
}

extension PipelineExplainer {
    // MARK: WITH and RETURN

    /// A WITH or RETURN and the names of its columns (the scope after it).
    private mutating func projection(_ p: Projection, keyword: String, scope: [String], final: Bool) throws(QueryError)
        -> (step: QueryPlanStep, names: [String]) {
        let items = try ClauseContext.items(of: p, scope: scope)
        let (calls, isAggregate) = try ClauseContext.aggregates(of: p, items: items)
        let names = items.map(\.name)
        let shown = items.map { $0.name == $0.expression.text ? $0.name : "\($0.expression.text) AS \($0.name)" }
        let read = items.map { values($0.expression) }.filter { !$0.isEmpty }
        let header = keyword + (p.distinct ? " DISTINCT " : " ") + shown.joined(separator: ", ") + read.joined()
        var step = QueryPlanStep(keyword == "WITH" ? .with : .return, header)
        step.steps = items.flatMap { subqueries($0.expression, bound: scope) }
        let aggregating = isAggregate.contains(true) || !calls.isEmpty
        if aggregating {
            let keys = items.indices.filter { !isAggregate[$0] }.map { names[$0] }
            let groups = keys.isEmpty ? "one group" : "group by " + keys.joined(separator: ", ")
            let text = groups + ": " + calls.map(\.1.text).joined(separator: ", ")
            step.steps.append(QueryPlanStep(.aggregate, text))
        }
        if p.distinct { step.steps.append(QueryPlanStep(.distinct, "DISTINCT: repeated rows dropped")) }
        let skip = try context.count(p.skip, "SKIP") ?? 0
        let limit = try context.count(p.limit, "LIMIT")
        let keys = p.order.map { $0.expression.text + ($0.descending ? " DESC" : "") }
        let sorted = (aggregating ? "groups" : "rows") + " sorted by "
            + (keys.isEmpty ? "the columns" : keys.joined(separator: ", ") + (final ? ", then by the columns" : ""))
        let page = [skip > 0 ? "SKIP \(skip)" : nil, limit.map { "LIMIT \($0)" }].compactMap { $0 }.joined(separator: " ")
        var order: QueryPlanStep
        switch ProjectionOrder(p, final: final, aggregating: aggregating, limit: limit) {
        case .firstRows:
            let passed = skip > 0 ? " (the first \(skip) passed over)" : ""
            let first = limit == 1 ? "first row" : "first \(limit ?? 0) rows"
            order = QueryPlanStep(.page, "\(page): the \(first) as they come\(passed), then sorted by the columns")
            order.method = .stopsEarly
        case .top:
            let (wanted, overflow) = skip.addingReportingOverflow(limit ?? 0)
            order = QueryPlanStep(.order, sorted + "; the first \(overflow ? Int.max : wanted) kept in a bounded heap")
            order.method = .boundedHeap
        case .sortAll:
            order = QueryPlanStep(.order, sorted)
            order.method = .sortAll
        case .asTheyCome:
            order = QueryPlanStep(.order, (aggregating ? "groups" : "rows") + " kept in the order they come")
            order.method = .asTheyCome
        }
        // A WITH that keeps its rows as they come and pages nothing does nothing to say.
        if order.method != .asTheyCome || keyword == "RETURN" || !page.isEmpty { step.steps.append(order) }
        if order.operation != .page, !page.isEmpty {
            step.steps.append(QueryPlanStep(.page, page + (order.method == .asTheyCome ? "" : " after the sort")))
        }
        step.steps += p.order.flatMap { subqueries($0.expression, bound: scope + names) }
        if let predicate = p.predicate {
            var filter = QueryPlanStep(.filter, "filter " + predicate.text + values(predicate) + (page.isEmpty ? "" : " (after the page)"))
            filter.steps = subqueries(predicate, bound: scope + names)
            step.steps.append(filter)
        }
        return (step, names)
    }

    // MARK: Patterns as written

    /// `(c:country {id: 'us'})`, without the properties unless asked.
    static func text(_ node: NodePattern, properties: Bool = false) -> String {
        var text = node.variable?.text ?? ""
        for group in node.kinds { text += ":" + group.map(\.text).joined(separator: "|") }
        if properties, !node.properties.isEmpty {
            text += " {" + node.properties.map { "\($0.key.text): \($0.value.text)" }.joined(separator: ", ") + "}"
        }
        return "(" + text + ")"
    }

    /// `-[r:supports*1..3 {date: '2024'}]->`, `<--`, `--`.
    static func text(_ r: RelationshipPattern) -> String {
        var inside = r.variable?.text ?? ""
        if !r.relations.isEmpty { inside += ":" + r.relations.map(\.text).joined(separator: "|") }
        if let length = r.length { inside += "*" + QueryPlanStep.Hops(length).description }
        if !r.properties.isEmpty {
            let entries = r.properties.map { "\($0.key.text): \($0.value.text)" }
            inside += (inside.isEmpty ? "" : " ") + "{" + entries.joined(separator: ", ") + "}"
        }
        let body = inside.isEmpty ? "-" : "-[" + inside + "]-"
        switch r.direction {
        case .right: return body + ">"
        case .left: return "<" + body
        case .either: return body
        }
    }
}
