import Testing
import TestSupport
@testable import PolicyGraph

@Suite struct GraphLookupTests {
    let graph: Graph

    init() throws {
        graph = try GraphLoader.load(folder: Fixtures.path("valid/small")).graph
    }

    @Test func nodesAndEdgesAreFoundById() throws {
        let chhabra = try #require(graph.node("tarun-chhabra"))
        #expect(chhabra.kind == .official)
        #expect(chhabra.chineseLabel == "查布拉")
        #expect(chhabra.cite == "§01: \"查布拉\"")
        #expect(graph.node("nobody") == nil)
        #expect(graph.edges(from: "us").map(\.to) == ["existential-risk", "gaigi", "sfc", "export-controls"])
        #expect(graph.edges(from: "us", relation: .supports).map(\.to) == ["sfc", "export-controls"])
        #expect(graph.edges(to: "us-delegation").map(\.from) == ["tarun-chhabra", "seth-center"])
    }

    @Test func edgesKeepTheirAttributes() throws {
        let hedged = try #require(graph.edges(from: "us", relation: .opposes).first)
        #expect(hedged.weight == 0.5)
        #expect(hedged.cite == "§01: 美方并未正面回应\n(hedged)")
        #expect(graph.edges(from: "china", relation: .opposes).first?.date == "2024-05-14")
    }

    @Test func countsByKindAndRelation() {
        #expect(graph.nodeCount == 12)
        #expect(graph.edgeCount == 12)
        #expect(graph.kindCounts[.country] == 2)
        #expect(graph.kindCounts[.place] == 0)
        #expect(graph.relationCounts[.supports] == 4)
        #expect(graph.nodes(of: .official).map(\.id) == ["tarun-chhabra", "seth-center", "wang-yi"])
        #expect(graph.edges(relation: .leads).count == 2)
    }

    @Test func countsMatchABruteForceCount() {
        var kinds: [Kind: Int] = [:]
        for node in graph.nodes { kinds[node.kind, default: 0] += 1 }
        var relations: [Relation: Int] = [:]
        for edge in graph.edges { relations[edge.relation, default: 0] += 1 }
        #expect(graph.kindCounts.filter { $0.value > 0 } == kinds)
        #expect(graph.relationCounts.filter { $0.value > 0 } == relations)
        for node in graph.nodes {
            #expect(graph.edges(from: node.id).count == graph.edges.filter { $0.from == node.id }.count)
            #expect(graph.edges(to: node.id).count == graph.edges.filter { $0.to == node.id }.count)
        }
    }

    @Test func exactIdWinsOverLabels() throws {
        let g = try loadGraph(nodes: "id,kind,label\nchina,country,us\nus,country,United States\n", edges: "from,relation,to\n")
        #expect(try g.resolve("us") == "us")
        // 'US' is china's label and, in another case, us's id: two nodes match, so neither wins.
        let error = #expect(throws: QueryError.self) { try g.resolve("US") }
        #expect(error?.reason == .ambiguousNode("US", candidates: ["china", "us"]))
        #expect(try g.resolve("United States") == "us")
    }

    @Test func labelsInEitherLanguageResolveCaseInsensitively() throws {
        #expect(try graph.resolve("查布拉") == "tarun-chhabra")
        #expect(try graph.resolve("seth center") == "seth-center")
        #expect(try graph.resolve("WANG YI") == "wang-yi")
    }

    @Test func ambiguousLabelListsTheCandidates() throws {
        let g = try loadGraph(nodes: "id,kind,label\na,country,Twin\nb,country,twin\n", edges: "from,relation,to\n")
        #expect(throws: QueryError(.ambiguousNode("twin", candidates: ["a", "b"]))) { try g.resolve("twin") }
    }

    @Test func unknownNameSuggestsCloseOnes() {
        do {
            _ = try graph.resolve("chnia")
            Issue.record("expected an error")
        } catch {
            #expect(error.reason == .unknownNode("chnia", suggestions: ["china"]))
            #expect(error.description == "error: unknown node 'chnia'; did you mean 'china'?")
        }
    }

    @Test func neighborsFollowDirectionRelationDepthAndKind() throws {
        let incoming = try graph.neighbors(of: "us-delegation", filter: TraversalFilter(direction: .in))
        #expect(incoming.map(\.node) == ["seth-center", "tarun-chhabra"])
        let two = try graph.neighbors(of: "us-delegation", depth: 2, filter: TraversalFilter(relations: [.leads, .memberOf]))
        #expect(two.map(\.node) == ["seth-center", "tarun-chhabra", "nsc"])
        #expect(two.map(\.distance) == [1, 1, 2])
        let officials = try graph.neighbors(of: "us", depth: 4, filter: TraversalFilter(kinds: [.official]))
        #expect(officials.allSatisfy { $0.kind == .official })
        #expect(officials.map(\.node) == ["tarun-chhabra", "seth-center"])
        let thrown = #expect(throws: QueryError.self) { try graph.neighbors(of: "nowhere") }
        #expect(thrown.map { caseName($0.reason) } == "unknownNode")
    }

    @Test func selectionTakesEgoNetworksAndFilters() throws {
        let ego = try graph.selecting(GraphSelection(focus: "us-delegation", depth: 1))
        #expect(Set(ego.nodes.map(\.id)) == ["us-delegation", "tarun-chhabra", "seth-center", "geneva-dialogue"])
        #expect(ego.edgeCount == 3)
        let stances = try graph.selecting(GraphSelection(relations: [.supports, .opposes]))
        #expect(stances.edgeCount == 6)
        #expect(stances.nodeCount == graph.nodeCount)
        let countries = try graph.selecting(GraphSelection(kinds: [.country, .framework]))
        #expect(countries.nodes.allSatisfy { $0.kind == .country || $0.kind == .framework })
        #expect(countries.edgeCount == 6)
        let thrown = #expect(throws: QueryError.self) { try graph.selecting(GraphSelection(kinds: ["nation"])) }
        #expect(thrown.map { caseName($0.reason) } == "unknownKind")
    }

    @Test func subgraphKeepsRowsColumnsAndValues() throws {
        let sub = graph.subgraph(nodes: ["us", "sfc", "china"])
        #expect(sub.nodes.map(\.id) == ["us", "china", "sfc"])
        #expect(sub.edges.count == 2)
        #expect(sub.nodeAttributeNames == graph.nodeAttributeNames)
        #expect(sub.node("china") == graph.node("china"))
    }
}
