/// A path pattern's kind and relation names as the graph's indices, and the nodes its constant
/// `{id: ...}` entries name: resolved the first time a query searches the clause
/// (``ClauseContext/matches(_:from:limit:holding:)``) and kept for its other input rows, so
/// that the search compares integers at each node and edge it tries, not names. A name the
/// graph lacks keeps its error, thrown where the search meets the name, as it was before.
struct ResolvedPath {
    /// One per node pattern, in the written order.
    let nodes: [ResolvedNode]
    /// One per relationship pattern, in the written order.
    let relations: [RelationFilter]

    /// Where the first path of `clause` starts in the query, as a key for its paths resolved:
    /// a path is parsed once, so a place in the query's text names the paths of one clause
    /// (or the one path of a pattern in an expression). Resolving reads nothing else.
    static func key(of clause: MatchClause) -> Int? {
        guard let location = clause.paths.first?.nodes.first?.location else { return nil }
        return location.line << 32 | location.column
    }

    /// The node of hop position `i` of the path as walked (turned when walked end to start).
    func node(_ i: Int, reversed: Bool) -> ResolvedNode { nodes[reversed ? nodes.count - 1 - i : i] }

    /// The relations of hop `hop` of the path as walked.
    func relations(_ hop: Int, reversed: Bool) -> RelationFilter { relations[reversed ? relations.count - 1 - hop : hop] }
}

/// A node pattern's kinds and `{id: ...}` entry, resolved.
struct ResolvedNode {
    /// Each label group: the kinds any of which the node must have, or the error of the group's
    /// first name the graph lacks (thrown when a node is checked against the group).
    let kinds: [Result<[UInt16], QueryError>]
    /// The entry of `properties` that is `id`, when its value is a string literal or a given
    /// parameter: the node it names (`nil`: no node has that id, or the value is not a string).
    /// `nil` here: no such entry, and each entry is evaluated at each node as written.
    let fixedID: (entry: Int, node: Int32?)?

    /// Whether node `n`'s kind passes the groups.
    /// - Throws: the error of the first group, in order, that names a kind the graph lacks and
    ///   is reached (the groups before it passed).
    func kindsAdmit(_ n: Int32, in graph: Graph) throws(QueryError) -> Bool {
        guard !kinds.isEmpty else { return true }
        let kind = graph.nodeTable.kinds[Int(n)]
        for group in kinds {
            switch group {
            case .success(let allowed): if !allowed.contains(kind) { return false }
            case .failure(let error): throw error
            }
        }
        return true
    }
}

/// The relations a relationship pattern may follow, as indices into the schema's relations.
enum RelationFilter {
    /// No relation named: every edge.
    case any
    /// One relation: the run of a node's slots that holds it.
    case one(UInt16)
    /// Several: a mask over the schema's relations.
    case some([Bool])
    /// A name the graph lacks, with its error (the first such name as written).
    case unknown(QueryError)

    /// Whether an edge of relation `r` passes (not asked of ``unknown(_:)``).
    @inline(__always)
    func admits(_ r: UInt16) -> Bool {
        switch self {
        case .any: return true
        case .one(let x): return r == x
        case .some(let mask): return mask[Int(r)]
        case .unknown: return false
        }
    }

    /// The relations of `pattern` in `graph`.
    init(_ pattern: RelationshipPattern, in graph: Graph) {
        guard !pattern.relations.isEmpty else {
            self = .any
            return
        }
        var indices: [UInt16] = []
        for name in pattern.relations {
            if let r = graph.schema.relationIndex[Relation(name.text)] {
                indices.append(UInt16(truncatingIfNeeded: r))
                continue
            }
            // Not in the schema: the error (with suggestions) that checking the name gives.
            do { _ = try graph.checkedRelation(name.text) } catch {
                self = .unknown(QueryError(error.reason, at: name.location))
                return
            }
        }
        if let first = indices.first, indices.allSatisfy({ $0 == first }) {
            self = .one(first)
        } else {
            var mask = [Bool](repeating: false, count: graph.schema.relations.count)
            for r in indices { mask[Int(r)] = true }
            self = .some(mask)
        }
    }
}

extension ResolvedNode {
    /// The kinds of `pattern` in `graph`, and its id entry when ``constant(_:_:)`` gives its value.
    init(_ pattern: NodePattern, in graph: Graph, parameters: [String: PatternValue]) {
        var kinds: [Result<[UInt16], QueryError>] = []
        for group in pattern.kinds { kinds.append(Self.kinds(group, in: graph)) }
        self.kinds = kinds
        var fixed: (entry: Int, node: Int32?)?
        if let entry = pattern.properties.firstIndex(where: { $0.key.text == Column.id }),
           let v = Self.constant(pattern.properties[entry].value, parameters) {
            if case .string(let id) = v { fixed = (entry, graph.index[NodeID(id)]) } else { fixed = (entry, nil) }
        }
        fixedID = fixed
    }

    /// The value of a string literal or a given parameter, the same at every node of a search:
    /// a node's `{id: ...}` is then checked by the node it names. `nil` for any other expression
    /// (it may read the row or fail), which the search evaluates at each node as written.
    static func constant(_ e: PatternExpression, _ parameters: [String: PatternValue]) -> PatternValue? {
        switch e.form {
        case .string(let s): return .string(s)
        case .parameter(let name): return parameters[name]
        default: return nil
        }
    }

    /// A label group's kinds, or the error of its first name the graph lacks.
    static func kinds(_ group: [PatternName], in graph: Graph) -> Result<[UInt16], QueryError> {
        var out: [UInt16] = []
        for name in group {
            if let k = graph.schema.kindIndex[Kind(name.text)] {
                out.append(UInt16(truncatingIfNeeded: k))
                continue
            }
            // Not in the schema: the error (with suggestions) that checking the name gives.
            do { _ = try graph.checkedKind(name.text) } catch { return .failure(QueryError(error.reason, at: name.location)) }
        }
        return .success(out)
    }
}
