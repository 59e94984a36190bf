import Foundation

/// Runs the real readers the interchange tests compare against (networkx, rdflib, kuzu,
/// antlr4-cypher) and the benchmark's peers (igraph, rustworkx, networkx, kuzu) through
/// `python3`, and says when one is missing so that its test is skipped with the pip line that
/// brings it.
enum Python {
    /// The pip line CI needs for every optional reader and peer.
    static let pipLine = "pip install networkx rdflib kuzu antlr4-cypher igraph rustworkx"

    /// Whether `python3` can import `module` (checked once per module).
    static func has(_ module: String) -> Bool {
        (try? run("import \(module)", arguments: []).status) == 0
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `script` with `python3 -c`, passing `arguments`.
    static func run(_ script: String, arguments: [String], in folder: String? = nil) throws -> Result {
        try launch(["-c", script] + arguments, in: folder)
    }

    /// Runs the script file at `path` with `python3`, passing `arguments`.
    static func run(file path: String, arguments: [String], in folder: String? = nil) throws -> Result {
        try launch([path] + arguments, in: folder)
    }

    private static func launch(_ arguments: [String], in folder: String?) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting, so that a large output cannot fill the pipe and block.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A fresh folder under the system's temporary folder, for tests that write files.
enum TemporaryFolder {
    static func make(_ name: String = "policygraph") throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static func read(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
