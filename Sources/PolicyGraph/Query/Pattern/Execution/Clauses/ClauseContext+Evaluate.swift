import Foundation

/// Expressions of the clause pipeline, evaluated against a row of named values with openCypher's
/// meaning: null propagates, conditions are three-valued, type errors are query errors.
extension ClauseContext {
    /// The value of `e` in `row`.
    ///
    /// - Throws: ``QueryError`` for an undefined variable or parameter, a wrong type, integer
    ///   overflow, division by zero, or matching past the budget (pattern predicates).
    mutating func value(_ e: PatternExpression, _ row: ClauseRow) throws(QueryError) -> PatternValue {
        if !projected.isEmpty, let v = projected[e.canonical] { return v }
        switch e.form {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .integer(let n): return .int(n)
        case .float(let d): return .double(d)
        case .string(let s): return .string(s)
        case .list(let items):
            var values: [PatternValue] = []
            for item in items { values.append(try value(item, row)) }
            return .list(values)
        case .map(let entries):
            var map: [String: PatternValue] = [:]
            for entry in entries { map[entry.key.text] = try value(entry.value, row) }
            return .map(map)
        case .variable(let name):
            if let v = row[name] { return v }
            throw undefined(name, in: row, at: e.location)
        case .parameter(let name):
            guard let v = parameters[name] else {
                let close = Suggestions.closest(to: name, among: parameters.keys)
                throw QueryError(.syntax("parameter $\(name) is not given" + (close.isEmpty ? "" : "; did you mean " + close.map { "'$\($0)'" }.joined(separator: ", ") + "?")), at: e.location)
            }
            return v
        case .property(let base, let key):
            return try property(of: try value(base, row), key.text, at: key.location, strict: true)
        case .index(let base, let index):
            return try subscripted(try value(base, row), try value(index, row), at: e.location)
        case .slice(let base, let from, let to):
            let list = try value(base, row)
            let a = try from.map { (x) throws(QueryError) -> PatternValue in try value(x, row) }
            let b = try to.map { (x) throws(QueryError) -> PatternValue in try value(x, row) }
            return try Self.slice(list, a, b, at: e.location)
        case .not(let operand):
            return Self.logical(try truth(operand, row).map { !$0 })
        case .negate(let operand):
            switch try value(operand, row) {
            case .int(let n):
                guard n != .min else { throw QueryError(.invalidArgument("integer overflow"), at: e.location) }
                return .int(-n)
            case .double(let d): return .double(-d)
            case .null: return .null
            default: throw QueryError(.invalidArgument("'-' needs a number"), at: e.location)
            }
        case .binary(let op, let l, let r):
            return try binary(op, l, r, row, at: e.location)
        case .isNull(let operand, let negated):
            return .bool(try value(operand, row).isNull != negated)
        case .hasKinds(let operand, let groups):
            guard case .node(let n) = try value(operand, row) else { return .null }
            let kind = graph.kind(at: n).rawValue
            return .bool(groups.allSatisfy { group in group.contains { $0.text == kind } })
        case .call(let name, let distinct, let arguments):
            if AggregateFunction.named(name.text) != nil {
                guard let v = aggregates[e.canonical] else {
                    throw QueryError(.syntax("aggregates such as '\(e.text)' are allowed only in WITH and RETURN items"), at: e.location)
                }
                return v
            }
            if distinct { throw QueryError(.syntax("DISTINCT only applies to aggregates such as count(DISTINCT x)"), at: name.location) }
            if let error = CypherOnlyFunction.error(name, arguments) { throw error }
            var values: [PatternValue] = []
            for a in arguments { values.append(try value(a, row)) }
            return try ClauseFunctions.apply(name, values, graph: graph, at: e.location)
        case .countStar:
            guard let v = aggregates[e.canonical] else {
                throw QueryError(.syntax("count(*) is allowed only in WITH and RETURN items"), at: e.location)
            }
            return v
        case .caseWhen(let subject, let branches, let otherwise):
            let tested = try subject.map { (x) throws(QueryError) -> PatternValue in try value(x, row) }
            for branch in branches {
                if let tested {
                    if tested.equals(try value(branch.condition, row)) == true { return try value(branch.value, row) }
                } else if try truth(branch.condition, row) == true {
                    return try value(branch.value, row)
                }
            }
            return try otherwise.map { (x) throws(QueryError) -> PatternValue in try value(x, row) } ?? .null
        case .comprehension(let variable, let listExpression, let predicate, let mapping):
            let list = try value(listExpression, row)
            if list.isNull { return .null }
            guard case .list(let items) = list else { throw notList(listExpression) }
            var out: [PatternValue] = []
            var inner = row
            for item in items {
                inner[variable.text] = item
                if let predicate, try truth(predicate, inner) != true { continue }
                out.append(try mapping.map { (x) throws(QueryError) -> PatternValue in try value(x, inner) } ?? item)
            }
            return .list(out)
        case .quantifier(let q, let variable, let listExpression, let predicate):
            let list = try value(listExpression, row)
            if list.isNull { return .null }
            guard case .list(let items) = list else { throw notList(listExpression) }
            var trues = 0, unknowns = 0
            var inner = row
            for item in items {
                inner[variable.text] = item
                switch try truth(predicate, inner) {
                case true?: trues += 1
                case nil: unknowns += 1
                case false?: break
                }
            }
            let falses = items.count - trues - unknowns
            switch q {
            case .any: return trues > 0 ? .bool(true) : (unknowns > 0 ? .null : .bool(false))
            case .all: return falses > 0 ? .bool(false) : (unknowns > 0 ? .null : .bool(true))
            case .none: return trues > 0 ? .bool(false) : (unknowns > 0 ? .null : .bool(true))
            case .single: return trues > 1 ? .bool(false) : (unknowns > 0 ? .null : .bool(trues == 1))
            }
        case .pattern(let path):
            return .bool(try hasMatch(MatchClause(paths: [path], predicate: nil, location: e.location), row))
        case .exists(let clause):
            return .bool(try hasMatch(clause, row))
        case .patternComprehension(let path, let predicate, let mapping):
            var out: [PatternValue] = []
            for match in try matches(MatchClause(paths: [path], predicate: predicate, location: e.location), from: row, limit: nil) {
                out.append(try value(mapping, match))
            }
            return .list(out)
        case .mapProjection(let base, let items):
            let subject = try value(base, row)
            if subject.isNull { return .null }
            var map: [String: PatternValue] = [:]
            for item in items {
                switch item.form {
                case .property: map[item.key.text] = try property(of: subject, item.key.text, at: item.key.location, strict: false)
                case .allProperties:
                    guard case .map(let all) = try properties(of: subject, at: item.key.location) else { continue }
                    for (k, v) in all { map[k] = v }
                case .literal, .variable:
                    if let v = item.value { map[item.key.text] = try value(v, row) }
                }
            }
            return .map(map)
        }
    }

    /// `e` as a condition: `true`, `false` or `nil` (null).
    /// - Throws: ``QueryError`` when `e` is not a boolean or null.
    mutating func truth(_ e: PatternExpression, _ row: ClauseRow) throws(QueryError) -> Truth {
        switch try value(e, row) {
        case .bool(let b): return b
        case .null: return nil
        default: throw QueryError(.invalidArgument("expected a condition (true, false or null), found '\(e.text)'"), at: e.location)
        }
    }

    private mutating func binary(_ op: BinaryOperator, _ l: PatternExpression, _ r: PatternExpression, _ row: ClauseRow, at location: QueryLocation) throws(QueryError) -> PatternValue {
        switch op {
        case .and:
            let a = try truth(l, row)
            if a == false { return .bool(false) }
            let b = try truth(r, row)
            if b == false { return .bool(false) }
            return a == nil || b == nil ? .null : .bool(true)
        case .or:
            let a = try truth(l, row)
            if a == true { return .bool(true) }
            let b = try truth(r, row)
            if b == true { return .bool(true) }
            return a == nil || b == nil ? .null : .bool(false)
        case .xor:
            guard let a = try truth(l, row), let b = try truth(r, row) else { return .null }
            return .bool(a != b)
        default: break
        }
        let a = try value(l, row), b = try value(r, row)
        switch op {
        case .equal: return Self.logical(a.equals(b))
        case .notEqual: return Self.logical(a.equals(b).map { !$0 })
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            if let x = a.number, let y = b.number, x.isNaN || y.isNaN { return .bool(false) }
            guard let c = a.compare(b) else { return .null }
            switch op {
            case .less: return .bool(c < 0)
            case .lessOrEqual: return .bool(c <= 0)
            case .greater: return .bool(c > 0)
            default: return .bool(c >= 0)
            }
        case .in:
            if b.isNull { return .null }
            guard case .list(let items) = b else {
                throw QueryError(.invalidArgument("IN needs a list on its right, found '\(r.text)'"), at: r.location)
            }
            var unknown = false
            for item in items {
                switch a.equals(item) {
                case true?: return .bool(true)
                case nil: unknown = true
                case false?: break
                }
            }
            return unknown ? .null : .bool(false)
        case .startsWith, .endsWith, .contains:
            guard case .string(let x) = a, case .string(let y) = b else { return .null }
            return .bool(CodePoints.test(op, x, y))
        default:
            return try PatternArithmetic.apply(op, a, b, at: location)
        }
    }

    static func logical(_ t: Truth) -> PatternValue { t.map { .bool($0) } ?? .null }

    private func notList(_ e: PatternExpression) -> QueryError {
        QueryError(.invalidArgument("expected a list, found '\(e.text)'"), at: e.location)
    }

    func undefined(_ name: String, in row: ClauseRow, at location: QueryLocation) -> QueryError {
        let close = Suggestions.closest(to: name, among: row.keys)
        let hint = close.isEmpty ? "" : "; did you mean " + close.map { "'\($0)'" }.joined(separator: ", ") + "?"
        return QueryError(.syntax("variable '\(name)' is not defined\(hint)"), at: location)
    }

    /// `base[index]`: a list element, a map entry, or a node's or relationship's property.
    private func subscripted(_ base: PatternValue, _ index: PatternValue, at location: QueryLocation) throws(QueryError) -> PatternValue {
        if base.isNull || index.isNull { return .null }
        switch (base, index) {
        case (.list(let items), .int(var k)):
            if k < 0 { k += items.count }
            return k >= 0 && k < items.count ? items[k] : .null
        case (.map, .string(let key)), (.node, .string(let key)), (.edge, .string(let key)):
            return try property(of: base, key, at: location, strict: false)
        case (.list, _):
            throw QueryError(.invalidArgument("a list index must be an integer"), at: location)
        case (.map, _), (.node, _), (.edge, _):
            throw QueryError(.invalidArgument("a property key must be a string"), at: location)
        default:
            throw QueryError(.invalidArgument("only lists, maps, nodes and relationships can be indexed"), at: location)
        }
    }

    /// `list[from..to]`: negative bounds count from the end, null bounds give null.
    static func slice(_ list: PatternValue, _ from: PatternValue?, _ to: PatternValue?, at location: QueryLocation) throws(QueryError) -> PatternValue {
        if list.isNull || from?.isNull == true || to?.isNull == true { return .null }
        guard case .list(let items) = list else { throw QueryError(.invalidArgument("only lists can be sliced"), at: location) }
        func bound(_ v: PatternValue?, _ otherwise: Int) throws(QueryError) -> Int {
            guard let v else { return otherwise }
            guard case .int(let n) = v else { throw QueryError(.invalidArgument("slice bounds must be integers"), at: location) }
            let k = n < 0 ? items.count + n : n
            return Swift.min(Swift.max(k, 0), items.count)
        }
        let a = try bound(from, 0), b = try bound(to, items.count)
        return a < b ? .list(Array(items[a..<b])) : .list([])
    }

    /// The property `key` of a node, relationship or map. `strict` (written `n.key`) makes an
    /// unknown column of the graph an error with suggestions; a computed key reads as null.
    func property(of subject: PatternValue, _ key: String, at location: QueryLocation, strict: Bool) throws(QueryError) -> PatternValue {
        switch subject {
        case .null: return .null
        case .map(let entries): return entries[key] ?? .null
        case .node(let n):
            switch key {
            case Column.id: return .string(graph.id(at: n).rawValue)
            case Column.kind: return .string(graph.kind(at: n).rawValue)
            default:
                guard let c = graph.nodeAttributeNames.firstIndex(of: key) else {
                    guard strict else { return .null }
                    throw QueryError(graph.unknownProperty(key, on: .node), at: location)
                }
                return cell(graph.nodeTable.columns[c].value(at: Int(n)), key)
            }
        case .edge(let e):
            guard let c = graph.edgeAttributeNames.firstIndex(of: key) else {
                guard strict else { return .null }
                throw QueryError(graph.unknownProperty(key, on: .edge), at: location)
            }
            return cell(graph.edgeTable.columns[c].value(at: Int(e)), key)
        default:
            throw QueryError(.invalidArgument("only nodes, relationships and maps have properties, so '.\(key)' cannot be read here"), at: location)
        }
    }

    /// The properties of a node (its id and every non-empty column), a relationship (its
    /// non-empty columns) or a map, as a map.
    func properties(of subject: PatternValue, at location: QueryLocation) throws(QueryError) -> PatternValue {
        switch subject {
        case .null: return .null
        case .map: return subject
        case .node(let n):
            var map: [String: PatternValue] = [Column.id: .string(graph.id(at: n).rawValue)]
            for (c, name) in graph.nodeAttributeNames.enumerated() {
                let v = cell(graph.nodeTable.columns[c].value(at: Int(n)), name)
                if !v.isNull { map[name] = v }
            }
            return .map(map)
        case .edge(let e):
            var map: [String: PatternValue] = [:]
            for (c, name) in graph.edgeAttributeNames.enumerated() {
                let v = cell(graph.edgeTable.columns[c].value(at: Int(e)), name)
                if !v.isNull { map[name] = v }
            }
            return .map(map)
        default:
            throw QueryError(.invalidArgument("only nodes, relationships and maps have properties"), at: location)
        }
    }

    /// A cell's text as a value: null when empty, a number in a numeric column.
    private func cell(_ text: String?, _ column: String) -> PatternValue {
        guard let text else { return .null }
        if graph.schema.isNumeric(column) {
            if let n = Int(text) { return .int(n) }
            if text.allSatisfy({ "0123456789+-.eE".contains($0) }), let d = Double(text), d.isFinite { return .double(d) }
        }
        return .string(text)
    }
}
