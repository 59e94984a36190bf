/// Single-edge relationships: binding the far end of an edge from its bound end, or checking
/// an edge between two bound nodes.
extension PatternMatcher {
    /// Binds the unbound end of a single-edge relationship from its bound end `anchor`, over the
    /// edges in one direction (an undirected relationship takes both, its loops once).
    ///
    /// First the run's edges that pass every check but the predicates are gathered with their
    /// far ends, then each is bound and matched on. Gathering is a short loop whose reads (the
    /// far end of each edge, its kind) do not wait for one another, so the processor overlaps
    /// them; reading each as the deeper steps finish would pay every miss in full. When only the
    /// sum of the matches' weights is wanted and it depends on the target alone, the targets'
    /// weights are summed in one go (``PatternLeafCounter/weightSum(_:node:relationship:frame:)``).
    mutating func expand<S: MatchSink>(_ ri: Int, _ shape: EdgeShape, _ anchor: Int32, forward: Bool, outgoing: Bool,
                                               _ k: Int, _ sink: inout S) throws(QueryError) {
        let target = forward ? shape.to : shape.from
        let skipLoops = !shape.directed && !outgoing
        let arrays = self.arrays
        let list = shape.relation == EdgeShape.severalRelations ? query.relationships[ri].relations : nil
        var found: [Int32] = []
        swap(&found, &gathered[k])
        defer { swap(&found, &gathered[k]) }
        found.removeAll(keepingCapacity: true)
        var cursor = EdgeCursor(arrays, node: anchor, outgoing: outgoing, relation: shape.relation, list: list)
        found.reserveCapacity(2 * cursor.remaining)
        let bits = targetRows[target]
        while let (e, other) = cursor.next() {
            try tick()
            if skipLoops, other == anchor { continue }
            if shape.filtered, !query.relationships[ri].accepts(e, in: graph) { continue }
            if let bits { if bits.bit(other) == 0 { continue } } else if !accepts(target, other) { continue }
            guard isUnique(e, k) else { continue }
            found.append(e)
            found.append(other)
        }
        let last = k + 1 == plan.steps.count
        if last, sumsLastStep, S.self == WeightSum.self {
            // Only the count matters and it depends on the target alone: sum it in one go.
            let total = try counter.weightSum(found, node: target, relationship: ri, frame: &frame)
            if total > 0 { try sink.accept(&frame, weight: total) }
            return
        }
        var j = 0
        while j < found.count {
            frame.edges[ri] = found[j]
            frame.nodes[target] = found[j + 1]
            j += 2
            guard try passes(k) else { continue }
            if last { try finishMatch(&sink) } else { try step(k + 1, &sink) }
        }
    }

    /// Binds a single-edge relationship whose ends are both bound, scanning the smaller side.
    mutating func expandInto<S: MatchSink>(_ ri: Int, _ k: Int, _ sink: inout S) throws(QueryError) {
        let shape = edgeShapes[ri]
        let relations = query.relationships[ri].relations
        let a = frame.nodes[shape.from], b = frame.nodes[shape.to]
        let arrays = self.arrays
        let list = shape.relation == EdgeShape.severalRelations ? relations : nil
        // Both ways when undirected, else from the smaller side (no array: this runs per match).
        let first: EdgePass, second: EdgePass?
        if !shape.directed {
            first = EdgePass(node: a, outgoing: true, other: b)
            second = EdgePass(node: a, outgoing: false, other: b)
        } else if arrays.edgeCount(at: a, outgoing: true, relations: relations)
                    <= arrays.edgeCount(at: b, outgoing: false, relations: relations) {
            first = EdgePass(node: a, outgoing: true, other: b)
            second = nil
        } else {
            first = EdgePass(node: b, outgoing: false, other: a)
            second = nil
        }
        var upcoming: EdgePass? = first
        while let pass = upcoming {
            upcoming = pass.outgoing ? second : nil
            let node = pass.node, outgoing = pass.outgoing, other = pass.other
            var cursor = EdgeCursor(arrays, node: node, outgoing: outgoing, relation: shape.relation, list: list)
            while let (e, end) = cursor.next() {
                try tick()
                guard end == other else { continue }
                if !shape.directed, !outgoing, other == node { continue }
                if shape.filtered, !query.relationships[ri].accepts(e, in: graph) { continue }
                guard isUnique(e, k) else { continue }
                frame.edges[ri] = e
                if try self.passes(k) { try step(k + 1, &sink) }
            }
        }
    }

    /// One side of an edge check: walk `node`'s edges in one direction looking for `other`.
    private struct EdgePass {
        let node: Int32
        let outgoing: Bool
        let other: Int32
    }
}

/// Adds up the weights of matches: what the steps from ``PatternMatcher/sumsFrom`` hand to.
struct WeightSum: MatchSink {
    private(set) var total = 0

    @inline(__always)
    mutating func accept(_ frame: inout MatchFrame, weight: Int) throws(QueryError) {
        let (sum, overflow) = total.addingReportingOverflow(weight)
        guard !overflow else { throw QueryError(.invalidArgument("the number of matches overflows a 64-bit count")) }
        total = sum
    }
}

/// What the matcher's rare checks read (ids, predicates), behind one reference: handing the
/// graph itself to them made the compiler copy it (two hundred bytes) at every match.
final class StepChecks: Sendable {
    let graph: Graph
    let slots: [NodeSlot]
    /// Each step's predicates, compiled.
    let conditions: [[CompiledExpression]]

    init(graph: Graph, slots: [NodeSlot], conditions: [[CompiledExpression]]) {
        self.graph = graph
        self.slots = slots
        self.conditions = conditions
    }
}
