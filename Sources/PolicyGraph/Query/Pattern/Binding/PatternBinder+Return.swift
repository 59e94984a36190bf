/// RETURN: columns, aggregates and grouping, and ORDER BY resolved against the returned columns.
extension PatternBinder {
    mutating func bindReturn(_ clause: ReturnClause) throws(QueryError) {
        var items = clause.items
        if clause.star {
            let named = bound.variables.keys.sorted()
            guard !named.isEmpty else {
                throw QueryError(.syntax("RETURN * needs at least one named variable in MATCH"), at: clause.location)
            }
            let starItems = named.map { name in
                ReturnItem(expression: PatternExpression(form: .variable(name), location: clause.location, text: name), alias: nil)
            }
            items = starItems + items
        }
        var compiler = ExpressionCompiler(graph: graph, variables: bound.variables, context: .returnItem)
        var compiled: [CompiledExpression] = []
        var types: [StaticType] = []
        var itemAggregates: [Bool] = []
        var outside: [Set<String>] = []
        var columns: [String] = []
        for item in items {
            if columns.contains(item.column) {
                throw QueryError(.syntax("two columns are named '\(item.column)'; rename one with AS"), at: item.alias?.location ?? item.expression.location)
            }
            columns.append(item.column)
            let before = compiler.aggregates.count
            compiler.variablesOutsideAggregates = []
            let (c, type) = try compiler.compile(item.expression)
            compiled.append(c)
            types.append(type)
            itemAggregates.append(compiler.aggregates.count > before)
            outside.append(compiler.variablesOutsideAggregates)
        }
        // Cypher groups by the items without aggregates; an aggregate item may read only those.
        if itemAggregates.contains(true) {
            var grouping: Set<String> = []
            for (i, item) in items.enumerated() where !itemAggregates[i] {
                if case .variable(let name) = item.expression.form { grouping.insert(name) }
            }
            for (i, item) in items.enumerated() where itemAggregates[i] {
                if let name = outside[i].subtracting(grouping).sorted().first {
                    throw QueryError(.syntax("'\(name)' is read outside the aggregate in '\(item.expression.text)'; return '\(name)' as a column of its own to group by it"),
                                     at: item.expression.location)
                }
            }
        }
        let aggregating = itemAggregates.contains(true)
        var orderCompiler = ExpressionCompiler(graph: graph, variables: bound.variables, context: .orderBy)
        for (i, item) in items.enumerated() {
            orderCompiler.columnNames[item.column] = (i, types[i])
            if case .variable = item.expression.form { continue }
            if case .list = item.expression.form { continue }
            orderCompiler.columnExpressions[item.expression.canonical] = (i, types[i])
        }
        orderCompiler.variablesAllowed = !aggregating && !clause.distinct
        var order: [(expression: CompiledExpression, descending: Bool)] = []
        for sort in clause.order {
            order.append((try orderCompiler.compile(sort.expression).0, sort.descending))
        }
        bound.projection = PatternProjection(
            columns: columns, items: compiled, types: types, aggregates: compiler.aggregates, itemAggregates: itemAggregates,
            distinct: clause.distinct, order: order, skip: clause.skip ?? 0, limit: clause.limit,
            nodes: compiler.usedNodes.union(orderCompiler.usedNodes),
            relationships: compiler.usedRelationships.union(orderCompiler.usedRelationships))
    }
}
