extension Graph {
    /// Every node id in file order, without building ``Node`` values: O(1), the ids are shared.
    public var nodeIDs: [NodeID] { nodeTable.ids }

    /// The ids of the nodes of `kind`, in file order; empty for a kind without nodes. O(result).
    public func nodeIDs(of kind: Kind) -> [NodeID] {
        guard let k = schema.kindIndex[kind] else { return [] }
        return byKind.members(k).map { nodeTable.ids[Int($0)] }
    }
}
