/// Where the clause pipeline's MATCH starts a path: at the end with fewer candidates. A path
/// written `(o:official)-[:leads]->(a)` after `a` is bound (an OPTIONAL MATCH, a second MATCH,
/// a pattern in WHERE) is walked from `a` backwards, instead of from every official; and a
/// node whose id the WHERE names (`a.id = 'x'`, `a.id IN [...]`) starts from those ids instead
/// of its whole kind. The WHERE is still checked on every match, so the ids only narrow the
/// start; the answer is the same as the search from the first node, which the brute-force
/// tests compare.
extension ClauseContext {
    /// A path as the search walks it: as written, or end to start.
    struct WalkedPath {
        let pattern: PathPattern
        /// Walked from its last node: a path value and a variable-length relationship's list
        /// are turned back to the written order before they are bound.
        let reversed: Bool
    }

    /// The nodes that a clause's WHERE allows for each of its variables by id alone, for the
    /// variables `row` does not bind: from `v.id = 'x'` and `v.id IN [...]` conjuncts whose
    /// other side reads no variable. Absent: no such conjunct (or one this cannot read).
    mutating func idSeeds(_ clause: MatchClause, _ row: ClauseRow) -> [String: [Int32]] {
        guard let predicate = clause.predicate else { return [:] }
        var seeds: [String: [Int32]] = [:]
        for conjunct in Self.conjuncts(predicate) {
            guard case .binary(let op, let left, let right) = conjunct.form, op == .equal || op == .in else { continue }
            var sides = [(left, right)]
            if op == .equal { sides.append((right, left)) }
            for (idSide, valueSide) in sides {
                guard case .property(let subject, let key) = idSide.form, key.text == Column.id,
                      case .variable(let name) = subject.form, row[name] == nil,
                      Self.isConstant(valueSide) else { continue }
                // Evaluated ahead of any match: a value that fails (`1/0`) seeds nothing, and
                // the WHERE reports it where a match reaches it, as before.
                guard let evaluated = try? value(valueSide, row) else { continue }
                var ids: [String] = []
                switch (op, evaluated) {
                case (.equal, .string(let id)): ids = [id]
                case (.in, .list(let items)):
                    var all = true
                    for item in items {
                        if case .string(let id) = item { ids.append(id) } else { all = false }
                    }
                    // A number or null in the list: leave the start to the kind (no shortcut).
                    guard all else { continue }
                default: continue
                }
                let rows = Array(Set(ids.compactMap { graph.index[NodeID($0)] })).sorted()
                if let known = seeds[name], known.count <= rows.count { continue }
                seeds[name] = rows
            }
        }
        return seeds
    }

    /// Path `index` of `clause`, turned to start at its last node when that node has fewer
    /// candidates than the first. Not turned when a property map reads a variable the row
    /// does not bind (it may be bound by the path itself, so the order matters) or names a
    /// kind the graph lacks (the error stays where the search as written meets it).
    func walked(_ clause: MatchClause, _ index: Int, _ row: ClauseRow, seeds: [String: [Int32]]) -> WalkedPath {
        let path = clause.paths[index]
        guard let first = path.nodes.first, let last = path.nodes.last, path.nodes.count > 1 else {
            return WalkedPath(pattern: path, reversed: false)
        }
        for node in path.nodes {
            for entry in node.properties where !Self.reads(entry.value, onlyFrom: row) { return WalkedPath(pattern: path, reversed: false) }
            for group in node.kinds {
                for name in group where (try? graph.checkedKind(name.text)) == nil { return WalkedPath(pattern: path, reversed: false) }
            }
        }
        for relationship in path.relationships {
            for entry in relationship.properties where !Self.reads(entry.value, onlyFrom: row) { return WalkedPath(pattern: path, reversed: false) }
        }
        guard estimate(last, row, seeds) < estimate(first, row, seeds) else { return WalkedPath(pattern: path, reversed: false) }
        var turned = path
        turned.nodes.reverse()
        turned.relationships = path.relationships.reversed().map { relationship in
            var r = relationship
            switch r.direction {
            case .right: r.direction = .left
            case .left: r.direction = .right
            case .either: break
            }
            return r
        }
        return WalkedPath(pattern: turned, reversed: true)
    }

    /// About how many nodes a search starting at `node` tries first.
    private func estimate(_ node: NodePattern, _ row: ClauseRow, _ seeds: [String: [Int32]]) -> Int {
        if let name = node.variable?.text {
            if row[name] != nil { return 1 }
            if let rows = seeds[name] { return rows.count }
        }
        if node.properties.contains(where: { $0.key.text == Column.id }) { return 1 }
        if let group = node.kinds.first {
            var count = 0
            for name in group {
                if let kind = try? graph.checkedKind(name.text), let k = graph.schema.kindIndex[kind] { count += graph.byKind.members(k).count }
            }
            return count
        }
        return graph.nodeCount
    }

    /// The parts of an AND chain.
    private static func conjuncts(_ e: PatternExpression) -> [PatternExpression] {
        if case .binary(.and, let l, let r) = e.form { return conjuncts(l) + conjuncts(r) }
        return [e]
    }

    /// Whether `e` reads no variable at all (literals, parameters and what is made of them).
    private static func isConstant(_ e: PatternExpression) -> Bool {
        reads(e, onlyFrom: [:])
    }

    /// Whether every variable `e` reads is bound in `row`; patterns, subqueries and the forms
    /// that bind variables of their own count as reading what the row may not have.
    private static func reads(_ e: PatternExpression, onlyFrom row: ClauseRow) -> Bool {
        switch e.form {
        case .variable(let name): return row[name] != nil
        case .pattern, .exists, .patternComprehension, .comprehension, .quantifier, .countStar: return false
        default: return e.form.children.allSatisfy { reads($0, onlyFrom: row) }
        }
    }
}
