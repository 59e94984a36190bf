/// How leaves are counted: chosen by cost, or forced (tests check both ways against brute force).
enum LeafMode: Sendable {
    case automatic, scan, table
}

/// Iterates the edges that can bind a leaf, from either end, with every check the leaf needs
/// (relation, edge filters, the leaf's kinds and ids, isomorphism with core edges, predicates).
struct LeafScanner {
    let graph: Graph
    let query: BoundQuery
    let leaves: [LeafPlan]
    /// Each leaf's predicates, compiled.
    let conditions: [[CompiledExpression]]

    init(graph: Graph, query: BoundQuery, leaves: [LeafPlan]) {
        self.graph = graph
        self.query = query
        self.leaves = leaves
        conditions = leaves.map { $0.predicates.map { query.predicates[$0].expression } }
    }

    /// `body(edge, leafRow)` for each edge binding leaf `i` at anchor row `anchorRow`.
    func forEachBinding(_ i: Int, anchorRow: Int32, frame: inout MatchFrame, _ body: (Int32, Int32) -> Void) throws(QueryError) {
        let leaf = leaves[i]
        let r = query.relationships[leaf.relationship]
        let slot = query.nodes[leaf.node]
        for outgoing in [true, false] where leaf.outgoing == nil || leaf.outgoing == outgoing {
            // The cursor walks only the allowed relations, so only the filters remain to check.
            var cursor = AdjacencyCursor(graph, node: anchorRow, outgoing: outgoing, relations: r.relations)
            let ends = outgoing ? graph.edgeTable.to : graph.edgeTable.from
            edges: while let e = cursor.next() {
                let other = ends[Int(e)]
                if leaf.outgoing == nil, !outgoing, other == anchorRow { continue }
                guard r.filters.isEmpty || r.accepts(e, in: graph), slot.accepts(other, in: graph) else { continue }
                for s in leaf.isoEdges where frame.edges[s] == e { continue edges }
                for s in leaf.isoPaths where frame.paths[s].contains(e) { continue edges }
                if !leaf.predicates.isEmpty {
                    frame.nodes[leaf.node] = other
                    frame.edges[leaf.relationship] = e
                    for c in conditions[i] where try c.truth(in: frame, graph: graph) != true { continue edges }
                }
                body(e, other)
            }
        }
    }

    /// How many edges bind leaf `i` at `anchorRow`: `forEachBinding` counted, with a tight loop
    /// (one kind check per edge) when the leaf has only kinds to check.
    func count(_ i: Int, anchorRow: Int32, frame: inout MatchFrame) throws(QueryError) -> Int {
        let leaf = leaves[i]
        let r = query.relationships[leaf.relationship]
        let slot = query.nodes[leaf.node]
        guard leaf.predicates.isEmpty, leaf.isoEdges.isEmpty, leaf.isoPaths.isEmpty, r.filters.isEmpty, slot.rows == nil else {
            var n = 0
            try forEachBinding(i, anchorRow: anchorRow, frame: &frame) { _, _ in n += 1 }
            return n
        }
        var n = 0
        let kinds = graph.nodeTable.kinds
        for outgoing in [true, false] where leaf.outgoing == nil || leaf.outgoing == outgoing {
            var cursor = AdjacencyCursor(graph, node: anchorRow, outgoing: outgoing, relations: r.relations)
            let ends = outgoing ? graph.edgeTable.to : graph.edgeTable.from
            let skipLoops = leaf.outgoing == nil && !outgoing
            if let mask = slot.kinds {
                while let e = cursor.next() {
                    let other = ends[Int(e)]
                    if mask[Int(kinds[Int(other)])], !(skipLoops && other == anchorRow) { n += 1 }
                }
            } else {
                while let e = cursor.next() {
                    if !(skipLoops && ends[Int(e)] == anchorRow) { n += 1 }
                }
            }
        }
        return n
    }

    /// `body(edge, anchorRow)` for each edge binding leaf `i` to node `leafRow`, walking from
    /// the leaf's side. Only for leaves whose checks read no core variable but the anchor.
    func forEachAnchor(_ i: Int, leafRow: Int32, frame: inout MatchFrame, _ body: (Int32, Int32) -> Void) throws(QueryError) {
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
        // The anchor's out-edges are the leaf's in-edges.
        if leaf.outgoing != true {
            try graph.forEachEdge(at: leafRow, outgoing: true, relations: r.relations) { e, other throws(QueryError) in try visit(e, other) }
        }
        if leaf.outgoing != false {
            try graph.forEachEdge(at: leafRow, outgoing: false, relations: r.relations, skipLoops: leaf.outgoing == nil) { e, other throws(QueryError) in
                try visit(e, other)
            }
        }
    }

    /// Whether edge `e` binds leaf `i` at anchor row `anchorRow` (a test for shared edges).
    func binds(_ i: Int, edge e: Int32, anchorRow: Int32, frame: inout MatchFrame) throws(QueryError) -> Bool {
        let leaf = leaves[i]
        let source = graph.source(ofEdge: e), target = graph.target(ofEdge: e)
        var other: Int32
        switch leaf.outgoing {
        case true?: guard source == anchorRow else { return false }; other = target
        case false?: guard target == anchorRow else { return false }; other = source
        case nil:
            if source == anchorRow { other = target } else if target == anchorRow { other = source } else { return false }
        }
        var found = false
        guard query.relationships[leaf.relationship].accepts(e, in: graph), query.nodes[leaf.node].accepts(other, in: graph) else { return false }
        for s in leaf.isoEdges where frame.edges[s] == e { return false }
        for s in leaf.isoPaths where frame.paths[s].contains(e) { return false }
        frame.nodes[leaf.node] = other
        frame.edges[leaf.relationship] = e
        found = true
        for c in conditions[i] where try c.truth(in: frame, graph: graph) != true { found = false }
        return found
    }

    /// The rows a leaf's node may take, as its kinds or ids allow.
    func candidates(_ i: Int) -> [Int32] {
        let slot = query.nodes[leaves[i].node]
        if let rows = slot.rows { return rows }
        if let kinds = slot.kinds {
            return kinds.indices.filter { kinds[$0] }.flatMap { Array(graph.byKind.members($0)) }
        }
        return Array(0..<Int32(graph.nodeCount))
    }
}

/// Counts the matches the leaves add to one core match: the product of each leaf's count, with
/// `c1 × c2 − correction` for coupled pairs. Tables (counts per anchor row computed once from
/// the leaf's side) make a count an array read; otherwise the anchor's edges are scanned.
struct PatternLeafCounter {
    let scanner: LeafScanner
    let pairs: [LeafPair]
    /// Leaves outside pairs, tables first (a zero there skips the scans).
    let singles: [Int]
    var tables: [[Int32]?]
    var pairTables: [[Int]?]
    var scratch: [Int32] = []
    var touched: [Int32] = []

    /// Decides, per leaf, between a table and scanning: a table costs a pass over the leaf's
    /// candidates and their edges plus an array of the node count; scanning costs the anchor's
    /// edges at every core match.
    static func chooseModes(_ plan: inout MatchPlan, query: BoundQuery, statistics: PatternStatistics, mode: LeafMode) {
        for i in plan.leaves.indices {
            let leaf = plan.leaves[i]
            let r = query.relationships[leaf.relationship]
            let local = leaf.predicates.allSatisfy {
                query.predicates[$0].nodes.isSubset(of: [leaf.node, leaf.anchor]) && query.predicates[$0].relationships.isSubset(of: [leaf.relationship])
            }
            guard local, leaf.isoEdges.isEmpty, leaf.isoPaths.isEmpty, mode != .scan else { continue }
            if mode == .table {
                plan.leaves[i].usesTable = true
                continue
            }
            let forward = r.from == leaf.anchor
            let perAnchor = statistics.expansion(r, anchor: query.nodes[leaf.anchor], target: query.nodes[leaf.node], forward: forward).scan
            let perLeaf = statistics.expansion(r, anchor: query.nodes[leaf.node], target: query.nodes[leaf.anchor], forward: !forward).scan
            let scanCost = plan.estimatedRows * perAnchor
            let tableCost = statistics.cardinality(query.nodes[leaf.node]) * (1 + perLeaf) + statistics.nodeCount / 8
            plan.leaves[i].usesTable = tableCost < scanCost
        }
    }

    init(graph: Graph, query: BoundQuery, plan: MatchPlan) {
        scanner = LeafScanner(graph: graph, query: query, leaves: plan.leaves)
        pairs = plan.pairs
        let inPairs = Set(plan.pairs.flatMap { [$0.first, $0.second] })
        singles = plan.leaves.indices.filter { !inPairs.contains($0) }.sorted { plan.leaves[$0].usesTable && !plan.leaves[$1].usesTable }
        tables = Array(repeating: nil, count: plan.leaves.count)
        pairTables = Array(repeating: nil, count: plan.pairs.count)
    }

    /// Builds the tables the plan asked for.
    mutating func prepare(_ frame: inout MatchFrame) throws(QueryError) {
        let scanner = self.scanner
        let n = scanner.graph.nodeCount
        for i in scanner.leaves.indices where scanner.leaves[i].usesTable {
            var table = [Int32](repeating: 0, count: n)
            let slot = scanner.query.nodes[scanner.leaves[i].node]
            for v in scanner.candidates(i) where slot.accepts(v, in: scanner.graph) {
                try scanner.forEachAnchor(i, leafRow: v, frame: &frame) { _, anchor in table[Int(anchor)] += 1 }
            }
            tables[i] = table
        }
        for (pi, pair) in pairs.enumerated() where scanner.leaves[pair.first].usesTable && scanner.leaves[pair.second].usesTable {
            pairTables[pi] = try pairTable(pair, &frame)
        }
    }

    /// Per anchor row, the pairs of the two leaves that bind the same node (`differ`) or the same edge.
    private mutating func pairTable(_ pair: LeafPair, _ frame: inout MatchFrame) throws(QueryError) -> [Int] {
        let scanner = self.scanner
        let n = scanner.graph.nodeCount
        var correction = [Int](repeating: 0, count: n)
        if scratch.isEmpty { scratch = [Int32](repeating: 0, count: n) }
        let first = scanner.query.nodes[scanner.leaves[pair.first].node]
        let second = scanner.query.nodes[scanner.leaves[pair.second].node]
        for v in scanner.candidates(pair.first) where first.accepts(v, in: scanner.graph) && second.accepts(v, in: scanner.graph) {
            if pair.differ {
                // Moved out and back, so that the arrays stay uniquely referenced (no copy).
                var scratch: [Int32] = []
                var touched: [Int32] = []
                swap(&scratch, &self.scratch)
                swap(&touched, &self.touched)
                try scanner.forEachAnchor(pair.first, leafRow: v, frame: &frame) { _, anchor in
                    scratch[Int(anchor)] += 1
                    touched.append(anchor)
                }
                try scanner.forEachAnchor(pair.second, leafRow: v, frame: &frame) { _, anchor in correction[Int(anchor)] += Int(scratch[Int(anchor)]) }
                for a in touched { scratch[Int(a)] = 0 }
                touched.removeAll(keepingCapacity: true)
                swap(&scratch, &self.scratch)
                swap(&touched, &self.touched)
            } else {
                var shared: [(Int32, Int32)] = []
                try scanner.forEachAnchor(pair.first, leafRow: v, frame: &frame) { e, anchor in shared.append((e, anchor)) }
                for (e, anchor) in shared where try scanner.binds(pair.second, edge: e, anchorRow: anchor, frame: &frame) {
                    correction[Int(anchor)] += 1
                }
            }
        }
        return correction
    }

    /// How many matches the leaves make of the core match in `frame` (0 for none).
    mutating func weight(_ frame: inout MatchFrame) throws(QueryError) -> Int {
        var total = 1
        for i in singles {
            let c = try count(i, &frame)
            if c == 0 { return 0 }
            total = try Self.multiply(total, c)
        }
        for (pi, pair) in pairs.enumerated() {
            let a = try count(pair.first, &frame)
            if a == 0 { return 0 }
            let b = try count(pair.second, &frame)
            if b == 0 { return 0 }
            let anchor = frame.nodes[scanner.leaves[pair.first].anchor]
            var correction: Int
            if let table = pairTables[pi] { correction = table[Int(anchor)] } else { correction = try scanCorrection(pair, anchor: anchor, &frame) }
            let w = try Self.multiply(a, b) - correction
            if w <= 0 { return 0 }
            total = try Self.multiply(total, w)
        }
        return total
    }

    private static func multiply(_ a: Int, _ b: Int) throws(QueryError) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow else { throw QueryError(.invalidArgument("the number of matches overflows a 64-bit count")) }
        return product
    }

    private mutating func count(_ i: Int, _ frame: inout MatchFrame) throws(QueryError) -> Int {
        let anchor = frame.nodes[scanner.leaves[i].anchor]
        if let table = tables[i] { return Int(table[Int(anchor)]) }
        return try scanner.count(i, anchorRow: anchor, frame: &frame)
    }

    private mutating func scanCorrection(_ pair: LeafPair, anchor: Int32, _ frame: inout MatchFrame) throws(QueryError) -> Int {
        let scanner = self.scanner
        var correction = 0
        if pair.differ {
            if scratch.isEmpty { scratch = [Int32](repeating: 0, count: scanner.graph.nodeCount) }
            var scratch: [Int32] = []
            var touched: [Int32] = []
            swap(&scratch, &self.scratch)
            swap(&touched, &self.touched)
            try scanner.forEachBinding(pair.first, anchorRow: anchor, frame: &frame) { _, node in
                scratch[Int(node)] += 1
                touched.append(node)
            }
            try scanner.forEachBinding(pair.second, anchorRow: anchor, frame: &frame) { _, node in correction += Int(scratch[Int(node)]) }
            for v in touched { scratch[Int(v)] = 0 }
            touched.removeAll(keepingCapacity: true)
            swap(&scratch, &self.scratch)
            swap(&touched, &self.touched)
        } else {
            var edges: [Int32] = []
            try scanner.forEachBinding(pair.first, anchorRow: anchor, frame: &frame) { e, _ in edges.append(e) }
            for e in edges where try scanner.binds(pair.second, edge: e, anchorRow: anchor, frame: &frame) { correction += 1 }
        }
        return correction
    }
}
