import Testing
@testable import PolicyGraph

/// Errors point at the query: the message says what is wrong and what was expected or is close,
/// the location is the offending token's line and column.
struct PatternErrorTests {
    struct Case: CustomStringConvertible, Sendable {
        let query: String
        let message: String
        let line: Int
        let column: Int
        var description: String { query }
    }

    static let graph: Graph? = try? GraphLoader.load(folder: Fixtures.path("patterns")).graph

    func error(_ query: String) throws -> QueryError { try queryError(query, on: Self.graph) }

    static let unknownNames: [Case] = [
        Case(query: "MATCH (a:contry) RETURN a", message: "unknown kind 'contry'; did you mean 'country'?", line: 1, column: 10),
        Case(query: "MATCH (a)-[:suports]->(b) RETURN a", message: "unknown relation 'suports'; did you mean 'supports'?", line: 1, column: 13),
        Case(query: "MATCH (a)-[:leads|memberof]->(b) RETURN a", message: "unknown relation 'memberof'; did you mean 'memberOf'?", line: 1, column: 19),
        Case(query: "MATCH (a) WHERE a.lable = 'x' RETURN a", message: "unknown property 'lable'; did you mean 'label'?", line: 1, column: 19),
        Case(query: "MATCH (a)-[r]->(b) RETURN r.wieght", message: "unknown property 'wieght'; did you mean 'weight'?", line: 1, column: 29),
        Case(query: "MATCH (a {titel: 'x'}) RETURN a", message: "unknown property 'titel'; did you mean 'title'?", line: 1, column: 11),
        Case(query: "MATCH (a) RETURN b", message: "variable 'b' is not defined; did you mean 'a'?", line: 1, column: 18),
        Case(query: "MATCH (a {id: 'wang_yi'}) RETURN a", message: "unknown node 'wang_yi'; did you mean 'wang-yi'?", line: 1, column: 15),
        Case(query: "MATCH (a) WHERE a.id = 'chna' RETURN a", message: "unknown node 'chna'; did you mean 'china'?", line: 1, column: 24),
        Case(query: "MATCH (a) WHERE a:contry RETURN a", message: "unknown kind 'contry'; did you mean 'country'?", line: 1, column: 19),
        Case(query: "MATCH (a) RETURN sizee(a.label)", message: "unknown function 'sizee'; did you mean 'size'?", line: 1, column: 18),
    ]

    /// With no close name, an unknown property lists what that element has, or says that the
    /// other element has it; the same from the pattern engine and the clause pipeline.
    static let unknownProperties: [Case] = [
        Case(query: "MATCH (a:country) RETURN a.name",
             message: "unknown property 'name'; nodes have: id, kind, label, label_zh, population, title", line: 1, column: 28),
        Case(query: "MATCH (a:country) RETURN a.date", message: "'date' is a property of edges, not of nodes", line: 1, column: 28),
        Case(query: "MATCH (a)-[r]->(b) RETURN r.label", message: "'label' is a property of nodes, not of edges", line: 1, column: 29),
        Case(query: "MATCH (a)-[r]->(b) RETURN r.name", message: "unknown property 'name'; edges have: cite, date, weight", line: 1, column: 29),
        Case(query: "MATCH (a)-[r {id: 'x'}]->(b) RETURN a", message: "'id' is a property of nodes, not of edges", line: 1, column: 15),
    ]

    @Test(arguments: unknownProperties)
    func unknownPropertiesSayWhatTheElementHas(_ c: Case) throws {
        let graph = try #require(Self.graph)
        for options in [PatternOptions(), PatternOptions(pipeline: true)] {
            do {
                _ = try graph.query(c.query, options: options)
                Issue.record("no error for \(c.query)")
            } catch {
                #expect(error.message == c.message)
                #expect(error.location?.column == c.column)
            }
        }
    }

    @Test(arguments: unknownNames)
    func unknownNamesAreErrorsWithSuggestions(_ c: Case) throws {
        let e = try error(c.query)
        #expect(e.message == c.message)
        #expect(e.location?.line == c.line)
        #expect(e.location?.column == c.column)
    }

    /// Write clauses and what the language leaves out; OPTIONAL MATCH, WITH, UNWIND, UNION, path
    /// variables, parameters, patterns in expressions and CASE are in ClausePipelineTests.
    static let unsupported: [Case] = [
        Case(query: "CREATE (a:country {id: 'x'})", message: "CREATE is not supported: queries are read-only (MATCH ... WHERE ... RETURN ...)", line: 1, column: 1),
        Case(query: "MATCH (a) RETURN a UNION MATCH (b) RETURN b", message: "the queries of a UNION must return the same columns: a and b", line: 1, column: 44),
        Case(query: "MATCH (a) SET a.label = 'x'", message: "SET is not supported: queries are read-only; edit graph/*.csv instead", line: 1, column: 11),
        Case(query: "MATCH (a) WHERE a.id = $id RETURN a", message: "parameter $id is not given", line: 1, column: 24),
        Case(query: "MATCH (a) WHERE a.label =~ 'W.*' RETURN a", message: "regular expressions (=~) are not supported; use STARTS WITH, ENDS WITH or CONTAINS", line: 1, column: 25),
        Case(query: "MATCH (a)-->(b) RETURN a, count(*) HAVING count(*) > 1",
             message: "HAVING is not part of Cypher: filter groups with WITH a, count(*) AS n WHERE n > 1 RETURN ...", line: 1, column: 36),
        Case(query: "MATCH (a)-->(b) WITH a, count(*) AS n HAVING n > 1 RETURN a",
             message: "HAVING is not part of Cypher: filter groups with WITH a, count(*) AS n WHERE n > 1 RETURN ...", line: 1, column: 39),
        Case(query: "MATCH (a)-->(b) RETURN a, count(*) GROUP BY a",
             message: "GROUP BY is not needed: RETURN groups by the items that are not aggregates", line: 1, column: 36),
        Case(query: "MATCH (a)-->(b) WITH a, count(*) AS n GROUP BY a RETURN a, n",
             message: "GROUP BY is not needed: WITH groups by the items that are not aggregates", line: 1, column: 39),
    ]

    @Test(arguments: unsupported)
    func unsupportedCypherIsNamedAtItsToken(_ c: Case) throws {
        let e = try error(c.query)
        #expect(e.message == c.message)
        #expect(e.location?.column == c.column)
    }

    static let syntax: [Case] = [
        Case(query: "MATCH (a:country RETURN a", message: "expected ')' to close the node pattern, found 'RETURN'", line: 1, column: 18),
        Case(query: "MATCH (a)-[:supports]->(b)", message: "expected RETURN after the MATCH clauses (a query ends with RETURN ...), found end of query", line: 1, column: 27),
        Case(query: "MATCH (a) WHERE a.label = 'Wang Yi RETURN a", message: "unterminated string: expected a closing '", line: 1, column: 27),
        Case(query: "MATCH (a)-[r*3..1]->(b) RETURN a", message: "the length range *3..1 is empty: the lower bound is above the upper", line: 1, column: 13),
        Case(query: "MATCH (a) WHERE a.id != 'us' RETURN a", message: "use '<>' for 'not equal'", line: 1, column: 22),
        Case(query: "MATCH (a)\nWHERE a.label = 'x'\nRETURN a, a.label AS a", message: "two columns are named 'a'; rename one with AS", line: 3, column: 22),
        Case(query: "MATCH (a) WHERE count(*) > 1 RETURN a", message: "aggregates such as 'count(*)' are not allowed in WHERE or in a pattern; use them in RETURN", line: 1, column: 17),
        Case(query: "MATCH (a) RETURN a ORDER BY count(*)", message: "ORDER BY can use an aggregate only when RETURN returns it; add 'count(*)' to RETURN", line: 1, column: 29),
        Case(query: "MATCH (a)-[r*]->(b) RETURN r.weight", message: "'r' is a variable-length relationship, a list of relationships; use r[0].weight for one of them", line: 1, column: 30),
        Case(query: "MATCH (a)-[r]->(b) RETURN r.relation", message: "a relationship has no property 'relation'; use type(r)", line: 1, column: 29),
        Case(query: "MATCH (a) WHERE a.label RETURN a", message: "expected a condition (a comparison, IS NULL, IN, ...), found 'a.label'", line: 1, column: 17),
        Case(query: "MATCH (a) RETURN a.label, count(*) + size(a.label)", message: "'a' is read outside the aggregate in 'count(*) + size(a.label)'; return 'a' as a column of its own to group by it", line: 1, column: 27),
        Case(query: "MATCH (a)-[r]->(b), (c)-[r]->(d) RETURN a", message: "relationship variable 'r' is already bound; each relationship pattern needs its own variable", line: 1, column: 26),
        Case(query: "MATCH (a)-[a]->(b) RETURN a", message: "'a' is a node variable, used here as a relationship", line: 1, column: 12),
        Case(query: "MATCH (a) RETURN DISTINCT a ORDER BY a.label, b", message: "variable 'b' is not defined; did you mean 'a'?", line: 1, column: 47),
        Case(query: "MATCH (a) RETURN a.label AS name ORDER BY a.id LIMIT -1", message: "LIMIT takes a whole number of at least 0", line: 1, column: 54),
        Case(query: "", message: "expected a clause: MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN (a query ends with RETURN ...), found end of query", line: 1, column: 1),
        Case(query: "MATCH (a) WHERE a.id = 'us' x RETURN a", message: "expected an operator, MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN after the WHERE condition, found 'x'", line: 1, column: 29),
        Case(query: "MATCH (a) (b) RETURN a", message: "expected ',', WHERE, MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN after the patterns, found '('", line: 1, column: 11),
        Case(query: "MATCH (a) RETRUN a", message: "unknown clause 'RETRUN'; did you mean RETURN?", line: 1, column: 11),
        Case(query: "MATHC (a) RETURN a", message: "unknown clause 'MATHC'; did you mean MATCH?", line: 1, column: 1),
        Case(query: "MATCH (a) RETURN a; RETURN 1", message: "unexpected ';': a query is one statement, and ';' may only end it", line: 1, column: 19),
        Case(query: "MATCH (a) RETURN a.", message: "expected a property name after '.', found end of query", line: 1, column: 20),
        Case(query: "MATCH (a) RETURN 'a' + 1 / 0", message: "division by zero", line: 1, column: 24),
        Case(query: "MATCH (c:country) WHERE NOT EXIST { (c)-->() } RETURN c",
             message: "unknown function or keyword 'EXIST'; did you mean EXISTS { ... }?", line: 1, column: 29),
        Case(query: "MATCH (c:country) WHERE exsits { MATCH (c)-->() } RETURN c",
             message: "unknown function or keyword 'exsits'; did you mean EXISTS { ... }?", line: 1, column: 25),
        Case(query: "MATCH (a) RETURN [i IN collect(a) WHERE i:framework | i + 1]",
             message: "expected ']' to close the list comprehension, found '+'; to give the comprehension a value after '|', write the label test in parentheses: (i:framework)",
             line: 1, column: 57),
        Case(query: "MATCH (a) RETURN [i IN collect(a) WHERE i.id <> 'x' AND i:event:framework | i]",
             message: "unknown kind 'i'; 'i' is a variable: to give the comprehension a value after '|', write the label test in parentheses: (i:event:framework)",
             line: 1, column: 77),
        Case(query: "MATCH (a:country) RETURN [(a)-->(b) WHERE b:framework | b]",
             message: "expected '|' and the value of each match in the pattern comprehension, found ']'; to give the comprehension a value after '|', write the label test in parentheses: (b:framework)",
             line: 1, column: 58),
    ]

    @Test(arguments: syntax)
    func syntaxAndMeaningErrorsSayWhatWasExpected(_ c: Case) throws {
        let e = try error(c.query)
        #expect(e.message == c.message)
        #expect(e.location?.line == c.line)
        #expect(e.location?.column == c.column)
    }

    /// SQL's words are not reserved: only HAVING, or GROUP followed by BY, where a clause may start.
    @Test func groupStaysAVariableName() throws {
        let graph = try #require(Self.graph)
        #expect(try graph.query("MATCH (group:country {id: 'us'}) RETURN group.id AS having").cells == [["us"]])
    }

    @Test func orderByAfterAggregationReadsOnlyReturnedColumns() throws {
        let e = try error("MATCH (a)-->(b) RETURN a, count(*) ORDER BY b.label")
        #expect(e.message == "ORDER BY after an aggregation or DISTINCT can only use returned columns; return 'b' or sort by a column")
    }

    @Test func aLocationCarriesItsLineForTheCaret() throws {
        let e = try error("MATCH (a:country)\n  -[:suports]->(b)\nRETURN b")
        #expect(e.location == QueryLocation(line: 2, column: 6, lineText: "  -[:suports]->(b)"))
        #expect(e.description == "query:2:6: error: unknown relation 'suports'; did you mean 'supports'?")
    }
}
