/// MATCH in the clause pipeline: a depth-first search that extends one input row with every
/// way its patterns can be bound. Variables the row already binds are fixed; within one MATCH
/// an edge is bound at most once. Each node and edge tried is a step of the budget. Kinds and
/// relations are compared as the graph's indices (``ResolvedPath``, resolved once per clause),
/// and a node's edges read from its adjacency slots (``EdgeSteps``).
extension ClauseContext {
    /// The rows extending `row` with the matches of `clause` (its WHERE applied), at most
    /// `limit` of them.
    ///
    /// - Throws: ``QueryError`` from WHERE or property maps, or past the step or row budget.
    /// `holding`: the rows the clause holds already, counted with these against the row budget.
    mutating func matches(_ clause: MatchClause, from row: ClauseRow, limit: Int?, holding: Int = 0) throws(QueryError) -> [ClauseRow] {
        let key = ResolvedPath.key(of: clause)
        let paths: [ResolvedPath]
        if let key, let known = resolvedPaths[key] {
            paths = known
        } else {
            paths = resolved(clause)
            if let key { resolvedPaths[key] = paths }
        }
        var state = MatchState(row: row, used: [], results: [], limit: limit ?? Int.max, holding: holding, paths: paths)
        let seeds = idSeeds(clause, row)
        try matchPath(clause, 0, seeds, &state)
        return state.results
    }

    /// The clause's paths with their names resolved in the graph (``ResolvedPath``).
    private func resolved(_ clause: MatchClause) -> [ResolvedPath] {
        var paths: [ResolvedPath] = []
        for path in clause.paths {
            let nodes = path.nodes.map { ResolvedNode($0, in: graph, parameters: parameters) }
            paths.append(ResolvedPath(nodes: nodes, relations: path.relationships.map { RelationFilter($0, in: graph) }))
        }
        return paths
    }

    /// The search's state: the row as bound so far, the edges this MATCH has bound, what it
    /// found, and the clause's paths resolved.
    struct MatchState {
        var row: ClauseRow
        var used: Set<Int32>
        var results: [ClauseRow]
        let limit: Int
        let holding: Int
        let paths: [ResolvedPath]
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
        let resolved = state.paths[index].node(0, reversed: path.reversed)
        for n in try candidates(first, resolved, state.row, seeds: seeds) {
            try step()
            let saved = state.row
            if try bind(first, resolved, to: n, &state.row) {
                // The nodes and edges walked are kept only for a path variable.
                try walk(clause, index, path, seeds, hop: 0, at: n, nodes: path.pattern.variable == nil ? [] : [n], edges: [], &state)
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
        let resolved = state.paths[index]
        let farNode = resolved.node(hop + 1, reversed: walked.reversed)
        let relations = resolved.relations(hop, reversed: walked.reversed)
        if let length = pattern.length {
            try variableLength(clause, index, walked, seeds, hop: hop, pattern, relations, length, far: far, farNode,
                               from: node, nodes: nodes, edges: edges, &state)
            return
        }
        if case .unknown(let error) = relations { throw error }
        let keepsPath = path.variable != nil
        var cursor = EdgeSteps(from: node, pattern.direction, relations, in: graph)
        while let (e, other) = cursor.next(in: graph) {
            try step()
            if !state.used.isEmpty, state.used.contains(e) { continue }
            let saved = state.row
            if try bindEdge(pattern, e, &state.row), try bind(far, farNode, to: other, &state.row) {
                state.used.insert(e)
                try walk(clause, index, walked, seeds, hop: hop + 1, at: other, nodes: keepsPath ? nodes + [other] : nodes,
                         edges: keepsPath ? edges + [e] : edges, &state)
                state.used.remove(e)
            }
            state.row = saved
            if state.done { return }
        }
    }

    private mutating func variableLength(_ clause: MatchClause, _ index: Int, _ walked: WalkedPath, _ seeds: [String: [Int32]], hop: Int,
                                         _ pattern: RelationshipPattern, _ relations: RelationFilter, _ length: LengthRange,
                                         far: NodePattern, _ farNode: ResolvedNode, from start: Int32, nodes: [Int32], edges: [Int32],
                                         _ state: inout MatchState) throws(QueryError) {
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
            if try context.bind(far, farNode, to: end, &state.row) {
                let keepsPath = walked.pattern.variable != nil
                try context.walk(clause, index, walked, seeds, hop: hop + 1, at: end, nodes: keepsPath ? nodes + trailNodes : nodes,
                                 edges: keepsPath ? edges + trail : edges, &state)
            }
            state.row = saved
        }
        func extend(_ at: Int32, _ context: inout ClauseContext, _ state: inout MatchState) throws(QueryError) {
            if trail.count >= length.min { try finish(at, &context, &state) }
            if state.done { return }
            if let max = length.max, trail.count >= max { return }
            if case .unknown(let error) = relations { throw error }
            var cursor = EdgeSteps(from: at, pattern.direction, relations, in: context.graph)
            while let (e, other) = cursor.next(in: context.graph) {
                try context.step()
                if !state.used.isEmpty, state.used.contains(e) { continue }
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
    private mutating func candidates(_ pattern: NodePattern, _ resolved: ResolvedNode, _ row: ClauseRow,
                                     seeds: [String: [Int32]]) throws(QueryError) -> [Int32] {
        switch PathStart(pattern, isBound: { row[$0] != nil }, isSeeded: { seeds[$0] != nil }) {
        case .bound(let name):
            guard let bound = row[name.text] else { return [] }
            if case .node(let n) = bound { return [n] }
            if bound.isNull { return [] }
            throw QueryError(.syntax("'\(name.text)' is not a node, so it cannot be matched as one"), at: name.location)
        case .id(let e):
            if let fixed = resolved.fixedID { return fixed.node.map { [$0] } ?? [] }
            guard case .string(let id) = try value(e, row) else { return [] }
            return graph.index[NodeID(id)].map { [$0] } ?? []
        case .whereIDs(let name):
            return seeds[name.text] ?? []
        case .kinds:
            // The first group, as PathStart chose it.
            guard let group = resolved.kinds.first else { return [] }
            let kinds = try group.get()
            // One kind's nodes are in row order already.
            if kinds.count == 1 { return Array(graph.byKind.members(Int(kinds[0]))) }
            var out: [Int32] = []
            // `(c:country|country)` names a kind twice: its nodes start once.
            for k in Set(kinds) { out += graph.byKind.members(Int(k)) }
            return out.sorted()
        case .allNodes:
            return Array(0..<Int32(graph.nodeCount))
        }
    }

    /// Binds (or checks) a node pattern at node `n`: its variable, kinds and properties.
    private mutating func bind(_ pattern: NodePattern, _ resolved: ResolvedNode, to n: Int32,
                               _ row: inout ClauseRow) throws(QueryError) -> Bool {
        var isBound = false
        if let name = pattern.variable, let bound = row[name.text] {
            guard case .node(let b) = bound, b == n else { return false }
            isBound = true
        }
        guard try resolved.kindsAdmit(n, in: graph) else { return false }
        for (i, entry) in pattern.properties.enumerated() {
            if let fixed = resolved.fixedID, fixed.entry == i {
                guard fixed.node == n else { return false }
                continue
            }
            let actual = try property(of: .node(n), entry.key.text, at: entry.key.location, strict: true)
            guard actual.equals(try value(entry.value, row)) == true else { return false }
        }
        // Bound already to `n`: the row is left as it is (writing would copy it).
        if !isBound, let name = pattern.variable { row[name.text] = .node(n) }
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
