extension Graph {
    /// The properties a node has: `id`, `kind` and the columns of nodes.csv.
    var nodePropertyNames: [String] { [Column.id, Column.kind] + nodeAttributeNames }

    /// Why `key` cannot be read on `element`: a property of the other element, or an unknown
    /// one with the close names, or (when none is close) the names elements like it have.
    func unknownProperty(_ key: String, on element: QueryError.Element) -> QueryError.Reason {
        let own = element == .node ? nodePropertyNames : edgeAttributeNames
        let other = element == .node ? edgeAttributeNames : nodePropertyNames
        if other.contains(key) { return .propertyOfOtherElement(key, read: element) }
        return .unknownProperty(key, suggestions: Suggestions.closest(to: key, among: own), element: element, existing: own.sorted())
    }
}
