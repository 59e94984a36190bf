extension JSONValue {
    /// The JSON text of the value: members in their order, two-space indentation when `pretty`,
    /// `"key": value` spacing either way. Deterministic, so that golden files can hold it.
    package func rendered(pretty: Bool = true) -> String {
        var out = ""
        render(into: &out, indent: 0, pretty: pretty)
        if pretty { out.append("\n") }
        return out
    }

    /// Pretty-printed as the value would be `indent` levels deep inside ``rendered(pretty:)``'s
    /// document, without a line end: for writing a long array one element at a time.
    package func rendered(indent: Int) -> String {
        var out = ""
        render(into: &out, indent: indent, pretty: true)
        return out
    }

    private func render(into out: inout String, indent: Int, pretty: Bool) {
        switch self {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .number(let n): out.append(n)
        case .string(let s): out.append(JSONValue.quote(s))
        case .array(let items):
            if items.isEmpty {
                out.append("[]")
                return
            }
            // Arrays of scalars stay on one line: rows of a table read better that way.
            let flat = !pretty || items.allSatisfy(\.isScalar)
            out.append("[")
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(flat ? ", " : ",") }
                if !flat { out.append("\n" + String(repeating: "  ", count: indent + 1)) }
                item.render(into: &out, indent: indent + 1, pretty: pretty)
            }
            if !flat { out.append("\n" + String(repeating: "  ", count: indent)) }
            out.append("]")
        case .object(let members):
            if members.isEmpty {
                out.append("{}")
                return
            }
            out.append("{")
            for (i, member) in members.enumerated() {
                if i > 0 { out.append(pretty ? "," : ", ") }
                if pretty { out.append("\n" + String(repeating: "  ", count: indent + 1)) }
                out.append(JSONValue.quote(member.key))
                out.append(": ")
                member.value.render(into: &out, indent: indent + 1, pretty: pretty)
            }
            if pretty { out.append("\n" + String(repeating: "  ", count: indent)) }
            out.append("}")
        }
    }

    var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    /// A JSON string literal, escaping quotes, backslashes and control characters.
    package static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append("\"")
        return out
    }

    /// A number value from an integer.
    package static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// A number value from a double: shortest round-trip text, `null` when not finite.
    package static func double(_ value: Double) -> JSONValue {
        guard value.isFinite else { return .null }
        if value == value.rounded(), abs(value) < 1e15 { return .number(String(Int(value))) }
        return .number("\(value)")
    }

    /// A number value, or `null` when `value` is `nil`.
    package static func double(_ value: Double?) -> JSONValue { value.map { double($0) } ?? .null }

    /// An object from ordered key–value pairs.
    package static func object(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(pairs.map { JSONMember(key: $0.key, value: $0.value) })
    }
}
