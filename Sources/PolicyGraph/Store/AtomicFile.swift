import Foundation

/// Writes files so that a reader or a crash sees the old content or the new, never a torn one:
/// the bytes go to a temporary file in the same folder, flushed to disk, which is then renamed
/// over the target. Every file the tool writes goes through here, under these rules:
///
/// - a symlink is followed: the file it points to is replaced (atomically, in its own folder),
///   so a symlinked `nodes.csv` keeps receiving edits and the link stays a link;
/// - a replaced file keeps its mode and (when the process may set it) its owner;
/// - a character device or a FIFO (`/dev/null`, `/dev/stdout`, a named pipe) is written
///   through, opened and written like a shell redirection, never replaced; a folder, socket
///   or block device is refused;
/// - with `graphFolder`, the folder read and the files directly in it are refused, after
///   symlinks are resolved, so that an output cannot overwrite the graph it was made from
///   (its subfolders, such as `views/`, stay writable).
package enum AtomicFile {
    /// A write that failed: the path as given and why.
    package struct WriteError: Error, Sendable, CustomStringConvertible {
        package let path: String
        package let problem: FileProblem?
        private let text: String?

        package init(path: String, message: String) {
            self.path = path
            self.problem = nil
            self.text = message
        }

        package init(path: String, problem: FileProblem) {
            self.path = path
            self.problem = problem
            self.text = nil
        }

        package var message: String { text ?? problem?.message ?? "" }
        package var description: String { "\(path): error: cannot write: \(message)" }
    }

    /// Replaces (or creates) the file at `path` with `contents`, under the rules above.
    package static func write(_ contents: some DataProtocol, to path: String, graphFolder: String? = nil) throws(WriteError) {
        let target = try destination(of: path, graphFolder: graphFolder)
        if target.writesThrough {
            try writeThrough(Array(contents), to: target.path, reportedAs: path)
            return
        }
        try stage(contents, at: target, for: path).commit()
    }

    /// Writes text as UTF-8, under the rules of ``write(_:to:graphFolder:)-(DataProtocol,_,_)``.
    package static func write(_ text: String, to path: String, graphFolder: String? = nil) throws(WriteError) {
        try write(Array(text.utf8), to: path, graphFolder: graphFolder)
    }

    /// A file written next to its target but not yet in place: ``commit()`` renames it over the
    /// target. Staging every file of a multi-file change before renaming any keeps the window in
    /// which a crash leaves the files out of step with each other as small as it can be.
    package struct StagedFile: Sendable {
        package let path: String
        /// The file renamed over: `path` with its symlinks resolved.
        let target: String
        let temporary: String

        /// Renames the temporary file over the target: the atomic step.
        package func commit() throws(WriteError) {
            if let crash = AtomicFile.simulatedCrash, crash.matches(path), crash.point == .beforeRename {
                throw WriteError(path: path, message: "simulated crash before the rename")
            }
            if rename(temporary, target) != 0 {
                let code = errno
                discard()
                throw WriteError(path: path, problem: .system(code))
            }
        }

        /// Removes the temporary file, leaving the target as it was.
        package func discard() {
            _ = unlink(temporary)
        }
    }

    /// Writes `contents` to a temporary file in the folder of `path`'s target (which is not
    /// touched); a special file is refused here, since it cannot be replaced.
    package static func stage(_ contents: some DataProtocol, for path: String) throws(WriteError) -> StagedFile {
        let target = try destination(of: path, graphFolder: nil)
        if target.writesThrough, let type = FileProblem.type(of: target.mode) {
            throw WriteError(path: path, problem: .notRegularFile(type))
        }
        return try stage(contents, at: target, for: path)
    }

    /// The name of a temporary file of this process for `name`: `.name.PID.N.tmp`, unique per
    /// write, with the pid that ``GraphLock`` uses to clear a dead edit's leftovers.
    static func temporaryName(for name: String) -> String {
        ".\(name).\(getpid()).\(serial.next()).tmp"
    }

    private static let serial = Serial()

    private static func stage(_ contents: some DataProtocol, at target: Destination, for path: String) throws(WriteError) -> StagedFile {
        let folder = (target.path as NSString).deletingLastPathComponent
        let name = (target.path as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "" : folder + "/") + temporaryName(for: name)
        var data = Array(contents)
        let crash = simulatedCrash.flatMap { $0.matches(path) ? $0 : nil }
        if crash?.point == .whileWritingTemporary { data = Array(data.prefix(data.count / 2)) }
        let fd = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw WriteError(path: path, problem: .system(errno)) }
        // The replaced file's mode and owner, not the umask's: a private 0600 file stays private.
        if let mode = target.existingMode { _ = fchmod(fd, mode & 0o7777) }
        if let owner = target.owner, owner.uid != getuid() || owner.gid != getgid() { _ = fchown(fd, owner.uid, owner.gid) }
        var failure = writeAll(data, to: fd)
        // Flush the bytes to disk before the rename can expose them, so that a power loss
        // right after the rename cannot leave an empty or partial file under the real name.
        if failure == nil, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == nil { failure = errno }
        if let failure {
            _ = unlink(temporary)
            throw WriteError(path: path, problem: .system(failure))
        }
        if crash?.point == .whileWritingTemporary {
            throw WriteError(path: path, message: "simulated crash while writing the temporary file")
        }
        return StagedFile(path: path, target: target.path, temporary: temporary)
    }

    /// Opens a device or FIFO and writes to it, as `> path` in a shell would.
    private static func writeThrough(_ data: [UInt8], to target: String, reportedAs path: String) throws(WriteError) {
        let fd = open(target, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw WriteError(path: path, problem: .system(errno)) }
        let failure = writeAll(data, to: fd)
        _ = close(fd)
        if let failure { throw WriteError(path: path, problem: .system(failure)) }
    }

    /// Writes every byte, retrying short writes and interruptions; the errno of a failure.
    private static func writeAll(_ data: [UInt8], to fd: Int32) -> Int32? {
        data.withUnsafeBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
    }

    /// For tests: a crash to simulate in the writes of the current task (bound with
    /// `AtomicFile.$simulatedCrash.withValue(...)`). The write stops where a crash would stop it
    /// and throws, leaving the temporary file behind as a real crash would.
    @TaskLocal package static var simulatedCrash: SimulatedCrash?

    /// Where a simulated crash stops a write, and of which file.
    package struct SimulatedCrash: Sendable {
        package enum Point: Sendable {
            /// Half the bytes are in the temporary file; the target is untouched.
            case whileWritingTemporary
            /// The temporary file is complete; the rename has not happened.
            case beforeRename
        }
        /// The last path component of the file whose write crashes (`edges.csv`).
        package let file: String
        package let point: Point

        package init(file: String, point: Point) {
            self.file = file
            self.point = point
        }

        func matches(_ path: String) -> Bool { URL(fileURLWithPath: path).lastPathComponent == file }
    }

    /// Creates `path` and its parents when missing.
    package static func makeFolder(_ path: String) throws(WriteError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: path, message: error.localizedDescription)
        }
    }
}
