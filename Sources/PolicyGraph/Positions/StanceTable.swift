/// The actor × target table of stances an analyst hands a reader: one row per actor, one column
/// per target, each cell the actor's stance s(t) with the edges behind it.
public struct StanceTable: Sendable, Hashable {
    /// The rows, in display order.
    public let actors: [NodeID]
    /// The columns, in display order.
    public let targets: [NodeID]
    /// `cells[row][column]`: the stance of `actors[row]` on `targets[column]`, `nil` when it
    /// has no stance edge to it. A stance whose edges cancel has value 0 and its evidence.
    public let cells: [[Stance?]]

    /// A table as given; `cells` is actors × targets.
    public init(actors: [NodeID], targets: [NodeID], cells: [[Stance?]]) {
        self.actors = actors
        self.targets = targets
        self.cells = cells
    }

    /// s(t) per cell, `nil` where there is no stance: the same value `overlap` uses.
    public var values: [[Double?]] { cells.map { row in row.map { $0?.value } } }

    /// How many stances each row holds.
    public var rowCounts: [Int] { cells.map { row in row.reduce(0) { $0 + ($1 == nil ? 0 : 1) } } }

    /// How many stances each column gathers.
    public var columnCounts: [Int] {
        targets.indices.map { j in cells.reduce(0) { $0 + ($1[j] == nil ? 0 : 1) } }
    }
}

extension StanceTable {
    /// Which rows and columns a stance table shows, and in what order.
    public struct Request: Sendable, Hashable {
        /// The rows, when given (any order; each once). Otherwise every node of `actorKind`, or
        /// without a kind every node of an actor kind that holds a stance.
        public var actors: [NodeID]?
        public var actorKind: Kind?
        /// The columns, when given. Otherwise every target some row holds a stance on.
        public var targets: [NodeID]?
        public var order: StanceTable.Order
        /// Which stance edges count (inherit, target kinds, as-of, roll-up).
        public var options: PositionOptions

        public init(
            actors: [NodeID]? = nil, actorKind: Kind? = nil, targets: [NodeID]? = nil,
            order: StanceTable.Order = .similar, options: PositionOptions = PositionOptions()
        ) {
            self.actors = actors
            self.actorKind = actorKind
            self.targets = targets
            self.order = order
            self.options = options
        }
    }
}

/// The name ``StanceTable/Request`` had before it was nested.
package typealias StanceTableRequest = StanceTable.Request

extension StanceTable {
    /// How the rows and the columns of a stance table are ordered.
    public enum Order: String, Sendable, CaseIterable, Hashable {
        /// Similar rows next to each other, and similar columns: see ``StanceTable/seriated()``.
        case similar
        /// By id.
        case id
        /// By label, then id.
        case label
        /// Most stances first, then id.
        case count
    }
}

/// The name ``StanceTable/Order`` had before it was nested.
package typealias StanceTableOrder = StanceTable.Order

extension Graph {
    /// The stance table for `request`: positions as ``position(of:options:)`` computes them.
    ///
    /// - Throws: ``QueryError`` for an unknown or repeated actor or target, an unknown kind or
    ///   an invalid date.
    /// - Complexity: O(stance edges of the rows) for the cells; O(rows³ + columns³) to order
    ///   them by similarity.
    public func stanceTable(_ request: StanceTable.Request) throws(QueryError) -> StanceTable {
        let resolved = try resolved(request.options)
        var marks = MemberMarks()
        var rows: [Int32]
        if let actors = request.actors {
            rows = []
            for actor in actors { rows.append(try actorRow(actor)) }
        } else if let kind = request.actorKind {
            let kind = try checkedKind(kind.rawValue)
            rows = (0..<Int32(nodeCount)).filter { self.kind(at: $0) == kind }
        } else {
            let actorKinds = Set(schema.actorKinds)
            rows = (0..<Int32(nodeCount)).filter { actorKinds.isEmpty || actorKinds.contains(self.kind(at: $0)) }
        }
        try checkDistinct(rows)
        var positions = rows.map { position(of: $0, resolved, &marks) }
        if request.actors == nil, request.actorKind == nil { positions.removeAll { $0.stances.isEmpty } }
        var targets: [NodeID]
        if let given = request.targets {
            var columns: [Int32] = []
            for target in given { columns.append(try actorRow(target)) }
            try checkDistinct(columns)
            targets = columns.map { id(at: $0) }
        } else {
            targets = Array(Set(positions.flatMap { $0.stances.map(\.target) })).sorted()
        }
        let actors = positions.map(\.actor)
        let cells = positions.map { position in targets.map { position.stance(on: $0) } }
        let table = StanceTable(actors: actors, targets: targets, cells: cells)
        return table.ordered(by: request.order, labels: { self.node($0)?.label ?? "" })
    }

    private func checkDistinct(_ rows: [Int32]) throws(QueryError) {
        var seen: Set<Int32> = []
        for row in rows where !seen.insert(row).inserted {
            throw QueryError(.invalidArgument("'\(id(at: row))' is listed twice"))
        }
    }
}

extension Stance {
    /// The stance as a table cell: `+` full support, `−` full opposition, `0` neutral (or
    /// cancelling), and the signed value when it is not ±1 (`+0.5`, `−0.25`).
    public var symbol: String {
        if value == 1 { return "+" }
        if value == -1 { return "−" }
        if value == 0 { return "0" }
        let thousandths = Int((abs(value) * 1000).rounded())
        var fraction = String(thousandths % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (value > 0 ? "+" : "−") + "\(thousandths / 1000)" + (fraction.isEmpty ? "" : ".\(fraction)")
    }
}
