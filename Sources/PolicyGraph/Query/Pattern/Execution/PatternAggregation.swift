/// The running value of one aggregate in one group. Weights count repeated matches (counted
/// leaves) without enumerating them: `count(*)` adds the weight, `collect` appends that many
/// copies, DISTINCT variants ignore it.
struct AggregateState {
    var count = 0
    var distinct: Set<PatternValue> = []
    var values: [PatternValue] = []
    var integerSum = 0
    var doubleSum = 0.0
    var sawDouble = false
    var best: PatternValue?

    mutating func add(_ spec: AggregateSpec, _ value: PatternValue, weight: Int, order: PatternOrder) throws(QueryError) {
        guard let function = spec.function else {
            try addCount(weight, spec)
            return
        }
        if value.isNull { return }
        if spec.distinct {
            if distinct.insert(value).inserted, function == .collect { values.append(value) }
            if function == .sum || function == .avg, value.number == nil { throw Self.notNumber(spec, value) }
            return
        }
        switch function {
        case .count: try addCount(weight, spec)
        case .collect: for _ in 0..<weight { values.append(value) }
        case .sum, .avg:
            switch value {
            case .int(let n):
                let (product, o1) = n.multipliedReportingOverflow(by: weight)
                let (sum, o2) = integerSum.addingReportingOverflow(product)
                if o1 || o2 { throw QueryError(.invalidArgument("integer overflow in \(function.rawValue)()"), at: spec.location) }
                integerSum = sum
                doubleSum += Double(n) * Double(weight)
            case .double(let d):
                sawDouble = true
                doubleSum += d * Double(weight)
            default: throw Self.notNumber(spec, value)
            }
            try addCount(weight, spec)
        case .min, .max:
            if let current = best {
                let c = order.compare(value, current)
                if function == .min ? c < 0 : c > 0 { best = value }
            } else {
                best = value
            }
        }
    }

    private mutating func addCount(_ weight: Int, _ spec: AggregateSpec) throws(QueryError) {
        let (sum, overflow) = count.addingReportingOverflow(weight)
        if overflow { throw QueryError(.invalidArgument("the count overflows a 64-bit integer"), at: spec.location) }
        count = sum
    }

    private static func notNumber(_ spec: AggregateSpec, _ value: PatternValue) -> QueryError {
        QueryError(.invalidArgument("\(spec.function?.rawValue ?? "sum")() needs numbers"), at: spec.location)
    }

    func result(_ spec: AggregateSpec, order: PatternOrder) throws(QueryError) -> PatternValue {
        guard let function = spec.function else { return .int(count) }
        if spec.distinct {
            let items = function == .collect ? values : Array(distinct)
            switch function {
            case .count: return .int(distinct.count)
            case .collect: return .list(items)
            case .sum, .avg:
                if items.isEmpty { return function == .sum ? .int(0) : .null }
                let total = items.reduce(0.0) { $0 + ($1.number ?? 0) }
                if function == .avg { return .double(total / Double(items.count)) }
                if items.allSatisfy({ if case .int = $0 { return true } else { return false } }) {
                    // Checked like the sum without DISTINCT: an overflow is an error, not a wrap.
                    var sum = 0
                    for case .int(let n) in items {
                        let (next, overflow) = sum.addingReportingOverflow(n)
                        if overflow { throw QueryError(.invalidArgument("integer overflow in \(function.rawValue)()"), at: spec.location) }
                        sum = next
                    }
                    return .int(sum)
                }
                return .double(total)
            case .min, .max:
                return items.min { a, b in
                    let c = order.compare(a, b)
                    return function == .min ? c < 0 : c > 0
                } ?? .null
            }
        }
        switch function {
        case .count: return .int(count)
        case .collect: return .list(values)
        case .sum: return sawDouble ? .double(doubleSum) : .int(integerSum)
        case .avg: return count == 0 ? .null : .double(doubleSum / Double(count))
        case .min, .max: return best ?? .null
        }
    }
}

/// Groups matches by the RETURN items without aggregates and folds the aggregates, streaming:
/// nothing is kept per match. Grouping by one node variable (`RETURN c, count(*)`) finds the
/// group by node row (the last one met, else a ``RowCounts``) instead of hashing values, and
/// when every aggregate is `count(*)` a group is one integer to add the weight to.
struct GroupAggregator: MatchSink {
    let graph: Graph
    let projection: PatternProjection
    let keyItems: [Int]
    let order: PatternOrder
    /// Whether aggregate items read grouping variables, so a group keeps its first bindings.
    let keepsBindings: Bool
    /// Whether every aggregate is `count(*)`: then `counts` stands for `states`.
    let countsOnly: Bool
    private var groupOfKey: [[PatternValue]: Int] = [:]
    /// For a single node key: group index + 1 per node row; and the last row met with its group.
    private var groupOfNode: RowCounts<Int32>
    private var lastRow: Int32 = -1
    private var lastGroup = 0
    private let nodeKeySlot: Int?
    private(set) var keys: [[PatternValue]] = []
    private var states: [[AggregateState]] = []
    private var counts: [Int] = []
    private var bindings: [(nodes: [Int32], edges: [Int32], paths: [[Int32]])] = []
    /// The row budget: a group is a row of the result, counted when it is first met.
    private let maxGroups: Int

    init(graph: Graph, projection: PatternProjection, maxGroups: Int? = nil) {
        self.graph = graph
        self.projection = projection
        self.maxGroups = maxGroups.map { max(0, $0) } ?? Int.max
        keyItems = projection.items.indices.filter { !projection.itemAggregates[$0] }
        order = PatternOrder(graph: graph)
        keepsBindings = projection.items.indices.contains { i in
            guard projection.itemAggregates[i] else { return false }
            if case .aggregate = projection.items[i] { return false }
            return true
        }
        countsOnly = projection.aggregates.allSatisfy { $0.function == nil && !$0.distinct }
        if keyItems.count == 1, case .node(let slot) = projection.items[keyItems[0]] {
            nodeKeySlot = slot
            groupOfNode = RowCounts(rowCount: graph.nodeCount)
        } else {
            nodeKeySlot = nil
            groupOfNode = RowCounts()
        }
        if keyItems.isEmpty { addGroup([], nil) }
    }

    private mutating func addGroup(_ key: [PatternValue], _ frame: MatchFrame?) {
        keys.append(key)
        if countsOnly {
            counts.append(0)
        } else {
            states.append([AggregateState](repeating: AggregateState(), count: projection.aggregates.count))
        }
        if keepsBindings, let frame { bindings.append((frame.nodes, frame.edges, frame.paths)) }
    }

    mutating func accept(_ frame: inout MatchFrame, weight: Int) throws(QueryError) {
        var group = 0
        if let slot = nodeKeySlot {
            let row = frame.nodes[slot]
            if row == lastRow {
                group = lastGroup
            } else {
                group = groupOfNode.value(row) - 1
                if group < 0 {
                    group = keys.count
                    groupOfNode.add(row, Int32(truncatingIfNeeded: group + 1))
                    addGroup([.node(row)], frame)
                    if keys.count > maxGroups { throw QueryError(.rowLimit(rows: maxGroups)) }
                }
                lastRow = row
                lastGroup = group
            }
        } else if !keyItems.isEmpty {
            var key: [PatternValue] = []
            key.reserveCapacity(keyItems.count)
            for i in keyItems { key.append(try projection.items[i].value(in: frame, graph: graph)) }
            if let g = groupOfKey[key] {
                group = g
            } else {
                group = keys.count
                groupOfKey[key] = group
                addGroup(key, frame)
                if keys.count > maxGroups { throw QueryError(.rowLimit(rows: maxGroups)) }
            }
        }
        if countsOnly {
            let (sum, overflow) = counts[group].addingReportingOverflow(weight)
            if overflow, let spec = projection.aggregates.first {
                throw QueryError(.invalidArgument("the count overflows a 64-bit integer"), at: spec.location)
            }
            counts[group] = sum
            return
        }
        for (j, spec) in projection.aggregates.enumerated() {
            let value = try spec.argument?.value(in: frame, graph: graph) ?? .null
            try states[group][j].add(spec, value, weight: weight, order: order)
        }
    }

    /// The finished rows, one per group, in the order groups were first met.
    func rows(_ frame: inout MatchFrame) throws(QueryError) -> [[PatternValue]] {
        var rows: [[PatternValue]] = []
        rows.reserveCapacity(keys.count)
        for (g, key) in keys.enumerated() {
            if countsOnly {
                frame.aggregates = projection.aggregates.map { _ in .int(counts[g]) }
            } else {
                var values: [PatternValue] = []
                for (i, spec) in projection.aggregates.enumerated() { values.append(try states[g][i].result(spec, order: order)) }
                frame.aggregates = values
            }
            if keepsBindings, g < bindings.count {
                frame.nodes = bindings[g].nodes
                frame.edges = bindings[g].edges
                frame.paths = bindings[g].paths
            }
            var row: [PatternValue] = []
            var k = 0
            for (i, item) in projection.items.enumerated() {
                if projection.itemAggregates[i] {
                    row.append(try item.value(in: frame, graph: graph))
                } else {
                    row.append(key[k])
                    k += 1
                }
            }
            rows.append(row)
        }
        return rows
    }
}
