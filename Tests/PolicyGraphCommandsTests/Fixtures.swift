import Foundation

/// Paths of the repository's test inputs, found from this file so tests run from any folder.
enum Fixtures {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var fixtures: URL { root.appendingPathComponent("Fixtures") }
    static var seedGraph: String { root.appendingPathComponent("graph").path }
    static func path(_ relative: String) -> String { fixtures.appendingPathComponent(relative).path }
}
