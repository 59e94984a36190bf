/// The edges a relationship pattern may follow from one node, with the node at the far end of
/// each: the node's out-edges (for `->` and `--`), then its in-edges (for `<-` and `--`, a
/// self-loop only once for `--`), each side in slot order (relation, then file order). Read
/// from the adjacency's slots as the search asks, without building a list; one relation is
/// read as its run of slots, several by a mask of relation indices.
struct EdgeSteps {
    private let node: Int32
    private let direction: PatternDirection
    private let relations: RelationFilter
    private var incoming: Bool
    private var slot: Int
    private var end: Int

    /// The steps from `node`; `relations` is not ``RelationFilter/unknown(_:)``.
    init(from node: Int32, _ direction: PatternDirection, _ relations: RelationFilter, in graph: Graph) {
        self.node = node
        self.direction = direction
        self.relations = relations
        incoming = direction == .left
        let slots = incoming ? Self.slots(of: node, graph.incoming, relations) : Self.slots(of: node, graph.outgoing, relations)
        slot = slots.lowerBound
        end = slots.upperBound
    }

    /// The next edge and the node at its far end, `nil` after the last.
    mutating func next(in graph: Graph) -> (edge: Int32, far: Int32)? {
        while true {
            while slot < end {
                let k = slot
                slot += 1
                if incoming {
                    guard relations.admits(graph.incoming.relations[k]) else { continue }
                    let far = graph.incoming.ends[k]
                    // A self-loop is one match of an undirected pattern, not two.
                    if direction == .either, far == node { continue }
                    return (graph.incoming.items[k], far)
                }
                guard relations.admits(graph.outgoing.relations[k]) else { continue }
                return (graph.outgoing.items[k], graph.outgoing.ends[k])
            }
            guard !incoming, direction == .either else { return nil }
            incoming = true
            let slots = Self.slots(of: node, graph.incoming, relations)
            slot = slots.lowerBound
            end = slots.upperBound
        }
    }

    /// The slots of `node` in `index` that may hold the relations: one relation's run, or all.
    static func slots(of node: Int32, _ index: CSRIndex, _ relations: RelationFilter) -> Range<Int> {
        if case .one(let r) = relations {
            return AdjacencyRuns.with(index) { $0.run(of: node, relation: Int(r)) }
        }
        return index.range(Int(node))
    }
}
