/// Checks a ``ClauseQuery`` before it runs, so that its mistakes are reported even when no row
/// would reach them: undefined variables (with suggestions), a variable used as two things (a
/// node and a relationship, a path and a node), a path variable or a relationship bound twice,
/// unknown kinds and relations, and aggregates outside WITH and RETURN.
struct ClauseBinder {
    /// What a variable holds, as far as the query's text tells.
    enum Binding: Equatable {
        case node, relationship, path
        /// A value that is none of the three (a number, a list, a map...).
        case value
        /// A value of a type known only when the query runs.
        case unknown
    }

    let graph: Graph
    /// The parameters' values: an `id` given as one is checked as a written one is.
    var parameters: [String: QueryValue] = [:]
    var scope: [String: Binding] = [:]

    /// - Throws: ``QueryError`` at the first problem, at its place in the query.
    static func check(_ query: ClauseQuery, in graph: Graph, parameters: [String: QueryValue] = [:]) throws(QueryError) {
        for part in query.parts {
            var binder = ClauseBinder(graph: graph, parameters: parameters)
            for clause in part.clauses { try binder.check(clause) }
        }
    }

    mutating func check(_ clause: Clause) throws(QueryError) {
        switch clause {
        case .match(let match, let optional):
            try bind(match, into: &scope)
            if let predicate = match.predicate {
                try expression(predicate, scope, aggregates: false)
                if !optional { try checkIDs(predicate) }
            }
        case .unwind(let list, let name, _):
            try expression(list, scope, aggregates: false)
            if scope[name.text] != nil { throw QueryError(.syntax("variable '\(name.text)' is already defined"), at: name.location) }
            scope[name.text] = .unknown
        case .with(let projection), .return(let projection):
            let keyword: String
            if case .with = clause { keyword = "WITH" } else { keyword = "RETURN" }
            var next: [String: Binding] = projection.star ? scope : [:]
            for item in projection.items {
                try expression(item.expression, scope, aggregates: true)
                next[item.alias?.text ?? item.column] = binding(of: item.expression)
            }
            var both = scope
            for (k, v) in next { both[k] = v }
            var returned: [(String, PatternExpression)] = []
            for item in projection.items { try ClauseContext.collectAggregates(item.expression, into: &returned, inside: false) }
            for order in projection.order {
                try expression(order.expression, both, aggregates: true)
                var used: [(String, PatternExpression)] = []
                try ClauseContext.collectAggregates(order.expression, into: &used, inside: false)
                for (text, e) in used where !returned.contains(where: { $0.0 == text }) {
                    throw QueryError(.syntax("ORDER BY can use an aggregate only when \(keyword) returns it; add '\(e.text)' to \(keyword)"), at: e.location)
                }
            }
            for bound in [projection.skip, projection.limit].compactMap({ $0 }) { try expression(bound, [:], aggregates: false) }
            if let predicate = projection.predicate { try expression(predicate, both, aggregates: false) }
            scope = next
        }
    }

    /// Adds the variables of a pattern to `scope`, checking each against what it already is.
    private func bind(_ match: MatchClause, into scope: inout [String: Binding]) throws(QueryError) {
        var relationships: Set<String> = []
        for path in match.paths {
            for (i, node) in path.nodes.enumerated() {
                try kinds(node.kinds)
                for entry in node.properties {
                    // Checked here, not where a match reads it: which end a path starts from, or a
                    // start with no candidate, must not decide whether it is reported.
                    if entry.key.text != Column.id, entry.key.text != Column.kind, !graph.nodeAttributeNames.contains(entry.key.text) {
                        throw QueryError(graph.unknownProperty(entry.key.text, on: .node), at: entry.key.location)
                    }
                    try expression(entry.value, scope, aggregates: false)
                    // As in the pattern engine: naming an id the graph lacks is a mistake, not an empty answer.
                    if entry.key.text == Column.id, let id = Self.writtenID(entry.value, parameters), graph.index[NodeID(id)] == nil {
                        throw QueryError(.unknownNode(id, suggestions: graph.suggestions(for: id)), at: entry.value.location)
                    }
                }
                if let name = node.variable { try declare(name, as: .node, in: &scope) }
                guard i < path.relationships.count else { continue }
                let r = path.relationships[i]
                for name in r.relations {
                    do { _ = try graph.checkedRelation(name.text) } catch { throw QueryError(error.reason, at: name.location) }
                }
                for entry in r.properties {
                    if !graph.edgeAttributeNames.contains(entry.key.text) {
                        throw QueryError(graph.unknownProperty(entry.key.text, on: .edge), at: entry.key.location)
                    }
                    try expression(entry.value, scope, aggregates: false)
                }
                if let name = r.variable {
                    guard relationships.insert(name.text).inserted else {
                        throw QueryError(.syntax("relationship variable '\(name.text)' is already bound; each relationship pattern needs its own variable"), at: name.location)
                    }
                    try declare(name, as: .relationship, in: &scope)
                }
            }
            if let name = path.variable {
                if scope[name.text] != nil {
                    throw QueryError(.syntax("'\(name.text)' is already defined; a path variable needs a new name"), at: name.location)
                }
                scope[name.text] = .path
            }
        }
    }

    private func declare(_ name: PatternName, as binding: Binding, in scope: inout [String: Binding]) throws(QueryError) {
        guard let existing = scope[name.text] else {
            scope[name.text] = binding
            return
        }
        if existing == binding || existing == .unknown { return }
        throw QueryError(.syntax("'\(name.text)' is \(Self.describe(existing)), used here as \(Self.noun(binding))"), at: name.location)
    }

    private static func describe(_ b: Binding) -> String {
        switch b {
        case .node: "a node variable"
        case .relationship: "a relationship variable"
        case .path: "a path variable"
        case .value, .unknown: "a value"
        }
    }

    private static func noun(_ b: Binding) -> String {
        switch b {
        case .node: "a node"
        case .relationship: "a relationship"
        case .path: "a path"
        case .value, .unknown: "a value"
        }
    }

    private func kinds(_ groups: [[PatternName]]) throws(QueryError) {
        for group in groups {
            for name in group {
                do { _ = try graph.checkedKind(name.text) } catch { throw QueryError(error.reason, at: name.location) }
            }
        }
    }

    /// Checks the kinds of a label test. The last alternative being a variable, not a kind, is
    /// the comprehension's `|` read as one (`[i IN l WHERE i:framework | i]`): that error says so.
    private func labelTestKinds(_ groups: [[PatternName]], of operand: PatternExpression, _ scope: [String: Binding]) throws(QueryError) {
        for (g, group) in groups.enumerated() {
            for (i, name) in group.enumerated() {
                do { _ = try graph.checkedKind(name.text) } catch {
                    guard g == groups.count - 1, i == group.count - 1, i > 0, scope[name.text] != nil else {
                        throw QueryError(error.reason, at: name.location)
                    }
                    let kept = groups.dropLast() + [Array(group.dropLast())]
                    let test = operand.text + kept.map { ":" + $0.map(\.text).joined(separator: "|") }.joined()
                    throw QueryError(.syntax("unknown kind '\(name.text)'; '\(name.text)' is a variable: to give the comprehension "
                                             + "a value after '|', write the label test in parentheses: (\(test))"), at: name.location)
                }
            }
        }
    }

    /// What an expression evaluates to, as far as its form tells.
    private func binding(of e: PatternExpression) -> Binding {
        switch e.form {
        case .variable(let name): return scope[name] ?? .unknown
        case .null, .parameter: return .unknown
        case .bool, .integer, .float, .string, .list, .map, .comprehension, .patternComprehension, .mapProjection, .quantifier, .pattern, .exists,
             .not, .isNull, .hasKinds, .countStar:
            return .value
        case .call(let name, _, _):
            switch name.text.lowercased() {
            case "startnode", "endnode": return .node
            case "count", "collect", "size", "length", "keys", "labels", "type", "range", "nodes", "relationships": return .value
            default: return .unknown
            }
        default: return .unknown
        }
    }

    /// Checks the variables, kinds and aggregates of an expression in `scope`.
    private func expression(_ e: PatternExpression, _ scope: [String: Binding], aggregates: Bool) throws(QueryError) {
        switch e.form {
        case .variable(let name):
            guard scope[name] != nil else {
                let close = Suggestions.closest(to: name, among: scope.keys)
                let hint = close.isEmpty ? "" : "; did you mean " + close.map { "'\($0)'" }.joined(separator: ", ") + "?"
                throw QueryError(.syntax("variable '\(name)' is not defined\(hint)"), at: e.location)
            }
            return
        case .call(let name, _, let arguments) where AggregateFunction.named(name.text) != nil:
            guard aggregates else {
                throw QueryError(.syntax("aggregates such as '\(e.text)' are not allowed in WHERE or in a pattern; use them in RETURN"), at: e.location)
            }
            for a in arguments { try expression(a, scope, aggregates: false) }
            return
        case .countStar:
            guard aggregates else {
                throw QueryError(.syntax("aggregates such as '\(e.text)' are not allowed in WHERE or in a pattern; use them in RETURN"), at: e.location)
            }
            return
        case .hasKinds(let operand, let groups):
            try labelTestKinds(groups, of: operand, scope)
            try expression(operand, scope, aggregates: aggregates)
            return
        case .comprehension(let variable, let list, let predicate, let value):
            try expression(list, scope, aggregates: aggregates)
            var inner = scope
            inner[variable.text] = .unknown
            for x in [predicate, value].compactMap({ $0 }) { try expression(x, inner, aggregates: false) }
            return
        case .quantifier(_, let variable, let list, let predicate):
            try expression(list, scope, aggregates: aggregates)
            var inner = scope
            inner[variable.text] = .unknown
            try expression(predicate, inner, aggregates: false)
            return
        case .pattern(let path):
            var inner = scope
            try bind(MatchClause(paths: [path], predicate: nil, location: e.location), into: &inner)
            if let new = ClausePipeline.variables(of: MatchClause(paths: [path], predicate: nil, location: e.location)).first(where: { scope[$0] == nil }) {
                throw QueryError(.syntax("a pattern in an expression cannot introduce the new variable '\(new)'; use EXISTS { ... } or a pattern comprehension"), at: e.location)
            }
            return
        case .exists(let clause):
            var inner = scope
            try bind(clause, into: &inner)
            if let predicate = clause.predicate { try expression(predicate, inner, aggregates: false) }
            return
        case .patternComprehension(let path, let predicate, let value):
            var inner = scope
            try bind(MatchClause(paths: [path], predicate: nil, location: e.location), into: &inner)
            for x in [predicate, value].compactMap({ $0 }) { try expression(x, inner, aggregates: false) }
            return
        default:
            for child in e.form.children { try expression(child, scope, aggregates: aggregates) }
        }
    }
}

extension ClauseBinder {
    /// The id a pattern's `{id: ...}` names before any row is read: a string literal, or a
    /// parameter whose value is a string (a misspelt `--param` is the same mistake as a
    /// misspelt literal, and gets the same error and suggestions).
    static func writtenID(_ e: PatternExpression, _ parameters: [String: QueryValue]) -> String? {
        switch e.form {
        case .string(let id): return id
        case .parameter(let name):
            if case .string(let id)? = parameters[name] { return id }
            return nil
        default: return nil
        }
    }

    /// As the pattern engine does for `WHERE n.id = 'x'`: an id that a top-level conjunct of
    /// MATCH's WHERE requires, and the graph lacks, is an error with suggestions.
    func checkIDs(_ predicate: PatternExpression) throws(QueryError) {
        guard case .binary(let op, let l, let r) = predicate.form else { return }
        if op == .and {
            try checkIDs(l)
            try checkIDs(r)
            return
        }
        guard op == .equal else { return }
        for (property, value) in [(l, r), (r, l)] {
            guard case .property(let base, let key) = property.form, key.text == Column.id, case .variable = base.form,
                  let id = Self.writtenID(value, parameters), graph.index[NodeID(id)] == nil else { continue }
            throw QueryError(.unknownNode(id, suggestions: graph.suggestions(for: id)), at: value.location)
        }
    }
}
