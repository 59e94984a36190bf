/// Checks a parsed query against the graph and turns it into a ``BoundQuery``: kinds, relations
/// and properties must exist (else an error with suggestions at the name), variables are given
/// slots, `id` constraints become index lookups and WHERE is split into conjuncts.
struct PatternBinder {
    let graph: Graph
    var bound = BoundQuery()

    init(graph: Graph) { self.graph = graph }

    /// Binds a whole query. `requireReturn` is false for ``Graph/patternSubgraph(_:)``.
    static func bind(_ query: PatternQuery, in graph: Graph, requireReturn: Bool = true) throws(QueryError) -> BoundQuery {
        var binder = PatternBinder(graph: graph)
        for (i, clause) in query.matches.enumerated() { try binder.bind(clause, index: i) }
        if let r = query.returnClause {
            try binder.bindReturn(r)
        } else if requireReturn {
            throw QueryError(.syntax("expected RETURN after the MATCH clauses (a query ends with RETURN ...), found end of query"), at: query.end)
        }
        return binder.bound
    }

    mutating func bind(_ clause: MatchClause, index: Int) throws(QueryError) {
        var nodeProperties: [(slot: Int, entries: [PropertyEntry])] = []
        var relationshipProperties: [(slot: Int, entries: [PropertyEntry])] = []
        for path in clause.paths {
            var slots: [Int] = []
            for node in path.nodes {
                let slot = try nodeSlot(node)
                slots.append(slot)
                if !node.properties.isEmpty { nodeProperties.append((slot, node.properties)) }
            }
            for (i, pattern) in path.relationships.enumerated() {
                let slot = try relationshipSlot(pattern, left: slots[i], right: slots[i + 1], clause: index)
                if !pattern.properties.isEmpty { relationshipProperties.append((slot, pattern.properties)) }
            }
        }
        for (slot, entries) in nodeProperties {
            for entry in entries { try bindNodeProperty(slot: slot, entry) }
        }
        for (slot, entries) in relationshipProperties {
            for entry in entries { try bindRelationshipProperty(slot: slot, entry) }
        }
        if let predicate = clause.predicate {
            var compiler = ExpressionCompiler(graph: graph, variables: bound.variables, context: .condition)
            let (_, type) = try compiler.compile(predicate)
            try compiler.requireCondition(type, predicate)
            for conjunct in Self.conjuncts(predicate) { try bindConjunct(conjunct) }
        }
    }

    /// The operands of a top-level AND chain.
    static func conjuncts(_ e: PatternExpression) -> [PatternExpression] {
        if case .binary(.and, let l, let r) = e.form { return conjuncts(l) + conjuncts(r) }
        return [e]
    }

    private mutating func nodeSlot(_ node: NodePattern) throws(QueryError) -> Int {
        var slot: Int
        if let name = node.variable {
            switch bound.variables[name.text] {
            case .node(let s)?: slot = s
            case .relationship?, .path?:
                throw QueryError(.syntax("'\(name.text)' is a relationship variable, used here as a node"), at: name.location)
            case nil:
                slot = bound.nodes.count
                bound.nodes.append(NodeSlot(name: name.text))
                bound.variables[name.text] = .node(slot)
            }
        } else {
            slot = bound.nodes.count
            bound.nodes.append(NodeSlot(name: nil))
        }
        for group in node.kinds {
            var mask = [Bool](repeating: false, count: graph.schema.kinds.count)
            for name in group {
                let kind: Kind
                do { kind = try graph.checkedKind(name.text) } catch { throw QueryError(error.reason, at: name.location) }
                if let k = graph.schema.kindIndex[kind] { mask[k] = true }
            }
            if let old = bound.nodes[slot].kinds { for k in mask.indices { mask[k] = mask[k] && old[k] } }
            bound.nodes[slot].kinds = mask
        }
        return slot
    }

    private mutating func relationshipSlot(_ pattern: RelationshipPattern, left: Int, right: Int, clause: Int) throws(QueryError) -> Int {
        let slot = bound.relationships.count
        if let name = pattern.variable {
            switch bound.variables[name.text] {
            case .node?:
                throw QueryError(.syntax("'\(name.text)' is a node variable, used here as a relationship"), at: name.location)
            case .relationship?, .path?:
                throw QueryError(.syntax("relationship variable '\(name.text)' is already bound; each relationship pattern needs its own variable"), at: name.location)
            case nil:
                bound.variables[name.text] = pattern.length == nil ? .relationship(slot) : .path(slot)
            }
        }
        var relations: [Int]?
        if !pattern.relations.isEmpty {
            // A mask rather than a Set<Int>: the first Set<Int> a process grows costs a search
            // through every protocol conformance it has loaded.
            var named = [Bool](repeating: false, count: graph.schema.relations.count)
            for name in pattern.relations {
                let relation: Relation
                do { relation = try graph.checkedRelation(name.text) } catch { throw QueryError(error.reason, at: name.location) }
                if let r = graph.schema.relationIndex[relation] { named[r] = true }
            }
            relations = named.indices.filter { named[$0] }
        }
        let mask = relations.map { list in
            var m = [Bool](repeating: false, count: graph.schema.relations.count)
            for r in list { m[r] = true }
            return m
        }
        let pointsLeft = pattern.direction == .left
        bound.relationships.append(RelationshipSlot(
            name: pattern.variable?.text, relations: relations, relationMask: mask,
            from: pointsLeft ? right : left, to: pointsLeft ? left : right, directed: pattern.direction != .either,
            fromIsLeft: !pointsLeft, length: pattern.length, clause: clause))
        return slot
    }

    /// `{id: 'us'}` becomes an index lookup (an unknown id is an error, with close ids);
    /// any other `{key: value}` a predicate `n.key = value`.
    private mutating func bindNodeProperty(slot: Int, _ entry: PropertyEntry) throws(QueryError) {
        if entry.key.text == Column.id, case .string(let id) = entry.value.form {
            try restrict(slot, toIDs: [id], location: entry.value.location, strict: true)
            return
        }
        var compiler = ExpressionCompiler(graph: graph, variables: bound.variables, context: .condition)
        let (value, _) = try compiler.compile(entry.value)
        let property: CompiledExpression
        switch entry.key.text {
        case Column.id: property = .nodeID(.node(slot))
        case Column.kind: property = .nodeKind(.node(slot))
        default:
            let c = try ExpressionCompiler.nodeColumn(entry.key, in: graph)
            let numbers = graph.schema.isNumeric(entry.key.text) ? CompiledExpression.numbers(of: graph.nodeTable.columns[c]) : nil
            property = .nodeColumn(.node(slot), column: c, numbers: numbers)
        }
        compiler.usedNodes.insert(slot)
        bound.predicates.append(BoundPredicate(expression: CompiledExpression.compare(.equal, property, value).cachedPerColumnValue(in: graph), nodes: compiler.usedNodes,
                                               relationships: compiler.usedRelationships,
                                               text: "\(bound.nodes[slot].name ?? "_\(slot)").\(entry.key.text) = \(entry.value.text)"))
    }

    /// `[r {date: '2024'}]`: a constant value filters every edge the pattern binds (each edge of
    /// a variable-length path); a value read from a variable becomes a predicate.
    private mutating func bindRelationshipProperty(slot: Int, _ entry: PropertyEntry) throws(QueryError) {
        let c = try ExpressionCompiler.edgeColumn(entry.key, in: graph)
        let numbers = graph.schema.isNumeric(entry.key.text) ? CompiledExpression.numbers(of: graph.edgeTable.columns[c]) : nil
        var compiler = ExpressionCompiler(graph: graph, variables: bound.variables, context: .condition)
        let (value, _) = try compiler.compile(entry.value)
        if case .constant(let v) = value {
            bound.relationships[slot].filters.append(EdgeFilter(column: c, numbers: numbers, value: v))
            return
        }
        guard !bound.relationships[slot].isPath else {
            throw QueryError(.syntax("a variable-length relationship's properties must be constants; compare in WHERE instead"), at: entry.value.location)
        }
        compiler.usedRelationships.insert(slot)
        let property = CompiledExpression.edgeColumn(.edge(slot), column: c, numbers: numbers)
        bound.predicates.append(BoundPredicate(expression: CompiledExpression.compare(.equal, property, value).cachedPerColumnValue(in: graph), nodes: compiler.usedNodes,
                                               relationships: compiler.usedRelationships,
                                               text: "\(bound.relationships[slot].name ?? "_r\(slot)").\(entry.key.text) = \(entry.value.text)"))
    }

    private mutating func bindConjunct(_ e: PatternExpression) throws(QueryError) {
        // `n.id = 'x'` and `n.id IN ['x', 'y']` become index lookups.
        if case .binary(let op, let l, let r) = e.form, op == .equal || op == .in {
            let sides = op == .equal ? [(l, r), (r, l)] : [(l, r)]
            for (property, value) in sides {
                guard case .property(let base, let key) = property.form, key.text == Column.id,
                      case .variable(let name) = base.form, case .node(let slot)? = bound.variables[name] else { continue }
                if op == .equal, case .string(let id) = value.form {
                    try restrict(slot, toIDs: [id], location: value.location, strict: true)
                    return
                }
                if op == .in, case .list(let items) = value.form {
                    var ids: [String] = []
                    for item in items {
                        guard case .string(let id) = item.form else { ids = []; break }
                        ids.append(id)
                    }
                    if ids.count == items.count {
                        try restrict(slot, toIDs: ids, location: value.location, strict: false)
                        return
                    }
                }
            }
        }
        var compiler = ExpressionCompiler(graph: graph, variables: bound.variables, context: .condition)
        let compiled = try compiler.condition(e)
        bound.predicates.append(BoundPredicate(expression: compiled.cachedPerColumnValue(in: graph), nodes: compiler.usedNodes,
                                               relationships: compiler.usedRelationships, text: e.text))
    }

    /// Narrows a node slot to the rows of `ids`. `strict`: an unknown id is an error (a typo is
    /// likelier than a question whose answer is "nothing").
    private mutating func restrict(_ slot: Int, toIDs ids: [String], location: QueryLocation, strict: Bool) throws(QueryError) {
        var rows: [Int32] = []
        for id in ids {
            if let row = graph.index[NodeID(id)] {
                rows.append(row)
            } else if strict {
                throw QueryError(.unknownNode(id, suggestions: graph.suggestions(for: id)), at: location)
            }
        }
        let unique = Array(Set(rows)).sorted()
        if let old = bound.nodes[slot].rows {
            bound.nodes[slot].rows = unique.filter { old.contains($0) }
        } else {
            bound.nodes[slot].rows = unique
        }
    }
}
