import Foundation

/// The lock that keeps two edits of one graph folder from interleaving: a file
/// `.policygraph.lock` holding the owner's pid, removed when the edit ends.
///
/// The lock appears with its contents at once: the pid is written to a temporary file, which
/// is then hard-linked to the lock's name (`link` fails when the name exists, so exactly one
/// process wins, and no one ever reads a lock without its pid).
///
/// A lock whose pid is no longer running is *stale*: an edit died half-way. It is taken over
/// (with a ``StaleLockTakeover`` for the caller to warn with) and the dead edit's temporary
/// files are removed. The data files are never left torn (each is renamed into place whole),
/// so the graph is the old one or the new one; at worst a multi-file edit left one file new
/// and the other old, which the warning says to check. Two processes taking over the same
/// stale lock are serialised by `flock` on the folder, so only one removes it.
package enum GraphLock {
    package static let fileName = ".policygraph.lock"

    /// Runs `body` while holding the lock of `folder`; the lock is removed when `body` returns
    /// or throws.
    ///
    /// - Throws: the ``EditError`` of ``acquire(folder:)``, or what `body` throws.
    package static func withLock<T>(folder: String, _ body: () throws -> T) throws -> T {
        try withLockReportingTakeover(folder: folder) { _ in try body() }
    }

    /// Runs `body` as ``withLock(folder:_:)`` does, telling it whether a stale lock was taken over.
    package static func withLockReportingTakeover<T>(folder: String, _ body: (StaleLockTakeover?) throws -> T) throws -> T {
        let (path, takeover) = try acquire(folder: folder)
        defer { _ = unlink(path) }
        return try body(takeover)
    }

    /// Takes the lock of `folder`, returning the lock file's path and the stale lock it
    /// replaced, if any.
    ///
    /// - Throws: ``EditError`` `.locked` (held by a running process, whose pid it names) or
    ///   `.io` when the lock file cannot be created.
    static func acquire(folder: String) throws(EditError) -> (String, StaleLockTakeover?) {
        let path = GraphLoader.join(folder, Self.fileName)
        let location = SourceLocation(file: path, line: 0)
        let staged: AtomicFile.StagedFile
        do {
            staged = try AtomicFile.stage(Array("\(getpid())\n".utf8), for: path)
        } catch {
            throw EditError(.io("cannot create the lock file: \(error.message)"), at: location)
        }
        defer { staged.discard() }
        var takeover: StaleLockTakeover?
        // A few rounds: a stale lock removed, another edit may take the name first.
        for _ in 0..<8 {
            if link(staged.temporary, path) == 0 { return (path, takeover) }
            let code = errno
            guard code == EEXIST else {
                throw EditError(.io("cannot create the lock file: \(FileProblem.system(code).message)"), at: location)
            }
            let seen = contents(of: path)
            if let pid = seen.flatMap(pid(in:)), isRunning(pid) {
                throw EditError(.locked(pid: pid), at: location)
            }
            if let removed = takeOver(path, seen: seen, folder: folder) { takeover = removed }
        }
        let pid = contents(of: path).flatMap(pid(in:)) ?? 0
        throw EditError(.locked(pid: pid), at: location)
    }

    /// Removes the stale lock at `path` if it still holds `seen`, and the temporary files of
    /// its dead pid; under `flock` of the folder, so that one process does it.
    private static func takeOver(_ path: String, seen: String?, folder: String) -> StaleLockTakeover? {
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folderFD >= 0 else { return nil }
        defer { _ = close(folderFD) }
        guard flock(folderFD, LOCK_EX) == 0 else { return nil }
        defer { _ = flock(folderFD, LOCK_UN) }
        guard let now = contents(of: path), now == seen else { return nil }
        let pid = pid(in: now)
        if let pid, isRunning(pid) { return nil }
        guard unlink(path) == 0 else { return nil }
        var removed: [String] = []
        if let pid, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) {
            for name in names.sorted() where name.hasPrefix(".") && name.hasSuffix(".tmp") && name.contains(".\(pid).") {
                if unlink(GraphLoader.join(folder, name)) == 0 { removed.append(name) }
            }
        }
        return StaleLockTakeover(pid: pid, folder: folder, removedFiles: removed)
    }

    private static func contents(of path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    private static func pid(in text: String) -> Int32? {
        Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Whether a process with this pid exists (`kill(pid, 0)`; EPERM means it exists as another user's).
    static func isRunning(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        if kill(pid, 0) == 0 { return true }
        return errno == EPERM
    }
}

/// A stale lock (its pid no longer running) that an edit took over: what to warn about.
package struct StaleLockTakeover: Sendable, Equatable {
    /// The dead edit's pid; `nil` when the lock held none.
    public let pid: Int32?
    public let folder: String
    /// The dead edit's temporary files, removed.
    public let removedFiles: [String]

    /// The warning, without the `warning:` prefix.
    public var message: String {
        let who = pid.map { "pid \($0), no longer running" } ?? "no readable pid"
        let files = removedFiles.isEmpty ? "" : "; removed its \(removedFiles.count) temporary file\(removedFiles.count == 1 ? "" : "s")"
        return "took over a stale lock (\(who)): an earlier edit stopped half-way\(files); "
            + "check the graph with 'policygraph validate --graph \(folder)'"
    }
}
