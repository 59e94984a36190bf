import Testing
@testable import PolicyGraph

/// The query language compares strings by code points, with no normalisation (openCypher's
/// meaning), the same in the pattern engine and the clause pipeline: hand-worked cases, each
/// one Swift's own `String` comparison would answer differently.
@Suite struct CodePointsTests {
    /// A one-node graph, so that `MATCH (n) RETURN <expression>` runs in the pattern engine.
    static let single: Graph? = try? loadGraph(nodes: "id,kind,label\none,country,One\n", edges: "from,relation,to\n")

    /// The value of `expression` in the pattern engine and in the pipeline, shown code point by
    /// code point; the two must agree, and the pattern engine must be the one that ran.
    func value(_ expression: String) throws -> String {
        let graph = try #require(Self.single)
        let query = "MATCH (n) RETURN \(expression) AS v"
        #expect(ClausePlanner.patternEngineApplies(to: try PatternParser.parseClauses(query)), "\(query)")
        let pattern = CodePointReference.shown(try graph.query(query).rows)
        let pipeline = CodePointReference.shown(try graph.query(query, options: PatternOptions(pipeline: true)).rows)
        #expect(pattern == pipeline, "\(CodePointReference.visible(expression))")
        return pattern.first?.first ?? ""
    }

    /// The value of `expression` in the pipeline (functions only the pipeline evaluates).
    func pipelineValue(_ expression: String) throws -> String {
        let graph = try #require(Self.single)
        return CodePointReference.shown(try graph.query("RETURN \(expression) AS v").rows).first?.first ?? ""
    }

    static let comparisons: [(String, Bool)] = [
        // A decomposed é is e and a combining mark: it contains e, starts with e, ends with the mark.
        ("'e\\u0301' CONTAINS 'e'", true),
        ("'e\\u0301' STARTS WITH 'e'", true),
        ("'e\\u0301' ENDS WITH '\\u0301'", true),
        ("'\\u00E9' CONTAINS 'e'", false),
        ("'caf\\u00E9' = 'cafe\\u0301'", false),
        ("'caf\\u00E9' <> 'cafe\\u0301'", true),
        // The Kelvin and Ångström signs are not the letters they are equivalent to.
        ("'K' = '\\u212A'", false),
        ("'\\u212Aelvin' STARTS WITH 'K'", false),
        ("'\\u212B' = '\\u00C5'", false),
        ("'\\u00C5' = 'A\\u030A'", false),
        ("'K' IN ['\\u212A', 'k']", false),
        ("'\\u212A' IN ['K', '\\u212A']", true),
        // Order is code point order: e (U+0065) < f < é (U+00E9); K < L < the Kelvin sign (U+212A).
        ("'e\\u0301' < 'f'", true),
        ("'\\u00E9' < 'f'", false),
        ("'\\u212A' < 'L'", false),
        ("'\\u212A' > 'Z'", true),
        ("'A\\u030A' < '\\u00C5'", true),
        // Hangul: the syllable is one code point, the jamo two.
        ("'\\uAC00' = '\\u1100\\u1161'", false),
        ("'\\u1100\\u1161' STARTS WITH '\\u1100'", true),
        ("'\\uAC00' STARTS WITH '\\u1100'", false),
        // An emoji sequence joined by U+200D holds its parts; right-to-left marks are code points.
        ("'\\U0001F469\\u200D\\U0001F4BB' STARTS WITH '\\U0001F469'", true),
        ("'\\U0001F469\\u200D\\U0001F4BB' CONTAINS '\\u200D'", true),
        ("'\\u200Fabc' = 'abc'", false),
        ("'\\u200Fabc' ENDS WITH 'abc'", true),
    ]

    @Test(arguments: comparisons)
    func comparisonsFollowCodePointsInBothEngines(_ expression: String, _ expected: Bool) throws {
        #expect(try value(expression) == (expected ? "true" : "false"), "\(expression)")
    }

    static let functions: [(String, String)] = [
        ("size('e\\u0301')", "2"),
        ("size('\\u00E9')", "1"),
        ("size('\\U0001F469\\u200D\\U0001F4BB')", "3"),
        ("toLower('\\u212A')", "'k'"),
    ]

    @Test(arguments: functions)
    func sharedFunctionsCountCodePoints(_ expression: String, _ expected: String) throws {
        #expect(try value(expression) == expected, "\(expression)")
    }

    static let pipelineFunctions: [(String, String)] = [
        ("left('e\\u0301x', 1)", "'e'"),
        ("right('xe\\u0301', 1)", "'<U+0301>'"),
        ("substring('e\\u0301x', 1, 2)", "'<U+0301>x'"),
        ("reverse('e\\u0301')", "'<U+0301>e'"),
        ("split('cafe\\u0301 cafe', 'e')", "['caf', '<U+0301> caf', '']"),
        ("split('e\\u0301', '')", "['e', '<U+0301>']"),
        ("split('K\\u212AK', 'K')", "['', '<U+212A>', '']"),
        ("replace('cafe\\u0301', 'e', 'E')", "'cafE<U+0301>'"),
        ("replace('\\u212Aelvin K', 'K', 'k')", "'<U+212A>elvin k'"),
        ("trim('\\u2003e\\u0301\\u00A0')", "'e<U+0301>'"),
        // `left(s, size(t)) = t` exactly when `s STARTS WITH t`.
        ("left('e\\u0301', size('e')) = 'e'", "true"),
    ]

    @Test(arguments: pipelineFunctions)
    func stringFunctionsCutAndSearchCodePoints(_ expression: String, _ expected: String) throws {
        #expect(try pipelineValue(expression) == expected, "\(expression)")
    }

    /// DISTINCT, grouping and ORDER BY keep apart what `=` keeps apart, in `<`'s order.
    @Test func distinctGroupingAndOrderAgreeWithEqualityAndOrder() throws {
        let graph = try #require(Self.single)
        let list = "['K', '\\u212A', 'e\\u0301', '\\u00E9', 'f', 'K', '\\u00E9']"
        let distinct = try graph.query("UNWIND \(list) AS x RETURN DISTINCT x ORDER BY x").rows
        #expect(CodePointReference.shown(distinct) == [["'K'"], ["'e<U+0301>'"], ["'f'"], ["'<U+00E9>'"], ["'<U+212A>'"]])
        let groups = try graph.query("UNWIND \(list) AS x RETURN x, count(*) AS c ORDER BY x DESC").rows
        #expect(CodePointReference.shown(groups) == [["'<U+212A>'", "1"], ["'<U+00E9>'", "2"], ["'f'", "1"], ["'e<U+0301>'", "1"], ["'K'", "2"]])
        let extremes = try graph.query("UNWIND \(list) AS x RETURN min(x) AS lo, max(x) AS hi, count(DISTINCT x) AS d, size(collect(DISTINCT x)) AS s").rows
        #expect(CodePointReference.shown(extremes) == [["'K'", "'<U+212A>'", "5", "5"]])
    }

    /// Node labels made of the confusable pieces, through every way of evaluating a query.
    static let confusables = ["e\u{301}", "\u{E9}", "K", "\u{212A}", "\u{C5}", "\u{212B}", "A\u{30A}", "\u{AC00}", "\u{1100}\u{1161}",
                              "👩\u{200D}💻", "\u{200F}abc"]

    static func confusableGraph() throws -> Graph {
        var nodes = "id,kind,label\n"
        for (i, label) in confusables.enumerated() { nodes += "c\(i),country,\"\(label)\"\n" }
        return try loadGraph(nodes: nodes, edges: "from,relation,to\n")
    }

    static let filters: [(String, [Int])] = [
        ("n.label CONTAINS 'e'", [0]),
        ("n.label = 'K'", [2]),
        ("n.label = '\\u212A'", [3]),
        ("n.label = '\\u00C5'", [4]),
        ("n.label STARTS WITH 'A'", [6]),
        ("n.label STARTS WITH '\\u1100'", [8]),
        ("n.label CONTAINS '\\u200D'", [9]),
        ("n.label ENDS WITH 'abc'", [10]),
        ("n.label < 'f'", [0, 2, 6]),
        ("n.label IN ['\\u00E9', 'K']", [1, 2]),
    ]

    @Test(arguments: filters)
    func graphLabelsCompareByCodePointsInEveryWay(_ condition: String, _ expected: [Int]) throws {
        let graph = try Self.confusableGraph()
        for (way, options) in PatternPropertyTests.ways {
            let rows = try graph.query("MATCH (n) WHERE \(condition) RETURN n.id ORDER BY n.id", options: options).rows
            #expect(rows.map { $0[0].text } == expected.map { "c\($0)" }.sorted(), "\(way): \(condition)")
        }
    }

    @Test func graphLabelsOrderAndGroupByCodePointsInEveryWay() throws {
        let graph = try Self.confusableGraph()
        let ordered = Self.confusables.sorted { CodePointReference.order($0, $1) < 0 }.map { "'" + CodePointReference.visible($0) + "'" }
        #expect(ordered.first == "'A<U+030A>'" && ordered.last == "'<U+1F469><U+200D><U+1F4BB>'")
        for (way, options) in PatternPropertyTests.ways {
            let rows = try graph.query("MATCH (n) RETURN n.label AS l ORDER BY l", options: options).rows
            #expect(CodePointReference.shown(rows).map { $0[0] } == ordered, "\(way)")
            let distinct = try graph.query("MATCH (n) RETURN count(DISTINCT n.label) AS d", options: options).rows
            #expect(distinct == [[.int(Self.confusables.count)]], "\(way)")
        }
    }

    /// The warning about a value no node has compares as `=` does: `K` is not the Kelvin sign,
    /// so the query matches nothing and says so, suggesting the node's own spelling.
    @Test func aValueThatOnlyLooksLikeANodesIsWarnedAbout() throws {
        let graph = try loadGraph(nodes: "id,kind,label\nk,country,\"\u{212A}elvin\"\n", edges: "from,relation,to\n")
        let rows = try graph.queryRows("MATCH (n) WHERE n.label = 'Kelvin' RETURN n")
        #expect(rows.values.isEmpty)
        let warning = try #require(rows.warnings.first)
        guard case .noNodeHas(let property, let value, let suggestions) = warning.reason else {
            Issue.record("\(warning)")
            return
        }
        #expect(property == "label" && CodePointReference.visible(value) == "Kelvin")
        #expect(suggestions.map(CodePointReference.visible) == ["<U+212A>elvin"])
    }
}
