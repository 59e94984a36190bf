/// A batch of parsed edge rows waiting for their endpoints: where each endpoint's bytes are,
/// each row's relation and line, and the findings already made, to be reported in row order.
struct EdgeBatch {
    static let capacity = 1024

    /// A finding made while parsing a row, reported after the row's earlier columns' findings:
    /// `order` 1 after `from`, 4 and 5 after the endpoint check (weight, then date).
    struct Finding {
        let row: Int
        let order: Int
        let issue: ValidationIssue
    }

    /// Where an endpoint's bytes are: in the file, or (quotes undone) in ``scratch``.
    private struct Span {
        var start = 0
        var count = 0
        var inScratch = false
    }

    private(set) var count = 0
    var lines = [Int](repeating: 0, count: capacity)
    /// Per row: the relation's index, or -1 when it is empty or unknown (a finding says which).
    var relations = [Int32](repeating: -1, count: capacity)
    var findings: [Finding] = []
    /// Per endpoint (`2 * row` for `from`, `2 * row + 1` for `to`): its row, or -1 when unknown.
    private(set) var rows = [Int32](repeating: -1, count: 2 * capacity)
    /// Per endpoint: its node's kind (index into the schema's kinds), once looked up.
    private(set) var kinds = [UInt16](repeating: UInt16.max, count: 2 * capacity)
    private var spans = [Span](repeating: Span(), count: 2 * capacity)
    private var scratch: [UInt8] = []
    private var base: UnsafeBufferPointer<UInt8>?
    private var keys = [UnsafeBufferPointer<UInt8>](repeating: UnsafeBufferPointer(start: nil, count: 0), count: 2 * capacity)
    private var hashScratch: [UInt64] = []
    /// Where the lookups' cache-warming reads go, so that they are not optimised away.
    private(set) var touched: UInt8 = 0

    /// Counts the row whose fields were just kept.
    mutating func commitRow() { count += 1 }

    mutating func reset() {
        count = 0
        findings.removeAll(keepingCapacity: true)
        scratch.removeAll(keepingCapacity: true)
    }

    /// Records where field `field` of `record` is, as endpoint `slot`.
    @inline(__always)
    mutating func keep(_ record: CSVRecord, field: Int, as slot: Int) {
        base = record.base
        let f = record.field(field)
        if !f.escaped {
            spans[slot] = Span(start: f.start, count: f.end - f.start, inScratch: false)
            return
        }
        let bytes = record.bytes(field)
        spans[slot] = Span(start: scratch.count, count: bytes.count, inScratch: true)
        scratch.append(contentsOf: bytes)
    }

    func isEmpty(_ slot: Int) -> Bool { spans[slot].count == 0 }

    /// The bytes of endpoint `slot`; valid while the batch and the file are.
    @inline(__always)
    private func bytes(_ slot: Int, scratch: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        let span = spans[slot]
        if span.inScratch { return UnsafeBufferPointer(rebasing: scratch[span.start..<span.start + span.count]) }
        guard let base else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(rebasing: base[span.start..<span.start + span.count])
    }

    /// Endpoint `slot` as text (for a message).
    func string(_ slot: Int) -> String {
        scratch.withUnsafeBufferPointer { String(decoding: bytes(slot, scratch: $0), as: UTF8.self) }
    }

    /// Looks up every endpoint of the batch in `index` at once.
    mutating func lookUp(in index: NodeIndex) {
        let n = 2 * count
        scratch.withUnsafeBufferPointer { scratch in
            for slot in 0..<n { keys[slot] = bytes(slot, scratch: scratch) }
        }
        keys.withUnsafeBufferPointer { keys in
            rows.withUnsafeMutableBufferPointer { rows in
                index.rows(of: UnsafeBufferPointer(rebasing: keys[0..<n]), into: UnsafeMutableBufferPointer(rebasing: rows[0..<n]),
                           scratch: &hashScratch, touched: &touched)
            }
        }
    }

    /// Reads the kind of every endpoint that was found, in one pass (independent reads at random).
    mutating func gatherKinds(_ nodeKinds: [UInt16], known: Bool) {
        let n = 2 * count
        guard known else { return }
        nodeKinds.withUnsafeBufferPointer { nodeKinds in
            for slot in 0..<n {
                let row = rows[slot]
                kinds[slot] = row >= 0 ? nodeKinds[Int(row)] : UInt16.max
            }
        }
    }
}
