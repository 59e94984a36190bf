@testable import PolicyGraph
import Testing

/// The look of kinds and relations: the issue's rules for the built-ins, and stable derived
/// styles for what a schema adds.
@Suite struct DOTStyleTests {
    let style = DOTStyle(schema: .builtIn)

    @Test func stanceAndStructureRelationsLookAsTheIssueSays() {
        let supports = style.style(for: .supports)
        #expect(supports.style == "solid" && supports.color == "#2e7d32")
        let opposes = style.style(for: .opposes)
        #expect(opposes.style == "dashed" && opposes.arrowhead == "tee" && opposes.color == "#c62828")
        #expect(style.style(for: .leads).style == "bold")
        #expect(style.style(for: .references).style == "dotted")
        #expect(style.style(for: .commentsOn) == EdgeStyle(color: "#757575"))
    }

    @Test func everyBuiltInKindHasItsOwnLook() {
        let looks = Schema.builtIn.kinds.map { style.style(for: $0.kind) }
        #expect(looks.count == 12)
        #expect(Set(looks).count == looks.count)
        #expect(style.style(for: .country) == NodeStyle(shape: "doubleoctagon", fillColor: "#ffe0b2"))
    }

    private func schema(_ json: String) throws -> Schema {
        try Schema.builtIn.extended(with: Array(json.utf8), file: "schema.json")
    }

    @Test func customStanceRelationsTakeTheLookOfTheirPolarity() throws {
        let extended = try schema(#"""
            {"kinds": ["treaty"], "relations": {
              "ratifies": {"stance": 1, "endpoints": [{"from": ["country"], "to": ["treaty"]}]},
              "rejects": {"stance": -1, "endpoints": [{"from": ["country"], "to": ["treaty"]}]}}}
            """#)
        let custom = DOTStyle(schema: extended)
        #expect(custom.style(for: Relation("ratifies")) == style.style(for: .supports))
        #expect(custom.style(for: Relation("rejects")) == style.style(for: .opposes))
    }

    @Test func customKindsAndRelationsLookTheSameWhateverElseTheSchemaHas() throws {
        let small = DOTStyle(schema: try schema(#"{"kinds": ["treaty"], "relations": {"mentions": {"endpoints": [{"from": ["country"], "to": ["treaty"]}]}}}"#))
        let large = DOTStyle(schema: try schema(#"{"kinds": ["alpha", "treaty", "zeta"], "relations": {"mentions": {"endpoints": [{"from": ["country"], "to": ["treaty"]}]}, "aa": {"endpoints": [{"from": ["country"], "to": ["treaty"]}]}}}"#))
        #expect(small.style(for: Kind("treaty")) == large.style(for: Kind("treaty")))
        #expect(small.style(for: Relation("mentions")) == large.style(for: Relation("mentions")))
        // Pinned: a change of the hash or the palette would recolour every user's diagrams.
        #expect(small.style(for: Kind("treaty")) == NodeStyle(shape: "hexagon", fillColor: "#ffe0e0"))
        #expect(small.style(for: Relation("mentions")).color == "#ef6c00")
        #expect(![DOTStyle.supportColor, DOTStyle.opposeColor].contains(small.style(for: Relation("mentions")).color))
    }

    @Test func kindsOutsideTheSchemaStillGetAStyle() {
        #expect(style.style(for: Kind("unknown")) == DOTStyle.derived(Kind("unknown")))
        #expect(style.style(for: Relation("unknown")).style == "solid")
    }
}
