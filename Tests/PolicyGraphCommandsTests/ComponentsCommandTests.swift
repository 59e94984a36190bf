import Testing
@testable import PolicyGraphCommands

@Suite struct ComponentsCommandTests {
    @Test func textListsSizesAndFirstMembersLargestFirst() throws {
        try TraversalGolden.expect("components.txt", ["components"])
    }

    @Test func relationFilterAndLimit() throws {
        try TraversalGolden.expect("components-supports.txt", ["components", "--relation", "supports", "--limit", "3"])
    }

    @Test func jsonAndCSVListEveryMember() throws {
        try TraversalGolden.expect("components.json", ["components", "--format", "json"])
        try TraversalGolden.expect("components.csv", ["components", "--format", "csv"])
    }

    @Test func zeroLimitIsAUsageError() {
        let output = TraversalGolden.run(["components", "--limit", "0"])
        #expect(output == CommandOutput(stderr: "error: --limit takes a whole number of at least 1, not '0'\nsee 'policygraph components --help'\n", status: 2))
    }
}
