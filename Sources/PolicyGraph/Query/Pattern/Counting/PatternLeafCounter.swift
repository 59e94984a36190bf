/// Counts the matches the leaves add to one core match: the product of each leaf's count, with
/// `c1 × c2 − correction` for coupled pairs. Tables (counts per anchor row computed once from
/// the leaf's side) make a count a lookup; otherwise the anchor's edges are scanned.
///
/// A table costs steps of the work budget as the matcher's own steps do, one per node tried
/// and per edge read while building it (``work``); a count looked up or scanned at a core match
/// costs nothing beyond that match's own steps, however many matches it stands for.
struct PatternLeafCounter {
    let scanner: LeafScanner
    let pairs: [LeafPair]
    /// Leaves outside pairs, tables first (a zero there skips the scans).
    var singles: [Int]
    /// Each leaf's anchor slot.
    let anchors: [Int]
    /// Each leaf's tight count, and every relationship's shape (the scanner's, held here too).
    let plain: [PlainLeafCount]
    let coreShapes: [EdgeShape]
    var usesTable: [Bool]
    /// The planner's guess of the core's matches.
    let estimatedRows: Double
    var tables: [RowCounts<Int32>]
    var pairTables: [RowCounts<Int>]
    var hasPairTable: [Bool]
    /// Counts per node cleared after each use, for the corrections of pairs.
    let scratch: ScratchRows
    var arrays = MatchArrays.empty
    /// Nodes tried and edges read building the tables.
    private(set) var work = 0

    init(graph: Graph, query: BoundQuery, plan: MatchPlan) {
        scanner = LeafScanner(graph: graph, query: query, leaves: plan.leaves, estimatedRows: plan.estimatedRows)
        pairs = plan.pairs
        let inPairs = Set(plan.pairs.flatMap { [$0.first, $0.second] })
        singles = plan.leaves.indices.filter { !inPairs.contains($0) }.sorted { plan.leaves[$0].usesTable && !plan.leaves[$1].usesTable }
        anchors = plan.leaves.map { $0.anchor }
        plain = scanner.plain
        coreShapes = scanner.relationshipShapes
        usesTable = plan.leaves.map { $0.usesTable }
        estimatedRows = plan.estimatedRows
        tables = plan.leaves.map { _ in RowCounts() }
        pairTables = plan.pairs.map { _ in RowCounts() }
        hasPairTable = plan.pairs.map { _ in false }
        scratch = ScratchRows(rowCount: graph.nodeCount)
    }

    /// Builds the tables the plan asked for, over the graph's `arrays` (which stay valid while
    /// the counter is used). Anchors that their own slot rejects are left out: the core never
    /// binds them.
    ///
    /// Tables from candidates come first. Then, before a pass down an edge list, the rows the
    /// core will really bring to this leaf are known better than the planner knew them: only
    /// those where the tables built so far count more than zero (the frameworks some country
    /// opposes). When scanning just those anchors is cheaper, the leaf is scanned instead.
    mutating func prepare(_ frame: inout MatchFrame, arrays: MatchArrays) throws(QueryError) {
        self.arrays = arrays
        var gate = 1.0
        for i in Self.tableOrder(scanner.leaves) {
            let leaf = scanner.leaves[i]
            let single = !pairs.contains { $0.first == i || $0.second == i }
            if Self.mayScanInstead(leaf, single: single), estimatedRows * gate * leaf.scanPerAnchor < leaf.listCost {
                usesTable[i] = false
                continue
            }
            let anchorFilter = NodeFilter(scanner.query.nodes[anchors[i]])
            let filtersAnchors = !anchorFilter.exact && !anchorFilter.anyKind
            var table = RowCounts<Int32>(rowCount: scanner.graph.nodeCount, expected: leaf.expectedAnchors, additions: leaf.expectedEdges)
            var work = 0
            if scanner.leaves[i].counting == .edgeTable {
                work = scanner.tabulateEdgeList(i, anchorFilter: anchorFilter, into: &table, arrays)
            } else {
                let slot = scanner.query.nodes[scanner.leaves[i].node]
                let checks = scanner.shapes[i].node.exact
                try scanner.forEachCandidate(i) { (v) throws(QueryError) in
                    work += 1
                    if checks, !slot.accepts(v, in: scanner.graph) { return }
                    try scanner.forEachAnchor(i, leafRow: v, frame: &frame, arrays) { _, anchor in
                        work += 1
                        if !filtersAnchors || anchorFilter.passes(anchor, arrays) { table.add(anchor) }
                    }
                }
            }
            self.work &+= work
            if single, table.countIsExact, leaf.anchorCardinality > 0 { gate = min(gate, Double(table.count) / leaf.anchorCardinality) }
            tables[i] = table
        }
        singles.sort { usesTable[$0] && !usesTable[$1] }
        for (pi, pair) in pairs.enumerated() where usesTable[pair.first] && usesTable[pair.second] {
            pairTables[pi] = try pairTable(pair, &frame)
            hasPairTable[pi] = true
        }
    }

    /// The leaves whose tables ``prepare(_:arrays:)`` builds, in the order it builds them:
    /// tables from candidates first, then edge lists.
    static func tableOrder(_ leaves: [LeafPlan]) -> [Int] {
        let fromCandidates = leaves.map { $0.counting == .table }
        return leaves.indices.filter { leaves[$0].usesTable }.sorted { fromCandidates[$0] && !fromCandidates[$1] }
    }

    /// Whether an edge-list leaf may still be scanned instead, when the tables built before it
    /// show that the core brings it few anchors (a leaf outside pairs, its list's cost known).
    static func mayScanInstead(_ leaf: LeafPlan, single: Bool) -> Bool {
        leaf.counting == .edgeTable && single && leaf.listCost.isFinite
    }

    /// Per anchor row, the pairs of the two leaves that bind the same node (`differ`) or the same edge.
    private mutating func pairTable(_ pair: LeafPair, _ frame: inout MatchFrame) throws(QueryError) -> RowCounts<Int> {
        let graph = scanner.graph
        let arrays = self.arrays
        var correction = RowCounts<Int>(rowCount: graph.nodeCount, expected: 1024)
        let first = scanner.query.nodes[scanner.leaves[pair.first].node]
        let second = scanner.query.nodes[scanner.leaves[pair.second].node]
        // Moved out and back, so that the closures below do not capture `self`.
        let scratch = self.scratch
        var shared: [(edge: Int32, anchor: Int32)] = []
        var work = 0
        defer { self.work &+= work }
        try scanner.forEachCandidate(pair.first) { (v) throws(QueryError) in
            work += 1
            guard first.accepts(v, in: graph), second.accepts(v, in: graph) else { return }
            if pair.differ {
                try scanner.forEachAnchor(pair.first, leafRow: v, frame: &frame, arrays) { _, anchor in
                    work += 1
                    scratch.counts.add(anchor)
                }
                if scratch.counts.count == 0 { return }
                try scanner.forEachAnchor(pair.second, leafRow: v, frame: &frame, arrays) { _, anchor in
                    work += 1
                    let c = scratch.counts.value(anchor)
                    if c > 0 { correction.add(anchor, Int(c)) }
                }
                scratch.counts.removeAll()
            } else {
                shared.removeAll(keepingCapacity: true)
                try scanner.forEachAnchor(pair.first, leafRow: v, frame: &frame, arrays) { e, anchor in
                    work += 1
                    shared.append((e, anchor))
                }
                for s in shared where try scanner.binds(pair.second, edge: s.edge, anchorRow: s.anchor, frame: &frame) {
                    correction.add(s.anchor)
                }
            }
        }
        return correction
    }

    /// How many matches the leaves make of the core match in `frame` (0 for none).
    ///
    /// Not `mutating`: a mutating call made the compiler copy the whole counter at every core
    /// match, so scratch space is held by reference (``ScratchRows``).
    func weight(_ frame: inout MatchFrame) throws(QueryError) -> Int {
        var total = 1
        for j in 0..<singles.count {
            let c = try count(singles[j], &frame)
            if c == 0 { return 0 }
            total = try Self.multiply(total, c)
        }
        for pi in 0..<pairs.count {
            let pair = pairs[pi]
            let a = try count(pair.first, &frame)
            if a == 0 { return 0 }
            let b = try count(pair.second, &frame)
            if b == 0 { return 0 }
            let anchor = frame.nodes[anchors[pair.first]]
            let correction: Int
            if hasPairTable[pi] {
                correction = pairTables[pi].value(anchor)
            } else {
                correction = try scanCorrection(pair, anchor: anchor, &frame)
            }
            let w = try Self.multiply(a, b) - correction
            if w <= 0 { return 0 }
            total = try Self.multiply(total, w)
        }
        return total
    }

    static func multiply(_ a: Int, _ b: Int) throws(QueryError) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow else { throw QueryError(.invalidArgument("the number of matches overflows a 64-bit count")) }
        return product
    }

    /// Leaf `i`'s count at the core match in `frame`, the core's edges left out.
    @inline(__always)
    func count(_ i: Int, _ frame: inout MatchFrame) throws(QueryError) -> Int {
        let anchor = frame.nodes[anchors[i]]
        if usesTable[i] {
            let n = tables[i].value(anchor)
            guard n > 0, plain[i].shape.sharesCoreEdges else { return n }
            return n - plain[i].sharedCoreEdges(at: anchor, frame: frame, coreShapes: coreShapes, arrays)
        }
        if plain[i].shape.isPlain { return plain[i].count(at: anchor, frame: frame, coreShapes: coreShapes, arrays) }
        return try scanned(i, anchor, &frame)
    }

    /// Out of line, so that the hot path never names the scanner: using it inline made the
    /// compiler copy the scanner (and the graph it holds) at every core match.
    @inline(never)
    private func scanned(_ i: Int, _ anchor: Int32, _ frame: inout MatchFrame) throws(QueryError) -> Int {
        try scanner.count(i, anchorRow: anchor, frame: &frame, arrays)
    }

    private func scanCorrection(_ pair: LeafPair, anchor: Int32, _ frame: inout MatchFrame) throws(QueryError) -> Int {
        let arrays = self.arrays
        var correction = 0
        if pair.differ {
            let scratch = self.scratch
            try scanner.forEachBinding(pair.first, anchorRow: anchor, frame: &frame, arrays) { _, node in scratch.counts.add(node) }
            if scratch.counts.count > 0 {
                try scanner.forEachBinding(pair.second, anchorRow: anchor, frame: &frame, arrays) { _, node in
                    correction += scratch.counts.value(node)
                }
                scratch.counts.removeAll()
            }
        } else {
            var edges: [Int32] = []
            try scanner.forEachBinding(pair.first, anchorRow: anchor, frame: &frame, arrays) { e, _ in edges.append(e) }
            for e in edges where try scanner.binds(pair.second, edge: e, anchorRow: anchor, frame: &frame) { correction += 1 }
        }
        return correction
    }
}

/// Counts per node row that a correction fills and clears again, held by reference so that the
/// counter's methods need not be `mutating`. One query uses it, on one thread.
final class ScratchRows: @unchecked Sendable {
    @exclusivity(unchecked) var counts: RowCounts<Int32>

    init(rowCount: Int) { counts = RowCounts(rowCount: rowCount, keepsRows: true) }
}
