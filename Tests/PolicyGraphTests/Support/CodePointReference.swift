@testable import PolicyGraph

/// Strings as the query language documents it compares them, written directly on
/// `Array(s.unicodeScalars)`: the reference the engines' string tests compare with.
enum CodePointReference {
    typealias Points = [UInt32]

    static func points(_ s: String) -> Points { s.unicodeScalars.map(\.value) }

    /// -1, 0 or 1, code point by code point, a prefix first.
    static func order(_ a: String, _ b: String) -> Int {
        let x = points(a), y = points(b)
        for (p, q) in zip(x, y) where p != q { return p < q ? -1 : 1 }
        return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
    }

    /// `a op b` for the string operators and comparisons, as written in a query.
    static func holds(_ op: String, _ a: String, _ b: String) -> Bool {
        let x = points(a), y = points(b)
        switch op {
        case "STARTS WITH": return x.starts(with: y)
        case "ENDS WITH": return x.count >= y.count && Array(x.suffix(y.count)) == y
        case "CONTAINS": return y.isEmpty || (x.count >= y.count && (0...(x.count - y.count)).contains { Array(x[$0..<($0 + y.count)]) == y })
        case "=": return x == y
        case "<>": return x != y
        case "<": return order(a, b) < 0
        case "<=": return order(a, b) <= 0
        case ">": return order(a, b) > 0
        default: return order(a, b) >= 0
        }
    }

    /// `s` as a query literal: printable ASCII as is, everything else as a `\u` or `\U` escape
    /// (the escapes make exactly the code points, whatever the lexer does with raw text).
    static func escapedLiteral(_ s: String) -> String {
        var out = "'"
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v >= 0x20 && v < 0x7F && scalar != "'" && scalar != "\\" {
                out.unicodeScalars.append(scalar)
            } else if v <= 0xFFFF {
                out += "\\u" + hex(v, width: 4)
            } else {
                out += "\\U" + hex(v, width: 8)
            }
        }
        return out + "'"
    }

    /// `s` as a query literal with its code points written raw (only quotes and backslashes
    /// escaped): a combining mark right after the opening quote included.
    static func rawLiteral(_ s: String) -> String {
        var out = "'"
        for scalar in s.unicodeScalars {
            if scalar == "'" || scalar == "\\" { out += "\\" }
            out.unicodeScalars.append(scalar)
        }
        return out + "'"
    }

    /// A result cell as ASCII text that shows each code point, so that comparing two cells
    /// compares code points (`QueryValue`'s `==` compares strings by canonical equivalence, so
    /// it would call the Kelvin sign and `K` the same cell).
    static func shown(_ v: QueryValue) -> String {
        switch v {
        case .string(let s): return "'" + visible(s) + "'"
        case .node(let id): return "(" + visible(id.rawValue) + ")"
        case .list(let items): return "[" + items.map(shown).joined(separator: ", ") + "]"
        default: return v.text
        }
    }

    static func shown(_ rows: [[QueryValue]]) -> [[String]] { rows.map { $0.map(shown) } }

    /// Printable ASCII as is, any other code point as `<U+XXXX>`.
    static func visible(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            if scalar.value >= 0x20 && scalar.value < 0x7F { out.unicodeScalars.append(scalar) } else { out += "<U+" + hex(scalar.value, width: 4) + ">" }
        }
        return out
    }

    private static func hex(_ v: UInt32, width: Int) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
