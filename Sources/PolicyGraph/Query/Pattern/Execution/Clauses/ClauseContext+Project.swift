/// WITH and RETURN in the clause pipeline: items, grouping with aggregates, DISTINCT, ORDER BY,
/// SKIP and LIMIT, and WITH's WHERE.
extension ClauseContext {
    /// The projected rows of `projection` over `input`, and their column names in order.
    /// `scope` is the variables `*` stands for; `final` (RETURN) sorts rows by their columns
    /// when ORDER BY does not decide, so that output is deterministic.
    ///
    /// - Throws: ``QueryError`` from the expressions, for a repeated column name, or a SKIP or
    ///   LIMIT that is not a whole number of at least 0.
    mutating func project(_ projection: Projection, _ input: [ClauseRow], scope: [String], final: Bool) throws(QueryError) -> (columns: [String], rows: [ClauseRow]) {
        let items = try Self.items(of: projection, scope: scope)
        let (aggregateCalls, isAggregate) = try Self.aggregates(of: projection, items: items)

        var rows: [ClauseRow] = []
        /// The row each projected row comes from (a group's first row): WITH's WHERE reads both.
        var sources: [ClauseRow] = []
        var keys: [[PatternValue]] = []
        if !isAggregate.contains(true) && aggregateCalls.isEmpty {
            for row in input {
                var out: ClauseRow = [:]
                var columns: [String: PatternValue] = [:]
                for item in items {
                    let v = try value(item.expression, row)
                    out[item.name] = v
                    columns[item.expression.canonical] = v
                }
                rows.append(out)
                sources.append(row)
                if !projection.order.isEmpty {
                    keys.append(try sortKey(projection.order, row: row.merging(out) { $1 }, columns: columns))
                }
            }
        } else {
            var groupIndex: [[PatternValue]: Int] = [:]
            var groups: [(key: [PatternValue], first: ClauseRow, arguments: [[PatternValue]])] = []
            for row in input {
                var key: [PatternValue] = []
                for (i, item) in items.enumerated() where !isAggregate[i] { key.append(try value(item.expression, row)) }
                let g: Int
                if let existing = groupIndex[key] {
                    g = existing
                } else {
                    g = groups.count
                    groupIndex[key] = g
                    groups.append((key, row, [[PatternValue]](repeating: [], count: aggregateCalls.count)))
                }
                for (a, call) in aggregateCalls.enumerated() {
                    if case .call(_, _, let arguments) = call.1.form {
                        groups[g].arguments[a].append(try value(arguments[0], row))
                    } else {
                        groups[g].arguments[a].append(.int(1))
                    }
                }
            }
            if groups.isEmpty && !isAggregate.contains(false) {
                groups.append(([], [:], [[PatternValue]](repeating: [], count: aggregateCalls.count)))
            }
            for group in groups {
                var finished: [String: PatternValue] = [:]
                for (a, call) in aggregateCalls.enumerated() {
                    finished[call.0] = try Self.aggregate(call.1, group.arguments[a])
                }
                aggregates = finished
                var out: ClauseRow = [:]
                var columns: [String: PatternValue] = [:]
                var k = 0
                for (i, item) in items.enumerated() {
                    let v: PatternValue
                    if isAggregate[i] {
                        v = try value(item.expression, group.first)
                    } else {
                        v = group.key[k]
                        k += 1
                    }
                    out[item.name] = v
                    columns[item.expression.canonical] = v
                }
                rows.append(out)
                sources.append(group.first)
                if !projection.order.isEmpty {
                    keys.append(try sortKey(projection.order, row: group.first.merging(out) { $1 }, columns: columns))
                }
                aggregates = [:]
            }
        }
        let names = items.map(\.name)
        var order = Array(rows.indices)
        if projection.distinct {
            var distinctRows: Set<[PatternValue]> = []
            order = order.filter { i in distinctRows.insert(names.map { rows[i][$0] ?? .null }).inserted }
        }
        let skip = try count(projection.skip, "SKIP") ?? 0
        let limit = try count(projection.limit, "LIMIT")
        let comparer = PatternOrder(graph: graph)
        let precedes = { (a: Int, b: Int) -> Bool in
            for (i, item) in projection.order.enumerated() {
                let c = comparer.compare(keys[a][i], keys[b][i])
                if c != 0 { return item.descending ? c > 0 : c < 0 }
            }
            if final {
                let c = comparer.compare(rows: names.map { rows[a][$0] ?? .null }, names.map { rows[b][$0] ?? .null })
                if c != 0 { return c < 0 }
            }
            return a < b
        }
        var page = (skip: skip, limit: limit)
        switch ProjectionOrder(projection, final: final, aggregating: isAggregate.contains(true) || !aggregateCalls.isEmpty, limit: limit) {
        case .firstRows:
            // LIMIT without ORDER BY takes the first rows as they came (the clauses before
            // stopped there); only those are put in the columns' order.
            let start = min(skip, order.count)
            order = Array(order[start..<(start + min(order.count - start, limit ?? 0))])
            order.sort(by: precedes)
            page = (0, nil)
        case .top:
            // ORDER BY ... LIMIT: the first SKIP + LIMIT of the sort, without sorting the rest.
            let (wanted, overflow) = skip.addingReportingOverflow(limit ?? 0)
            var top = TopElements(capacity: overflow ? Int.max : wanted, precedes: precedes)
            for i in order { top.offer(i) }
            order = top.sorted()
        case .sortAll:
            order.sort(by: precedes)
        case .asTheyCome:
            break
        }
        let start = min(page.skip, order.count)
        let end = page.limit.map { start + min(order.count - start, $0) } ?? order.count
        var result: [ClauseRow] = []
        for i in order[start..<end] {
            if let predicate = projection.predicate, try truth(predicate, sources[i].merging(rows[i]) { $1 }) != true { continue }
            result.append(rows[i])
        }
        return (names, result)
    }

    /// A projection's items with their column names: `*` first (the variables of `scope`, by
    /// name), then the items (the alias, the variable, or the expression as written).
    /// - Throws: ``QueryError`` for `*` with nothing to stand for, or a repeated column name.
    static func items(of projection: Projection, scope: [String]) throws(QueryError) -> [(name: String, expression: PatternExpression)] {
        var items: [(name: String, expression: PatternExpression)] = []
        if projection.star {
            for name in scope.sorted() {
                items.append((name, PatternExpression(form: .variable(name), location: projection.location, text: name)))
            }
            if scope.isEmpty && projection.items.isEmpty {
                throw QueryError(.syntax("'*' has no variables to stand for here"), at: projection.location)
            }
        }
        for item in projection.items {
            let name = item.alias?.text ?? (Self.variableName(item.expression) ?? item.column)
            items.append((name, item.expression))
        }
        var seen: Set<String> = []
        for (name, expression) in items where !seen.insert(name).inserted {
            throw QueryError(.syntax("the column name '\(name)' appears twice; give one of them another name with AS"), at: expression.location)
        }
        return items
    }

    /// The aggregate calls of a projection's items and ORDER BY (by canonical text), and which
    /// items hold one.
    /// - Throws: ``QueryError`` for an aggregate inside another, or one with a wrong argument count.
    static func aggregates(of projection: Projection, items: [(name: String, expression: PatternExpression)]) throws(QueryError)
        -> (calls: [(String, PatternExpression)], isAggregate: [Bool]) {
        var calls: [(String, PatternExpression)] = []
        var isAggregate: [Bool] = []
        for item in items {
            // An item is an aggregate when it holds one, even one an earlier item holds too.
            var own: [(String, PatternExpression)] = []
            try collectAggregates(item.expression, into: &own, inside: false)
            for call in own where !calls.contains(where: { $0.0 == call.0 }) { calls.append(call) }
            isAggregate.append(!own.isEmpty)
        }
        for order in projection.order { try collectAggregates(order.expression, into: &calls, inside: false) }
        return (calls, isAggregate)
    }

    private mutating func sortKey(_ order: [SortItem], row: ClauseRow, columns: [String: PatternValue]) throws(QueryError) -> [PatternValue] {
        projected = columns
        defer { projected = [:] }
        var key: [PatternValue] = []
        for item in order { key.append(try value(item.expression, row)) }
        return key
    }

    /// SKIP's or LIMIT's value: a whole number of at least 0, read without any row.
    mutating func count(_ e: PatternExpression?, _ keyword: String) throws(QueryError) -> Int? {
        guard let e else { return nil }
        guard case .int(let n) = try value(e, [:]), n >= 0 else {
            throw QueryError(.syntax("\(keyword) takes a whole number of at least 0"), at: e.location)
        }
        return n
    }

    static func variableName(_ e: PatternExpression) -> String? {
        if case .variable(let name) = e.form { return name }
        return nil
    }

    /// The aggregate calls in `e` (not inside another aggregate), by canonical text.
    static func collectAggregates(_ e: PatternExpression, into calls: inout [(String, PatternExpression)], inside: Bool) throws(QueryError) {
        var isAggregate = false
        if case .countStar = e.form { isAggregate = true }
        if case .call(let name, _, let arguments) = e.form, let f = AggregateFunction.named(name.text) {
            guard arguments.count == 1 else {
                throw QueryError(.syntax("\(name.text)() takes one argument\(f == .count ? " (or *)" : "")"), at: name.location)
            }
            isAggregate = true
        }
        if isAggregate {
            if inside { throw QueryError(.syntax("an aggregate cannot contain another aggregate"), at: e.location) }
            if !calls.contains(where: { $0.0 == e.canonical }) { calls.append((e.canonical, e)) }
            for child in e.form.children { try collectAggregates(child, into: &calls, inside: true) }
            return
        }
        switch e.form {
        case .patternComprehension, .exists, .pattern: return
        case .comprehension(_, let list, _, _), .quantifier(_, _, let list, _): try collectAggregates(list, into: &calls, inside: inside)
        default: for child in e.form.children { try collectAggregates(child, into: &calls, inside: inside) }
        }
    }

    /// One aggregate over a group's argument values (nulls skipped, DISTINCT applied).
    static func aggregate(_ call: PatternExpression, _ values: [PatternValue]) throws(QueryError) -> PatternValue {
        guard case .call(let name, let distinct, _) = call.form, let f = AggregateFunction.named(name.text) else {
            return .int(values.count)
        }
        var items = values.filter { !$0.isNull }
        if distinct {
            var seen: Set<PatternValue> = []
            items = items.filter { seen.insert($0).inserted }
        }
        switch f {
        case .count: return .int(items.count)
        case .collect: return .list(items)
        case .sum, .avg:
            var intSum = 0, doubleSum = 0.0, allInts = true
            for v in items {
                switch v {
                case .int(let n):
                    let (s, overflow) = intSum.addingReportingOverflow(n)
                    guard !overflow else { throw QueryError(.invalidArgument("integer overflow"), at: call.location) }
                    intSum = s
                    doubleSum += Double(n)
                case .double(let d):
                    allInts = false
                    doubleSum += d
                default:
                    throw QueryError(.invalidArgument("\(f.rawValue)() needs numbers"), at: call.location)
                }
            }
            if f == .avg { return items.isEmpty ? .null : .double(doubleSum / Double(items.count)) }
            return allInts ? .int(intSum) : .double(doubleSum)
        case .min, .max:
            guard var best = items.first else { return .null }
            for v in items.dropFirst() {
                let c = Self.orderForExtremes(v, best)
                if f == .min ? c < 0 : c > 0 { best = v }
            }
            return best
        }
    }

    /// min/max order: numbers by value, then strings, booleans, lists (Cypher's orderability).
    private static func orderForExtremes(_ a: PatternValue, _ b: PatternValue) -> Int {
        if let c = a.compare(b) { return c }
        func rank(_ v: PatternValue) -> Int {
            switch v {
            case .list: 0
            case .string: 1
            case .bool: 2
            case .int, .double: 3
            default: -1
            }
        }
        return rank(a) < rank(b) ? -1 : (rank(a) == rank(b) ? 0 : 1)
    }
}
