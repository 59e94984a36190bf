/// A parsed JSON document that keeps object members in their written order and numbers as
/// written, so that lossless formats (schema.json, the JSON interchange) read back exactly.
package enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number, kept as the text it was written as.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    /// The member named `key` of an object, `nil` otherwise.
    package subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The string, when this is one.
    package var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The array, when this is one.
    package var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The members, when this is an object.
    package var objectValue: [JSONMember]? {
        if case .object(let m) = self { return m }
        return nil
    }

    /// The number, when this is one.
    package var numberValue: Double? {
        if case .number(let n) = self { return Double(n) }
        return nil
    }
}

/// One `"key": value` member of a JSON object.
package struct JSONMember: Sendable, Equatable {
    package let key: String
    package let value: JSONValue
    package init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// Why a JSON text could not be read, with the 1-based line and column of the problem.
package struct JSONSyntaxError: Error, Sendable, Equatable {
    package let line: Int
    package let column: Int
    package let message: String
}
