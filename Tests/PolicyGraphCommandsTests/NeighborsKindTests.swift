import Testing
@testable import PolicyGraphCommands

/// `neighbors --kind` lists only reached nodes of those kinds, but walks through the others.
@Suite struct NeighborsKindTests {
    @Test func kindFiltersReachedNodesNotTheWalk() throws {
        try TraversalGolden.expect("neighbors-kind.csv", ["neighbors", "wang-yi", "--depth", "3", "--kind", "event,place", "--format", "csv"])
    }
}
