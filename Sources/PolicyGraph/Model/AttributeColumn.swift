/// One attribute column of the node or edge table, dictionary-encoded: each row holds a code
/// into the column's distinct values, 0 for an empty cell.
///
/// Policy data repeats itself (dates, relations' weights, kinds of source), so a million rows
/// cost four bytes each plus the distinct values, and numeric columns are parsed once per value.
struct AttributeColumn: Sendable {
    let name: String
    /// Per row: 0 for empty, otherwise 1 + the index into `values`.
    var codes: [UInt32]
    var values: [String]

    init(name: String, codes: [UInt32] = [], values: [String] = []) {
        self.name = name
        self.codes = codes
        self.values = values
    }

    /// The cell of `row`, `nil` when empty.
    func value(at row: Int) -> String? {
        let code = codes[row]
        return code == 0 ? nil : values[Int(code) - 1]
    }

    /// The cell of `row` as written, empty string for an empty cell.
    func text(at row: Int) -> String { value(at: row) ?? "" }
}

/// Builds an ``AttributeColumn`` row by row, interning repeated values.
struct AttributeColumnBuilder {
    let name: String
    private var codes: [UInt32] = []
    private var values: [String] = []
    private var lookup: [String: UInt32] = [:]

    init(name: String, capacity: Int = 0) {
        self.name = name
        codes.reserveCapacity(capacity)
    }

    mutating func append(_ value: String) {
        if value.isEmpty {
            codes.append(0)
            return
        }
        if let code = lookup[value] {
            codes.append(code)
            return
        }
        values.append(value)
        let code = UInt32(values.count)
        lookup[value] = code
        codes.append(code)
    }

    func build() -> AttributeColumn { AttributeColumn(name: name, codes: codes, values: values) }
}
