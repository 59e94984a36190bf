import Foundation

/// The lock that keeps two edits of one graph folder from interleaving: a file
/// `.policygraph.lock` created with `O_CREAT|O_EXCL` (so exactly one process can create it),
/// holding the owner's pid, and removed when the edit ends.
///
/// A lock whose pid is no longer running is *stale*: an edit died half-way. It is not taken
/// over silently, since the files it was writing may be out of step; the error says to check
/// the graph with `policygraph validate` and then remove the lock file by hand.
package enum GraphLock {
    package static let fileName = ".policygraph.lock"

    /// Runs `body` while holding the lock of `folder`; the lock is removed when `body` returns
    /// or throws.
    ///
    /// - Throws: the ``EditError`` of ``acquire(folder:)``, or what `body` throws.
    package static func withLock<T>(folder: String, _ body: () throws -> T) throws -> T {
        let path = try acquire(folder: folder)
        defer { _ = unlink(path) }
        return try body()
    }

    /// Takes the lock of `folder`, returning the lock file's path.
    ///
    /// - Throws: ``EditError`` `.locked` (held by a running process), `.staleLock` (held by a
    ///   pid that is gone) or `.io` when the lock file cannot be created.
    static func acquire(folder: String) throws(EditError) -> String {
        let path = GraphLoader.join(folder, Self.fileName)
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o644)
        if fd < 0 {
            let code = errno
            guard code == EEXIST else {
                throw EditError(.io("cannot create the lock file: \(String(cString: strerror(code)))"), at: SourceLocation(file: path, line: 0))
            }
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
            if let pid, Self.isRunning(pid) {
                throw EditError(.locked(pid: pid), at: SourceLocation(file: path, line: 0))
            }
            throw EditError(.staleLock(pid: pid, folder: folder), at: SourceLocation(file: path, line: 0))
        }
        let contents = "\(getpid())\n"
        _ = contents.withCString { write(fd, $0, strlen($0)) }
        close(fd)
        return path
    }

    /// Whether a process with this pid exists (`kill(pid, 0)`; EPERM means it exists as another user's).
    static func isRunning(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        if kill(pid, 0) == 0 { return true }
        return errno == EPERM
    }
}
