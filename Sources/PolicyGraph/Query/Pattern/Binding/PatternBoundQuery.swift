/// A query with its names checked against the graph: the MATCH clauses as node and relationship
/// slots with their constraints, WHERE as compiled conjuncts, RETURN as a ``PatternProjection``.
/// The planner and the matcher work on this, never on the text.
struct BoundQuery: Sendable {
    var nodes: [NodeSlot] = []
    var relationships: [RelationshipSlot] = []
    var predicates: [BoundPredicate] = []
    var projection: PatternProjection?
    /// Named variables, for RETURN * and for suggestions.
    var variables: [String: PatternVariable] = [:]
}

/// What a name stands for.
enum PatternVariable: Sendable, Equatable {
    case node(Int)
    /// A single-edge relationship.
    case relationship(Int)
    /// A variable-length relationship: a list of edges.
    case path(Int)
}

/// A node variable (named or anonymous) and what it must satisfy.
struct NodeSlot: Sendable {
    var name: String?
    /// Allowed kinds by index into `schema.kinds`; `nil` for any kind.
    var kinds: [Bool]?
    /// The only rows it may take (an `id` given in the pattern or compared in WHERE); `nil` for any.
    var rows: [Int32]?

    /// Whether node `row` of `graph` passes the kind and id constraints.
    @inline(__always)
    func accepts(_ row: Int32, in graph: Graph) -> Bool {
        if let kinds, !kinds[Int(graph.nodeTable.kinds[Int(row)])] { return false }
        if let rows, !rows.contains(row) { return false }
        return true
    }
}

/// A constant `key: value` of a relationship pattern, checked on every edge it binds.
struct EdgeFilter: Sendable {
    let column: Int
    let numbers: [PatternValue]?
    let value: PatternValue

    func accepts(_ edge: Int32, in graph: Graph) -> Bool {
        CompiledExpression.cell(graph.edgeTable.columns[column], row: Int(edge), numbers: numbers).equals(value) == true
    }
}

/// One relationship pattern: an edge (or a path of edges) from node slot `from` to `to`.
struct RelationshipSlot: Sendable {
    var name: String?
    /// Allowed relations by index into `schema.relations`, sorted; `nil` for any relation.
    var relations: [Int]?
    /// Relations as a mask by index, `nil` for any.
    var relationMask: [Bool]?
    /// Node slots, oriented so that a directed edge goes `from` → `to`.
    var from: Int
    var to: Int
    var directed: Bool
    /// Whether `from` is the node written on the left (false for `<-[]-`): a path's edges are
    /// listed from the left node.
    var fromIsLeft: Bool
    /// `nil` for a single edge.
    var length: LengthRange?
    var filters: [EdgeFilter] = []
    /// The MATCH clause it belongs to: edges are unique within a clause.
    var clause: Int

    var isPath: Bool { length != nil }

    /// Whether edges bound to `self` and to `other` could be the same edge, so that relationship
    /// isomorphism has to be checked between them.
    func mayShareEdges(with other: RelationshipSlot) -> Bool {
        guard clause == other.clause else { return false }
        guard let a = relations, let b = other.relations else { return true }
        return !Set(a).isDisjoint(with: b)
    }

    /// Whether edge `e` has an allowed relation and passes the filters.
    @inline(__always)
    func accepts(_ e: Int32, in graph: Graph) -> Bool {
        if let relationMask, !relationMask[Int(graph.edgeTable.relations[Int(e)])] { return false }
        for f in filters where !f.accepts(e, in: graph) { return false }
        return true
    }
}

/// One WHERE conjunct (or a property of a pattern), with the variables it needs bound.
struct BoundPredicate: Sendable {
    let expression: CompiledExpression
    let nodes: Set<Int>
    let relationships: Set<Int>
    /// The condition as written (EXPLAIN shows it where it is checked).
    var text = ""
    /// `a <> b` between two node slots: counting can subtract those pairs instead of checking each.
    var differ: (Int, Int)? {
        if case .nodesDiffer(let a, let b) = expression { return (a, b) }
        return nil
    }
}

/// A compiled RETURN clause.
struct PatternProjection: Sendable {
    var columns: [String]
    /// One expression per column; in an aggregating query, `.aggregate(i)` stands for `aggregates[i]`.
    var items: [CompiledExpression]
    var types: [StaticType]
    var aggregates: [AggregateSpec]
    /// Whether each item holds an aggregate.
    var itemAggregates: [Bool]
    var distinct: Bool
    /// Sort keys: over the frame and `.column(i)` (plain queries) or over columns only.
    var order: [(expression: CompiledExpression, descending: Bool)]
    var skip: Int
    var limit: Int?
    /// Node and relationship slots the projection reads (matching may not factor them out).
    var nodes: Set<Int>
    var relationships: Set<Int>

    var isAggregating: Bool { !aggregates.isEmpty }
}

/// One aggregate call: `count(*)` has no function and no argument.
struct AggregateSpec: Sendable {
    let function: AggregateFunction?
    let distinct: Bool
    let argument: CompiledExpression?
    let location: QueryLocation
}

/// What an expression is known to produce before it runs: enough to check property names.
enum StaticType: Sendable, Equatable {
    case node, edge, path, boolean, null, other
}
