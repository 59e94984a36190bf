#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped read-only into memory, for the loader to parse in place.
///
/// Mapped pages count as the process's memory once touched; ``release(_:)`` hands back
/// the pages of a range (`madvise(MADV_DONTNEED)`: they stay in the page cache, and are
/// read again from it if touched again), so a 500 MB file costs a few megabytes at a time.
final class MappedFile {
    let bytes: UnsafeBufferPointer<UInt8>
    private let mapping: UnsafeMutableRawPointer?
    private let length: Int
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Maps the regular file at `path`; `nil` when it cannot be opened, is not a regular file,
    /// or cannot be mapped (the caller falls back to reading it, and reports why).
    init?(path: String) {
        // O_NONBLOCK: a FIFO swapped in after the loader looked must not block the open.
        let fd = open(path, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        length = Int(status.st_size)
        if length == 0 {
            mapping = nil
            bytes = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        guard let address = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else { return nil }
        mapping = address
        _ = madvise(address, length, MADV_SEQUENTIAL)
        bytes = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: length)
    }

    /// Gives back the whole pages inside `range` (byte offsets). Safe from several threads
    /// for disjoint ranges.
    func release(_ range: Range<Int>) {
        guard let mapping else { return }
        let page = Self.pageSize
        let start = (max(range.lowerBound, 0) + page - 1) / page * page
        let end = min(range.upperBound, length) / page * page
        guard end > start else { return }
        _ = madvise(mapping + start, end - start, MADV_DONTNEED)
    }

    deinit {
        if let mapping { munmap(mapping, length) }
    }
}
