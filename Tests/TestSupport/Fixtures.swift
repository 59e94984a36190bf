import Foundation

/// Paths of the repository's test inputs, found from this file so tests run from any folder.
package enum Fixtures {
    /// The package root: the nearest folder above this file that holds Package.swift.
    package static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url = url.deletingLastPathComponent()
        }
        return url
    }()
    package static var fixtures: URL { root.appendingPathComponent("Fixtures") }
    package static var seedGraph: String { root.appendingPathComponent("graph").path }
    package static func path(_ relative: String) -> String { fixtures.appendingPathComponent(relative).path }
}
