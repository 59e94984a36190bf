/// A leaf whose only conditions test its own relationship's cells of one dictionary-encoded
/// column against constants (`(c:country)-[s:supports]->(f) WHERE s.date >= '2024'`), counted
/// over that column gathered in the adjacency's slot order (``SlotOrderedCodes``): the condition
/// is answered once per distinct value, and a count then reads, beside each slot of the anchor's
/// run, the far end's bit and the code's answer, front to back, instead of evaluating the
/// condition through the match frame and reading the edge's code at random in the column.
///
/// Taken only when it is the same count: a directed leaf, no edge filters or paths, no ids, no
/// core edges or paths to keep apart from, every condition on the same column and answered
/// without error for every value the column holds. The gathered column costs a pass over every
/// slot, once for the graph's lifetime (at 10M edges 0.24–0.37 s on the loaded project machine,
/// against 1–2 ms for `recent_stances`'s 9,000 edges read by row and 0.7 ms after): it is made
/// only when the planner expects the leaf to read at least a 2048th of the graph's edges and
/// such a count is asked for the second time, and used whenever it already exists. The first
/// such count of a process (what a one-off query pays) reads each edge's code by its row in
/// the column as it stands, with the same tight loop (``EdgeConditionByRow``).
struct EdgeConditionLeaf {
    /// Whether the walk is from the anchor (a scan, ``count(at:_:)``) or from the leaf's side
    /// (a table, ``forEachAnchor(leafRow:_:_:)``), and in which direction.
    let fromAnchor: Bool
    let outgoing: Bool
    let relations: [Int]
    /// The rows the leaf's kinds allow, as bits; `nil` when any kind will do.
    let leafRows: KindRows?
    /// The column's code of each slot's edge, in the walk's direction.
    let codes: CodeArray
    /// Per code: 1 when the edge passes every condition, else 0.
    let passes: [UInt8]

    /// Whether a leaf is counted over its column gathered in slot order (see ``choose(_:query:graph:estimatedRows:asking:)``).
    enum Choice: Equatable {
        /// Over `column` gathered in the slot order of the out-edges (`outgoing`) or in-edges,
        /// walked from the anchor (a scan) or from the leaf's side (a table).
        case gathered(column: Int, fromAnchor: Bool, outgoing: Bool)
        /// The leaf qualifies and reads enough, but the column is not gathered yet and this is
        /// the first such count of the process: each edge's code is read by its row in the
        /// column (``EdgeConditionByRow``), walking as ``gathered(column:fromAnchor:outgoing:)`` would.
        case firstAsk(column: Int, fromAnchor: Bool, outgoing: Bool)
    }

    /// Whether leaf `leaf` is counted over its column gathered in slot order, decided without
    /// gathering it. `asking`: the run asks for the column (which counts towards gathering it
    /// next time); EXPLAIN only looks, so that explaining a query changes nothing.
    static func choose(_ leaf: LeafPlan, query: BoundQuery, graph: Graph, estimatedRows: Double, asking: Bool) -> Choice? {
        let slot = query.nodes[leaf.node], r = query.relationships[leaf.relationship]
        guard !leaf.predicates.isEmpty, leaf.isoEdges.isEmpty, leaf.isoPaths.isEmpty, let outgoing = leaf.outgoing,
              r.filters.isEmpty, !r.isPath, slot.rows == nil, leaf.counting != .edgeTable else { return nil }
        guard !NodeFilter(slot).exact else { return nil }
        var column: Int?
        for p in leaf.predicates {
            guard case .columnTest(false, leaf.relationship, let c, _, _) = query.predicates[p].expression,
                  !graph.edgeTable.columns[c].isPlain, column == nil || column == c else { return nil }
            column = c
        }
        guard let column, graph.edgeTable.columns[column].distinctCount > 0 else { return nil }
        // A scan walks from the anchor; a table, from each of the leaf's candidates.
        let fromAnchor = leaf.counting == .scan
        let direction = fromAnchor ? outgoing : !outgoing
        if !graph.slotCodes.isBuilt(column: column, outgoing: direction) {
            let reads = fromAnchor ? estimatedRows * max(leaf.scanPerAnchor, 1) : Double(leaf.expectedEdges)
            guard reads * 2048 >= Double(graph.edgeCount) else { return nil }
            let wanted = asking ? graph.slotCodes.wanted(column: column, outgoing: direction)
                                : graph.slotCodes.wouldBeWanted(column: column, outgoing: direction)
            guard wanted else { return .firstAsk(column: column, fromAnchor: fromAnchor, outgoing: direction) }
        }
        return .gathered(column: column, fromAnchor: fromAnchor, outgoing: direction)
    }

    /// The count over the gathered column when `choice` (the run's ``choose(_:query:graph:estimatedRows:asking:)``)
    /// is to gather it; `nil` otherwise, or when a value's condition fails to evaluate.
    static func make(_ leaf: LeafPlan, choice: Choice?, query: BoundQuery, graph: Graph) -> EdgeConditionLeaf? {
        guard case .gathered(let column, let fromAnchor, let direction)? = choice else { return nil }
        let r = query.relationships[leaf.relationship]
        let filter = NodeFilter(query.nodes[leaf.node])
        let view = graph.slotCodes.view(column: column, outgoing: direction, in: graph)
        var frame = MatchFrame(nodes: query.nodes.count, relationships: query.relationships.count)
        var passes = [UInt8](repeating: 0, count: view.representatives.count)
        for (code, row) in view.representatives.enumerated() where row >= 0 {
            frame.edges[leaf.relationship] = row
            var all = true
            for p in leaf.predicates {
                // An error would be raised only if a match read this value: leave it to that path.
                guard let truth = try? query.predicates[p].expression.truth(in: frame, graph: graph) else {
                    if (try? query.predicates[p].expression.value(in: frame, graph: graph)) == nil { return nil }
                    all = false
                    continue
                }
                if truth != true { all = false }
            }
            passes[code] = all ? 1 : 0
        }
        return EdgeConditionLeaf(fromAnchor: fromAnchor, outgoing: direction, relations: r.relations ?? Array(graph.schema.relations.indices),
                                 leafRows: KindRows(filter, graph: graph), codes: view.codes, passes: passes)
    }

    /// How many edges bind the leaf at `anchor` (a scan: the walk is from the anchor).
    func count(at anchor: Int32, _ arrays: MatchArrays) -> Int {
        // Each width of code gets its own loop; `zeros` is refused at `make`.
        switch codes.storage {
        case .bytes(let a): return a.withUnsafeBufferPointer { count(at: anchor, codes: $0, arrays) }
        case .shorts(let a): return a.withUnsafeBufferPointer { count(at: anchor, codes: $0, arrays) }
        case .words(let a): return a.withUnsafeBufferPointer { count(at: anchor, codes: $0, arrays) }
        case .zeros: return 0
        }
    }

    /// `body(edge, anchor)` for each edge binding the leaf to node `leafRow` (a table: the walk
    /// is from the leaf's side; the caller has checked the leaf's kinds).
    func forEachAnchor(leafRow: Int32, _ arrays: MatchArrays, _ body: (Int32, Int32) -> Void) {
        switch codes.storage {
        case .bytes(let a): a.withUnsafeBufferPointer { forEachAnchor(leafRow: leafRow, codes: $0, arrays, body) }
        case .shorts(let a): a.withUnsafeBufferPointer { forEachAnchor(leafRow: leafRow, codes: $0, arrays, body) }
        case .words(let a): a.withUnsafeBufferPointer { forEachAnchor(leafRow: leafRow, codes: $0, arrays, body) }
        case .zeros: break
        }
    }

    @inline(__always)
    private func count<C: FixedWidthInteger>(at anchor: Int32, codes: UnsafeBufferPointer<C>, _ arrays: MatchArrays) -> Int {
        let runs = arrays.runs(outgoing: outgoing)
        var bits: UInt64 = 0
        passes.withUnsafeBufferPointer { passes in
            for r in relations {
                for k in runs.run(of: anchor, relation: r) {
                    bits &+= UInt64(passes[Int(codes[k])]) & (leafRows?.bit(runs.ends[k]) ?? 1)
                }
            }
        }
        return Int(bits)
    }

    @inline(__always)
    private func forEachAnchor<C: FixedWidthInteger>(leafRow: Int32, codes: UnsafeBufferPointer<C>, _ arrays: MatchArrays,
                                                     _ body: (Int32, Int32) -> Void) {
        let runs = arrays.runs(outgoing: outgoing)
        passes.withUnsafeBufferPointer { passes in
            for r in relations {
                for k in runs.run(of: leafRow, relation: r) where passes[Int(codes[k])] != 0 {
                    body(runs.items[k], runs.ends[k])
                }
            }
        }
    }
}
