/// A value inside the engine: nodes and edges are rows of the graph, so that binding and
/// comparing them costs an integer, not a string. Turned into a public ``QueryValue`` only
/// when a result row is built.
enum PatternValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case node(Int32)
    case edge(Int32)
    case list([PatternValue])
    /// A map: a literal, a projection, or a node's properties (built by the clause engine only).
    case map([String: PatternValue])
    /// A path: `nodes.count == edges.count + 1` (built by the clause engine only).
    case path(nodes: [Int32], edges: [Int32])

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The number, when this is one.
    var number: Double? {
        switch self {
        case .int(let n): return Double(n)
        case .double(let d): return d
        default: return nil
        }
    }
}

/// Cypher's three-valued logic: `nil` is null (unknown).
typealias Truth = Bool?

extension PatternValue {
    /// `self = other` with Cypher's meaning: null if either side is null (or a list holds one
    /// and nothing else differs), numbers by value, strings by code points (``CodePoints``),
    /// values of different types unequal.
    func equals(_ other: PatternValue) -> Truth {
        switch (self, other) {
        case (.null, _), (_, .null): return nil
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.string(let a), .string(let b)): return CodePoints.equal(a, b)
        case (.node(let a), .node(let b)): return a == b
        case (.edge(let a), .edge(let b)): return a == b
        case (.list(let a), .list(let b)):
            guard a.count == b.count else { return false }
            var unknown = false
            for (x, y) in zip(a, b) {
                switch x.equals(y) {
                case false?: return false
                case nil: unknown = true
                case true?: break
                }
            }
            return unknown ? nil : true
        case (.map(let a), .map(let b)):
            guard a.count == b.count, Set(a.keys) == Set(b.keys) else { return false }
            var unknown = false
            for (k, x) in a {
                switch x.equals(b[k] ?? .null) {
                case false?: return false
                case nil: unknown = true
                case true?: break
                }
            }
            return unknown ? nil : true
        case (.path(let n1, let e1), .path(let n2, let e2)): return n1 == n2 && e1 == e2
        default:
            if let a = number, let b = other.number { return a == b }
            return false
        }
    }

    /// `self < other` as -1/0/+1 for comparable values (numbers, strings by code points,
    /// booleans); `nil` when Cypher's comparison gives null (a null, or values of different types).
    func compare(_ other: PatternValue) -> Int? {
        switch (self, other) {
        case (.int(let a), .int(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.string(let a), .string(let b)): return CodePoints.compare(a, b)
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (a ? 1 : -1)
        case (.list(let a), .list(let b)):
            // Element by element, the shorter first when one is a prefix of the other.
            for (x, y) in zip(a, b) {
                guard let c = x.compare(y) else { return nil }
                if c != 0 { return c }
            }
            return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
        default:
            guard let a = number, let b = other.number, !a.isNaN, !b.isNaN else { return nil }
            return a < b ? -1 : (a == b ? 0 : 1)
        }
    }
}

/// Ordering for ORDER BY and for sorting result rows: every pair of values is ordered (Cypher's
/// "orderability"): nodes, relationships, lists, strings, booleans, numbers, then null.
/// Strings order by code points (``CodePoints``), nodes by their ids' code points, edges by
/// file row, so that ORDER BY agrees with `<` and `=`.
struct PatternOrder {
    let graph: Graph

    private func rank(_ v: PatternValue) -> Int {
        switch v {
        case .map: return -1
        case .node: return 0
        case .edge: return 1
        case .list: return 2
        case .path: return 3
        case .string: return 4
        case .bool: return 5
        case .int, .double: return 6
        case .null: return 7
        }
    }

    /// -1, 0 or 1.
    func compare(_ a: PatternValue, _ b: PatternValue) -> Int {
        let ra = rank(a), rb = rank(b)
        if ra != rb { return ra < rb ? -1 : 1 }
        switch (a, b) {
        case (.node(let x), .node(let y)):
            if x == y { return 0 }
            return CodePoints.compare(graph.id(at: x).rawValue, graph.id(at: y).rawValue) < 0 ? -1 : 1
        case (.edge(let x), .edge(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.list(let x), .list(let y)):
            for (p, q) in zip(x, y) {
                let c = compare(p, q)
                if c != 0 { return c }
            }
            return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
        case (.null, .null): return 0
        case (.path(let n1, let e1), .path(let n2, let e2)):
            let c = compare(.list(n1.map { .node($0) }), .list(n2.map { .node($0) }))
            return c != 0 ? c : compare(.list(e1.map { .edge($0) }), .list(e2.map { .edge($0) }))
        case (.map(let x), .map(let y)):
            let kx = x.keys.sorted(by: CodePoints.precedes), ky = y.keys.sorted(by: CodePoints.precedes)
            let c = compare(.list(kx.map { .string($0) }), .list(ky.map { .string($0) }))
            return c != 0 ? c : compare(.list(kx.map { x[$0] ?? .null }), .list(ky.map { y[$0] ?? .null }))
        default:
            if let x = a.number, let y = b.number {
                // NaN sorts above every other number, as in Cypher.
                if x.isNaN || y.isNaN { return x.isNaN == y.isNaN ? 0 : (x.isNaN ? 1 : -1) }
            }
            return a.compare(b) ?? 0
        }
    }

    func compare(rows a: [PatternValue], _ b: [PatternValue]) -> Int {
        for i in 0..<min(a.count, b.count) {
            let c = compare(a[i], b[i])
            if c != 0 { return c }
        }
        return 0
    }
}

/// Grouping and DISTINCT equivalence: `=`'s, except that null equals null (and NaN NaN), so
/// that 1 groups with 1.0 and strings group by code points, as `=` compares them.
extension PatternValue: Hashable {
    static func == (lhs: PatternValue, rhs: PatternValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.list(let a), .list(let b)): return a == b
        case (.map(let a), .map(let b)): return a == b
        default:
            if case .double(let x) = lhs, case .double(let y) = rhs, x.isNaN, y.isNaN { return true }
            return lhs.equals(rhs) == true
        }
    }

    func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(1); hasher.combine(b)
        case .int(let n): hasher.combine(2); hasher.combine(Double(n))
        case .double(let d): hasher.combine(2); hasher.combine(d.isNaN ? Double.nan : d)
        case .string(let s): hasher.combine(3); CodePoints.hash(s, into: &hasher)
        case .node(let n): hasher.combine(4); hasher.combine(n)
        case .edge(let e): hasher.combine(5); hasher.combine(e)
        case .list(let items): hasher.combine(6); hasher.combine(items)
        case .map(let entries): hasher.combine(7); hasher.combine(entries)
        case .path(let nodes, let edges): hasher.combine(8); hasher.combine(nodes); hasher.combine(edges)
        }
    }
}
