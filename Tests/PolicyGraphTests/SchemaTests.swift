import Testing
@testable import PolicyGraph

@Suite struct SchemaTests {
    let schema = Schema.builtIn

    @Test(arguments: [
        // Stances from every actor kind to the things positions are about.
        ("country", "supports", "framework"), ("official", "opposes", "risk"), ("agency", "supports", "risk"),
        ("organization", "opposes", "framework"), ("person", "supports", "framework"),
        // Leadership of delegations and agencies.
        ("official", "leads", "agency"), ("agency", "leads", "organization"), ("country", "leads", "agency"),
        ("official", "leads", "delegation"),
        // Membership chains.
        ("official", "memberOf", "agency"), ("person", "memberOf", "organization"), ("official", "memberOf", "country"),
        ("agency", "memberOf", "agency"), ("agency", "memberOf", "country"),
        ("framework", "references", "framework"),
    ])
    func requiredEdgesAreAllowed(from: String, relation: String, to: String) {
        #expect(schema.allows(Relation(relation), from: Kind(from), to: Kind(to)))
    }

    @Test(arguments: [
        ("framework", "leads", "country"), ("risk", "supports", "framework"), ("risk", "opposes", "risk"),
        ("country", "supports", "country"), ("framework", "memberOf", "agency"), ("country", "references", "framework"),
    ])
    func nonsenseEdgesAreForbidden(from: String, relation: String, to: String) {
        #expect(!schema.allows(Relation(relation), from: Kind(from), to: Kind(to)))
    }

    @Test func stancesHavePolarity() {
        #expect(schema.polarity(of: .supports) == 1)
        #expect(schema.polarity(of: .opposes) == -1)
        #expect(schema.polarity(of: .leads) == 0)
        #expect(schema.stanceRelations == [.opposes, .supports])
    }

    @Test func builtInKindsIncludeTheDomain() {
        for kind: Kind in [.country, .official, .agency, .risk, .framework, .organization, .person, .event] {
            #expect(schema.contains(kind))
        }
        #expect(schema.actorKinds.contains(.country))
        #expect(!schema.actorKinds.contains(.framework))
    }

    @Test func schemaFileAddsKindsRelationsAndEndpoints() throws {
        let json = """
            {"kinds": {"treaty": {"description": "binding"}},
             "relations": {"ratifies": {"stance": 1, "endpoints": [{"from": ["country"], "to": ["treaty"]}]},
                           "supports": {"endpoints": [{"from": ["country"], "to": ["treaty"]}]}},
             "numeric": ["score"]}
            """
        let extended = try schema.extended(with: Array(json.utf8), file: "schema.json")
        #expect(extended.contains(Kind("treaty")))
        #expect(extended.allows("ratifies", from: .country, to: "treaty"))
        #expect(extended.polarity(of: "ratifies") == 1)
        #expect(extended.allows(.supports, from: .country, to: "treaty"))
        #expect(extended.allows(.supports, from: .country, to: .framework), "built-in endpoints are kept")
        #expect(extended.isNumeric("score") && extended.isNumeric("weight"))
    }

    @Test func schemaFileListsEveryProblemWithItsLine() throws {
        let json = "{\n  \"kinds\": [\"treaty\"],\n  \"relations\": {\n    \"ratifies\": {\"stance\": 2, \"endpoints\": [{\"from\": [\"contry\"], \"to\": [\"treaty\"]}]}\n  },\n  \"colours\": {}\n}\n"
        do {
            _ = try schema.extended(with: Array(json.utf8), file: "schema.json")
            Issue.record("expected a failure")
        } catch {
            #expect(error.lines == [
                "schema.json:4: error: relation 'ratifies': 'stance' must be 1, -1, 0 (neutral) or false (no stance)",
                "schema.json:4: error: relation 'ratifies': unknown kind 'contry' in 'from'; did you mean 'country'?",
                "schema.json:6: error: unknown schema section 'colours'",
            ])
        }
    }

    @Test func customSchemaFolderValidates() throws {
        let graph = try GraphLoader.load(folder: Fixtures.path("valid/custom-schema")).graph
        #expect(graph.edges(relation: "ratifies").count == 2)
        #expect(graph.kind(of: "npt") == Kind("treaty"))
    }
}
