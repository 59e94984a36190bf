/// Lists and maps in a CSV cell or a table cell, written so that a reader can take them apart:
/// `[US Secretary of State, Acting …]` could be one string or two; `["US Secretary of State",
/// "Acting …"]` cannot.
extension QueryValue {
    /// The value as a CSV field: null empty, a list or a map as JSON text (strings quoted, a node
    /// as its id, an edge or a path as its ``text``), anything else its ``text``.
    package var csvField: String {
        switch self {
        case .null: return ""
        case .list, .map: return cellJSON.rendered(pretty: false)
        default: return text
        }
    }

    /// The value inside a list or map of ``text``: a string quoted as in JSON.
    var itemText: String {
        if case .string(let s) = self { return JSONValue.quote(s) }
        return text
    }

    /// The JSON of a value inside a CSV field.
    private var cellJSON: JSONValue {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let n): return .number(String(n))
        case .double(let d): return d.isFinite ? .number("\(d)") : .null
        case .string(let s): return .string(s)
        case .node, .edge, .path: return .string(text)
        case .list(let items): return .array(items.map(\.cellJSON))
        case .map(let entries): return .object(entries.keys.sorted().map { JSONMember(key: $0, value: (entries[$0] ?? .null).cellJSON) })
        }
    }
}
