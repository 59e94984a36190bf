import Foundation

/// The functions of the clause pipeline: the pattern engine's ``ScalarFunction``s, and the list,
/// string, path, number and date functions only the pipeline evaluates.
///
/// String functions count, cut and search code points (``CodePoints``), as `size()` counts and
/// `CONTAINS` searches: `left(s, size(t)) = t` exactly when `s STARTS WITH t`, and `split` and
/// `replace` find what `CONTAINS` finds.
enum ClauseFunctions {
    /// The names the pipeline knows beyond ``ScalarFunction`` (lower case), with their arities.
    static let arities: [String: ClosedRange<Int>] = [
        "range": 2...3, "reverse": 1...1, "keys": 1...1, "properties": 1...1, "tail": 1...1,
        "trim": 1...1, "ltrim": 1...1, "rtrim": 1...1, "split": 2...2, "substring": 2...3, "replace": 3...3,
        "left": 2...2, "right": 2...2, "nodes": 1...1, "relationships": 1...1, "length": 1...1,
        "abs": 1...1, "sign": 1...1, "ceil": 1...1, "floor": 1...1, "round": 1...1, "sqrt": 1...1,
        "toboolean": 1...1, "date": 1...1, "rand": 0...0, "pi": 0...0, "e": 0...0,
    ]

    /// Applies function `name` to evaluated arguments; null in, null out unless stated.
    ///
    /// - Throws: ``QueryError`` for an unknown function (with suggestions), a wrong number of
    ///   arguments, or an argument of the wrong type.
    static func apply(_ name: PatternName, _ arguments: [PatternValue], graph: Graph, at location: QueryLocation) throws(QueryError) -> PatternValue {
        let lower = name.text.lowercased()
        if let function = ScalarFunction.named(name.text) {
            guard function.arity.contains(arguments.count) else {
                throw QueryError(.syntax("\(function.rawValue)() takes \(function.arity.lowerBound == function.arity.upperBound ? "one argument" : "one or more arguments")"), at: name.location)
            }
            if function == .labels, case .null? = arguments.first { return .null }
            return try function.apply(arguments, graph: graph, at: location)
        }
        guard let arity = arities[lower] else {
            let all = ScalarFunction.allCases.map(\.rawValue) + AggregateFunction.allCases.map(\.rawValue) + Self.displayNames
            let close = Suggestions.closest(to: name.text, among: all)
            let hint = close.isEmpty ? "; the functions are " + all.sorted().joined(separator: ", ") : "; did you mean " + close.map { "'\($0)'" }.joined(separator: ", ") + "?"
            throw QueryError(.syntax("unknown function '\(name.text)'\(hint)"), at: name.location)
        }
        guard arity.contains(arguments.count) else {
            let count = arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "\(arity.lowerBound) or \(arity.upperBound)"
            throw QueryError(.syntax("\(name.text)() takes \(count) argument\(arity.upperBound == 1 ? "" : "s")"), at: name.location)
        }
        if arguments.contains(where: \.isNull) { return .null }
        func wrong(_ what: String) -> QueryError { QueryError(.invalidArgument("\(name.text)() needs \(what)"), at: location) }
        func int(_ i: Int) throws(QueryError) -> Int {
            guard case .int(let n) = arguments[i] else { throw wrong("whole numbers where it counts") }
            return n
        }
        func string(_ i: Int) throws(QueryError) -> String {
            guard case .string(let s) = arguments[i] else { throw wrong("a string") }
            return s
        }
        func number(_ i: Int) throws(QueryError) -> Double {
            guard let d = arguments[i].number else { throw wrong("a number") }
            return d
        }
        switch lower {
        case "rand": return .double(Double.random(in: 0..<1))
        case "pi": return .double(Double.pi)
        case "e": return .double(M_E)
        case "range":
            let from = try int(0), to = try int(1)
            let by = arguments.count == 3 ? try int(2) : 1
            guard by != 0 else { throw QueryError(.invalidArgument("range() needs a step other than 0"), at: location) }
            let count = by > 0 ? (to >= from ? (to - from) / by + 1 : 0) : (from >= to ? (from - to) / -by + 1 : 0)
            guard count <= 10_000_000 else { throw QueryError(.invalidArgument("range() would hold \(count) numbers; at most 10,000,000"), at: location) }
            return .list(stride(from: from, through: to, by: by).map { .int($0) })
        case "reverse":
            switch arguments[0] {
            case .list(let items): return .list(items.reversed())
            case .string(let s): return .string(CodePoints.string(s.unicodeScalars.reversed()))
            default: throw wrong("a list or a string")
            }
        case "tail":
            guard case .list(let items) = arguments[0] else { throw wrong("a list") }
            return .list(Array(items.dropFirst()))
        case "keys", "properties":
            let map: [String: PatternValue]
            switch arguments[0] {
            case .map(let m): map = m
            case .node, .edge:
                let context = ClauseContext(graph: graph, parameters: [:], limits: .unlimited)
                guard case .map(let m) = try context.properties(of: arguments[0], at: location) else { return .null }
                map = m
            default: throw wrong("a node, a relationship or a map")
            }
            return lower == "keys" ? .list(map.keys.sorted(by: CodePoints.precedes).map { .string($0) }) : .map(map)
        case "trim": return .string(try string(0).trimmingSpaces)
        case "ltrim": return .string(CodePoints.trimming(try string(0), trailing: false))
        case "rtrim": return .string(CodePoints.trimming(try string(0), leading: false))
        case "split":
            let s = try string(0), separator = try string(1)
            if separator.isEmpty { return .list(s.unicodeScalars.map { .string(String($0)) }) }
            return .list(CodePoints.split(s, by: separator).map { .string($0) })
        case "substring":
            let s = Array(try string(0).unicodeScalars), start = try int(1)
            let length = arguments.count == 3 ? try int(2) : s.count
            guard start >= 0, length >= 0 else { throw wrong("a start and a length of at least 0") }
            let a = min(start, s.count), b = min(s.count, a + min(length, s.count))
            return .string(CodePoints.string(s[a..<b]))
        case "replace":
            let s = try string(0), target = try string(1), with = try string(2)
            return .string(target.isEmpty ? s : CodePoints.replacing(target, with: with, in: s))
        case "left", "right":
            let s = try string(0), n = try int(1)
            guard n >= 0 else { throw wrong("a length of at least 0") }
            return .string(CodePoints.string(lower == "left" ? Array(s.unicodeScalars.prefix(n)) : Array(s.unicodeScalars.suffix(n))))
        case "nodes", "relationships", "length":
            guard case .path(let nodes, let edges) = arguments[0] else { throw wrong("a path") }
            if lower == "length" { return .int(edges.count) }
            return .list(lower == "nodes" ? nodes.map { .node($0) } : edges.map { .edge($0) })
        case "abs":
            if case .int(let n) = arguments[0] {
                guard n != .min else { throw QueryError(.invalidArgument("integer overflow"), at: location) }
                return .int(abs(n))
            }
            return .double(abs(try number(0)))
        case "sign":
            if case .int(let n) = arguments[0] { return .int(n.signum()) }
            let d = try number(0)
            return .int(d > 0 ? 1 : (d < 0 ? -1 : 0))
        case "ceil": return .double(Foundation.ceil(try number(0)))
        case "floor": return .double(Foundation.floor(try number(0)))
        case "round": return .double((try number(0)).rounded(.toNearestOrAwayFromZero))
        case "sqrt": return .double(Foundation.sqrt(try number(0)))
        case "toboolean":
            switch arguments[0] {
            case .bool: return arguments[0]
            case .string(let s):
                switch s.trimmingSpaces.lowercased() {
                case "true": return .bool(true)
                case "false": return .bool(false)
                default: return .null
                }
            default: throw wrong("a boolean or a string")
            }
        case "date":
            let s = try string(0)
            guard PolicyDate.isValid(s) else {
                throw QueryError(.invalidArgument("date() needs YYYY, YYYY-MM or YYYY-MM-DD, found '\(s)'"), at: location)
            }
            return .string(s)
        default:
            throw wrong("other arguments")
        }
    }

    private static let displayNames = ["range", "reverse", "keys", "properties", "tail", "trim", "ltrim", "rtrim", "split", "substring",
                                       "replace", "left", "right", "nodes", "relationships", "length", "abs", "sign", "ceil", "floor",
                                       "round", "sqrt", "toBoolean", "date", "rand", "pi", "e"]
}
