/// Summing the weights of many core matches at once: the last expansion of a count.
///
/// When only the number of matches matters (`RETURN count(*)`, or `RETURN c, count(*)` below the
/// step that binds `c`) and the last step expands to a node whose leaves are all it still
/// needs, the matches of that step differ only in that node. Binding each in turn and asking
/// the counter for its weight costs the matcher's bookkeeping per match; here the weights of a
/// whole run of targets are summed in tight loops instead. The loops also read in two passes
/// (first every target's slot range, then the slots): the reads of one pass do not wait for
/// each other, so the processor overlaps the cache misses of many targets, which is most of
/// the time on a large graph (`(o)-[:memberOf]->(a:agency)-[:memberOf]->(c)`: per country, its
/// agencies' members counted together).
extension PatternLeafCounter {
    /// Whether, under `plan`, the weight of a match is a function of the row bound to node slot
    /// `v` and of the edge that binds it: every leaf hangs from `v`, none is coupled to another,
    /// and each is counted by a table or a tight scan.
    static func weighsOnlyNode(_ v: Int, plan: MatchPlan, query: BoundQuery) -> Bool {
        plan.pairs.isEmpty && plan.leaves.allSatisfy { $0.anchor == v && ($0.usesTable || LeafShape($0, query: query).isPlain) }
    }

    /// The sum of the weights of the matches that bind node slot `v` (see ``weighsOnlyNode(_:plan:query:)``)
    /// and relationship slot `ri` to each (edge, row) of `found` (edge rows and rows
    /// alternating), the rest of the match being in `frame`.
    /// - Throws: ``QueryError`` when the sum overflows a 64-bit count.
    func weightSum(_ found: [Int32], node v: Int, relationship ri: Int, frame: inout MatchFrame) throws(QueryError) -> Int {
        let n = found.count / 2
        if n == 0 || singles.isEmpty { return n }
        let sharing = singles.contains { plain[$0].shape.sharesCoreEdges }
        if singles.count == 1, !usesTable[singles[0]], let sum = batchedScan(plain[singles[0]], rows: found) {
            // One leaf: its count less the core edges it shares, summed over the targets.
            guard sharing else { return sum }
            var shared = 0
            for j in 0..<n {
                frame.edges[ri] = found[2 * j]
                frame.nodes[v] = found[2 * j + 1]
                shared += plain[singles[0]].sharedCoreEdges(at: found[2 * j + 1], frame: frame, coreShapes: coreShapes, arrays)
            }
            return sum - shared
        }
        var total = 0
        for j in 0..<n {
            frame.edges[ri] = found[2 * j]
            frame.nodes[v] = found[2 * j + 1]
            var weight = 1
            for i in singles {
                let c = try count(i, &frame)
                if c == 0 { weight = 0; break }
                weight = try Self.multiply(weight, c)
            }
            let (sum, overflow) = total.addingReportingOverflow(weight)
            guard !overflow else { throw QueryError(.invalidArgument("the number of matches overflows a 64-bit count")) }
            total = sum
        }
        return total
    }

    /// One leaf counted by scanning one direction for one relation (the common case), in the two
    /// passes; `nil` for the other shapes. Where the far ends need no check (see
    /// ``PlainLeafCount/anyEnd``), only the slots' relations are read.
    /// The rows are `found[1], found[3], ...`.
    private func batchedScan(_ leaf: PlainLeafCount, rows found: [Int32]) -> Int? {
        guard let outgoing = leaf.shape.outgoing, leaf.shape.edge.relation >= 0, leaf.anyEnd || leaf.leafRows != nil else { return nil }
        let runs = arrays.runs(outgoing: outgoing)
        let r = UInt16(truncatingIfNeeded: leaf.shape.edge.relation)
        let leafRows = leaf.leafRows
        let chunk = 64
        var total: UInt64 = 0
        // Zero for any array that fits in memory, unknown to the compiler (see pass 1b).
        let hidden = Int32(truncatingIfNeeded: found.count >> 60)
        return found.withUnsafeBufferPointer { rows in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * chunk) { bounds in
                var j = 1
                while j < rows.count {
                    var m = 0
                    // Pass 1: each target's slots (independent reads).
                    while m < chunk, j < rows.count {
                        let node = Int(rows[j])
                        bounds[2 * m] = runs.offsets[node]
                        bounds[2 * m + 1] = runs.offsets[node &+ 1]
                        m += 1
                        j += 2
                    }
                    // Pass 1b: the first slot of each target, read for the cache only (the
                    // value is masked by a zero the compiler cannot see), so that the misses of
                    // all targets are in flight together before pass 2 needs them.
                    for t in 0..<m where bounds[2 * t] < bounds[2 * t + 1] {
                        let start = Int(bounds[2 * t])
                        let touched = Int32(runs.relations[start]) &+ (leafRows == nil ? 0 : runs.ends[start])
                        bounds[2 * t] |= touched & hidden
                    }
                    // Pass 2: the slots, the run found by reading every relation at small
                    // nodes and by a binary search at hubs.
                    for t in 0..<m {
                        let all = Int(bounds[2 * t])..<Int(bounds[2 * t + 1])
                        guard let leafRows else {
                            total &+= UInt64(runs.run(in: all, relation: r).count)
                            continue
                        }
                        if all.count <= AdjacencyRuns.scannedDegree {
                            for k in all {
                                let same: UInt64 = runs.relations[k] == r ? 1 : 0
                                total &+= same & leafRows.bit(runs.ends[k])
                            }
                        } else {
                            for k in runs.run(in: all, relation: r) { total &+= leafRows.bit(runs.ends[k]) }
                        }
                    }
                }
                return Int(total)
            }
        }
    }
}
