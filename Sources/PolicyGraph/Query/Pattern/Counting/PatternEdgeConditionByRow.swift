/// The first count of a process over an edge condition leaf (``EdgeConditionLeaf``), before its
/// column is gathered in slot order: the same walk down the anchor's runs, each slot's code read
/// by its edge row (`runs.items[k]`) in the column as the file holds it, and the conditions
/// answered once per code met, the first time a walk meets it (``CodeAnswers``).
///
/// The reads of the column are at random, as the general path's are, but all of a run's are
/// made before any is used, so that the processor overlaps them: with the condition evaluated
/// through the match frame between one read and the next (the general path), or a branch on
/// each code as it came, each read waited for the one before (at 10M edges, 0.2–0.4 µs an edge).
///
/// A code whose conditions fail to evaluate is never counted here: a walk that meets it where
/// the general path would evaluate them (at an edge whose far end is of the leaf's kinds, in a
/// scan; at any edge of the leaf row, in a table, whose anchors are checked afterwards) leaves
/// that anchor (or that leaf row) to the general path, which raises the error exactly where it
/// did.
struct EdgeConditionByRow {
    /// As ``EdgeConditionLeaf``'s: a scan or a table, and the walk's direction.
    let fromAnchor: Bool
    let outgoing: Bool
    let relations: [Int]
    let leafRows: KindRows?
    /// The column's code of each edge row (file order).
    let codes: CodeArray
    let answers: CodeAnswers

    /// `nil` unless `choice` is a first ask.
    init?(_ leaf: LeafPlan, choice: EdgeConditionLeaf.Choice?, query: BoundQuery, graph: Graph) {
        guard case .firstAsk(let column, let fromAnchor, let outgoing)? = choice else { return nil }
        let cells = graph.edgeTable.columns[column]
        guard case .dictionary(let codes, _) = cells.storage else { return nil }
        self.fromAnchor = fromAnchor
        self.outgoing = outgoing
        relations = query.relationships[leaf.relationship].relations ?? Array(graph.schema.relations.indices)
        leafRows = KindRows(NodeFilter(query.nodes[leaf.node]), graph: graph)
        self.codes = codes
        // Each condition as its per-value cache (``ColumnTruthCache``) wraps it: answered once
        // per code here, the cache has nothing to save.
        let conditions = leaf.predicates.map { p in
            let expression = query.predicates[p].expression
            guard case .columnTest(_, _, _, let condition, _) = expression else { return expression }
            return condition
        }
        answers = CodeAnswers(codes: cells.distinctCount + 1, relationship: leaf.relationship, conditions: conditions,
                              query: query, graph: graph)
    }

    /// How many edges bind the leaf at `anchor` (a scan); `nil` when one of them whose far end
    /// is of the leaf's kinds holds a code whose conditions fail to evaluate.
    ///
    /// Out of line, as ``learnsEveryCode(leafRow:_:)``: the scanner's walks are inlined into
    /// the counter's loops, which need not carry three copies of this one.
    @inline(never)
    func count(at anchor: Int32, _ arrays: MatchArrays) -> Int? {
        switch codes.storage {
        case .bytes(let a): return a.withUnsafeBufferPointer { count(at: anchor, codes: $0, arrays) }
        case .shorts(let a): return a.withUnsafeBufferPointer { count(at: anchor, codes: $0, arrays) }
        case .words(let a): return a.withUnsafeBufferPointer { count(at: anchor, codes: $0, arrays) }
        // Refused by the choice (a column with values).
        case .zeros: return nil
        }
    }

    /// Whether every code of `leafRow`'s runs (a table) is known, learning those that are not,
    /// and none fails to evaluate: then ``forEachAnchor(leafRow:_:_:)`` walks the row.
    @inline(never)
    func learnsEveryCode(leafRow: Int32, _ arrays: MatchArrays) -> Bool {
        switch codes.storage {
        case .bytes(let a): return a.withUnsafeBufferPointer { learnsEveryCode(leafRow: leafRow, codes: $0, arrays) }
        case .shorts(let a): return a.withUnsafeBufferPointer { learnsEveryCode(leafRow: leafRow, codes: $0, arrays) }
        case .words(let a): return a.withUnsafeBufferPointer { learnsEveryCode(leafRow: leafRow, codes: $0, arrays) }
        case .zeros: return false
        }
    }

    /// `body(edge, anchor)` for each edge binding the leaf to node `leafRow` (a table), once
    /// ``learnsEveryCode(leafRow:_:)`` has said yes: no edge is handed over before the row is
    /// known to be this walk's and not the general path's. The codes are read again, from the
    /// cache now.
    func forEachAnchor(leafRow: Int32, _ arrays: MatchArrays, _ body: (Int32, Int32) -> Void) {
        switch codes.storage {
        case .bytes(let a): a.withUnsafeBufferPointer { forEachAnchor(leafRow: leafRow, codes: $0, arrays, body) }
        case .shorts(let a): a.withUnsafeBufferPointer { forEachAnchor(leafRow: leafRow, codes: $0, arrays, body) }
        case .words(let a): a.withUnsafeBufferPointer { forEachAnchor(leafRow: leafRow, codes: $0, arrays, body) }
        case .zeros: break
        }
    }

    /// Slots read per round, their codes first, all of them: a branch on each code as it came
    /// (a third of them new to the walk at `recent_stances`) made the processor wait for each.
    static let chunk = 256

    @inline(__always)
    private func count<C: FixedWidthInteger>(at anchor: Int32, codes: UnsafeBufferPointer<C>, _ arrays: MatchArrays) -> Int? {
        let runs = arrays.runs(outgoing: outgoing)
        let known = answers.table
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: Self.chunk) { read -> Int? in
            var bits: UInt64 = 0
            for r in relations {
                var rest = runs.run(of: anchor, relation: r)
                while !rest.isEmpty {
                    let part = rest.lowerBound..<min(rest.upperBound, rest.lowerBound + Self.chunk)
                    rest = part.upperBound..<rest.upperBound
                    Self.read(part, codes: codes, runs.items, into: read)
                    for k in part {
                        let end = leafRows?.bit(runs.ends[k]) ?? 1
                        let code = Int(read[k - part.lowerBound])
                        var a = known[code]
                        // As on the general path, the conditions only where the far end passes.
                        if a < CodeAnswers.fails, end != 0 {
                            if a == CodeAnswers.unknown { a = answers.learn(code, at: runs.items[k]) }
                            if a == CodeAnswers.error { return nil }
                        }
                        bits &+= UInt64(a & 1) & end
                    }
                }
            }
            return Int(bits)
        }
    }

    @inline(__always)
    private func learnsEveryCode<C: FixedWidthInteger>(leafRow: Int32, codes: UnsafeBufferPointer<C>, _ arrays: MatchArrays) -> Bool {
        let runs = arrays.runs(outgoing: outgoing)
        let known = answers.table
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: Self.chunk) { read -> Bool in
            for r in relations {
                var rest = runs.run(of: leafRow, relation: r)
                while !rest.isEmpty {
                    let part = rest.lowerBound..<min(rest.upperBound, rest.lowerBound + Self.chunk)
                    rest = part.upperBound..<rest.upperBound
                    Self.read(part, codes: codes, runs.items, into: read)
                    for k in part {
                        let code = Int(read[k - part.lowerBound])
                        var a = known[code]
                        if a == CodeAnswers.unknown { a = answers.learn(code, at: runs.items[k]) }
                        if a == CodeAnswers.error { return false }
                    }
                }
            }
            return true
        }
    }

    @inline(__always)
    private func forEachAnchor<C: FixedWidthInteger>(leafRow: Int32, codes: UnsafeBufferPointer<C>, _ arrays: MatchArrays,
                                                     _ body: (Int32, Int32) -> Void) {
        let runs = arrays.runs(outgoing: outgoing)
        let known = answers.table
        for r in relations {
            for k in runs.run(of: leafRow, relation: r) where known[Int(codes[Int(runs.items[k])])] == CodeAnswers.passes {
                body(runs.items[k], runs.ends[k])
            }
        }
    }

    /// The codes of the edges in slots `part`, to the front of `read`.
    @inline(__always)
    private static func read<C: FixedWidthInteger>(_ part: Range<Int>, codes: UnsafeBufferPointer<C>, _ items: UnsafeBufferPointer<Int32>,
                                                   into read: UnsafeMutableBufferPointer<UInt32>) {
        for k in part { read[k - part.lowerBound] = UInt32(truncatingIfNeeded: codes[Int(items[k])]) }
    }
}

/// Per code of one edge column, what a leaf's conditions answer at an edge holding it, learnt
/// the first time a walk meets the code: ``unknown``, ``error`` (evaluating them failed),
/// ``fails`` (false or null) or ``passes``; the low bit is the count. A reference, filled
/// while one query runs on one thread and dropped with it. It holds what evaluating needs, its
/// own match frame included (the conditions read the leaf's edge alone), so that a walk
/// reaches it without the scanner or the matcher's frame: handing either down made the walks
/// of every other leaf keep a reference to them at each call.
final class CodeAnswers: @unchecked Sendable {
    static let unknown: UInt8 = 0
    static let error: UInt8 = 1
    static let fails: UInt8 = 2
    static let passes: UInt8 = 3

    /// Valid while the object lives.
    let table: UnsafeMutableBufferPointer<UInt8>
    private let relationship: Int
    private let conditions: [CompiledExpression]
    private let graph: Graph
    private var frame: MatchFrame

    init(codes: Int, relationship: Int, conditions: [CompiledExpression], query: BoundQuery, graph: Graph) {
        table = .allocate(capacity: codes)
        table.initialize(repeating: Self.unknown)
        self.relationship = relationship
        self.conditions = conditions
        self.graph = graph
        frame = MatchFrame(nodes: query.nodes.count, relationships: query.relationships.count)
    }

    deinit { table.deallocate() }

    /// The answer for `code`, evaluated at edge `e`, which holds it, and kept: the conditions
    /// in turn, as the general path (``LeafScanner/forEachBinding(_:anchorRow:frame:_:_:)``)
    /// evaluates them, so that the first that is not true decides and an error is one only
    /// where that path would meet it.
    @inline(never)
    func learn(_ code: Int, at e: Int32) -> UInt8 {
        frame.edges[relationship] = e
        var answer = Self.passes
        do throws(QueryError) {
            for c in conditions where try c.truth(in: frame, graph: graph) != true {
                answer = Self.fails
                break
            }
        } catch {
            answer = Self.error
        }
        table[code] = answer
        return answer
    }
}
