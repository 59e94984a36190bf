@testable import PolicyGraph
import Testing

/// "Did you mean" for unknown kinds and relations is searched once per distinct name, and for
/// the first `TableLoader.suggestionBudget` names only: with thousands of kinds in the schema and
/// thousands of misspelt rows, a search per row made loading rows × kinds.
@Suite("Suggestion budget")
struct SuggestionBudgetTests {
    @Test func unknownKindsAndRelationsGetSuggestionsOncePerNameWithinTheBudget() throws {
        let count = 200
        let kinds = (0..<count).map { "\"kind\($0)\"" }.joined(separator: ",")
        let relations = (0..<count).map { "\"rel\($0)\": {\"endpoints\": [{\"from\": [\"kind0\"], \"to\": [\"kind0\"]}]}" }.joined(separator: ",")
        let schema = #"{"kinds": [\#(kinds)], "relations": {\#(relations)}}"#
        // Each misspelling twice (as `kindN` → `kinb N`, one edit away), in order.
        var nodes = "id,kind,label\nz,kind0,Z\n"
        var edges = "from,relation,to\n"
        for i in 0..<count {
            for copy in 0..<2 {
                nodes += "n\(i)-\(copy),kinb\(i),N\n"
                edges += "z,reb\(i),z\n"
            }
        }
        let failure = try #require(loadFailure(nodes: nodes, edges: edges, schema: schema))
        var kindHints: [String: [[String]]] = [:], relationHints: [String: [[String]]] = [:]
        for issue in failure.issues {
            switch issue.reason {
            case .unknownKind(let kind, let suggestions): kindHints[kind.rawValue, default: []].append(suggestions)
            case .unknownRelation(let relation, let suggestions): relationHints[relation.rawValue, default: []].append(suggestions)
            default: break
            }
        }
        let budget = TableLoader.suggestionBudget
        #expect(kindHints.count == count && relationHints.count == count)
        for i in 0..<count {
            // Both rows of a name get the same answer: the name's own first, or none past the budget.
            for (hints, name, wanted) in [(kindHints, "kinb\(i)", "kind\(i)"), (relationHints, "reb\(i)", "rel\(i)")] {
                let answers = hints[name] ?? []
                #expect(answers.count == 2 && answers[0] == answers[1], "\(name): \(answers)")
                #expect(i < budget ? answers.first?.first == wanted : answers.first == [], "\(name): \(answers)")
            }
        }
    }
}
