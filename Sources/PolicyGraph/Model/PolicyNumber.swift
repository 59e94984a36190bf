/// Checks of numeric cells (`weight` and columns the schema declares numeric).
package enum PolicyNumber {
    /// The value of a plain decimal number (`0.5`, `-2`, `1e-3`); `nil` for anything else,
    /// including hex, `inf`, `nan`, spaces and thousands separators, which `Double.init` accepts
    /// or misreads.
    package static func parse(_ text: String) -> Double? {
        let u = Array(text.utf8)
        var i = 0
        func digits() -> Int {
            let s = i
            while i < u.count, u[i] >= 48, u[i] <= 57 { i += 1 }
            return i - s
        }
        if i < u.count, u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: "+") { i += 1 }
        var count = digits()
        if i < u.count, u[i] == UInt8(ascii: ".") {
            i += 1
            count += digits()
        }
        guard count > 0 else { return nil }
        if i < u.count, u[i] == UInt8(ascii: "e") || u[i] == UInt8(ascii: "E") {
            i += 1
            if i < u.count, u[i] == UInt8(ascii: "-") || u[i] == UInt8(ascii: "+") { i += 1 }
            guard digits() > 0 else { return nil }
        }
        guard i == u.count, let value = Double(text), value.isFinite else { return nil }
        return value
    }
}
