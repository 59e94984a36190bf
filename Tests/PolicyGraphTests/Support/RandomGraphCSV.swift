@testable import PolicyGraph
@testable import PolicyGraphBench

/// Random graph folders as CSV text, for comparing the loader with ``ReferenceLoader``: clean
/// ones that load, and noisy ones with every kind of problem the loader reports.
struct RandomGraphCSV {
    var rng: SplitMix64
    /// How often (1 in `noise`) a cell is made wrong; 0 for a clean graph.
    var noise: Int

    init(seed: UInt64, noise: Int) {
        rng = SplitMix64(seed: seed)
        self.noise = noise
    }

    private static let kinds: [Kind] = [.country, .official, .agency, .framework, .risk]
    /// Edge templates the built-in schema allows: (from kinds, relation, to kinds).
    private static let templates: [([Kind], Relation, [Kind])] = [
        ([.country, .official, .agency], .supports, [.framework, .risk]),
        ([.country, .official, .agency], .opposes, [.framework, .risk]),
        ([.official], .memberOf, [.agency]),
        ([.agency], .memberOf, [.country]),
        ([.official], .leads, [.agency]),
        ([.framework], .references, [.framework]),
    ]

    private mutating func wrong() -> Bool { noise > 0 && rng.next(below: noise) == 0 }
    private mutating func pick<T>(_ items: [T]) -> T { items[rng.next(below: items.count)] }

    private mutating func text() -> String {
        var random = RandomCSV(rng: rng)
        let field = random.field()
        rng = random.rng
        return field
    }

    private mutating func cell(_ value: String) -> String {
        var random = RandomCSV(rng: rng)
        let encoded = random.encode(value)
        rng = random.rng
        return encoded
    }

    /// `nodes.csv` and `edges.csv` of about `nodes` nodes and `edges` edges.
    mutating func folder(nodes count: Int, edges edgeCount: Int) -> (nodes: [UInt8], edges: [UInt8]) {
        var extra = ["label_zh", "cite", "note"].filter { _ in rng.next(below: 2) == 0 }
        if wrong() { extra.append(rng.next(below: 2) == 0 ? "label" : "") }
        var ids: [(String, Kind)] = []
        var nodes = (["id", "kind", "label"] + extra).joined(separator: ",") + "\n"
        for n in 0..<count {
            var id = ["n\(n)", "节点\(n)", "id,\(n)", "q\"\(n)"][rng.next(below: 4)]
            if wrong() { id = ids.isEmpty || rng.next(below: 2) == 0 ? "" : pick(ids).0 }
            let kind = pick(Self.kinds)
            ids.append((id, kind))
            var kindText = kind.rawValue
            if wrong() { kindText = ["", "countri", "planet"][rng.next(below: 3)] }
            var fields = [cell(id), cell(kindText), cell(wrong() ? "" : "Label \(text()) \(n)")]
            for _ in extra { fields.append(cell(rng.next(below: 3) == 0 ? "" : text())) }
            if wrong() { fields.append("x") }
            nodes += fields.joined(separator: ",") + (rng.next(below: 5) == 0 ? "\r\n" : "\n")
        }
        let edgeColumns = ["weight", "date", "cite"].filter { _ in rng.next(below: 3) != 0 }
        var edges = (["from", "relation", "to"] + edgeColumns).joined(separator: ",") + "\n"
        for _ in 0..<edgeCount {
            let (fromKinds, relation, toKinds) = pick(Self.templates)
            let froms = ids.filter { fromKinds.contains($0.1) }
            let tos = ids.filter { toKinds.contains($0.1) }
            guard !froms.isEmpty, !tos.isEmpty else { continue }
            var from = pick(froms).0
            var to = pick(tos).0
            var relationText = relation.rawValue
            if wrong() { from = ["", "ghost", "n1x"][rng.next(below: 3)] }
            if wrong() { to = pick(ids).0 }
            if wrong() { relationText = ["", "suports", "likes"][rng.next(below: 3)] }
            var fields = [cell(from), cell(relationText), cell(to)]
            for column in edgeColumns {
                switch column {
                case "weight": fields.append(wrong() ? pick(["abc", "inf", "1e999", "-"]) : pick(["", "0.5", "1", "2.25", "-3"]))
                case "date": fields.append(wrong() ? pick(["2024-02-30", "24", "2023-13"]) : pick(["", "2024", "2024-05", "2024-02-29", "2019-12-31"]))
                default: fields.append(cell(rng.next(below: 2) == 0 ? "" : text()))
                }
            }
            if wrong() { fields.removeLast() }
            edges += fields.joined(separator: ",") + (rng.next(below: 5) == 0 ? "\r\n" : "\n")
        }
        var nodeBytes = Array(nodes.utf8)
        var edgeBytes = Array(edges.utf8)
        if wrong() {
            var random = RandomCSV(rng: rng)
            if rng.next(below: 2) == 0 { nodeBytes = random.corrupt(nodeBytes) } else { edgeBytes = random.corrupt(edgeBytes) }
            rng = random.rng
        }
        return (nodeBytes, edgeBytes)
    }
}
