import Foundation

/// The variables of one match, bound to rows, in arrays reused from match to match.
struct MatchFrame {
    /// Node slot → node row.
    var nodes: [Int32]
    /// Relationship slot → edge row (single-edge relationships).
    var edges: [Int32]
    /// Relationship slot → edge rows (variable-length relationships), in the pattern's order.
    var paths: [[Int32]]
    /// The projected row, when ORDER BY reads returned columns.
    var columns: [PatternValue] = []
    /// The finished aggregates of a group, when a RETURN item wraps them.
    var aggregates: [PatternValue] = []

    init(nodes: Int, relationships: Int) {
        self.nodes = [Int32](repeating: -1, count: nodes)
        self.edges = [Int32](repeating: -1, count: relationships)
        self.paths = [[Int32]](repeating: [], count: relationships)
    }
}

/// An expression with its names resolved: variables are slots, properties are column indices,
/// numeric columns come pre-parsed. Evaluated once per match, so it is a plain tree walk with no
/// dictionary lookups.
indirect enum CompiledExpression: Sendable {
    case constant(PatternValue)
    case node(Int)
    case edge(Int)
    case path(Int)
    case column(Int)
    case aggregate(Int)
    case nodeID(CompiledExpression)
    case nodeKind(CompiledExpression)
    /// A node column by index; `numbers` holds the parsed values of a numeric column.
    case nodeColumn(CompiledExpression, column: Int, numbers: [PatternValue]?)
    case edgeColumn(CompiledExpression, column: Int, numbers: [PatternValue]?)
    case list([CompiledExpression])
    case index(CompiledExpression, CompiledExpression)
    case not(CompiledExpression)
    case negate(CompiledExpression, QueryLocation)
    case and(CompiledExpression, CompiledExpression)
    case or(CompiledExpression, CompiledExpression)
    case xor(CompiledExpression, CompiledExpression)
    case compare(BinaryOperator, CompiledExpression, CompiledExpression)
    case arithmetic(BinaryOperator, CompiledExpression, CompiledExpression, QueryLocation)
    case isNull(CompiledExpression, negated: Bool)
    /// Whether a node's kind is allowed (a mask by kind index).
    case hasKinds(CompiledExpression, [Bool])
    case inList(CompiledExpression, CompiledExpression)
    case text(BinaryOperator, CompiledExpression, CompiledExpression)
    case function(ScalarFunction, [CompiledExpression], QueryLocation)
    /// `a <> b` between two node variables: the hot predicate of "two different actors".
    case nodesDiffer(Int, Int)
    /// A condition on one column of one variable, remembered per column value.
    case columnTest(node: Bool, slot: Int, column: Int, condition: CompiledExpression, cache: ColumnTruthCache)
}

extension CompiledExpression {
    /// The value of the expression for the match in `frame`.
    ///
    /// - Throws: ``QueryError`` on integer overflow, division by zero or a bad function argument.
    func value(in frame: borrowing MatchFrame, graph: Graph) throws(QueryError) -> PatternValue {
        switch self {
        case .constant(let v): return v
        case .node(let slot): return .node(frame.nodes[slot])
        case .edge(let slot): return .edge(frame.edges[slot])
        case .path(let slot): return .list(frame.paths[slot].map { .edge($0) })
        case .column(let i): return frame.columns[i]
        case .aggregate(let i): return frame.aggregates[i]
        case .nodeID(let e):
            guard case .node(let n) = try e.value(in: frame, graph: graph) else { return .null }
            return .string(graph.id(at: n).rawValue)
        case .nodeKind(let e):
            guard case .node(let n) = try e.value(in: frame, graph: graph) else { return .null }
            return .string(graph.kind(at: n).rawValue)
        case .nodeColumn(let e, let c, let numbers):
            guard case .node(let n) = try e.value(in: frame, graph: graph) else { return .null }
            return Self.cell(graph.nodeTable.columns[c], row: Int(n), numbers: numbers)
        case .edgeColumn(let e, let c, let numbers):
            guard case .edge(let r) = try e.value(in: frame, graph: graph) else { return .null }
            return Self.cell(graph.edgeTable.columns[c], row: Int(r), numbers: numbers)
        case .list(let items):
            var values: [PatternValue] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try item.value(in: frame, graph: graph)) }
            return .list(values)
        case .index(let e, let i):
            guard case .list(let items) = try e.value(in: frame, graph: graph),
                  case .int(var k) = try i.value(in: frame, graph: graph) else { return .null }
            if k < 0 { k += items.count }
            return k >= 0 && k < items.count ? items[k] : .null
        case .not(let e):
            return Self.logical(try e.truth(in: frame, graph: graph).map { !$0 })
        case .negate(let e, let location):
            switch try e.value(in: frame, graph: graph) {
            case .int(let n):
                guard n != .min else { throw QueryError(.invalidArgument("integer overflow"), at: location) }
                return .int(-n)
            case .double(let d): return .double(-d)
            default: return .null
            }
        case .and, .or, .xor, .compare, .isNull, .hasKinds, .inList, .text, .nodesDiffer, .columnTest:
            return Self.logical(try truth(in: frame, graph: graph))
        case .arithmetic(let op, let l, let r, let location):
            return try PatternArithmetic.apply(op, try l.value(in: frame, graph: graph), try r.value(in: frame, graph: graph), at: location)
        case .function(let f, let arguments, let location):
            var values: [PatternValue] = []
            values.reserveCapacity(arguments.count)
            for a in arguments { values.append(try a.value(in: frame, graph: graph)) }
            return try f.apply(values, graph: graph, at: location)
        }
    }

    /// The expression as a condition: `true`, `false` or `nil` (null), as WHERE reads it.
    func truth(in frame: borrowing MatchFrame, graph: Graph) throws(QueryError) -> Truth {
        switch self {
        case .nodesDiffer(let a, let b): return frame.nodes[a] != frame.nodes[b]
        case .columnTest(let node, let slot, let column, let condition, let cache):
            let row = Int(node ? frame.nodes[slot] : frame.edges[slot])
            let cells = node ? graph.nodeTable.columns[column] : graph.edgeTable.columns[column]
            // A plain column's cache is by row (its empty cells included): no read of the cell.
            let code = cells.isPlain ? row + 1 : Int(cells.code(at: row))
            return try cache.truth(code: code) { () throws(QueryError) -> Truth in try condition.truth(in: frame, graph: graph) }
        case .and(let l, let r):
            let a = try l.truth(in: frame, graph: graph)
            if a == false { return false }
            let b = try r.truth(in: frame, graph: graph)
            if b == false { return false }
            return a == nil || b == nil ? nil : true
        case .or(let l, let r):
            let a = try l.truth(in: frame, graph: graph)
            if a == true { return true }
            let b = try r.truth(in: frame, graph: graph)
            if b == true { return true }
            return a == nil || b == nil ? nil : false
        case .xor(let l, let r):
            guard let a = try l.truth(in: frame, graph: graph), let b = try r.truth(in: frame, graph: graph) else { return nil }
            return a != b
        case .not(let e):
            return try e.truth(in: frame, graph: graph).map { !$0 }
        case .compare(let op, let l, let r):
            let a = try l.value(in: frame, graph: graph), b = try r.value(in: frame, graph: graph)
            switch op {
            case .equal: return a.equals(b)
            case .notEqual: return a.equals(b).map { !$0 }
            default:
                // NaN is neither below nor above any number (openCypher): false, not null.
                if let x = a.number, let y = b.number, x.isNaN || y.isNaN { return false }
                guard let c = a.compare(b) else { return nil }
                switch op {
                case .less: return c < 0
                case .lessOrEqual: return c <= 0
                case .greater: return c > 0
                default: return c >= 0
                }
            }
        case .isNull(let e, let negated):
            return try e.value(in: frame, graph: graph).isNull != negated
        case .hasKinds(let e, let mask):
            guard case .node(let n) = try e.value(in: frame, graph: graph) else { return nil }
            return mask[Int(graph.nodeTable.kinds[Int(n)])]
        case .inList(let e, let list):
            let v = try e.value(in: frame, graph: graph)
            guard case .list(let items) = try list.value(in: frame, graph: graph) else { return nil }
            var unknown = false
            for item in items {
                switch v.equals(item) {
                case true?: return true
                case nil: unknown = true
                case false?: break
                }
            }
            return unknown ? nil : false
        case .text(let op, let l, let r):
            if case .nodeColumn(.node(let slot), let c, nil) = l, case .constant(.string(let needle)) = r {
                let row = frame.nodes[slot]
                return row < 0 ? nil : CellTextMatch.test(op, graph.nodeTable.columns[c], row: Int(row), needle: needle)
            }
            guard case .string(let a) = try l.value(in: frame, graph: graph),
                  case .string(let b) = try r.value(in: frame, graph: graph) else { return nil }
            return CodePoints.test(op, a, b)
        default:
            switch try value(in: frame, graph: graph) {
            case .bool(let b): return b
            default: return nil
            }
        }
    }

    private static func logical(_ t: Truth) -> PatternValue { t.map { .bool($0) } ?? .null }

    /// One cell of an attribute column: null when empty, a number when the column is numeric.
    /// O(1) plus the cell's length: never the whole column.
    static func cell(_ column: AttributeColumn, row: Int, numbers: [PatternValue]?) -> PatternValue {
        let code = column.code(at: row)
        if code == 0 { return .null }
        if let numbers, !column.isPlain { return numbers[Int(code) - 1] }
        let text = column.value(code: code)
        return numbers == nil ? .string(text) : number(from: text)
    }

    /// The parsed values of a numeric column, in the column's value order: whole numbers as
    /// integers, others as doubles, text that is no number as a string. Empty for a plain
    /// column, whose every row is its own value: ``cell(_:row:numbers:)`` parses those as read.
    static func numbers(of column: AttributeColumn) -> [PatternValue] {
        column.isPlain ? [] : column.values.map(number(from:))
    }

    /// One numeric column's cell as a number, or as the text when it is no number.
    static func number(from text: String) -> PatternValue {
        if let n = Int(text) { return .int(n) }
        // Plain decimals only: `Double.init` also reads hex, `inf` and `nan`.
        if text.allSatisfy({ "0123456789+-.eE".contains($0) }), let d = Double(text), d.isFinite { return .double(d) }
        return .string(text)
    }
}

/// `+ - * / % ^` with Cypher's meaning: integers stay integers (an overflow is an error), a
/// double makes the result a double, `+` joins strings and lists, null gives null.
enum PatternArithmetic {
    static func apply(_ op: BinaryOperator, _ a: PatternValue, _ b: PatternValue, at location: QueryLocation) throws(QueryError) -> PatternValue {
        if a.isNull || b.isNull { return .null }
        if op == .add {
            switch (a, b) {
            case (.list(let x), .list(let y)): return .list(x + y)
            case (.list(let x), _): return .list(x + [b])
            case (_, .list(let y)): return .list([a] + y)
            case (.string(let x), .string(let y)): return .string(x + y)
            case (.string(let x), _) where b.number != nil: return .string(x + PatternArithmetic.text(b))
            case (_, .string(let y)) where a.number != nil: return .string(PatternArithmetic.text(a) + y)
            default: break
            }
        }
        if case .int(let x) = a, case .int(let y) = b, op != .power {
            let result: (partialValue: Int, overflow: Bool)
            switch op {
            case .add: result = x.addingReportingOverflow(y)
            case .subtract: result = x.subtractingReportingOverflow(y)
            case .multiply: result = x.multipliedReportingOverflow(by: y)
            case .divide, .modulo:
                guard y != 0 else { throw QueryError(.invalidArgument("division by zero"), at: location) }
                result = op == .divide ? x.dividedReportingOverflow(by: y) : x.remainderReportingOverflow(dividingBy: y)
            default: return .null
            }
            guard !result.overflow else { throw QueryError(.invalidArgument("integer overflow"), at: location) }
            return .int(result.partialValue)
        }
        guard let x = a.number, let y = b.number else {
            throw QueryError(.invalidArgument("'\(op.rawValue)' needs numbers\(op == .add ? ", strings or lists" : "")"), at: location)
        }
        switch op {
        case .add: return .double(x + y)
        case .subtract: return .double(x - y)
        case .multiply: return .double(x * y)
        case .divide: return .double(x / y)
        case .modulo: return .double(x.truncatingRemainder(dividingBy: y))
        case .power: return .double(Foundation.pow(x, y))
        default: return .null
        }
    }

    /// A number as `toString` shows it: integers plainly, doubles with a decimal point.
    static func text(_ v: PatternValue) -> String {
        switch v {
        case .int(let n): return String(n)
        case .double(let d): return "\(d)"
        default: return ""
        }
    }
}
