import Testing
@testable import PolicyGraph

/// Expressions with Cypher's meaning: three-valued logic, comparisons across types, arithmetic,
/// functions and aggregates, checked through queries without MATCH (one row, no variables).
struct PatternExpressionTests {
    static let graph: Graph? = try? GraphLoader.load(folder: Fixtures.path("patterns")).graph

    func value(_ expression: String) throws -> QueryValue {
        let graph = try #require(Self.graph)
        let result = try graph.query("RETURN " + expression)
        return try #require(result.rows.first?.first)
    }

    static let logic: [(String, QueryValue)] = [
        ("null = null", .null), ("1 = 1.0", .bool(true)), ("'1' = 1", .bool(false)), ("1 < 'a'", .null),
        ("'a' < 'b'", .bool(true)), ("'B' < 'a'", .bool(true)), ("false < true", .bool(true)),
        ("null OR true", .bool(true)), ("null OR false", .null), ("null AND false", .bool(false)), ("null AND true", .null),
        ("null XOR true", .null), ("true XOR true", .bool(false)), ("NOT null", .null), ("NOT false", .bool(true)),
        ("2 IN [1, null]", .null), ("1 IN [1, null]", .bool(true)), ("3 IN []", .bool(false)), ("null IN []", .bool(false)),
        ("[1, 2] = [1, null]", .null), ("[1, 2] = [3, null]", .bool(false)), ("[1, 2] = [1, 2]", .bool(true)),
        ("null IS NULL", .bool(true)), ("1 IS NOT NULL", .bool(true)),
        ("'Wang Yi' STARTS WITH 'Wang'", .bool(true)), ("'Wang Yi' ENDS WITH 'Yi'", .bool(true)),
        ("'Wang Yi' CONTAINS 'ng Y'", .bool(true)), ("'abc' CONTAINS null", .null), ("1 STARTS WITH 'a'", .null),
        ("1 < 2 < 3", .bool(true)), ("3 > 2 > 2", .bool(false)),
    ]

    @Test(arguments: logic)
    func threeValuedLogicAsInCypher(_ expression: String, _ expected: QueryValue) throws {
        #expect(try value(expression) == expected)
    }

    static let arithmetic: [(String, QueryValue)] = [
        ("7 / 2", .int(3)), ("7 / 2.0", .double(3.5)), ("7 % 3", .int(1)), ("2 ^ 3", .double(8)), ("-(1 + 2)", .int(-3)),
        ("'a' + 1", .string("a1")), ("'a' + 'b'", .string("ab")), ("[1] + 2", .list([.int(1), .int(2)])), ("1 + null", .null),
        ("size('王毅')", .int(2)), ("size([1, 2, 3])", .int(3)), ("toUpper('us')", .string("US")), ("toLower('US')", .string("us")),
        ("coalesce(null, 2, 3)", .int(2)), ("toInteger('42')", .int(42)), ("toInteger(2.9)", .int(2)), ("toFloat('0.5')", .double(0.5)),
        ("toString(2.5)", .string("2.5")), ("head([1, 2])", .int(1)), ("last([1, 2])", .int(2)), ("[1, 2, 3][-1]", .int(3)),
        ("[1, 2][5]", .null), ("toInteger('x')", .null),
    ]

    @Test(arguments: arithmetic)
    func arithmeticAndFunctions(_ expression: String, _ expected: QueryValue) throws {
        #expect(try value(expression) == expected)
    }

    @Test func integerOverflowIsAnError() throws {
        let graph = try #require(Self.graph)
        #expect(throws: QueryError.self) { try graph.query("RETURN 9223372036854775807 + 1") }
        #expect(throws: QueryError.self) { try graph.query("RETURN toUpper(1)") }
    }

    @Test func aggregatesFoldTheirGroup() throws {
        let graph = try #require(Self.graph)
        let q = "MATCH (c:country) RETURN count(*), count(c.population), sum(c.population), avg(c.population), min(c.label), max(c.population), count(DISTINCT c.population > 100), collect(DISTINCT c.population > 100)"
        let row = try #require(try graph.query(q).rows.first)
        #expect(Array(row.prefix(7)) == [.int(3), .int(3), .int(1754), .double(1754.0 / 3), .string("China"), .int(1410), .int(2)])
        guard case .list(let flags) = row[7] else {
            Issue.record("collect gives a list")
            return
        }
        #expect(Set(flags) == [.bool(true), .bool(false)])
    }

    @Test func orderingPutsNullLastAscendingAndFirstDescending() throws {
        let graph = try #require(Self.graph)
        let ascending = try graph.query("MATCH (n:country) RETURN n.title AS t, n.id ORDER BY n.population").cells
        #expect(ascending.map { $0[1] } == ["switzerland", "us", "china"])
        let descending = try graph.query("MATCH (n) WHERE n.id IN ['us', 'geneva', 'china'] RETURN n.id, n.population AS p ORDER BY p DESC").cells
        #expect(descending == [["geneva", "null"], ["china", "1410"], ["us", "335"]])
    }
}
