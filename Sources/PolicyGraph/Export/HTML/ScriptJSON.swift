/// JSON text that can sit inside `<script type="application/json">`: the HTML parser ends a
/// script element at the first `</script`, and enters odd states at `<!--`, whatever JSON
/// thinks of them. So every `<`, `>` and `&` is written `\u003c`, `\u003e`, `\u0026` (and
/// U+2028, U+2029 as `\u2028`, `\u2029`, which older JavaScript took for line ends). Outside
/// strings JSON has none of these characters, so the text stays the same JSON value.
enum ScriptJSON {
    static func text(_ value: JSONValue) -> String {
        let json = value.rendered(pretty: false)
        var out = ""
        out.reserveCapacity(json.utf8.count + json.utf8.count / 16)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
