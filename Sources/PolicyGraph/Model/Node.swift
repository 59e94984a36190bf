/// A node of the graph: its id, kind, English label and every other column of its row.
///
/// A value materialised from the graph's columnar storage on demand; building one costs the
/// row's attribute count, so bulk code inside the library works on indices instead.
public struct Node: Hashable, Sendable {
    public let id: NodeID
    public let kind: Kind
    public let label: String
    /// The further columns of the row (`label_zh`, `description`, `cite`, ...), empty cells left out.
    public let attributes: [String: String]

    public init(id: NodeID, kind: Kind, label: String, attributes: [String: String] = [:]) {
        self.id = id
        self.kind = kind
        self.label = label
        self.attributes = attributes
    }

    /// The Chinese label (`label_zh`), when the row has one.
    public var chineseLabel: String? { attributes[Column.labelZh] }
    /// The citation of the row (`cite`), when it has one.
    public var cite: String? { attributes[Column.cite] }
}

/// The names of the columns the format gives a meaning to.
public enum Column {
    public static let id = "id"
    public static let kind = "kind"
    public static let label = "label"
    public static let labelZh = "label_zh"
    public static let from = "from"
    public static let relation = "relation"
    public static let to = "to"
    public static let weight = "weight"
    public static let date = "date"
    public static let cite = "cite"
}
