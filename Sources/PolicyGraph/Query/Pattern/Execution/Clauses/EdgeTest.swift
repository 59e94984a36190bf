/// A pattern predicate or `EXISTS { ... }` that is one relationship between two nodes the row
/// fixes, each end a variable the row binds or a node a constant `{id: ...}` names:
/// `WHERE NOT EXISTS { (c)-[:supports]->(:framework {id: 'framework-1'}) }`. Answered by
/// looking for the edge itself: of the two runs of adjacency slots that could hold it (for
/// `->`, the near node's out-edges of a relation and the far node's in-edges of it), the
/// shorter is read for the other end. The search would read every edge of the near node and
/// check the far end of each.
///
/// It answers as the search does. It is not taken where the search would report an error or
/// evaluate a value at each node (a kind or relation the graph lacks, an id that is not a
/// string literal or a given parameter, a property map on a bound end, a relationship
/// variable, property map or length, a path variable, a WHERE); and for a row that binds an
/// end to something other than a node or null, the search runs.
struct EdgeTest {
    /// One end of the relationship.
    enum End {
        /// A variable the row binds.
        case bound(PatternName)
        /// The node a constant id names; `nil`: no node has it, or it is not a string.
        case node(Int32?)
    }

    /// The end written first, and the end written last.
    let near: End
    let far: End
    /// The variables of ends fixed by id: names the row did not bind.
    let unbound: [String]
    /// Each end's label groups, as kind indices.
    let nearKinds: [[UInt16]]
    let farKinds: [[UInt16]]
    /// Never ``RelationFilter/unknown(_:)``.
    let relations: RelationFilter
    let direction: PatternDirection

    /// The test for `clause`, when it has that shape. `isBound`: whether the row binds a name;
    /// `parameters`: the values an id may name (``ResolvedNode/constant(_:_:)``).
    init?(_ clause: MatchClause, in graph: Graph, isBound: (String) -> Bool, parameters: [String: PatternValue]) {
        guard clause.predicate == nil, clause.paths.count == 1, let path = clause.paths.first, path.variable == nil,
              path.relationships.count == 1, let r = path.relationships.first,
              r.variable == nil, r.properties.isEmpty, r.length == nil else { return nil }
        let relations = RelationFilter(r, in: graph)
        if case .unknown = relations { return nil }
        let first = path.nodes[0], last = path.nodes[1]
        guard let near = Self.end(first, other: last, in: graph, isBound: isBound, parameters: parameters),
              let far = Self.end(last, other: first, in: graph, isBound: isBound, parameters: parameters),
              let nearKinds = Self.kinds(first, in: graph), let farKinds = Self.kinds(last, in: graph) else { return nil }
        self.near = near
        self.far = far
        unbound = [first, last].compactMap { node in
            guard let name = node.variable?.text, !isBound(name) else { return nil }
            return name
        }
        self.nearKinds = nearKinds
        self.farKinds = farKinds
        self.relations = relations
        self.direction = r.direction
    }

    /// The key of a clause of one path and no WHERE (``ResolvedPath/key(of:)``): its pattern's
    /// place in the query names it. `nil` for any other clause.
    static func key(of clause: MatchClause) -> Int? {
        guard clause.predicate == nil, clause.paths.count == 1 else { return nil }
        return ResolvedPath.key(of: clause)
    }

    /// Whether the test recognised for one row is the test for `row`: the names it read as
    /// bound are bound there and the others are not.
    func applies(to row: ClauseRow) -> Bool {
        func holds(_ end: End) -> Bool {
            guard case .bound(let name) = end else { return true }
            return row[name.text] != nil
        }
        return holds(near) && holds(far) && unbound.allSatisfy { row[$0] == nil }
    }

    /// What fixes `node`: the row's binding (and nothing else is asked of it), or a constant id
    /// alone, its variable (if any) one the row does not bind and not the other end's.
    private static func end(_ node: NodePattern, other: NodePattern, in graph: Graph, isBound: (String) -> Bool,
                            parameters: [String: PatternValue]) -> End? {
        if let name = node.variable, isBound(name.text) {
            return node.properties.isEmpty ? .bound(name) : nil
        }
        guard node.properties.count == 1, let entry = node.properties.first, entry.key.text == Column.id,
              let value = ResolvedNode.constant(entry.value, parameters) else { return nil }
        if let name = node.variable, name.text == other.variable?.text { return nil }
        if case .string(let id) = value { return .node(graph.index[NodeID(id)]) }
        return .node(nil)
    }

    /// A node pattern's label groups as kind indices; `nil` when one names a kind the graph lacks.
    private static func kinds(_ node: NodePattern, in graph: Graph) -> [[UInt16]]? {
        var out: [[UInt16]] = []
        for group in node.kinds {
            guard case .success(let kinds) = ResolvedNode.kinds(group, in: graph) else { return nil }
            out.append(kinds)
        }
        return out
    }

    /// Whether node `n`'s kind passes every group.
    static func admits(_ groups: [[UInt16]], _ n: Int32, in graph: Graph) -> Bool {
        guard !groups.isEmpty else { return true }
        let kind = graph.nodeTable.kinds[Int(n)]
        return groups.allSatisfy { $0.contains(kind) }
    }

    /// Whether an edge of the relations joins `a` (the near end) and `b` as the direction says,
    /// and how many slots were read to know.
    func joins(_ a: Int32, _ b: Int32, outgoing: CSRIndex, incoming: CSRIndex) -> (found: Bool, read: Int) {
        AdjacencyRuns.with(outgoing) { out in
            AdjacencyRuns.with(incoming) { into in
                var read = 0
                // Of x's out-slots and y's in-slots that may hold an edge x -> y, the fewer.
                func scan(_ xs: Range<Int>, from x: Int32, _ ys: Range<Int>, to y: Int32) -> Bool {
                    if xs.count <= ys.count {
                        read += xs.count
                        for k in xs where out.ends[k] == y { return true }
                    } else {
                        read += ys.count
                        for k in ys where into.ends[k] == x { return true }
                    }
                    return false
                }
                func edge(from x: Int32, to y: Int32) -> Bool {
                    switch relations {
                    case .any:
                        return scan(out.slots(of: x), from: x, into.slots(of: y), to: y)
                    case .one(let r):
                        return scan(out.run(of: x, relation: Int(r)), from: x, into.run(of: y, relation: Int(r)), to: y)
                    case .some(let mask):
                        for r in mask.indices where mask[r] {
                            if scan(out.run(of: x, relation: r), from: x, into.run(of: y, relation: r), to: y) { return true }
                        }
                        return false
                    case .unknown:
                        return false
                    }
                }
                switch direction {
                case .right: return (edge(from: a, to: b), read)
                case .left: return (edge(from: b, to: a), read)
                case .either:
                    let found = edge(from: a, to: b) || edge(from: b, to: a)
                    return (found, read)
                }
            }
        }
    }
}

extension ClauseContext {
    /// Whether `clause` has a match extending `row`: by ``EdgeTest`` when it applies, else by
    /// the search, stopped at the first match.
    ///
    /// - Throws: ``QueryError`` as ``matches(_:from:limit:holding:)`` does.
    mutating func hasMatch(_ clause: MatchClause, _ row: ClauseRow) throws(QueryError) -> Bool {
        if let found = try edgeTest(clause, row) { return found }
        patternSearches += 1
        return !(try matches(clause, from: row, limit: 1)).isEmpty
    }

    /// The answer of ``EdgeTest`` for `clause` in `row`; `nil` when it does not apply. The near
    /// node is a step of the budget, as the search's start is, and so is each slot read.
    private mutating func edgeTest(_ clause: MatchClause, _ row: ClauseRow) throws(QueryError) -> Bool? {
        guard let key = EdgeTest.key(of: clause) else { return nil }
        var test = recognizedEdgeTests[key]
        if test?.applies(to: row) != true {
            test = recognizedEdgeTest(clause, row)
            recognizedEdgeTests[key] = test
        }
        guard let test, let outcome = edgeTestOutcome(test, row) else { return nil }
        edgeTests += 1
        try step(outcome.steps)
        return outcome.found
    }

    private func recognizedEdgeTest(_ clause: MatchClause, _ row: ClauseRow) -> EdgeTest? {
        EdgeTest(clause, in: graph, isBound: { row[$0] != nil }, parameters: parameters)
    }

    /// What the edge test finds and the steps it takes (read apart from the counting, so that
    /// the graph is read in place, not copied out of the context the counting changes).
    private func edgeTestOutcome(_ test: EdgeTest, _ row: ClauseRow) -> (found: Bool, steps: Int)? {
        guard let near = Self.fixed(test.near, row), let far = Self.fixed(test.far, row) else { return nil }
        guard let a = near else { return (false, 0) }
        guard let b = far, EdgeTest.admits(test.nearKinds, a, in: graph), EdgeTest.admits(test.farKinds, b, in: graph) else {
            return (false, 1)
        }
        let joined = test.joins(a, b, outgoing: graph.outgoing, incoming: graph.incoming)
        return (joined.found, 1 + joined.read)
    }

    /// The node an end is fixed to in `row`: `.some(nil)` for none (null, or no node has the id);
    /// `nil` when the row binds it to a value that is not a node (the search then decides).
    private static func fixed(_ end: EdgeTest.End, _ row: ClauseRow) -> Int32?? {
        switch end {
        case .node(let n): return .some(n)
        case .bound(let name):
            switch row[name.text] {
            case .node(let n)?: return .some(n)
            case .null?, nil: return .some(nil)
            default: return nil
            }
        }
    }
}
