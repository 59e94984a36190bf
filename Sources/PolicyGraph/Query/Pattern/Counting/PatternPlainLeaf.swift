/// The count of a plain leaf (see ``LeafShape/isPlain``) at an anchor, with everything it reads
/// held as values: no graph, no query. Kept apart from ``LeafScanner`` because copying a
/// scanner copies the graph it holds, which the compiler did at every core match.
struct PlainLeafCount {
    let shape: LeafShape
    /// The leaf's relations when there are several (else unused).
    let relations: [Int]
    let relationMask: [Bool]
    /// Core relationships whose edges the leaf's edge must differ from.
    let isoEdges: [Int]
    /// Whether the leaf's kinds need no check: any kind will do, or the graph's edge counts
    /// (``EdgeKindCounts``) show that every edge of the leaf's relations at a node of the
    /// anchor's kinds ends at one of them (an agency's `memberOf` in-edges all come from
    /// officials). A count is then the length of a run, and the far ends are not read.
    let anyEnd: Bool
    /// The rows the leaf's kinds allow, as bits: a count tests the far end of every edge it
    /// reads, and a bit table small enough to stay in the first-level cache answers that faster
    /// than the kinds of the rows. `nil` when the ends need no check (``anyEnd``) and for leaves
    /// that are not plain (their counts go through ``LeafScanner``).
    let leafRows: KindRows?

    init(_ leaf: LeafPlan, query: BoundQuery, graph: Graph) {
        let r = query.relationships[leaf.relationship]
        shape = LeafShape(leaf, query: query)
        relations = r.relations ?? []
        relationMask = r.relationMask ?? []
        isoEdges = leaf.isoEdges
        let leafKinds = query.nodes[leaf.node].kinds
        anyEnd = shape.node.anyKind || (shape.isPlain && leafKinds.map {
            graph.edgeKinds.endsAlwaysIn($0, relations: r.relations ?? Array(graph.schema.relations.indices),
                                         anchorKinds: query.nodes[leaf.anchor].kinds, outgoing: leaf.outgoing)
        } ?? true)
        leafRows = shape.isPlain && !anyEnd ? KindRows(shape.node, graph: graph) : nil
    }

    /// How many edges bind the leaf at `anchor`, the core's edges in `frame` left out.
    @inline(__always)
    func count(at anchor: Int32, frame: borrowing MatchFrame, coreShapes: [EdgeShape], _ arrays: MatchArrays) -> Int {
        var n = countIgnoringCore(at: anchor, arrays)
        if shape.sharesCoreEdges, n > 0 { n -= sharedCoreEdges(at: anchor, frame: frame, coreShapes: coreShapes, arrays) }
        return n
    }

    /// How many edges bind the leaf at `anchor`, the core's edges not left out.
    @inline(__always)
    func countIgnoringCore(at anchor: Int32, _ arrays: MatchArrays) -> Int {
        var n = 0
        if shape.outgoing != false { n += count(at: anchor, outgoing: true, skipLoops: false, arrays) }
        if shape.outgoing != true { n += count(at: anchor, outgoing: false, skipLoops: shape.outgoing == nil, arrays) }
        return n
    }

    /// The edges at `anchor` in one direction whose far end passes the leaf's kinds: the
    /// length of a run when the ends need no check, else one bit of ``leafRows`` per edge. At a
    /// node of a few dozen edges, one pass checks each slot's relation and far end instead of
    /// finding the run first. Only for plain leaves.
    @inline(__always)
    func count(at anchor: Int32, outgoing: Bool, skipLoops: Bool, _ arrays: MatchArrays) -> Int {
        let runs = arrays.runs(outgoing: outgoing)
        let node = shape.node
        let relation = shape.edge.relation
        if relation >= 0, let leafRows, !skipLoops {
            let all = runs.slots(of: anchor)
            if all.count <= AdjacencyRuns.scannedDegree {
                let r = UInt16(truncatingIfNeeded: relation)
                var n: UInt64 = 0
                for k in all {
                    let sameRelation: UInt64 = runs.relations[k] == r ? 1 : 0
                    n &+= sameRelation & leafRows.bit(runs.ends[k])
                }
                return Int(n)
            }
        }
        var n = 0
        func run(_ range: Range<Int>) {
            if anyEnd, !skipLoops {
                n += range.count
            } else if skipLoops {
                for k in range {
                    let other = runs.ends[k]
                    if other != anchor, node.passes(other, arrays) { n += 1 }
                }
            } else if let leafRows {
                var bits: UInt64 = 0
                for k in range { bits &+= leafRows.bit(runs.ends[k]) }
                n += Int(bits)
            }
        }
        switch relation {
        case EdgeShape.anyRelation: run(arrays.edges(at: anchor, outgoing: outgoing))
        case EdgeShape.severalRelations: for r in relations { run(arrays.edges(at: anchor, outgoing: outgoing, relation: r)) }
        default: run(arrays.edges(at: anchor, outgoing: outgoing, relation: relation))
        }
        return n
    }

    /// How many of the core edges the leaf must differ from would bind it at `anchor`: what a
    /// count subtracts. They are distinct edges (one MATCH clause binds an edge once), so each
    /// is subtracted at most once. A directed core edge's ends are its bound nodes, so most are
    /// ruled out without reading the edge.
    func sharedCoreEdges(at anchor: Int32, frame: borrowing MatchFrame, coreShapes: [EdgeShape], _ arrays: MatchArrays) -> Int {
        var n = 0
        for s in isoEdges {
            let e = frame.edges[s]
            guard e >= 0 else { continue }
            let core = coreShapes[s]
            if core.directed {
                let source = frame.nodes[core.from], target = frame.nodes[core.to]
                switch shape.outgoing {
                case true?: if source != anchor { continue }
                case false?: if target != anchor { continue }
                case nil: if source != anchor, target != anchor { continue }
                }
            }
            if binds(edge: e, at: anchor, arrays) { n += 1 }
        }
        return n
    }

    /// Whether edge `e` binds the leaf at `anchor` (ignoring the core's edges).
    @inline(__always)
    func binds(edge e: Int32, at anchor: Int32, _ arrays: MatchArrays) -> Bool {
        let relation = Int(arrays.relations[Int(e)])
        switch shape.edge.relation {
        case EdgeShape.anyRelation: break
        case EdgeShape.severalRelations: guard relationMask[relation] else { return false }
        default: guard relation == shape.edge.relation else { return false }
        }
        guard let other = LeafShape.farEnd(source: arrays.from[Int(e)], target: arrays.to[Int(e)], anchor: anchor,
                                           outgoing: shape.outgoing) else { return false }
        return shape.node.passes(other, arrays)
    }
}
