import Foundation

/// Writes files so that a reader or a crash sees the old content or the new, never a torn one:
/// the bytes go to a temporary file in the same folder, which is then renamed over the target.
package enum AtomicFile {
    /// A file that could not be written, with the system's reason.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let message: String
        public var description: String { "\(path): error: cannot write: \(message)" }

        package init(path: String, message: String) {
            self.path = path
            self.message = message
        }
    }

    /// Replaces (or creates) the file at `path` with `contents`.
    public static func write(_ contents: some DataProtocol, to path: String) throws(WriteError) {
        try stage(contents, for: path).commit()
    }

    /// A file written next to its target but not yet in place: ``commit()`` renames it over the
    /// target. Staging every file of a multi-file change before renaming any keeps the window in
    /// which a crash leaves the files out of step with each other as small as it can be.
    package struct StagedFile: Sendable {
        public let path: String
        let temporary: String

        /// Renames the temporary file over the target: the atomic step.
        public func commit() throws(WriteError) {
            if let crash = AtomicFile.simulatedCrash, crash.matches(path), crash.point == .beforeRename {
                throw WriteError(path: path, message: "simulated crash before the rename")
            }
            if rename(temporary, path) != 0 {
                let code = errno
                discard()
                throw WriteError(path: path, message: String(cString: strerror(code)))
            }
        }

        /// Removes the temporary file, leaving the target as it was.
        public func discard() {
            _ = unlink(temporary)
        }
    }

    /// Writes `contents` to a temporary file in the folder of `path` (which is not touched).
    package static func stage(_ contents: some DataProtocol, for path: String) throws(WriteError) -> StagedFile {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        var data = Data(contents)
        let crash = simulatedCrash.flatMap { $0.matches(path) ? $0 : nil }
        if crash?.point == .whileWritingTemporary { data = data.prefix(data.count / 2) }
        do {
            try data.write(to: temporary, options: [])
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: path, message: error.localizedDescription)
        }
        if crash?.point == .whileWritingTemporary {
            throw WriteError(path: path, message: "simulated crash while writing the temporary file")
        }
        // Flush the bytes to disk before the rename can expose them, so that a power loss
        // right after the rename cannot leave an empty or partial file under the real name.
        let descriptor = open(temporary.path, O_RDONLY)
        if descriptor >= 0 {
            _ = fsync(descriptor)
            _ = close(descriptor)
        }
        return StagedFile(path: path, temporary: temporary.path)
    }

    /// For tests: a crash to simulate in the writes of the current task (bound with
    /// `AtomicFile.$simulatedCrash.withValue(...)`). The write stops where a crash would stop it
    /// and throws, leaving the temporary file behind as a real crash would.
    @TaskLocal package static var simulatedCrash: SimulatedCrash?

    /// Where a simulated crash stops a write, and of which file.
    package struct SimulatedCrash: Sendable {
        /// Where in a write the crash happens.
        public enum Point: Sendable {
            /// Half the bytes are in the temporary file; the target is untouched.
            case whileWritingTemporary
            /// The temporary file is complete; the rename has not happened.
            case beforeRename
        }
        /// The last path component of the file whose write crashes (`edges.csv`).
        public let file: String
        public let point: Point

        public init(file: String, point: Point) {
            self.file = file
            self.point = point
        }

        func matches(_ path: String) -> Bool { URL(fileURLWithPath: path).lastPathComponent == file }
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
