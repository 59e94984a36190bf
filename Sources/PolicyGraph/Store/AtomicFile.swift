import Foundation

/// Writes files so that a reader or a crash sees the old content or the new, never a torn one:
/// the bytes go to a temporary file in the same folder, which is then renamed over the target.
public enum AtomicFile {
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let message: String
        public var description: String { "\(path): error: cannot write: \(message)" }
    }

    /// Replaces (or creates) the file at `path` with `contents`.
    public static func write(_ contents: some DataProtocol, to path: String) throws(WriteError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(contents).write(to: temporary, options: [])
            if rename(temporary.path, url.path) != 0 {
                let code = errno
                try? FileManager.default.removeItem(at: temporary)
                throw WriteError(path: path, message: String(cString: strerror(code)))
            }
        } catch let error as WriteError {
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: path, message: error.localizedDescription)
        }
    }

    /// Writes text as UTF-8.
    public static func write(_ text: String, to path: String) throws(WriteError) {
        try write(Array(text.utf8), to: path)
    }

    /// Creates `path` and its parents when missing.
    public static func makeFolder(_ path: String) throws(WriteError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: path, message: error.localizedDescription)
        }
    }
}
