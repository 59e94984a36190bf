/// How a query will run, as the engine that runs it planned it: each clause in order, and under
/// it the steps it takes (where a pattern starts, each expansion, the leaves counted instead of
/// listed, filters, aggregation, sorting and paging).
///
/// Built from the plan objects the engine runs (the pattern planner's ``MatchPlan`` and the
/// choices the matcher and its counters make from it, or the clause pipeline's clauses and the
/// decisions its MATCH and projections take), never from a second reading of the text, so that
/// it says what will run. Rendered as text one step a line, nested steps indented:
///
/// ```
/// engine: pattern (MATCH ... RETURN planned as one join)
/// MATCH
///   scan d:delegation
///   count (d)<-[:leads]-(o:official) at each d, by the edge list
/// RETURN d, count(*)
///   ...
/// ```
public struct QueryPlan: Sendable, Hashable, CustomStringConvertible {
    /// Which engine runs a query.
    public enum Engine: String, Sendable, Hashable {
        /// `MATCH ... RETURN` alone: the MATCH clauses planned as one join, with counting fast paths.
        case pattern
        /// Every other query: clause by clause, matches enumerated row by row.
        case pipeline
        /// A query that begins `MATCH ... WITH`: that beginning planned as one join (as if the
        /// WITH were a RETURN), the clauses after it in the pipeline.
        case patternThenPipeline
        /// A query that begins `MATCH ... OPTIONAL MATCH ... RETURN|WITH keys, count(x)`: the
        /// groups and their counts each planned as one join, joined with a count of 0 where a
        /// group has no match, the clauses after it in the pipeline.
        case patternLeftJoin
    }

    public let engine: Engine
    /// The clauses in the order they run, each with its steps.
    public let steps: [QueryPlanStep]

    public init(engine: Engine, steps: [QueryPlanStep]) {
        self.engine = engine
        self.steps = steps
    }

    /// The plan as `--explain` prints it: the engine, then one step a line, each nested step
    /// indented two spaces under the step it belongs to.
    public var description: String {
        var lines = [engine.summary]
        func add(_ step: QueryPlanStep, depth: Int) {
            lines.append(String(repeating: "  ", count: depth) + step.text)
            for child in step.steps { add(child, depth: depth + 1) }
        }
        for step in steps { add(step, depth: 0) }
        return lines.joined(separator: "\n")
    }

    /// Every step, depth first (a clause before its steps).
    public var allSteps: [QueryPlanStep] {
        var out: [QueryPlanStep] = []
        func add(_ step: QueryPlanStep) {
            out.append(step)
            step.steps.forEach(add)
        }
        steps.forEach(add)
        return out
    }
}

extension QueryPlan.Engine {
    /// The first line of the text form.
    var summary: String {
        switch self {
        case .pattern: "engine: pattern (MATCH ... RETURN planned as one join)"
        case .pipeline: "engine: clause pipeline (clause by clause, matches enumerated row by row)"
        case .patternThenPipeline: "engine: pattern for the MATCH ... WITH beginning (planned as one join), then the clause pipeline"
        case .patternLeftJoin: "engine: pattern for MATCH ... OPTIONAL MATCH ... count (the groups, and their counts, each planned as one join; joined, 0 where nothing matched)"
        }
    }
}

/// One step of a ``QueryPlan``: what it does in words, what it binds or reads, how, and the
/// steps it is made of.
public struct QueryPlanStep: Sendable, Hashable {
    /// What a step does.
    public enum Operation: String, Sendable, Hashable {
        // Clauses.
        case match, optionalMatch, unwind, with, `return`, union
        /// A pattern starts at the nodes whose ids the query names (an index lookup).
        case seek
        /// A pattern starts at every node of some kinds (``QueryPlanStep/kinds``), or at every node.
        case scan
        /// A pattern starts at the edges of its relations, binding both ends.
        case scanEdges
        /// A pattern starts at a node an earlier clause (or path) bound.
        case bound
        /// From a bound node along its edges to a new one.
        case expand
        /// An edge between two bound nodes.
        case check
        /// A node reached by one edge and read by nothing else: counted per match, not listed.
        case count
        /// Two counted leaves that could bind the same node or edge: those pairs taken off.
        case correct
        /// A self-join counted per pair of its ends instead of per path.
        case countPairs
        /// A condition, where it is checked.
        case filter
        /// Matches added up instead of handed over one by one.
        case sum
        /// A pattern inside an expression (`EXISTS { ... }`, `(a)-->(b)`, `[(a)-->(b) | ...]`),
        /// matched for each row that evaluates it.
        case subquery
        /// OPTIONAL MATCH: a row with nulls when nothing matches.
        case optional
        /// Grouping with aggregates.
        case aggregate
        case distinct
        /// The order of the rows.
        case order
        /// SKIP and LIMIT.
        case page
        /// A clause makes only as many rows as the clauses after it read.
        case stop
    }

    /// Which way an expansion or a count follows edges, from the node it starts at.
    public enum Direction: String, Sendable, Hashable {
        /// Out-edges: `(a)-[:r]->(b)` from `a`.
        case outgoing
        /// In-edges: `(a)<-[:r]-(b)` from `a`.
        case incoming
        /// Both: `(a)-[:r]-(b)`.
        case both
    }

    /// How a step does its work, where the engine chose among ways.
    public enum Method: String, Sendable, Hashable {
        /// A scan: the kinds' index of nodes.
        case kindIndex
        /// A scan: every node.
        case allNodes
        /// A scan whose text condition runs first, over the kind's labels gathered in kind
        /// order, binding only the nodes that pass.
        case textScan
        /// A seek: the id index.
        case idIndex
        /// A count: the anchor's edges read at each match.
        case scanAnchor
        /// A count: a table of counts per anchor built once from the counted node's side.
        case table
        /// A count: a table built in one pass down the relation's edge list.
        case edgeList
        /// A count: the counted node's label tests answered once per node, as bits read per edge.
        case pushedLeaf
        /// A count: its relationship's column gathered in adjacency order, the condition
        /// answered once per value.
        case edgeCondition
        /// A count: as ``edgeCondition``, before the column is gathered (the first such count
        /// of a process), each edge's value read by its row, the condition answered once per value met.
        case edgeConditionByRow
        /// A count: a table built from the counted node's side, from only the nodes that pass its label tests.
        case passingCandidates
        /// Pairs of a self-join counted per pair of ends.
        case pairCounts
        /// Sums the matches of the steps from one on, once per group.
        case weightSum
        /// The last expansion adds up its targets' counts in one go.
        case lastStepSum
        /// LIMIT without ORDER BY: matching stops once it has the rows.
        case stopsEarly
        /// ORDER BY with LIMIT: the first SKIP + LIMIT rows of the sort kept in a bounded heap.
        case boundedHeap
        /// Every row sorted.
        case sortAll
        /// Rows kept in the order they come.
        case asTheyCome
        /// A subquery stops at its first match.
        case firstMatch
        /// A subquery of one edge between two nodes the row fixes: the shorter of their runs of
        /// adjacency read for the other node.
        case edgeTest
        /// A subquery finds every match.
        case everyMatch
    }

    /// A variable-length relationship's hops: `*1..3`, `*2`, `*0..`.
    public struct Hops: Sendable, Hashable, CustomStringConvertible {
        public let min: Int
        /// `nil` for no upper bound.
        public let max: Int?

        public init(min: Int, max: Int?) {
            self.min = min
            self.max = max
        }

        /// As written after `*`: `1..3`, `2`, `0..`.
        public var description: String {
            if let max { return max == min ? "\(min)" : "\(min)..\(max)" }
            return "\(min).."
        }
    }

    public var operation: Operation
    /// The step in words, as the text form prints it.
    public var text: String
    /// The variable the step binds, seeks, counts or checks (`nil` for an anonymous node or a
    /// step that binds none).
    public var variable: String?
    /// The kinds the variable may have (empty for any).
    public var kinds: [String] = []
    /// The node the step starts from: an expansion's or a count's bound end.
    public var anchor: String?
    /// The relations an expansion, count or edge scan follows (empty for any).
    public var relations: [String] = []
    public var direction: Direction?
    /// `nil` for a single edge.
    public var hops: Hops?
    /// A seek's ids.
    public var ids: [String] = []
    public var method: Method?
    /// The steps this one is made of (a clause's steps, a filter's subqueries).
    public var steps: [QueryPlanStep] = []

    public init(_ operation: Operation, _ text: String) {
        self.operation = operation
        self.text = text
    }
}
