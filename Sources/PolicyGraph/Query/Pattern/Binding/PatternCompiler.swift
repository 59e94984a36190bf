/// Turns expressions into ``CompiledExpression``s: resolves variables to slots and properties to
/// columns, and reports unknown names with suggestions at their place in the query.
struct ExpressionCompiler {
    /// Where the expression sits: decides whether aggregates and pattern variables may appear.
    enum Context {
        case condition, returnItem, orderBy
    }

    let graph: Graph
    var variables: [String: PatternVariable]
    var context: Context
    /// Returned columns by name (ORDER BY scope).
    var columnNames: [String: (index: Int, type: StaticType)] = [:]
    /// Returned columns by canonical expression text (ORDER BY scope).
    var columnExpressions: [String: (index: Int, type: StaticType)] = [:]
    /// Whether pattern variables may be read (not in ORDER BY after an aggregation or DISTINCT).
    var variablesAllowed = true
    var aggregates: [AggregateSpec] = []
    var usedNodes: Set<Int> = []
    var usedRelationships: Set<Int> = []
    /// Variables read outside any aggregate (a grouping check for aggregating items).
    var variablesOutsideAggregates: Set<String> = []
    private var insideAggregate = false

    init(graph: Graph, variables: [String: PatternVariable], context: Context) {
        self.graph = graph
        self.variables = variables
        self.context = context
    }

    /// Compiles a condition (WHERE): it must yield true, false or null.
    mutating func condition(_ e: PatternExpression) throws(QueryError) -> CompiledExpression {
        let (c, type) = try compile(e)
        try requireCondition(type, e)
        return c
    }

    func requireCondition(_ type: StaticType, _ e: PatternExpression) throws(QueryError) {
        guard type == .boolean || type == .null else {
            throw QueryError(.syntax("expected a condition (a comparison, IS NULL, IN, ...), found '\(e.text)'"), at: e.location)
        }
    }

    mutating func compile(_ e: PatternExpression) throws(QueryError) -> (CompiledExpression, StaticType) {
        if !columnExpressions.isEmpty, let column = columnExpressions[e.canonical] {
            return (.column(column.index), column.type)
        }
        switch e.form {
        case .null: return (.constant(.null), .null)
        case .bool(let b): return (.constant(.bool(b)), .boolean)
        case .integer(let n): return (.constant(.int(n)), .other)
        case .float(let d): return (.constant(.double(d)), .other)
        case .string(let s): return (.constant(.string(s)), .other)
        case .list(let items):
            var compiled: [CompiledExpression] = []
            for item in items { compiled.append(try compile(item).0) }
            if let constants = Self.constants(compiled) { return (.constant(.list(constants)), .other) }
            return (.list(compiled), .other)
        case .variable(let name): return try variable(name, e)
        case .property(let base, let key): return try property(base, key)
        case .index(let base, let index):
            let (b, type) = try compile(base)
            let (i, _) = try compile(index)
            return (.index(b, i), type == .path ? .edge : .other)
        case .not(let operand):
            return (.not(try condition(operand)), .boolean)
        case .negate(let operand):
            return (.negate(try compile(operand).0, e.location), .other)
        case .binary(let op, let l, let r): return try binary(op, l, r, e)
        case .isNull(let operand, let negated):
            return (.isNull(try compile(operand).0, negated: negated), .boolean)
        case .hasKinds(let operand, let groups):
            let (node, type) = try compile(operand)
            guard type == .node else {
                throw QueryError(.syntax("'\(operand.text)' is not a node, so it has no kind to test"), at: e.location)
            }
            var mask = [Bool](repeating: true, count: graph.schema.kinds.count)
            for group in groups {
                var allowed = [Bool](repeating: false, count: mask.count)
                for name in group {
                    let kind: Kind
                    do { kind = try graph.checkedKind(name.text) } catch { throw QueryError(error.reason, at: name.location) }
                    if let k = graph.schema.kindIndex[kind] { allowed[k] = true }
                }
                for k in mask.indices { mask[k] = mask[k] && allowed[k] }
            }
            return (.hasKinds(node, mask), .boolean)
        case .call(let name, let distinct, let arguments): return try call(name, distinct, arguments, e)
        case .countStar:
            try allowAggregate(e)
            aggregates.append(AggregateSpec(function: nil, distinct: false, argument: nil, location: e.location))
            return (.aggregate(aggregates.count - 1), .other)
        default:
            throw QueryError(.syntax("'\(e.text)' cannot be used here: only MATCH ... WHERE ... reads it"), at: e.location)
        }
    }

    private static func constants(_ items: [CompiledExpression]) -> [PatternValue]? {
        var values: [PatternValue] = []
        for item in items {
            guard case .constant(let v) = item else { return nil }
            values.append(v)
        }
        return values
    }

    private mutating func variable(_ name: String, _ e: PatternExpression) throws(QueryError) -> (CompiledExpression, StaticType) {
        if let column = columnNames[name] { return (.column(column.index), column.type) }
        guard let v = variables[name] else {
            let known = Set(variables.keys).union(columnNames.keys)
            let hint = Suggestions.hint(Suggestions.closest(to: name, among: known))
            throw QueryError(.syntax("variable '\(name)' is not defined\(hint)"), at: e.location)
        }
        guard variablesAllowed else {
            throw QueryError(.syntax("ORDER BY after an aggregation or DISTINCT can only use returned columns; return '\(name)' or sort by a column"), at: e.location)
        }
        if !insideAggregate { variablesOutsideAggregates.insert(name) }
        switch v {
        case .node(let slot):
            usedNodes.insert(slot)
            return (.node(slot), .node)
        case .relationship(let slot):
            usedRelationships.insert(slot)
            return (.edge(slot), .edge)
        case .path(let slot):
            usedRelationships.insert(slot)
            return (.path(slot), .path)
        }
    }

    private mutating func property(_ base: PatternExpression, _ key: PatternName) throws(QueryError) -> (CompiledExpression, StaticType) {
        let (b, type) = try compile(base)
        switch type {
        case .node:
            switch key.text {
            case Column.id: return (.nodeID(b), .other)
            case Column.kind: return (.nodeKind(b), .other)
            default:
                let c = try Self.nodeColumn(key, in: graph)
                let numbers = graph.schema.isNumeric(key.text) ? CompiledExpression.numbers(of: graph.nodeTable.columns[c]) : nil
                return (.nodeColumn(b, column: c, numbers: numbers), .other)
            }
        case .edge:
            let c = try Self.edgeColumn(key, in: graph)
            let numbers = graph.schema.isNumeric(key.text) ? CompiledExpression.numbers(of: graph.edgeTable.columns[c]) : nil
            return (.edgeColumn(b, column: c, numbers: numbers), .other)
        case .path:
            throw QueryError(.syntax("'\(base.text)' is a variable-length relationship, a list of relationships; use \(base.text)[0].\(key.text) for one of them"), at: key.location)
        default:
            throw QueryError(.syntax("'\(base.text)' is not a node or a relationship, so it has no property '\(key.text)'"), at: key.location)
        }
    }

    /// The index of node column `key` (`label`, `label_zh`, ...).
    static func nodeColumn(_ key: PatternName, in graph: Graph) throws(QueryError) -> Int {
        if let c = graph.nodeAttributeNames.firstIndex(of: key.text) { return c }
        throw QueryError(graph.unknownProperty(key.text, on: .node), at: key.location)
    }

    /// The index of edge column `key` (`weight`, `date`, `cite`, ...).
    static func edgeColumn(_ key: PatternName, in graph: Graph) throws(QueryError) -> Int {
        if let c = graph.edgeAttributeNames.firstIndex(of: key.text) { return c }
        if [Column.relation, "type", Column.from, Column.to].contains(key.text) {
            let use = key.text == Column.from ? "startNode(r)" : (key.text == Column.to ? "endNode(r)" : "type(r)")
            throw QueryError(.syntax("a relationship has no property '\(key.text)'; use \(use)"), at: key.location)
        }
        throw QueryError(graph.unknownProperty(key.text, on: .edge), at: key.location)
    }

    private mutating func binary(_ op: BinaryOperator, _ l: PatternExpression, _ r: PatternExpression, _ e: PatternExpression) throws(QueryError) -> (CompiledExpression, StaticType) {
        switch op {
        case .and: return (.and(try condition(l), try condition(r)), .boolean)
        case .or: return (.or(try condition(l), try condition(r)), .boolean)
        case .xor: return (.xor(try condition(l), try condition(r)), .boolean)
        default: break
        }
        let (a, _) = try compile(l)
        let (b, _) = try compile(r)
        switch op {
        case .notEqual:
            if case .node(let x) = a, case .node(let y) = b { return (.nodesDiffer(x, y), .boolean) }
            return (.compare(op, a, b), .boolean)
        case .equal, .less, .lessOrEqual, .greater, .greaterOrEqual: return (.compare(op, a, b), .boolean)
        case .in: return (.inList(a, b), .boolean)
        case .startsWith, .endsWith, .contains: return (.text(op, a, b), .boolean)
        default: return (.arithmetic(op, a, b, e.location), .other)
        }
    }

    private mutating func call(_ name: PatternName, _ distinct: Bool, _ arguments: [PatternExpression], _ e: PatternExpression) throws(QueryError) -> (CompiledExpression, StaticType) {
        if let aggregate = AggregateFunction.named(name.text) {
            try allowAggregate(e)
            guard arguments.count == 1 else {
                throw QueryError(.syntax("\(name.text)() takes one argument\(aggregate == .count ? " (or *)" : "")"), at: name.location)
            }
            insideAggregate = true
            defer { insideAggregate = false }
            let (argument, _) = try compile(arguments[0])
            aggregates.append(AggregateSpec(function: aggregate, distinct: distinct, argument: argument, location: e.location))
            return (.aggregate(aggregates.count - 1), .other)
        }
        guard let function = ScalarFunction.named(name.text) else {
            if let error = CypherOnlyFunction.error(name, arguments) { throw error }
            let all = ScalarFunction.allCases.map(\.rawValue) + AggregateFunction.allCases.map(\.rawValue)
            let close = Suggestions.closest(to: name.text, among: all)
            let hint = close.isEmpty ? "; the functions are " + all.sorted().joined(separator: ", ") : Suggestions.hint(close)
            throw QueryError(.syntax("unknown function '\(name.text)'\(hint)"), at: name.location)
        }
        if distinct { throw QueryError(.syntax("DISTINCT only applies to aggregates such as count(DISTINCT x)"), at: name.location) }
        guard function.arity.contains(arguments.count) else {
            throw QueryError(.syntax("\(function.rawValue)() takes \(function.arity.lowerBound == function.arity.upperBound ? "one argument" : "one or more arguments")"), at: name.location)
        }
        var compiled: [CompiledExpression] = []
        var types: [StaticType] = []
        for a in arguments {
            let (c, t) = try compile(a)
            compiled.append(c)
            types.append(t)
        }
        let type: StaticType
        switch function {
        case .startNode, .endNode: type = .node
        case .head, .last: type = types.first == .path ? .edge : .other
        default: type = .other
        }
        return (.function(function, compiled, name.location), type)
    }

    private func allowAggregate(_ e: PatternExpression) throws(QueryError) {
        if insideAggregate { throw QueryError(.syntax("an aggregate cannot contain another aggregate"), at: e.location) }
        switch context {
        case .condition:
            throw QueryError(.syntax("aggregates such as '\(e.text)' are not allowed in WHERE or in a pattern; use them in RETURN"), at: e.location)
        case .orderBy:
            throw QueryError(.syntax("ORDER BY can use an aggregate only when RETURN returns it; add '\(e.text)' to RETURN"), at: e.location)
        case .returnItem:
            return
        }
    }
}
