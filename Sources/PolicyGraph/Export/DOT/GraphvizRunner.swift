import Foundation

/// A Graphviz layout program.
package enum GraphvizEngine: String, Sendable, CaseIterable {
    /// Layered: the default, best for directed policy graphs.
    case dot
    /// Spring model, for small undirected-looking graphs.
    case neato
    /// Force-directed.
    case fdp
    /// Force-directed for large graphs.
    case sfdp
    /// Circular.
    case circo
}

/// A file format Graphviz writes.
package enum GraphvizFormat: String, Sendable, CaseIterable {
    case svg, png, pdf

    /// The format a file name asks for by its extension (case-insensitive); `nil` for others.
    package init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        self.init(rawValue: path[path.index(after: dot)...].lowercased())
    }
}

/// Graphviz could not do what was asked: it is not installed, did not start, or failed.
package struct GraphvizError: Error, Hashable, Sendable, CustomStringConvertible {
    package enum Reason: Hashable, Sendable {
        /// The program is not on `PATH`.
        case notFound(program: String)
        /// The program exists but could not be started.
        case cannotRun(program: String, message: String)
        /// The program ran and exited with a non-zero status; `message` is its standard error.
        case failed(program: String, status: Int32, message: String)
        /// The output could not be written.
        case cannotWrite(path: String, message: String)
    }

    package let reason: Reason

    package init(_ reason: Reason) { self.reason = reason }

    package var description: String {
        switch reason {
        case .notFound(let program):
            return "Graphviz's '\(program)' was not found on PATH; install it with 'apt-get install graphviz' (Debian/Ubuntu) or 'brew install graphviz' (macOS)"
        case .cannotRun(let program, let message):
            return "cannot run Graphviz's '\(program)': \(message)"
        case .failed(let program, let status, let message):
            let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
            return "Graphviz's '\(program)' failed (exit status \(status))" + (text.isEmpty ? "" : ": \(text)")
        case .cannotWrite(let path, let message):
            return "cannot write '\(path)': \(message)"
        }
    }
}

/// What a Graphviz run produced: the output bytes and the warnings it printed.
package struct GraphvizOutput: Sendable {
    package let bytes: [UInt8]
    /// The non-empty lines Graphviz wrote to standard error (warnings, when it succeeded).
    package let warnings: [String]
}

/// Runs the Graphviz programs found on `PATH`.
///
/// The DOT goes to Graphviz through a temporary file and the result comes back through another,
/// so no pipe can fill up and block; files are written atomically, so a failed run never
/// leaves a half-written picture.
package struct GraphvizRunner: Sendable {
    /// The directories searched, as in `PATH` (`:`-separated).
    package let searchPath: String

    /// A runner searching `searchPath`, by default the process's `PATH`.
    package init(searchPath: String? = nil) {
        self.searchPath = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    }

    /// The full path of the program `name` on the search path, or `nil` when there is none.
    package func executable(named name: String) -> String? {
        for folder in searchPath.split(separator: ":", omittingEmptySubsequences: false) {
            let path = GraphLoader.join(folder.isEmpty ? "." : String(folder), name)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                FileManager.default.isExecutableFile(atPath: path) {
                return path
            }
        }
        return nil
    }

    /// Whether the layout program of `engine` is installed.
    package func isAvailable(_ engine: GraphvizEngine = .dot) -> Bool { executable(named: engine.rawValue) != nil }

    /// Lays out `dot` with `engine` and returns the output in `format` (any `-T` format Graphviz
    /// knows: `svg`, `png`, `json`, `canon`...). `arguments` go on the command line (`-Gname=value`).
    ///
    /// - Throws: ``GraphvizError`` when the program is missing, does not start or fails.
    package func run(_ dot: String, engine: GraphvizEngine = .dot, format: String,
                    arguments: [String] = []) throws(GraphvizError) -> GraphvizOutput {
        let program = engine.rawValue
        guard let executable = executable(named: program) else { throw GraphvizError(.notFound(program: program)) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("input.dot")
        let output = folder.appendingPathComponent("output")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(dot.utf8).write(to: input)
        } catch {
            throw GraphvizError(.cannotRun(program: program, message: "cannot write a temporary file: \(error.localizedDescription)"))
        }
        let result = try Subprocess.run(executable, ["-T\(format)", "-o", output.path] + arguments + [input.path], name: program)
        guard result.status == 0 else {
            throw GraphvizError(.failed(program: program, status: result.status, message: result.stderr))
        }
        guard let bytes = try? Data(contentsOf: output) else {
            throw GraphvizError(.failed(program: program, status: 0, message: "it wrote no output"))
        }
        let warnings = result.stderr.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
        return GraphvizOutput(bytes: Array(bytes), warnings: warnings)
    }

    /// Lays out `dot` with `engine` and writes the picture to `path` atomically.
    ///
    /// - Returns: Graphviz's warnings.
    /// - Throws: ``GraphvizError``; nothing is written then.
    @discardableResult
    package func render(_ dot: String, to path: String, format: GraphvizFormat, engine: GraphvizEngine = .dot,
                       arguments: [String] = [], graphFolder: String? = nil) throws(GraphvizError) -> [String] {
        let output = try run(dot, engine: engine, format: format.rawValue, arguments: arguments)
        do {
            try AtomicFile.write(output.bytes, to: path, graphFolder: graphFolder)
        } catch {
            throw GraphvizError(.cannotWrite(path: path, message: error.message))
        }
        return output.warnings
    }
}

/// Runs a program to completion with standard output in a file and standard error collected.
enum Subprocess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `executable` with `arguments`; `name` is the program's name for errors.
    static func run(_ executable: String, _ arguments: [String], name: String) throws(GraphvizError) -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-run-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let stdoutURL = folder.appendingPathComponent("stdout")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let errors = Pipe()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
            let stdout = try FileHandle(forWritingTo: stdoutURL)
            defer { try? stdout.close() }
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = stdout
            process.standardError = errors
            try process.run()
        } catch {
            throw GraphvizError(.cannotRun(program: name, message: error.localizedDescription))
        }
        // Reading to the end returns when the program exits and closes its standard error.
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stdout = (try? Data(contentsOf: stdoutURL)) ?? Data()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}
