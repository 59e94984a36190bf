import Foundation

/// Golden files: expected outputs kept in the repository. `UPDATE_GOLDEN=1 swift test` rewrites
/// every one of them (the README's examples included) from what the code prints now; read the
/// diff before committing it.
package enum Golden {
    /// Whether this run rewrites golden files instead of comparing with them.
    package static var isUpdating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil }

    /// The golden text at `path`, after writing `actual` there first when updating.
    package static func expected(at path: String, actual: String) throws -> String {
        if isUpdating { try actual.write(toFile: path, atomically: false, encoding: .utf8) }
        return try String(contentsOfFile: path, encoding: .utf8)
    }
}

/// The name of an enum case without its values: `unknownNode` for `.unknownNode("x", suggestions: [])`,
/// so that a test checks which reason an error has without spelling out every suggestion.
package func caseName(_ value: some Any) -> String {
    String(String(describing: value).prefix { $0 != "(" })
}
