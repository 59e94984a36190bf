/// A leaf in the form its counting loops read: plain values, nothing to retain.
struct LeafShape {
    /// The leaf's relationship, as an ``EdgeShape`` gives its relations.
    let edge: EdgeShape
    /// From the anchor: out-edges (`true`), in-edges (`false`) or both (`nil`).
    let outgoing: Bool?
    let node: NodeFilter
    /// Whether the tight loops may count it: no predicate, no property filter, no ids, no path
    /// to keep apart from. Core edges to keep apart from (`isoEdges`) are subtracted afterwards.
    let isPlain: Bool
    let sharesCoreEdges: Bool

    init(_ leaf: LeafPlan, query: BoundQuery) {
        let r = query.relationships[leaf.relationship]
        edge = EdgeShape(r)
        outgoing = leaf.outgoing
        node = NodeFilter(query.nodes[leaf.node])
        isPlain = leaf.predicates.isEmpty && leaf.isoPaths.isEmpty && !edge.filtered && !node.exact
        sharesCoreEdges = !leaf.isoEdges.isEmpty
    }
}

extension LeafShape {
    /// The end of an edge from `source` to `target` away from `anchor`, when the edge leaves the
    /// anchor (`outgoing`), enters it (`!outgoing`) or either (`nil`); `nil` when it does not.
    @inline(__always)
    static func farEnd(source: Int32, target: Int32, anchor: Int32, outgoing: Bool?) -> Int32? {
        switch outgoing {
        case true?: return source == anchor ? target : nil
        case false?: return target == anchor ? source : nil
        case nil: return source == anchor ? target : (target == anchor ? source : nil)
        }
    }
}

/// Walks the edges that bind a leaf, from its anchor or from its own side, with every check it
/// needs (relation, edge filters, the leaf's kinds and ids, isomorphism with core edges,
/// predicates). Plain leaves (see ``LeafShape/isPlain``) take tight loops over the adjacency.
struct LeafScanner {
    let graph: Graph
    let query: BoundQuery
    let leaves: [LeafPlan]
    let shapes: [LeafShape]
    /// Every relationship of the query (core ones included).
    let relationshipShapes: [EdgeShape]
    /// Each leaf's tight count (meaningful for plain leaves).
    let plain: [PlainLeafCount]
    /// Each leaf's predicates, compiled.
    let conditions: [[CompiledExpression]]
    /// Each leaf's count as a plain leaf over the rows its label tests let through, when it
    /// has one (see ``PushedLeaf``).
    let pushed: [PlainLeafCount?]
    /// Each leaf's count over its relationship's column in slot order, when its conditions
    /// test only that column (see ``EdgeConditionLeaf``).
    let edgeConditions: [EdgeConditionLeaf?]
    /// The same count, the first time a process asks for it, over the column read by edge row
    /// (see ``EdgeConditionByRow``); empty when no leaf has one, so that a query without one
    /// pays nothing for it (read through ``edgeConditionByRow(_:)``).
    private let edgeConditionsByRow: [EdgeConditionByRow?]
    /// For a leaf counted into a table whose conditions test only its own label, the rows that
    /// pass them (see ``PushedLeaf/passingRows(_:query:graph:)``): a candidate is tested once,
    /// not at each of its edges, and its edges are walked as a plain leaf's.
    let passingCandidates: [KindRows?]
    /// Whether the pushed count, the gathered edge condition or the passing candidates apply
    /// to a leaf: the hot paths test this byte first, so a leaf with none of them does not copy
    /// optional counts out of their arrays. (A leaf counted by row is no plain leaf: its count
    /// is tried where those are counted.)
    private let special: [Bool]

    init(graph: Graph, query: BoundQuery, leaves: [LeafPlan], estimatedRows: Double = 0) {
        self.graph = graph
        self.query = query
        self.leaves = leaves
        shapes = leaves.map { LeafShape($0, query: query) }
        relationshipShapes = query.relationships.map(EdgeShape.init)
        plain = leaves.map { PlainLeafCount($0, query: query, graph: graph) }
        conditions = leaves.map { $0.predicates.map { query.predicates[$0].expression } }
        let pushed = leaves.map { $0.counting == .scan ? PushedLeaf.count($0, query: query, graph: graph, estimatedRows: estimatedRows) : nil }
        var edgeConditionsByRow: [EdgeConditionByRow?] = []
        let edgeConditions = leaves.indices.map { i in
            // Asked once per leaf: asking counts towards gathering the column.
            let choice = EdgeConditionLeaf.choose(leaves[i], query: query, graph: graph, estimatedRows: estimatedRows, asking: true)
            if case .firstAsk? = choice, let byRow = EdgeConditionByRow(leaves[i], choice: choice, query: query, graph: graph) {
                if edgeConditionsByRow.isEmpty { edgeConditionsByRow = Array(repeating: nil, count: leaves.count) }
                edgeConditionsByRow[i] = byRow
            }
            return EdgeConditionLeaf.make(leaves[i], choice: choice, query: query, graph: graph)
        }
        let passingCandidates: [KindRows?] = leaves.map { leaf in
            guard Self.countsPassingCandidates(leaf, query: query) else { return nil }
            return PushedLeaf.passingRows(leaf, query: query, graph: graph)
        }
        self.pushed = pushed
        self.edgeConditions = edgeConditions
        self.edgeConditionsByRow = edgeConditionsByRow
        self.passingCandidates = passingCandidates
        special = leaves.indices.map { pushed[$0] != nil || edgeConditions[$0] != nil || passingCandidates[$0] != nil }
    }

    /// Leaf `i`'s count over its column read by edge row, when it has one.
    func edgeConditionByRow(_ i: Int) -> EdgeConditionByRow? {
        edgeConditionsByRow.isEmpty ? nil : edgeConditionsByRow[i]
    }

    /// Whether a leaf counted into a table from its candidates may take only those that pass
    /// its label tests (when ``PushedLeaf/tests(_:query:graph:)`` finds them).
    static func countsPassingCandidates(_ leaf: LeafPlan, query: BoundQuery) -> Bool {
        let r = query.relationships[leaf.relationship], slot = query.nodes[leaf.node]
        return leaf.counting == .table && leaf.isoEdges.isEmpty && leaf.isoPaths.isEmpty && r.filters.isEmpty && !r.isPath
            && slot.rows == nil && !NodeFilter(slot).exact
    }

    /// `body(edge, leafRow)` for each edge binding leaf `i` at anchor row `anchorRow`.
    func forEachBinding(_ i: Int, anchorRow: Int32, frame: inout MatchFrame, _ arrays: MatchArrays,
                        _ body: (Int32, Int32) -> Void) throws(QueryError) {
        let leaf = leaves[i]
        let r = query.relationships[leaf.relationship]
        let slot = query.nodes[leaf.node]
        for outgoing in [true, false] where leaf.outgoing == nil || leaf.outgoing == outgoing {
            // The runs hold only the allowed relations, so only the filters remain to check.
            try arrays.forEachEdge(at: anchorRow, outgoing: outgoing, relations: r.relations,
                                   skipLoops: leaf.outgoing == nil && !outgoing) { (e, other) throws(QueryError) in
                guard r.filters.isEmpty || r.accepts(e, in: graph), slot.accepts(other, in: graph) else { return }
                for s in leaf.isoEdges where frame.edges[s] == e { return }
                for s in leaf.isoPaths where frame.paths[s].contains(e) { return }
                if !leaf.predicates.isEmpty {
                    frame.nodes[leaf.node] = other
                    frame.edges[leaf.relationship] = e
                    for c in conditions[i] where try c.truth(in: frame, graph: graph) != true { return }
                }
                body(e, other)
            }
        }
    }

    /// How many edges bind leaf `i` at `anchorRow`.
    func count(_ i: Int, anchorRow: Int32, frame: inout MatchFrame, _ arrays: MatchArrays) throws(QueryError) -> Int {
        if special[i] {
            if let pushed = pushed[i] { return pushed.countIgnoringCore(at: anchorRow, arrays) }
            if let edgeCondition = edgeConditions[i], edgeCondition.fromAnchor { return edgeCondition.count(at: anchorRow, arrays) }
        }
        guard shapes[i].isPlain else {
            // Here, not with the special counts above, as in ``slowForEachAnchor(_:leafRow:frame:_:_:)``.
            if let byRow = edgeConditionByRow(i), byRow.fromAnchor, let n = byRow.count(at: anchorRow, arrays) { return n }
            var n = 0
            try forEachBinding(i, anchorRow: anchorRow, frame: &frame, arrays) { _, _ in n += 1 }
            return n
        }
        return plain[i].count(at: anchorRow, frame: frame, coreShapes: relationshipShapes, arrays)
    }

    /// `body(edge, anchorRow)` for each edge binding leaf `i` to node `leafRow` (which passes
    /// the leaf's slot), walking from the leaf's side. Only for leaves whose checks read no core
    /// variable but the anchor; core edges to differ from are the caller's to subtract.
    @inline(__always)
    func forEachAnchor(_ i: Int, leafRow: Int32, frame: inout MatchFrame, _ arrays: MatchArrays,
                       _ body: (Int32, Int32) -> Void) throws(QueryError) {
        if special[i] {
            if let edgeCondition = edgeConditions[i], !edgeCondition.fromAnchor { return edgeCondition.forEachAnchor(leafRow: leafRow, arrays, body) }
            if let passing = passingCandidates[i] {
                guard passing.bit(leafRow) != 0 else { return }
                return try plainForEachAnchor(i, leafRow: leafRow, arrays, body)
            }
        }
        guard shapes[i].isPlain else { return try slowForEachAnchor(i, leafRow: leafRow, frame: &frame, arrays, body) }
        try plainForEachAnchor(i, leafRow: leafRow, arrays, body)
    }

    /// ``forEachAnchor(_:leafRow:frame:_:_:)`` for a leaf with nothing to check at its edges.
    @inline(__always)
    private func plainForEachAnchor(_ i: Int, leafRow: Int32, _ arrays: MatchArrays,
                                    _ body: (Int32, Int32) -> Void) throws(QueryError) {
        let shape = shapes[i]
        let list = shape.edge.relation == EdgeShape.severalRelations ? query.relationships[leaves[i].relationship].relations : nil
        // The anchor's out-edges are the leaf's in-edges.
        if shape.outgoing != true {
            try arrays.forEachEdge(at: leafRow, outgoing: true, relation: shape.edge.relation, list: list) { e, other in body(e, other) }
        }
        if shape.outgoing != false {
            let skipLoops = shape.outgoing == nil
            try arrays.forEachEdge(at: leafRow, outgoing: false, relation: shape.edge.relation, list: list) { e, other in
                if skipLoops, other == leafRow { return }
                body(e, other)
            }
        }
    }

    /// ``forEachAnchor(_:leafRow:frame:_:_:)`` for a leaf with conditions or filters, its edges
    /// checked one by one; a leaf counted by row (``EdgeConditionByRow``) walked by row unless
    /// a code of the row fails to evaluate. (With the special walks of ``forEachAnchor(_:leafRow:frame:_:_:)``,
    /// the walk by row made every other leaf's walk, inlined in the table loops, keep a
    /// reference at each row: 3 % more time for the bench's `pattern` at S.)
    private func slowForEachAnchor(_ i: Int, leafRow: Int32, frame: inout MatchFrame, _ arrays: MatchArrays,
                                   _ body: (Int32, Int32) -> Void) throws(QueryError) {
        if let byRow = edgeConditionByRow(i), !byRow.fromAnchor, byRow.learnsEveryCode(leafRow: leafRow, arrays) {
            return byRow.forEachAnchor(leafRow: leafRow, arrays, body)
        }
        let leaf = leaves[i]
        let r = query.relationships[leaf.relationship]
        frame.nodes[leaf.node] = leafRow
        func visit(_ e: Int32, _ anchor: Int32) throws(QueryError) {
            guard r.accepts(e, in: graph) else { return }
            if !leaf.predicates.isEmpty {
                frame.edges[leaf.relationship] = e
                frame.nodes[leaf.anchor] = anchor
                for c in conditions[i] where try c.truth(in: frame, graph: graph) != true { return }
            }
            body(e, anchor)
        }
        if leaf.outgoing != true {
            try arrays.forEachEdge(at: leafRow, outgoing: true, relations: r.relations) { (e, other) throws(QueryError) in
                try visit(e, other)
            }
        }
        if leaf.outgoing != false {
            let skipLoops = leaf.outgoing == nil
            try arrays.forEachEdge(at: leafRow, outgoing: false, relations: r.relations, skipLoops: skipLoops) { (e, other) throws(QueryError) in
                try visit(e, other)
            }
        }
    }

    /// Whether edge `e` binds leaf `i` at anchor row `anchorRow` (a test for shared edges).
    func binds(_ i: Int, edge e: Int32, anchorRow: Int32, frame: inout MatchFrame) throws(QueryError) -> Bool {
        let leaf = leaves[i]
        guard let other = LeafShape.farEnd(source: graph.source(ofEdge: e), target: graph.target(ofEdge: e),
                                           anchor: anchorRow, outgoing: leaf.outgoing) else { return false }
        guard query.relationships[leaf.relationship].accepts(e, in: graph), query.nodes[leaf.node].accepts(other, in: graph) else {
            return false
        }
        for s in leaf.isoEdges where frame.edges[s] == e { return false }
        for s in leaf.isoPaths where frame.paths[s].contains(e) { return false }
        frame.nodes[leaf.node] = other
        frame.edges[leaf.relationship] = e
        // The anchor too: a pair's table calls this for every anchor in turn, not at a core
        // match, and a condition may read the anchor (`v1.score IS NULL OR r0.weight = 1.5`).
        frame.nodes[leaf.anchor] = anchorRow
        for c in conditions[i] where try c.truth(in: frame, graph: graph) != true { return false }
        return true
    }

    /// Calls `body` with each row a leaf's node may take, as its kinds or ids allow.
    func forEachCandidate(_ i: Int, _ body: (Int32) throws(QueryError) -> Void) throws(QueryError) {
        let slot = query.nodes[leaves[i].node]
        if let rows = slot.rows {
            for row in rows { try body(row) }
        } else if let kinds = slot.kinds {
            for kind in kinds.indices where kinds[kind] {
                for row in graph.byKind.members(kind) { try body(row) }
            }
        } else {
            for row in 0..<Int32(graph.nodeCount) { try body(row) }
        }
    }

    /// Counts into `table`, per anchor row that `anchorFilter` lets through, the edges that bind
    /// plain leaf `i`, walking the relation's edge list: edge rows in increasing order, so their
    /// ends are read front to back instead of at random.
    ///
    /// In blocks: a tight loop reads each edge's ends and kinds and keeps the anchors that pass
    /// (without a branch, so that nothing stalls the overlapped reads), then the block is added
    /// to the table.
    /// Returns the edges read.
    func tabulateEdgeList(_ i: Int, anchorFilter: NodeFilter, into table: inout RowCounts<Int32>, _ arrays: MatchArrays) -> Int {
        let shape = shapes[i]
        // The count's own bit table, `nil` where the edge counts show the ends need no check
        // (the anchors are filtered here as at a core match).
        let leafRows = plain[i].leafRows
        let anchorRows = anchorFilter.exact ? nil : KindRows(anchorFilter, graph: graph)
        // From the anchor out (anchor = source), into the anchor (anchor = target), or both,
        // a self-loop once.
        let outward = shape.outgoing != false, inward = shape.outgoing != true, both = shape.outgoing == nil
        let relations = query.relationships[leaves[i].relationship].relations ?? Array(graph.schema.relations.indices)
        let block = 4096
        var kept = [Int32](repeating: 0, count: 2 * block)
        var read = 0
        for relation in relations {
            var start = Int(arrays.byRelationOffsets[relation])
            let end = Int(arrays.byRelationOffsets[relation + 1])
            read += end - start
            while start < end {
                let stop = min(start + block, end)
                kept.withUnsafeMutableBufferPointer { out in
                    let n = Self.keepAnchors(arrays, start..<stop, outward: outward, inward: inward, both: both,
                                             leafRows: leafRows, anchorRows: anchorRows, into: out)
                    table.addOne(each: UnsafeBufferPointer(rebasing: out[0..<n]))
                }
                start = stop
            }
        }
        return read
    }

    /// The anchors of the edges at `positions` of the edge list whose leaf end and anchor end
    /// pass, written to the front of `out`; returns how many.
    @inline(__always)
    private static func keepAnchors(_ arrays: MatchArrays, _ positions: Range<Int>, outward: Bool, inward: Bool, both: Bool,
                                    leafRows: KindRows?, anchorRows: KindRows?, into out: UnsafeMutableBufferPointer<Int32>) -> Int {
        let from = arrays.from, to = arrays.to, list = arrays.byRelationItems
        var n = 0
        for k in positions {
            let e = Int(list[k])
            let source = from[e], target = to[e]
            if outward {
                out[n] = source
                n &+= Int((leafRows?.bit(target) ?? 1) & (anchorRows?.bit(source) ?? 1))
            }
            if inward {
                out[n] = target
                let loop: UInt64 = both && source == target ? 0 : 1
                n &+= Int((leafRows?.bit(source) ?? 1) & (anchorRows?.bit(target) ?? 1) & loop)
            }
        }
        return n
    }
}
