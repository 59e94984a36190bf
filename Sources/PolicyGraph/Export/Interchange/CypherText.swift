/// Quoting for Cypher (Neo4j, Memgraph, Kùzu): names and string literals.
enum CypherText {
    /// A label, relationship type or property key: as is when it is a plain ASCII identifier
    /// that is no keyword, otherwise in backticks (a backtick inside doubled).
    static func name(_ s: String) -> String {
        let plain = s.utf8.first.map { isLetter($0) || $0 == UInt8(ascii: "_") } ?? false
            && s.utf8.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") }
        if plain, !keywords.contains(s.uppercased()) { return s }
        return "`" + s.replacing("`", with: "``") + "`"
    }

    /// A name always in backticks (Kùzu's DDL, where more words are reserved than in openCypher).
    static func quotedName(_ s: String) -> String { "`" + s.replacing("`", with: "``") + "`" }

    /// A single-quoted string literal: backslash escapes for `\`, `'`, `"` and the line and tab
    /// characters, `\uXXXX` for the other controls; everything else as UTF-8.
    static func string(_ s: String) -> String {
        var out = "'"
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "'"
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// openCypher's reserved words plus the clause words of Neo4j 5, Memgraph and Kùzu; quoting
    /// one of these costs nothing, missing one breaks the script.
    static let keywords: Set<String> = [
        "ALL", "AND", "ANY", "AS", "ASC", "ASCENDING", "ASSERT", "BY", "CALL", "CASE", "COLUMN", "CONSTRAINT", "CONTAINS",
        "COPY", "COUNT", "CREATE", "CSV", "DATABASE", "DEFAULT", "DELETE", "DESC", "DESCENDING", "DETACH", "DISTINCT", "DO",
        "DROP", "ELSE", "END", "ENDS", "EXISTS", "EXPLAIN", "EXPORT", "EXTENSION", "FALSE", "FOR", "FOREACH", "FROM", "GLOB",
        "GRAPH", "GROUP", "HEADERS", "IF", "IMPORT", "IN", "INDEX", "INSTALL", "IS", "JOIN", "KEY", "LIMIT", "LOAD", "MACRO",
        "MANDATORY", "MATCH", "MERGE", "NODE", "NONE", "NOT", "NULL", "OF", "ON", "OPTIONAL", "OR", "ORDER", "PRIMARY",
        "PROFILE", "PROJECT", "READ", "REL", "RELATIONSHIP", "REMOVE", "RENAME", "REQUIRE", "RETURN", "ROLLBACK", "SCALAR",
        "SEQUENCE", "SET", "SHORTEST", "SINGLE", "SKIP", "STARTS", "TABLE", "THEN", "TO", "TRAIL", "TRANSACTION", "TRUE",
        "TYPE", "UNION", "UNIQUE", "UNWIND", "USE", "WHEN", "WHERE", "WITH", "WRITE", "XOR", "YIELD",
    ]
}
