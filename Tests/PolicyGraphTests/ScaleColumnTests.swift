import Testing
@testable import PolicyGraph
@testable import PolicyGraphBench

/// The compact columns and the id index against plain arrays and dictionaries.
@Suite struct ScaleColumnTests {
    /// `count` cells drawn from `distinct` values, about one in `emptyEvery` empty.
    static func cells(_ count: Int, distinct: Int, emptyEvery: Int, seed: UInt64) -> [String] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            if emptyEvery > 0, rng.next(below: emptyEvery) == 0 { return "" }
            let v = rng.next(below: max(1, distinct))
            return v % 3 == 0 ? "值\(v)" : "v\(v), \"q\""
        }
    }

    /// Columns consider turning plain at 256 rows here (65536 in the loader), to keep tests small.
    static let firstCheck = 256

    static func build(_ cells: [String], splitAt split: Int? = nil, firstCheck: Int = firstCheck) -> AttributeColumn {
        guard let split else {
            var builder = AttributeColumnBuilder(name: "c", firstCheck: firstCheck)
            for cell in cells { builder.append(cell) }
            return builder.build()
        }
        var first = AttributeColumnBuilder(name: "c", firstCheck: firstCheck)
        var second = AttributeColumnBuilder(name: "c", firstCheck: firstCheck)
        for cell in cells[..<split] { first.append(cell) }
        for cell in cells[split...] { second.append(cell) }
        first.append(contentsOf: second)
        return first.build()
    }

    /// The column holds `cells`: every value, a zero code exactly for the empty cells, codes
    /// into `values`, and in a dictionary column one code per distinct value. Compared in bulk:
    /// an expectation per cell would make these tests slow.
    static func expectColumn(_ column: AttributeColumn, holds cells: [String]) {
        #expect(column.count == cells.count)
        #expect((0..<cells.count).map { column.text(at: $0) } == cells)
        #expect((0..<cells.count).map { column.value(at: $0) } == cells.map { $0.isEmpty ? nil : $0 })
        let codes = (0..<cells.count).map { column.code(at: $0) }
        #expect(codes.map { $0 == 0 } == cells.map(\.isEmpty))
        #expect(Array(column.codes) == codes)
        if case .dictionary(_, let values) = column.storage {
            #expect(codes.map { $0 == 0 ? "" : values[Int($0) - 1] } == cells)
            #expect(Set(values).count == values.count)
        }
    }

    @Test(arguments: [
        (0, 0), (1, 2), (200, 3), (300, 5), (3000, 50),
    ] as [(Int, Int)])
    func columnsGiveBackEveryCell(distinct: Int, emptyEvery: Int) {
        let cells = distinct == 0 ? [String](repeating: "", count: 500) : Self.cells(4000, distinct: distinct, emptyEvery: emptyEvery, seed: UInt64(distinct))
        Self.expectColumn(Self.build(cells), holds: cells)
    }

    @Test func columnsNarrowTheirCodesToTheValues() {
        func storage(_ distinct: Int) -> String {
            let cells = Self.cells(5000, distinct: distinct, emptyEvery: 0, seed: 1)
            guard case .dictionary(let codes, _) = Self.build(cells, firstCheck: 1 << 16).storage else { return "plain" }
            switch codes.storage {
            case .zeros: return "zeros"
            case .bytes: return "bytes"
            case .shorts: return "shorts"
            case .words: return "words"
            }
        }
        #expect(storage(100) == "bytes")
        #expect(storage(1000) == "shorts")
        if case .words = CodeArray([0, 70_000, 3], distinct: 70_000).storage {} else { Issue.record("expected four-byte codes") }
        if case .dictionary(let codes, _) = Self.build([String](repeating: "", count: 10)).storage, case .zeros(10) = codes.storage {
        } else {
            Issue.record("an all-empty column should hold no codes")
        }
    }

    @Test func mostlyDistinctColumnsTurnPlain() {
        let cells = (0..<3000).map { $0 % 10 == 0 ? "" : "label \($0)" }
        let column = Self.build(cells)
        guard case .plain = column.storage else {
            Issue.record("expected a plain column")
            return
        }
        Self.expectColumn(column, holds: cells)
    }

    @Test(arguments: [(100, 5), (300, 0), (5000, 7), (0, 1)] as [(Int, Int)])
    func columnsBuiltInTwoPartsEqualOneBuiltWhole(distinct: Int, emptyEvery: Int) {
        let cells = Self.cells(6000, distinct: distinct, emptyEvery: emptyEvery, seed: 9)
        for split in [0, 1, 256, 3001, 5999] {
            Self.expectColumn(Self.build(cells, splitAt: split), holds: cells)
        }
    }

    @Test func plainAndDictionaryPartsMerge() {
        // The first part stays a dictionary (few values), the second turns plain.
        let cells = (0..<3000).map { "x\($0 % 4)" } + (0..<3000).map { "unique \($0)" }
        Self.expectColumn(Self.build(cells, splitAt: 3000), holds: cells)
        let reversed = Array(cells.reversed())
        Self.expectColumn(Self.build(reversed, splitAt: 3000), holds: reversed)
    }

    @Test(arguments: 0..<5)
    func nodeIndexAgreesWithADictionary(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        let ids = (0..<3000).map { _ in NodeID(["n", "节点", "a-long-identifier-of-a-node-"][rng.next(below: 3)] + String(rng.next(below: 2000))) }
        var index = NodeIndex(capacity: 10)
        var expected: [NodeID: Int32] = [:]
        for (row, id) in ids.enumerated() {
            let previous = index.append(id)
            #expect(previous == expected[id])
            if expected[id] == nil { expected[id] = Int32(row) }
        }
        #expect(index.count == expected.count)
        #expect(Set(index.keys) == Set(expected.keys))
        let probes = ids + (0..<500).map { NodeID("n\(2000 + $0)") } + ["", "n"]
        for probe in probes { #expect(index[probe] == expected[probe]) }
        // The batched lookup gives what one-by-one lookups give.
        let flat = probes.flatMap { Array($0.rawValue.utf8) }
        var rows = [Int32](repeating: 7, count: probes.count)
        var scratch: [UInt64] = []
        var touched: UInt8 = 0
        flat.withUnsafeBufferPointer { flat in
            var start = 0
            let keys = probes.map { probe -> UnsafeBufferPointer<UInt8> in
                let n = probe.rawValue.utf8.count
                defer { start += n }
                return UnsafeBufferPointer(rebasing: flat[start..<start + n])
            }
            keys.withUnsafeBufferPointer { keys in
                rows.withUnsafeMutableBufferPointer { index.rows(of: keys, into: $0, scratch: &scratch, touched: &touched) }
            }
        }
        #expect(rows == probes.map { expected[$0] ?? -1 })
    }
}
