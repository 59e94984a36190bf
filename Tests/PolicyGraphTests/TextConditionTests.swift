import Testing
@testable import PolicyGraph

/// The byte-level label tests over a kind's gathered cells (``KindOrderedText``,
/// ``TextCondition``, the per-kind pass of ``ColumnTruthCache``) against the general path: the
/// compiled expression evaluated row by row, and brute force over the labels as written.
@Suite struct TextConditionTests {
    /// Labels with shared prefixes and suffixes, non-ASCII text (CJK, a precomposed and a
    /// decomposed é, the Kelvin sign that Swift's `==` equates with K, an emoji), and empty cells.
    static let labels = ["Trade", "Trade Smith", "trade", "Finance Trade", "Smith", "Smithson", "值Trade", "贸易值",
                         "café", "cafe\u{301}", "\u{212A}elvin", "Kelvin", "🙂 Trade", "é", "e", "", "", "Fin", "K", "\u{212A}", "e\u{301}"]
    static let needles = ["Trade", "Smith", "trade", "值", "易值", "é", "e\u{301}", "\u{301}", "K", "\u{212A}", "🙂", "e", "", "Fin", "Trade Smith X"]
    static let operators: [BinaryOperator] = [.startsWith, .endsWith, .contains, .equal, .notEqual]

    /// A graph of `count` nodes over the three kinds, every label drawn from ``labels`` (with a
    /// number after some), stored plain, with `memberOf` edges from each node to a few others.
    static func graph(_ random: inout PatternRandom, count: Int) throws -> Graph {
        var nodes = "id,kind,label\n"
        for i in 0..<count {
            var label = random.pick(labels)
            if !label.isEmpty, random.chance(0.3) { label += " \(i % 10)" }
            nodes += "n\(i),\(random.pick(RandomPatterns.kinds)),\"\(label)\"\n"
        }
        var edges = "from,relation,to\n"
        for i in 0..<count {
            for _ in 0..<random.int(0...3) { edges += "n\(i),memberOf,n\(random.int(0...(count - 1)))\n" }
        }
        let loaded = try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(edges.utf8), schema: Array(RandomPatterns.schema.utf8)).graph
        return PatternColumnReadTests.withPlainNodeColumns(loaded)
    }

    /// A random condition on `n.label` (slot 0, column 0) as the binder compiles it, and as text.
    static func condition(_ random: inout PatternRandom, depth: Int = 0) -> (CompiledExpression, String) {
        let cell = CompiledExpression.nodeColumn(.node(0), column: 0, numbers: nil)
        switch depth < 2 ? random.int(0...7) : 0 {
        case 1:
            let (a, x) = condition(&random, depth: depth + 1)
            return (.not(a), "NOT (\(x))")
        case 2, 3:
            let (a, x) = condition(&random, depth: depth + 1), (b, y) = condition(&random, depth: depth + 1)
            return random.chance(0.5) ? (.and(a, b), "(\(x)) AND (\(y))") : (.or(a, b), "(\(x)) OR (\(y))")
        case 4:
            let (a, x) = condition(&random, depth: depth + 1), (b, y) = condition(&random, depth: depth + 1)
            return (.xor(a, b), "(\(x)) XOR (\(y))")
        case 5:
            let negated = random.chance(0.5)
            return (.isNull(cell, negated: negated), "n.label IS \(negated ? "NOT " : "")NULL")
        default:
            let op = random.pick(operators), needle = random.pick(needles)
            return (expression(op, needle), "n.label \(op.rawValue) '\(needle)'")
        }
    }

    /// `n.label op 'needle'` as the compiler writes it: `=` and `<>` as comparisons (the
    /// constant on either side), the others as text operators.
    static func expression(_ op: BinaryOperator, _ needle: String, flipped: Bool = false) -> CompiledExpression {
        let cell = CompiledExpression.nodeColumn(.node(0), column: 0, numbers: nil), constant = CompiledExpression.constant(.string(needle))
        guard op == .equal || op == .notEqual else { return .text(op, cell, constant) }
        return flipped ? .compare(op, constant, cell) : .compare(op, cell, constant)
    }

    /// The brute-force truth of an operator on a label as written (nil for an empty cell):
    /// code points compared exactly, as the engine documents.
    static func reference(_ op: BinaryOperator, _ label: String, _ needle: String) -> Bool? {
        if label.isEmpty { return nil }
        let l = Array(label.unicodeScalars), n = Array(needle.unicodeScalars)
        switch op {
        case .startsWith: return l.starts(with: n)
        case .endsWith: return l.reversed().starts(with: n.reversed())
        case .equal: return l == n
        case .notEqual: return l != n
        default: return n.isEmpty || (0...max(0, l.count - n.count)).contains { l.count >= n.count && Array(l[$0..<$0 + n.count]) == n }
        }
    }

    @Test func byteConditionAgreesWithTheCompiledExpressionOnEveryRow() throws {
        var random = PatternRandom(seed: 2024)
        let graph = try Self.graph(&random, count: 300)
        let column = graph.nodeTable.columns[0]
        #expect(column.isPlain)
        for _ in 0..<200 {
            let (expression, text) = Self.condition(&random)
            let condition = try #require(TextCondition(expression, slot: 0, column: 0), "\(text)")
            var frame = MatchFrame(nodes: 1, relationships: 0)
            for row in 0..<graph.nodeCount {
                frame.nodes[0] = Int32(row)
                let general = try expression.truth(in: frame, graph: graph)
                let bytes = column.withCellBytes(at: row) { condition.truth($0) } ?? condition.truth(UnsafeBufferPointer(start: nil, count: 0))
                #expect(bytes == general, "\(text) on '\(column.text(at: row))'")
            }
        }
    }

    @Test func singleTestsFollowCodePointsNotSwiftEquality() throws {
        for label in Self.labels {
            for needle in Self.needles {
                for op in Self.operators {
                    for flipped in [false, true] where !flipped || op == .equal || op == .notEqual {
                        let condition = try #require(TextCondition(Self.expression(op, needle, flipped: flipped), slot: 0, column: 0))
                        var cell = label
                        let bytes = cell.withUTF8 { condition.truth($0) }
                        #expect(bytes == Self.reference(op, label, needle), "'\(label)' \(op.rawValue) '\(needle)'")
                    }
                }
            }
        }
        // The Kelvin sign is not K, a decomposed é is not é, whatever Swift's `==` says.
        var kelvin = "\u{212A}elvin"
        #expect(kelvin.withUTF8 { TextCondition.test(.startsWith, Array("K".utf8)).truth($0) } == false)
        var decomposed = "e\u{301}"
        let equalsPrecomposed = try #require(TextCondition(Self.expression(.equal, "\u{E9}"), slot: 0, column: 0))
        #expect(decomposed.withUTF8 { equalsPrecomposed.truth($0) } == false)
    }

    @Test func whatCannotBeAnsweredFromBytesIsLeftToTheGeneralPath() {
        let cell = CompiledExpression.nodeColumn(.node(0), column: 0, numbers: nil)
        // `=` with a number, `<` (an order, not a byte test), another slot, another column, a
        // numeric column, an id.
        #expect(TextCondition(.compare(.equal, cell, .constant(.int(1))), slot: 0, column: 0) == nil)
        #expect(TextCondition(.compare(.less, cell, .constant(.string("K"))), slot: 0, column: 0) == nil)
        #expect(TextCondition(.compare(.equal, cell, .constant(.string("K"))), slot: 1, column: 0) == nil)
        #expect(TextCondition(.text(.contains, cell, .constant(.string("a"))), slot: 1, column: 0) == nil)
        #expect(TextCondition(.text(.contains, cell, .constant(.string("a"))), slot: 0, column: 1) == nil)
        #expect(TextCondition(.text(.contains, .nodeColumn(.node(0), column: 0, numbers: []), .constant(.string("a"))), slot: 0, column: 0) == nil)
        #expect(TextCondition(.text(.contains, .nodeID(.node(0)), .constant(.string("a"))), slot: 0, column: 0) == nil)
        #expect(TextCondition(.text(.contains, .constant(.string("a")), cell), slot: 0, column: 0) == nil)
    }

    @Test func aKindsGatheredCellsAreItsCellsInRowOrder() throws {
        var random = PatternRandom(seed: 7)
        let graph = try Self.graph(&random, count: 200)
        for kind in graph.schema.kinds.indices {
            let view = graph.textViews.view(column: 0, kind: kind, in: graph)
            #expect(Array(view.rows) == Array(graph.byKind.members(kind)))
            var start = 0
            for (k, row) in view.rows.enumerated() {
                let cell = String(decoding: view.bytes[start..<view.ends[k]], as: UTF8.self)
                #expect(cell == graph.nodeTable.columns[0].text(at: Int(row)))
                start = view.ends[k]
            }
            // Kept: asked again, the same copy.
            #expect(graph.textViews.view(column: 0, kind: kind, in: graph).bytes == view.bytes)
        }
    }

    @Test func aPassOverAKindFillsWhatRowByRowEvaluationGives() throws {
        var random = PatternRandom(seed: 99)
        let graph = try Self.graph(&random, count: 250)
        for _ in 0..<100 {
            let (expression, text) = Self.condition(&random)
            let condition = try #require(TextCondition(expression, slot: 0, column: 0))
            var table = [UInt8](repeating: 0, count: graph.nodeCount + 1)
            for kind in graph.schema.kinds.indices { condition.fill(graph.textViews.view(column: 0, kind: kind, in: graph), into: &table) }
            var frame = MatchFrame(nodes: 1, relationships: 0)
            for row in 0..<graph.nodeCount {
                frame.nodes[0] = Int32(row)
                let general = try expression.truth(in: frame, graph: graph)
                #expect(table[row + 1] == (general.map { $0 ? 2 : 1 } ?? 3), "\(text) row \(row)")
            }
        }
    }

    /// Through queries: scans of one kind and counts of a kind reached through edges, on graphs
    /// large enough that the per-kind pass runs, against brute force over the labels.
    @Test func queriesOverManyLabelsMatchBruteForce() throws {
        var random = PatternRandom(seed: 515)
        // A lone combining mark right after the quote is the string's first code point.
        let needles = Self.needles
        for _ in 0..<6 {
            let graph = try Self.graph(&random, count: 900)
            let labels = (0..<graph.nodeCount).map { graph.nodeTable.columns[0].text(at: $0) }
            let kinds = (0..<graph.nodeCount).map { graph.schema.kinds[Int(graph.nodeTable.kinds[$0])].kind.rawValue }
            for _ in 0..<8 {
                let op = random.pick(Self.operators), needle = random.pick(needles), kind = random.pick(RandomPatterns.kinds)
                let test = "n.label \(op.rawValue) '\(needle)'"
                let passes = (0..<graph.nodeCount).map { Self.reference(op, labels[$0], needle) == true }
                let scan = try graph.query("MATCH (n:\(kind)) WHERE \(test) RETURN n.id ORDER BY n.id")
                let expected = (0..<graph.nodeCount).filter { kinds[$0] == kind && passes[$0] }.map { "n\($0)" }.sorted()
                #expect(scan.rows.map { $0[0].text } == expected, "\(test)")
                let either = try graph.query("MATCH (n:\(kind)) WHERE \(test) OR NOT (\(test)) RETURN count(*)")
                let nonEmpty = (0..<graph.nodeCount).filter { kinds[$0] == kind && !labels[$0].isEmpty }.count
                #expect(either.rows == [[.int(nonEmpty)]])
                // Grouped counts of members through edges, both ways: the leaf's test answered
                // per row, or as the leaf's bit table of passing rows.
                for arrow in ["-[:memberOf]->", "<-[:memberOf]-"] {
                    let query = "MATCH (n:\(kind))\(arrow)(a) WHERE \(test) RETURN a.id, count(*) AS c ORDER BY a.id"
                    var counts: [String: Int] = [:]
                    for e in 0..<graph.edgeCount {
                        let from = Int(graph.edgeTable.from[e]), to = Int(graph.edgeTable.to[e])
                        if arrow == "-[:memberOf]->", kinds[from] == kind, passes[from] { counts["n\(to)", default: 0] += 1 }
                        if arrow == "<-[:memberOf]-", kinds[to] == kind, passes[to] { counts["n\(from)", default: 0] += 1 }
                    }
                    let expectedGroups = counts.keys.sorted().map { [QueryValue.string($0), .int(counts[$0] ?? 0)] }
                    // Every way of counting the leaf, the forced scan (the bit table's) included,
                    // and the clause pipeline, which compares values by the same code points.
                    for (way, options) in PatternPropertyTests.ways {
                        #expect(try graph.query(query, options: options).rows == expectedGroups, "\(way): \(query)")
                    }
                }
            }
        }
    }
}
