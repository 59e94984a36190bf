import Foundation

/// What went wrong with a path, in words taken from the real cause (the `errno` of the call
/// that failed, or what `lstat` found there), so that a FIFO is not called a permission problem
/// and a folder where a file should be is not "error 256".
public enum FileProblem: Sendable, Equatable {
    /// A system call failed with this `errno`.
    case system(Int32)
    /// The path is a FIFO, socket or device where a regular file is needed.
    case notRegularFile(FileType)
    /// The folder that would hold the file does not exist.
    case missingFolder(String)
    /// The path names a file inside the graph folder being read, which the write would destroy.
    case insideGraph(folder: String)
    /// The path is empty.
    case emptyPath

    /// What `lstat` found at a path that is not a regular file.
    public enum FileType: String, Sendable {
        case folder, fifo = "FIFO", socket, characterDevice = "character device", blockDevice = "block device", symlink, unknown
    }

    /// The sentence, without the path.
    public var message: String {
        switch self {
        case .system(let code):
            switch code {
            case ENOENT: return "no such file or folder"
            case ENOTDIR: return "a part of the path is not a folder"
            case EISDIR: return "is a folder, not a file"
            case ELOOP: return "too many levels of symbolic links (a symlink loop?)"
            case EACCES, EPERM: return "permission denied"
            default: return String(cString: strerror(code))
            }
        case .notRegularFile(let type): return "not a regular file (a \(type.rawValue))"
        case .missingFolder(let folder): return "the folder '\(folder)' does not exist"
        case .insideGraph(let folder):
            return "this would overwrite the graph being read (folder '\(folder)'); write somewhere else"
        case .emptyPath: return "the path is empty"
        }
    }

    /// The type `lstat`/`stat` reports in `mode`.
    static func type(of mode: mode_t) -> FileType? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return .folder
        case S_IFIFO: return .fifo
        case S_IFSOCK: return .socket
        case S_IFCHR: return .characterDevice
        case S_IFBLK: return .blockDevice
        case S_IFLNK: return .symlink
        default: return .unknown
        }
    }

    /// Why `path` cannot be read as a regular file, or `nil` when it can: `stat` (following
    /// symlinks) before anything opens it, so that a FIFO never blocks a reader.
    public static func unreadable(_ path: String) -> FileProblem? {
        var info = stat()
        guard stat(path, &info) == 0 else { return .system(errno) }
        if let type = type(of: info.st_mode) {
            return type == .folder ? .system(EISDIR) : .notRegularFile(type)
        }
        return access(path, R_OK) == 0 ? nil : .system(errno)
    }
}
