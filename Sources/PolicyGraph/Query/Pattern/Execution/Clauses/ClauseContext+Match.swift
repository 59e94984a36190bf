/// MATCH in the clause pipeline: a depth-first search that extends one input row with every
/// way its patterns can be bound. Variables the row already binds are fixed; within one MATCH
/// an edge is bound at most once. Each node and edge tried is a step of the budget.
extension ClauseContext {
    /// The rows extending `row` with the matches of `clause` (its WHERE applied), at most
    /// `limit` of them.
    ///
    /// - Throws: ``QueryError`` from WHERE or property maps, or past the step or row budget.
    /// `holding`: the rows the clause holds already, counted with these against the row budget.
    mutating func matches(_ clause: MatchClause, from row: ClauseRow, limit: Int?, holding: Int = 0) throws(QueryError) -> [ClauseRow] {
        var state = MatchState(row: row, used: [], results: [], limit: limit ?? Int.max, holding: holding)
        let seeds = idSeeds(clause, row)
        try matchPath(clause, 0, seeds, &state)
        return state.results
    }

    /// The search's state: the row as bound so far, the edges this MATCH has bound, and what it found.
    struct MatchState {
        var row: ClauseRow
        var used: Set<Int32>
        var results: [ClauseRow]
        let limit: Int
        let holding: Int
        var done: Bool { results.count >= limit }
    }

    private mutating func matchPath(_ clause: MatchClause, _ index: Int, _ seeds: [String: [Int32]], _ state: inout MatchState) throws(QueryError) {
        if state.done { return }
        guard index < clause.paths.count else {
            if let predicate = clause.predicate, try truth(predicate, state.row) != true { return }
            state.results.append(state.row)
            try checkRows(state.holding + state.results.count)
            return
        }
        let path = walked(clause, index, state.row, seeds: seeds)
        let first = path.pattern.nodes[0]
        for n in try candidates(first, state.row, seeds: seeds) {
            try step()
            let saved = state.row
            if try bind(first, to: n, &state.row) {
                try walk(clause, index, path, seeds, hop: 0, at: n, nodes: [n], edges: [], &state)
            }
            state.row = saved
            if state.done { return }
        }
    }

    /// Extends path `index` from `node` (the end of hop `hop - 1`).
    private mutating func walk(_ clause: MatchClause, _ index: Int, _ walked: WalkedPath, _ seeds: [String: [Int32]], hop: Int, at node: Int32,
                               nodes: [Int32], edges: [Int32], _ state: inout MatchState) throws(QueryError) {
        let path = walked.pattern
        guard hop < path.relationships.count else {
            let saved = state.row
            if let variable = path.variable {
                state.row[variable.text] = walked.reversed ? .path(nodes: nodes.reversed(), edges: edges.reversed()) : .path(nodes: nodes, edges: edges)
            }
            try matchPath(clause, index + 1, seeds, &state)
            state.row = saved
            return
        }
        let pattern = path.relationships[hop]
        let far = path.nodes[hop + 1]
        if let length = pattern.length {
            try variableLength(clause, index, walked, seeds, hop: hop, pattern, length, far: far, from: node, nodes: nodes, edges: edges, &state)
            return
        }
        for (e, other) in try steps(from: node, pattern) {
            try step()
            if state.used.contains(e) { continue }
            let saved = state.row
            if try bindEdge(pattern, e, &state.row), try bind(far, to: other, &state.row) {
                state.used.insert(e)
                try walk(clause, index, walked, seeds, hop: hop + 1, at: other, nodes: nodes + [other], edges: edges + [e], &state)
                state.used.remove(e)
            }
            state.row = saved
            if state.done { return }
        }
    }

    private mutating func variableLength(_ clause: MatchClause, _ index: Int, _ walked: WalkedPath, _ seeds: [String: [Int32]], hop: Int,
                                         _ pattern: RelationshipPattern, _ length: LengthRange, far: NodePattern,
                                         from start: Int32, nodes: [Int32], edges: [Int32], _ state: inout MatchState) throws(QueryError) {
        var trail: [Int32] = []
        var trailNodes: [Int32] = []
        func finish(_ end: Int32, _ context: inout ClauseContext, _ state: inout MatchState) throws(QueryError) {
            let saved = state.row
            if let variable = pattern.variable {
                // In the written order: a path walked end to start met its edges backwards.
                let list = PatternValue.list((walked.reversed ? trail.reversed() : trail).map { .edge($0) })
                if let bound = state.row[variable.text] {
                    guard bound.equals(list) == true else { return }
                } else {
                    state.row[variable.text] = list
                }
            }
            if try context.bind(far, to: end, &state.row) {
                try context.walk(clause, index, walked, seeds, hop: hop + 1, at: end, nodes: nodes + trailNodes, edges: edges + trail, &state)
            }
            state.row = saved
        }
        func extend(_ at: Int32, _ context: inout ClauseContext, _ state: inout MatchState) throws(QueryError) {
            if trail.count >= length.min { try finish(at, &context, &state) }
            if state.done { return }
            if let max = length.max, trail.count >= max { return }
            for (e, other) in try context.steps(from: at, pattern) {
                try context.step()
                if state.used.contains(e) { continue }
                if !pattern.properties.isEmpty {
                    var scratch = state.row
                    if let variable = pattern.variable { scratch[variable.text] = nil }
                    guard try context.edgeFits(pattern, e, scratch) else { continue }
                }
                state.used.insert(e)
                trail.append(e)
                trailNodes.append(other)
                try extend(other, &context, &state)
                trailNodes.removeLast()
                trail.removeLast()
                state.used.remove(e)
                if state.done { return }
            }
        }
        try extend(start, &self, &state)
    }

    /// The edges a relationship pattern may follow from `node`, with the node at their far end.
    private mutating func steps(from node: Int32, _ pattern: RelationshipPattern) throws(QueryError) -> [(Int32, Int32)] {
        var relations: Set<Relation>?
        if !pattern.relations.isEmpty {
            var set: Set<Relation> = []
            for name in pattern.relations {
                do { set.insert(try graph.checkedRelation(name.text)) } catch { throw QueryError(error.reason, at: name.location) }
            }
            relations = set
        }
        var out: [(Int32, Int32)] = []
        if pattern.direction != .left {
            for e in graph.outgoing.members(Int(node)) where relations?.contains(graph.relation(ofEdge: e)) ?? true {
                out.append((e, graph.target(ofEdge: e)))
            }
        }
        if pattern.direction != .right {
            for e in graph.incoming.members(Int(node)) where relations?.contains(graph.relation(ofEdge: e)) ?? true {
                // A self-loop is one match of an undirected pattern, not two.
                if pattern.direction == .either, graph.source(ofEdge: e) == node { continue }
                out.append((e, graph.source(ofEdge: e)))
            }
        }
        return out
    }

    /// Where a path starts: the node its first node's variable is bound to, the node its `id`
    /// names, the nodes the clause's WHERE names by id (``idSeeds(_:_:)``), the nodes of its
    /// first kinds, or every node. Decided here for the run and for EXPLAIN alike (`isBound`:
    /// whether the row binds a name; `isSeeded`: whether the WHERE names the name's ids).
    enum PathStart {
        case bound(PatternName)
        case id(PatternExpression)
        case whereIDs(PatternName)
        case kinds([PatternName])
        case allNodes

        init(_ pattern: NodePattern, isBound: (String) -> Bool, isSeeded: (String) -> Bool = { _ in false }) {
            if let name = pattern.variable, isBound(name.text) {
                self = .bound(name)
            } else if let entry = pattern.properties.first(where: { $0.key.text == Column.id }) {
                self = .id(entry.value)
            } else if let name = pattern.variable, isSeeded(name.text) {
                self = .whereIDs(name)
            } else if let group = pattern.kinds.first {
                self = .kinds(group)
            } else {
                self = .allNodes
            }
        }
    }

    /// The nodes the first node of a path may bind (see ``PathStart``).
    private mutating func candidates(_ pattern: NodePattern, _ row: ClauseRow, seeds: [String: [Int32]]) throws(QueryError) -> [Int32] {
        switch PathStart(pattern, isBound: { row[$0] != nil }, isSeeded: { seeds[$0] != nil }) {
        case .bound(let name):
            guard let bound = row[name.text] else { return [] }
            if case .node(let n) = bound { return [n] }
            if bound.isNull { return [] }
            throw QueryError(.syntax("'\(name.text)' is not a node, so it cannot be matched as one"), at: name.location)
        case .id(let e):
            guard case .string(let id) = try value(e, row) else { return [] }
            return graph.index[NodeID(id)].map { [$0] } ?? []
        case .whereIDs(let name):
            return seeds[name.text] ?? []
        case .kinds(let group):
            var out: [Int32] = []
            for name in group {
                let kind: Kind
                do { kind = try graph.checkedKind(name.text) } catch { throw QueryError(error.reason, at: name.location) }
                if let k = graph.schema.kindIndex[kind] { out += graph.byKind.members(k) }
            }
            return out.sorted()
        case .allNodes:
            return Array(0..<Int32(graph.nodeCount))
        }
    }

    /// Binds (or checks) a node pattern at node `n`: its variable, kinds and properties.
    private mutating func bind(_ pattern: NodePattern, to n: Int32, _ row: inout ClauseRow) throws(QueryError) -> Bool {
        if let name = pattern.variable {
            if let bound = row[name.text] {
                guard case .node(let b) = bound, b == n else { return false }
            }
        }
        let kind = graph.kind(at: n)
        for group in pattern.kinds {
            var any = false
            for name in group {
                do { if try graph.checkedKind(name.text) == kind { any = true } } catch { throw QueryError(error.reason, at: name.location) }
            }
            if !any { return false }
        }
        for entry in pattern.properties {
            let actual = try property(of: .node(n), entry.key.text, at: entry.key.location, strict: true)
            guard actual.equals(try value(entry.value, row)) == true else { return false }
        }
        if let name = pattern.variable { row[name.text] = .node(n) }
        return true
    }

    /// Binds (or checks) a single-edge relationship pattern at edge `e`.
    private mutating func bindEdge(_ pattern: RelationshipPattern, _ e: Int32, _ row: inout ClauseRow) throws(QueryError) -> Bool {
        if let name = pattern.variable, let bound = row[name.text] {
            guard case .edge(let b) = bound, b == e else { return false }
        }
        guard try edgeFits(pattern, e, row) else { return false }
        if let name = pattern.variable { row[name.text] = .edge(e) }
        return true
    }

    private mutating func edgeFits(_ pattern: RelationshipPattern, _ e: Int32, _ row: ClauseRow) throws(QueryError) -> Bool {
        for entry in pattern.properties {
            let actual = try property(of: .edge(e), entry.key.text, at: entry.key.location, strict: true)
            guard actual.equals(try value(entry.value, row)) == true else { return false }
        }
        return true
    }
}
