import Testing
@testable import PolicyGraph

/// The counts per node row behind the leaf tables, against a dictionary: in the hash, across
/// its growth, after it turns dense, dense from the start, and cleared for reuse.
struct PatternRowCountsTests {
    @Test(arguments: [(rows: 10_000, expected: 4, additions: 0), (rows: 10_000, expected: 2_000, additions: 0),
                      (rows: 300, expected: 4, additions: 0), (rows: 10_000, expected: 4, additions: 5_000)])
    func countsAgreeWithADictionary(rows: Int, expected: Int, additions: Int) {
        var random = PatternRandom(seed: UInt64(rows + expected + additions))
        var table = RowCounts<Int32>(rowCount: rows, expected: expected, additions: additions)
        var reference: [Int32: Int] = [:]
        for round in 0..<6 {
            // Few rows at first (the hash), then more (growth, and for small graphs the array).
            let spread = min(rows, 20 << (2 * round))
            for _ in 0..<1_000 {
                let row = Int32(random.int(0...(spread - 1)))
                let n = Int32(random.int(1...3))
                table.add(row, n)
                reference[row, default: 0] += Int(n)
            }
            for row in Int32(0)..<Int32(rows) { #expect(table.value(row) == reference[row] ?? 0) }
        }
    }

    @Test func addingOneToEachRowOfABlockCountsRepeats() {
        for additions in [0, 1_000] {
            var table = RowCounts<Int32>(rowCount: 1_000, additions: additions)
            let block: [Int32] = [7, 7, 999, 0, 7]
            block.withUnsafeBufferPointer { table.addOne(each: $0) }
            #expect([0, 7, 999, 5].map { table.value($0) } == [1, 3, 1, 0])
        }
    }

    @Test func removingAllClearsOnlyWhatWasCounted() {
        for rows in [100_000, 40] {
            var table = RowCounts<Int32>(rowCount: rows, keepsRows: true)
            for round in 0..<3 {
                // 30 distinct rows (7 and 40 have no common factor), different each round.
                let counted = (0..<30).map { Int32(($0 * 7 + round) % rows) }
                for row in counted { table.add(row, 2) }
                #expect(table.count == 30)
                #expect(counted.allSatisfy { table.value($0) == 2 })
                #expect(table.value(Int32((30 * 7 + round) % rows)) == 0)
                table.removeAll()
                #expect(table.count == 0)
                for row in Int32(0)..<Int32(min(rows, 100)) { #expect(table.value(row) == 0) }
            }
        }
    }
}
