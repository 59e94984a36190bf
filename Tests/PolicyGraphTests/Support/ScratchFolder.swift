import Foundation

/// A fresh folder under the system's temporary directory, removed when the test is done.
struct ScratchFolder: ~Copyable {
    let path: String

    init(_ name: String = "policygraph-test") {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)").path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
