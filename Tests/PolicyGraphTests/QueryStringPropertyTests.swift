import Testing
@testable import PolicyGraph

/// String comparison on random text made of the pieces that tell code points from Swift's
/// canonical equivalence: every way of evaluating a query (the pattern engine's plans, its
/// counting leaves, its byte scans, and the clause pipeline) against a reference written on
/// `Array(s.unicodeScalars)`, for STARTS WITH, ENDS WITH, CONTAINS, `=`, `<>`, `<`, `>=`, IN,
/// ORDER BY, DISTINCT, grouping keys, `min`/`max` and id order.
@Suite struct QueryStringPropertyTests {
    /// Combining marks, the Kelvin and Ångström signs beside the letters they are equivalent to,
    /// a precomposed and a decomposed é, Hangul jamo beside the syllable they make, an emoji
    /// with a zero-width joiner, right-to-left text and marks, and plain ASCII.
    static let pieces = ["a", "e", "K", "k", "\u{212A}", "\u{C5}", "\u{212B}", "A\u{30A}", "\u{E9}", "e\u{301}", "\u{301}", "\u{308}",
                         "\u{1100}\u{1161}", "\u{AC00}", "\u{1100}", "\u{1161}", "👩\u{200D}💻", "👩", "💻", "\u{200D}",
                         "\u{200F}", "\u{5D0}", "\u{200E}", "x"]

    static func text(_ random: inout PatternRandom, maxPieces: Int = 3) -> String {
        var s = ""
        for _ in 0..<random.int(0...maxPieces) { s += random.pick(pieces) }
        return s
    }

    /// A random graph: node labels (often repeated, sometimes empty) and some ids made of the
    /// pieces, `memberOf` edges at random.
    struct Data {
        var ids: [String] = []
        var kinds: [String] = []
        /// `nil` for an empty cell (null).
        var labels: [String?] = []
        var edges: [(from: Int, to: Int)] = []
        var graph: Graph

        init(_ random: inout PatternRandom, count: Int, plain: Bool) throws {
            let shared = (0..<12).map { _ in QueryStringPropertyTests.text(&random) }.filter { !$0.isEmpty }
            var nodes = "id,kind,label\n"
            for i in 0..<count {
                ids.append("n\(i)" + (random.chance(0.5) ? QueryStringPropertyTests.text(&random, maxPieces: 2) : ""))
                kinds.append(random.pick(RandomPatterns.kinds))
                let label: String? = random.chance(0.1) ? nil : (random.chance(0.6) ? random.pick(shared) : QueryStringPropertyTests.text(&random))
                labels.append(label?.isEmpty == true ? nil : label)
                nodes += "\"\(ids[i])\",\(kinds[i]),\"\(label ?? "")\"\n"
            }
            var csv = "from,relation,to\n"
            for i in 0..<count {
                for _ in 0..<random.int(0...3) {
                    let to = random.int(0...(count - 1))
                    edges.append((i, to))
                    csv += "\"\(ids[i])\",memberOf,\"\(ids[to])\"\n"
                }
            }
            let loaded = try GraphLoader.load(nodes: Array(nodes.utf8), edges: Array(csv.utf8), schema: Array(RandomPatterns.schema.utf8)).graph
            graph = plain ? PatternColumnReadTests.withPlainNodeColumns(loaded) : loaded
        }
    }

    static let operators = ["STARTS WITH", "ENDS WITH", "CONTAINS", "=", "<>", "<", "<=", ">", ">="]

    /// The rows of `query` in every way, each the same as `expected` code point for code point;
    /// `ordered: false` compares them as sets.
    static func check(_ query: String, _ data: Data, expected: [[String]], ordered: Bool = true) throws {
        let sortedExpected = ordered ? expected : expected.sorted { $0.lexicographicallyPrecedes($1) }
        for (way, options) in PatternPropertyTests.ways {
            let rows = CodePointReference.shown(try data.graph.query(query, options: options).rows)
            let got = ordered ? rows : rows.sorted { $0.lexicographicallyPrecedes($1) }
            #expect(got == sortedExpected, "\(way): \(CodePointReference.visible(query))")
        }
    }

    static func literal(_ random: inout PatternRandom, _ s: String) -> String {
        random.chance(0.5) ? CodePointReference.escapedLiteral(s) : CodePointReference.rawLiteral(s)
    }

    @Test(arguments: [false, true])
    func filtersAndGroupedCountsFollowCodePointsInEveryWay(plain: Bool) throws {
        var random = PatternRandom(seed: plain ? 2_212 : 3_434)
        for _ in 0..<3 {
            let data = try Data(&random, count: 240, plain: plain)
            for _ in 0..<14 {
                let op = random.pick(Self.operators), kind = random.pick(RandomPatterns.kinds)
                let needle = random.chance(0.7) ? (data.labels.compactMap { $0 }.randomElement(using: &random) ?? "") : Self.text(&random)
                let cut = needle.unicodeScalars.count > 1 && random.chance(0.5)
                    ? String(String.UnicodeScalarView(needle.unicodeScalars.dropFirst())) : needle
                let flipped = random.chance(0.2)
                let test = flipped ? "\(Self.literal(&random, cut)) \(op) n.label" : "n.label \(op) \(Self.literal(&random, cut))"
                func passes(_ i: Int) -> Bool {
                    guard let label = data.labels[i] else { return false }
                    return flipped ? CodePointReference.holds(op, cut, label) : CodePointReference.holds(op, label, cut)
                }
                let members = data.ids.indices.filter { data.kinds[$0] == kind }
                try Self.check("MATCH (n:\(kind)) WHERE \(test) RETURN n.id", data,
                               expected: members.filter(passes).map { ["'" + CodePointReference.visible(data.ids[$0]) + "'"] }, ordered: false)
                try Self.check("MATCH (n:\(kind)) WHERE \(test) RETURN count(*)", data, expected: [["\(members.filter(passes).count)"]])
                // Grouped counts of members through edges, both ways: the leaf's test per row, as
                // a pass over the kind's cells, or as the leaf's table of passing rows.
                for outward in [true, false] {
                    var counts: [Int: Int] = [:]
                    for e in data.edges {
                        let (leaf, group) = outward ? (e.from, e.to) : (e.to, e.from)
                        if data.kinds[leaf] == kind, passes(leaf) { counts[group, default: 0] += 1 }
                    }
                    let arrow = outward ? "-[:memberOf]->" : "<-[:memberOf]-"
                    try Self.check("MATCH (n:\(kind))\(arrow)(a) WHERE \(test) RETURN a, count(*) AS c", data,
                                   expected: counts.map { ["(" + CodePointReference.visible(data.ids[$0.key]) + ")", "\($0.value)"] }, ordered: false)
                }
            }
        }
    }

    @Test(arguments: [false, true])
    func inListsMatchExactCodePoints(plain: Bool) throws {
        var random = PatternRandom(seed: plain ? 77 : 78)
        let data = try Data(&random, count: 150, plain: plain)
        for _ in 0..<12 {
            let values = (0..<random.int(1...3)).map { _ in random.chance(0.7) ? (data.labels.compactMap { $0 }.randomElement(using: &random) ?? "") : Self.text(&random) }
            let list = "[" + values.map { Self.literal(&random, $0) }.joined(separator: ", ") + "]"
            let expected = data.ids.indices.filter { i in data.labels[i].map { l in values.contains { CodePointReference.holds("=", l, $0) } } ?? false }
            try Self.check("MATCH (n) WHERE n.label IN \(list) RETURN n.id", data,
                           expected: expected.map { ["'" + CodePointReference.visible(data.ids[$0]) + "'"] }, ordered: false)
        }
    }

    /// The reference's order of labels for ORDER BY: code points, null last (first when
    /// descending, as the whole order turns).
    static func labelOrder(_ a: String?, _ b: String?) -> Int {
        switch (a, b) {
        case (nil, nil): return 0
        case (nil, _): return 1
        case (_, nil): return -1
        case (let x?, let y?): return CodePointReference.order(x, y)
        }
    }

    static func shown(_ label: String?) -> String { label.map { "'" + CodePointReference.visible($0) + "'" } ?? "null" }

    @Test(arguments: [false, true])
    func orderDistinctAndGroupingAgreeWithEquality(plain: Bool) throws {
        var random = PatternRandom(seed: plain ? 9_191 : 9_292)
        for _ in 0..<3 {
            let data = try Data(&random, count: 120, plain: plain)
            for kind in RandomPatterns.kinds {
                let members = data.ids.indices.filter { data.kinds[$0] == kind }
                for descending in [false, true] {
                    let sorted = members.sorted { a, b in
                        let c = Self.labelOrder(data.labels[a], data.labels[b])
                        if c != 0 { return descending ? c > 0 : c < 0 }
                        return CodePointReference.order(data.ids[a], data.ids[b]) < 0
                    }
                    try Self.check("MATCH (n:\(kind)) RETURN n.label AS l, n.id AS i ORDER BY l\(descending ? " DESC" : ""), i", data,
                                   expected: sorted.map { [Self.shown(data.labels[$0]), "'" + CodePointReference.visible(data.ids[$0]) + "'"] })
                }
                // Nodes order by their ids' code points.
                let byID = members.sorted { CodePointReference.order(data.ids[$0], data.ids[$1]) < 0 }
                try Self.check("MATCH (n:\(kind)) RETURN n ORDER BY n", data, expected: byID.map { ["(" + CodePointReference.visible(data.ids[$0]) + ")"] })
                try Self.check("MATCH (n:\(kind)) RETURN n.id ORDER BY n.id DESC", data,
                               expected: byID.reversed().map { ["'" + CodePointReference.visible(data.ids[$0]) + "'"] })
                // DISTINCT and grouping keep apart exactly what `=` keeps apart.
                var groups: [CodePointReference.Points?: (label: String?, count: Int)] = [:]
                for i in members { groups[data.labels[i].map(CodePointReference.points), default: (data.labels[i], 0)].count += 1 }
                let keys = groups.values.sorted { Self.labelOrder($0.label, $1.label) < 0 }
                try Self.check("MATCH (n:\(kind)) RETURN DISTINCT n.label AS l ORDER BY l", data, expected: keys.map { [Self.shown($0.label)] })
                try Self.check("MATCH (n:\(kind)) RETURN n.label AS l, count(*) AS c ORDER BY l", data,
                               expected: keys.map { [Self.shown($0.label), "\($0.count)"] })
                let labels = keys.compactMap(\.label)
                try Self.check("MATCH (n:\(kind)) RETURN count(DISTINCT n.label) AS d, min(n.label) AS lo, max(n.label) AS hi", data,
                               expected: [["\(labels.count)", Self.shown(labels.first), Self.shown(labels.last)]])
            }
            // Grouped by the label of the node an edge reaches (grouping keys that are strings,
            // counted through edges).
            var reached: [CodePointReference.Points?: (label: String?, count: Int)] = [:]
            for e in data.edges { reached[data.labels[e.to].map(CodePointReference.points), default: (data.labels[e.to], 0)].count += 1 }
            try Self.check("MATCH (n)-[:memberOf]->(a) RETURN a.label AS l, count(*) AS c ORDER BY l", data,
                           expected: reached.values.sorted { Self.labelOrder($0.label, $1.label) < 0 }.map { [Self.shown($0.label), "\($0.count)"] })
        }
    }

    /// Pairs that share a member, compared by label and ordered by id: the self-join counted per
    /// pair ranks ids in code point order, as the general path compares them.
    @Test func pairsJoinedOnLabelsAndOrderedByIdFollowCodePoints() throws {
        var random = PatternRandom(seed: 5_151)
        for _ in 0..<3 {
            let data = try Data(&random, count: 90, plain: random.chance(0.5))
            let kind = random.pick(RandomPatterns.kinds)
            for (condition, holds) in [("a.id < b.id", { (a: Int, b: Int) in CodePointReference.order(data.ids[a], data.ids[b]) < 0 }),
                                       ("a.id >= b.id", { (a: Int, b: Int) in CodePointReference.order(data.ids[a], data.ids[b]) >= 0 }),
                                       ("a.label = b.label AND a <> b", { (a: Int, b: Int) in
                                           a != b && data.labels[a] != nil && data.labels[b].map { CodePointReference.holds("=", data.labels[a] ?? "", $0) } == true
                                       })] {
                var counts: [[Int]: Int] = [:]
                for (i, x) in data.edges.enumerated() where data.kinds[x.from] == kind {
                    for (j, y) in data.edges.enumerated() where i != j && y.to == x.to && data.kinds[y.from] == kind && holds(x.from, y.from) {
                        counts[[x.from, y.from], default: 0] += 1
                    }
                }
                let expected = counts.map { ["(" + CodePointReference.visible(data.ids[$0.key[0]]) + ")", "(" + CodePointReference.visible(data.ids[$0.key[1]]) + ")", "\($0.value)"] }
                try Self.check("MATCH (a:\(kind))-[:memberOf]->(m)<-[:memberOf]-(b:\(kind)) WHERE \(condition) RETURN a, b, count(*) AS c", data,
                               expected: expected, ordered: false)
            }
        }
    }
}
