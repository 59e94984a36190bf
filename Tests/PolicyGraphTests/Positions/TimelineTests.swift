import Testing
@testable import PolicyGraph

@Suite("Timeline and stance diff on Fixtures/timeline")
struct TimelineTests {
    func graph(_ name: String = "graph") throws -> Graph {
        try GraphLoader.load(folder: Fixtures.path("timeline/\(name)")).graph
    }

    @Test func timelineOfANodeIsInDateOrderWithMonthsAsTheirFirstDay() throws {
        let timeline = try graph().timeline(of: "x")
        // Hand-ordered: 2024-05 (= 05-01), then the two 05-14 edges in file order, then 06-10.
        #expect(timeline.entries.map { "\($0.date) \($0.edge.relation) \($0.edge.to)" } == [
            "2024-05 opposes t2", "2024-05-14 participatesIn meet", "2024-05-14 supports t1", "2024-06-10 opposes t1",
        ])
        #expect(timeline.entries.map(\.isStance) == [true, false, true, true])
        #expect(timeline.undated == 1)
    }

    @Test func timelineOfTheWholeGraph() throws {
        let timeline = try graph().timeline()
        #expect(timeline.entries.map(\.date) == ["2024-04-30", "2024-05", "2024-05-14", "2024-05-14", "2024-05-20", "2024-06-10"])
        #expect(timeline.undated == 1)
    }

    @Test func unknownNodeThrows() throws {
        #expect(throws: QueryError.self) { try graph().timeline(of: "z") }
    }

    @Test func diffBetweenTwoDates() throws {
        // As of 05-01: x opposes t2 (2024-05 counts as 05-01), x supports t3 (undated); y supports t2.
        // As of 05-31: x also supports t1 (05-14); y also opposes t1 ×0.5 (05-20).
        let diff = try graph().stanceDiff(asOf: "2024-05-01", "2024-05-31")
        #expect(diff.changes.map { "\($0.kind) \($0.actor) \($0.target) \(String(describing: $0.before)) \(String(describing: $0.after))" } == [
            "appeared x t1 nil Optional(1.0)", "appeared y t1 nil Optional(-0.5)",
        ])
        // By 06-30 x's opposition (06-10) cancels its support of t1: +1 → 0.
        let later = try graph().stanceDiff(asOf: "2024-05-31", "2024-06-30")
        #expect(later.changes.map { "\($0.kind) \($0.actor) \($0.target)" } == ["changed x t1"])
        #expect(later.changes.first?.after == 0)
    }

    @Test func diffBetweenTwoVersionsOfAFolder() throws {
        // v2: x supports t2 instead of opposing it, y no longer supports t2, y now supports t3.
        let diff = try Graph.stanceDiff(from: graph(), to: graph("graph-v2"))
        #expect(diff.changes.map { "\($0.kind) \($0.actor) \($0.target)" } == ["changed x t2", "ended y t2", "appeared y t3"])
        #expect(diff.changes.map(\.before) == [-1, 1, nil])
        #expect(diff.changes.map(\.after) == [1, nil, 1])
    }

    @Test func datedShareCountsStanceEdgesOnly() throws {
        // 6 supports/opposes edges, 5 of them dated; participatesIn is no stance.
        #expect(try graph().stanceDating == StanceDating(stances: 6, dated: 5))
    }
}
