import Foundation

extension AtomicFile {
    /// Where a write to a path lands, found before anything is written.
    struct Destination {
        /// The path with its symlinks resolved (the path itself for a new file).
        let path: String
        /// The `st_mode` of what is there now, or 0 when nothing is.
        let mode: mode_t
        let owner: (uid: uid_t, gid: gid_t)?

        var existingMode: mode_t? { mode == 0 ? nil : mode }
        /// A character device or a FIFO: opened and written, never replaced.
        var writesThrough: Bool { mode & S_IFMT == S_IFCHR || mode & S_IFMT == S_IFIFO }
    }

    /// Resolves `path` (following a symlink at its end), refuses what cannot or must not be
    /// written (see `AtomicFile`), and says how the write is to be done.
    static func destination(of path: String, graphFolder: String?) throws(WriteError) -> Destination {
        guard !path.isEmpty else { throw WriteError(path: path, problem: .emptyPath) }
        var info = stat()
        var resolved = path
        if lstat(path, &info) != 0 {
            let code = errno
            guard code == ENOENT else { throw WriteError(path: path, problem: .system(code)) }
            try checkFolder(of: path)
            info = stat()
        } else if info.st_mode & S_IFMT == S_IFLNK {
            // Follow the link: the file it names is the one to replace, in its own folder.
            guard let real = realPath(path) else {
                // A dangling link or a loop: refused rather than guessed at.
                throw WriteError(path: path, problem: .system(errno))
            }
            resolved = real
            if stat(real, &info) != 0 {
                let code = errno
                guard code == ENOENT else { throw WriteError(path: path, problem: .system(code)) }
                info = stat()
            }
        }
        if let graphFolder { try refuseInside(graphFolder, resolved, reportedAs: path) }
        switch info.st_mode & S_IFMT {
        case 0, S_IFREG, S_IFCHR, S_IFIFO:
            let owner = info.st_mode == 0 ? nil : (uid: info.st_uid, gid: info.st_gid)
            return Destination(path: resolved, mode: info.st_mode, owner: owner)
        case S_IFDIR:
            throw WriteError(path: path, problem: .system(EISDIR))
        default:
            throw WriteError(path: path, problem: .notRegularFile(FileProblem.type(of: info.st_mode) ?? .unknown))
        }
    }

    /// Refuses a new file whose folder is missing or is not a folder.
    private static func checkFolder(of path: String) throws(WriteError) {
        let folder = Self.folder(of: path)
        var info = stat()
        guard stat(folder, &info) == 0 else {
            let code = errno
            throw WriteError(path: path, problem: code == ENOENT ? .missingFolder(folder) : .system(code))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw WriteError(path: path, problem: .system(ENOTDIR)) }
    }

    /// Refuses `resolved` when it is `graphFolder` or a file directly in it.
    private static func refuseInside(_ graphFolder: String, _ resolved: String, reportedAs path: String) throws(WriteError) {
        guard let graph = realPath(graphFolder) else { return }
        let candidate = realPath(resolved) ?? realPath(Self.folder(of: resolved)).map { $0 + "/" + (resolved as NSString).lastPathComponent }
        guard let candidate else { return }
        if candidate == graph || Self.folder(of: candidate) == graph {
            throw WriteError(path: path, problem: .insideGraph(folder: graphFolder))
        }
    }

    /// The folder part of `path` (`.` for a bare name).
    static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// `realpath(3)`: the absolute path with every symlink resolved, `nil` (and `errno`) when
    /// a part of it is missing or loops.
    static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}

/// A counter shared by the threads of a process (temporary file names).
final class Serial: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
