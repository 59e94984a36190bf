import Testing
@testable import PolicyGraph

/// Questions an analyst asks of the dialogue, on a small graph (Fixtures/patterns) whose answers
/// were worked out by hand from its 23 nodes and 42 edges.
struct PatternFixtureTests {
    static let graph: Graph? = try? GraphLoader.load(folder: Fixtures.path("patterns")).graph

    func cells(_ query: String) throws -> [[String]] {
        let graph = try #require(Self.graph)
        return try graph.query(query).cells
    }

    @Test func officialsLeadingTheUSDelegation() throws {
        #expect(try cells("MATCH (o:official)-[:leads]->(:delegation {id: 'us-delegation'}) RETURN o.label ORDER BY o.label")
            == [["Seth Center"], ["Tarun Chhabra"]])
    }

    @Test func whoSupportsWhatChinaOpposes() throws {
        #expect(try cells("MATCH (:country {id: 'china'})-[:opposes]->(f)<-[:supports]-(who) RETURN who, f")
            == [["us", "us-chip-export-controls"]])
    }

    @Test func frameworksBothCountriesSupport() throws {
        let q = "MATCH (:country {id: 'us'})-[:supports]->(f:framework)<-[:supports]-(:country {id: 'china'}) RETURN f ORDER BY f"
        #expect(try cells(q) == [["ai-dialogue-mechanism"], ["san-francisco-consensus"], ["unga-ai-resolution"]])
    }

    @Test func wangYiReachesTheGenevaTalksInTwoSteps() throws {
        let q = "MATCH ({id: 'wang-yi'})-[r*1..2]-({id: 'geneva-talks'}) RETURN r"
        #expect(try cells(q) == [["[wang-yi-[:participatesIn]->bangkok-meeting, bangkok-meeting-[:precedes]->geneva-talks]"]])
    }

    @Test func wangYiHasFiveTrailsOfAtMostThreeStepsToGeneva() throws {
        let q = "MATCH ({id: 'wang-yi'})-[r*..3]-({id: 'geneva-talks'}) RETURN size(r) AS steps, count(*) AS trails ORDER BY steps"
        #expect(try cells(q) == [["2", "1"], ["3", "4"]])
    }

    @Test func thingsReferencingTheSanFranciscoConsensus() throws {
        #expect(try cells("MATCH (x)-[:references]->(:framework {id: 'san-francisco-consensus'}) RETURN x, labels(x) ORDER BY x")
            == [["ai-dialogue-mechanism", "[\"framework\"]"], ["geneva-talks", "[\"event\"]"]])
    }

    @Test func supportersPerFrameworkMostFirst() throws {
        let q = "MATCH (a)-[:supports]->(f:framework) RETURN f.label AS framework, count(*) AS supporters ORDER BY supporters DESC, framework"
        #expect(try cells(q) == [
            ["US–China AI dialogue mechanism", "4"], ["San Francisco consensus", "2"], ["UN General Assembly AI resolution", "2"],
            ["Global AI Governance Initiative", "1"], ["US chip export controls", "1"],
        ])
    }

    @Test func officialsPerCountryThroughTheirAgencies() throws {
        let graph = try #require(Self.graph)
        let result = try graph.query("MATCH (o:official)-[:memberOf]->(:agency)-[:memberOf]->(c:country) RETURN c, count(*) AS n, collect(o.id) AS who ORDER BY c")
        #expect(result.columns == ["c", "n", "who"])
        #expect(result.rows.map { Array($0.prefix(2)) } == [[.node("china"), .int(2)], [.node("us"), .int(3)]])
        guard result.rows.count == 2, case .list(let china) = result.rows[0][2], case .list(let us) = result.rows[1][2] else {
            Issue.record("expected two lists")
            return
        }
        #expect(Set(china) == [.string("wang-yi"), .string("yang-tao")])
        #expect(Set(us) == [.string("jake-sullivan"), .string("seth-center"), .string("tarun-chhabra")])
    }

    @Test func countryPairsSharingFrameworks() throws {
        let q = "MATCH (a:country)-[:supports]->(f:framework)<-[:supports]-(b:country) WHERE a.id < b.id RETURN a, b, count(f) AS shared"
        #expect(try cells(q) == [["china", "us", "3"]])
    }

    @Test func numericColumnsCompareAsNumbers() throws {
        // As text, '9' > '100'; as numbers it is not, so Switzerland is left out.
        #expect(try cells("MATCH (c:country) WHERE c.population > 100 RETURN c ORDER BY c.population DESC") == [["china"], ["us"]])
        #expect(try cells("MATCH (c:country {population: 9}) RETURN c.label") == [["Switzerland"]])
    }

    @Test func weightsCompareAsNumbersAndEmptyWeightsAreNull() throws {
        #expect(try cells("MATCH (c:country)-[r:supports]->(f) WHERE r.weight >= 0.9 RETURN c, f ORDER BY c, f") == [
            ["china", "global-ai-governance-initiative"], ["china", "san-francisco-consensus"],
            ["us", "san-francisco-consensus"], ["us", "unga-ai-resolution"], ["us", "us-chip-export-controls"],
        ])
        #expect(try cells("MATCH ()-[r:supports]->() WHERE r.weight IS NULL RETURN count(*)") == [["4"]])
        #expect(try cells("MATCH ()-[r:supports]->() RETURN count(r.weight), sum(r.weight), min(r.weight), max(r.weight)") == [["6", "5.5", "0.6", "1"]])
    }

    @Test func datesCompareAsText() throws {
        let q = "MATCH (a)-[r:supports]->(f) WHERE r.date STARTS WITH '2024' RETURN a, f ORDER BY a, f"
        #expect(try cells(q) == [
            ["china", "san-francisco-consensus"], ["china", "unga-ai-resolution"], ["jake-sullivan", "ai-dialogue-mechanism"],
            ["us", "san-francisco-consensus"], ["us", "unga-ai-resolution"], ["wang-yi", "ai-dialogue-mechanism"],
        ])
        #expect(try cells("MATCH ()-[r]->() WHERE r.date >= '2024-05' AND r.date < '2024-06' RETURN count(*)") == [["14"]])
    }

    @Test func undirectedRelationshipsGoEitherWay() throws {
        #expect(try cells("MATCH ({id: 'bangkok-meeting'})--(m) RETURN m ORDER BY m")
            == [["filoli-summit"], ["geneva-talks"], ["jake-sullivan"], ["wang-yi"]])
    }

    @Test func anEdgeIsBoundOnceWithinAMatchButAgainInTheNext() throws {
        // Supporters of the same framework: 4·3 + 2·1 + 2·1 ordered pairs of distinct edges.
        #expect(try cells("MATCH (a)-[:supports]->(f)<-[:supports]-(b) RETURN count(*)") == [["16"]])
        // In two MATCH clauses the same edge may serve both: 16 + the 10 supports edges.
        #expect(try cells("MATCH (a)-[:supports]->(f) MATCH (b)-[:supports]->(f) RETURN count(*)") == [["26"]])
        #expect(try cells("MATCH (a)-[:supports]->(f), (b)-[:supports]->(f) WHERE a <> b RETURN count(*)") == [["16"]])
    }

    @Test func variableLengthRanges() throws {
        let base = "MATCH (:official {id: 'tarun-chhabra'})-[:memberOf"
        #expect(try cells(base + "*1..2]->(x) RETURN x ORDER BY x") == [["us"], ["us-nsc"]])
        #expect(try cells(base + "*]->(x) RETURN x ORDER BY x") == [["us"], ["us-nsc"]])
        #expect(try cells(base + "*2]->(x) RETURN x") == [["us"]])
        #expect(try cells(base + "*0..1]->(x) RETURN x ORDER BY x") == [["tarun-chhabra"], ["us-nsc"]])
        #expect(try cells(base + "*2..]->(x) RETURN x") == [["us"]])
        #expect(try cells(base + "*3..]->(x) RETURN x") == [])
    }

    @Test func distinctSkipAndLimit() throws {
        #expect(try cells("MATCH (c:country)-[:participatesIn]->(:event) RETURN DISTINCT c ORDER BY c") == [["china"], ["us"]])
        #expect(try cells("MATCH (c:country)-[:participatesIn]->(:event) RETURN c ORDER BY c") == [["china"], ["china"], ["us"], ["us"]])
        let q = "MATCH (a)-[:supports]->(f:framework) RETURN f, count(*) AS n ORDER BY n DESC, f SKIP 1 LIMIT 2"
        #expect(try cells(q) == [["san-francisco-consensus", "2"], ["unga-ai-resolution", "2"]])
    }

    @Test func typesLabelsAndListMembership() throws {
        #expect(try cells("MATCH (:official {id: 'wang-yi'})-[r]->(x) RETURN type(r), labels(x) ORDER BY type(r)")
            == [["memberOf", "[\"agency\"]"], ["participatesIn", "[\"event\"]"], ["supports", "[\"framework\"]"]])
        #expect(try cells("MATCH (c:country) WHERE c.id IN ['us', 'switzerland'] RETURN c") == [["switzerland"], ["us"]])
        #expect(try cells("MATCH (c:country) WHERE NOT c.id IN ['us', 'switzerland'] RETURN c") == [["china"]])
        #expect(try cells("MATCH (n:official) WHERE n.title CONTAINS 'Director' XOR n.label ENDS WITH 'Tao' RETURN n") == [["tarun-chhabra"]])
    }

    @Test func aggregatesOverNoMatches() throws {
        #expect(try cells("MATCH (c:country)-[:opposes]->(:risk) RETURN count(*), collect(c), sum(1), avg(1)") == [["0", "[]", "0", "null"]])
        #expect(try cells("MATCH (c:country)-[:opposes]->(r:risk) RETURN c, count(*)") == [])
    }

    @Test func returnStarListsNamedVariablesByName() throws {
        let graph = try #require(Self.graph)
        let result = try graph.query("MATCH (o:official {id: 'yang-tao'})-[lead:leads]->(d) RETURN *")
        #expect(result.columns == ["d", "lead", "o"])
        #expect(result.cells == [["china-delegation", "yang-tao-[:leads]->china-delegation", "yang-tao"]])
    }

    @Test func kindsCanBeTestedInWhere() throws {
        #expect(try cells("MATCH (x)-[:participatesIn]->({id: 'geneva-talks'}) WHERE x:country|delegation AND NOT x:delegation RETURN x")
            == [["china"], ["us"]])
        #expect(try cells("MATCH (x)-[:supports]->(f) WHERE x:official:country RETURN count(*)") == [["0"]])
    }

    @Test func chineseLabelsAreProperties() throws {
        #expect(try cells("MATCH (n) WHERE n.label_zh = '王毅' RETURN n.label") == [["Wang Yi"]])
    }

    @Test func relationshipPropertyMapsFilterEveryEdgeOfAPath() throws {
        #expect(try cells("MATCH (a)-[:supports {weight: 1}]->(f) RETURN count(*)") == [["4"]])
        #expect(try cells("MATCH (a)-[:precedes*1..2 {date: '2024-05-14'}]->(b) RETURN count(*)") == [["0"]])
        #expect(try cells("MATCH (a {id: 'filoli-summit'})-[:precedes*1..2]->(b) RETURN b ORDER BY b") == [["bangkok-meeting"], ["geneva-talks"]])
    }
}
