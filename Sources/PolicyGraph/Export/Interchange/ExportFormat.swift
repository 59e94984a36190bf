/// The formats `policygraph export` writes: each is a pure function of a graph and options.
public enum ExportFormat: String, Sendable, CaseIterable {
    case json
    case graphml
    case cypher
    case neo4jCSV = "neo4j-csv"
    case kuzu
    case ntriples
    case turtle
    case mermaid
    /// Kumu's elements.csv and connections.csv.
    case kumu

    /// Whether the format is a folder of files rather than one text.
    public var isFolder: Bool { self == .neo4jCSV || self == .kuzu || self == .kumu }
}

extension ExportOptions {
    /// The Cypher dialect of the constraint and index statements (the rest is common openCypher).
    public enum CypherDialect: String, Sendable, CaseIterable {
        /// Neo4j 5: `CREATE CONSTRAINT ... FOR (n:L) REQUIRE n.id IS UNIQUE`.
        case neo4j
        /// Memgraph: `CREATE CONSTRAINT ON (n:L) ASSERT n.id IS UNIQUE` plus an index on `id`.
        case memgraph
    }
}

/// The name ``ExportOptions/ExportOptions.CypherDialect`` had before it was nested.
package typealias CypherDialect = ExportOptions.CypherDialect

/// What the exporters need besides the graph.
public struct ExportOptions: Sendable, Equatable {
    /// The namespace of the RDF IRIs; ends with `/` or `#`.
    public var base: String
    public var cypherDialect: ExportOptions.CypherDialect

    /// The RDF base used when none is given.
    public static let defaultBase = "https://policygraph.example/"

    public init(base: String = ExportOptions.defaultBase, cypherDialect: ExportOptions.CypherDialect = .neo4j) {
        self.base = base
        self.cypherDialect = cypherDialect
    }
}

extension ExportResult {
    /// One file of a folder export: its path relative to the folder (`/`-separated) and its text.
    public struct File: Sendable, Equatable {
        public let path: String
        public let contents: String
        public init(path: String, contents: String) {
            self.path = path
            self.contents = contents
        }
    }
}

/// The name ``ExportResult/File`` had before it was nested.
package typealias ExportedFile = ExportResult.File

/// What an export produced: one text (for stdout or a file) or the files of a folder.
public enum ExportResult: Sendable, Equatable {
    case text(String)
    case files([ExportResult.File])
}

/// An export that cannot be made as asked (a base IRI that is not one, say).
public struct ExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why the export cannot be made.
    public enum Reason: Sendable, Equatable {
        /// The base IRI of an RDF export has no scheme or holds a character an IRI cannot.
        case baseNotAbsolute(String)
        /// The base IRI of an RDF export does not end with `/` or `#`.
        case baseWithoutSeparator(String)
    }

    /// Why the export cannot be made.
    public let reason: Reason

    public init(_ reason: Reason) { self.reason = reason }

    /// What is wrong and what would fix it.
    public var message: String {
        switch reason {
        case .baseNotAbsolute(let base): return "the base IRI '\(base)' is not an absolute IRI; write one such as \(ExportOptions.defaultBase)"
        case .baseWithoutSeparator(let base): return "the base IRI '\(base)' must end with '/' or '#', so that names can follow it (try '\(base)/')"
        }
    }

    public var description: String { "error: \(message)" }
}

extension Graph {
    /// The graph in `format`. Deterministic: the same graph gives the same bytes.
    ///
    /// - Throws: ``ExportError`` when the options do not fit the format (an invalid `--base`).
    /// - Complexity: O(n + m) times the columns.
    public func exported(as format: ExportFormat, options: ExportOptions = ExportOptions()) throws(ExportError) -> ExportResult {
        switch format {
        case .json: return .text(GraphJSON.document(self))
        case .graphml: return .text(GraphML.document(self))
        case .cypher: return .text(CypherScript.script(self, dialect: options.cypherDialect))
        case .neo4jCSV: return .files(Neo4jCSV.files(self))
        case .kuzu: return .files(KuzuExport.files(self))
        case .ntriples: return .text(NTriples.document(self, vocabulary: try RDFVocabulary(base: options.base)))
        case .turtle: return .text(Turtle.document(self, vocabulary: try RDFVocabulary(base: options.base)))
        case .mermaid: return .text(MermaidFlowchart.document(self).text)
        case .kumu: return .files(KumuExport.files(self))
        }
    }
}
