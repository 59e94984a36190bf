/// The names of a graph folder's files, shared by the code that reads a folder and the code
/// that writes one.
package enum GraphFiles {
    package static let nodes = "nodes.csv"
    package static let edges = "edges.csv"
    package static let schema = "schema.json"

    /// `folder/file`, without doubling a trailing slash.
    package static func join(_ folder: String, _ file: String) -> String {
        folder.hasSuffix("/") ? folder + file : folder + "/" + file
    }
}

/// Every error of one file that stopped it from being read, in the order found; the loader
/// turns them into a ``LoadFailure``.
package struct LoadErrors: Error, Sendable {
    package let errors: [LoadError]

    package init(_ errors: [LoadError]) { self.errors = errors }
}
