/// One weakly connected component of a graph: its nodes, sorted by id.
///
/// A collection of its node ids, so `component.count` is its size and `for id in component`
/// walks its members.
public struct Component: Sendable, Hashable, RandomAccessCollection, ExpressibleByArrayLiteral {
    /// The members, sorted by id.
    public let nodes: [NodeID]

    public init(nodes: [NodeID]) { self.nodes = nodes }

    public init(arrayLiteral elements: NodeID...) { self.nodes = elements }

    public var startIndex: Int { nodes.startIndex }
    public var endIndex: Int { nodes.endIndex }
    public subscript(position: Int) -> NodeID { nodes[position] }
}
