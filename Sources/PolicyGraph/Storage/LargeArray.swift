#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Arrays of millions of elements that are read at random (hash slots, adjacency, offsets).
///
/// On Linux they are backed by transparent huge pages where the system allows it
/// (`madvise(MADV_HUGEPAGE)` before the first write): a random read into a 40 MB array then
/// misses one 2 MB page instead of one of ten thousand 4 kB pages, which on a virtual machine
/// turns each miss into a walk of two page tables. Only a hint; the arrays are ordinary.
enum LargeArray {
    /// Below this size the hint is not worth a system call.
    static let threshold = 4 << 20

    /// An array of `count` zeros.
    static func zeros<T: FixedWidthInteger>(count: Int) -> [T] {
        uninitialized(count: count) { buffer in
            guard let base = buffer.baseAddress else { return }
            base.initialize(repeating: 0, count: buffer.count)
        }
    }

    /// An array of `count` elements, every one of which `initialize` must set.
    static func uninitialized<T>(count: Int, _ initialize: (UnsafeMutableBufferPointer<T>) -> Void) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let full = UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
            adviseHugePages(UnsafeMutableRawBufferPointer(full))
            initialize(full)
            initialized = count
        }
    }

    /// Asks for huge pages over the whole 2 MB pages inside `region` (not yet touched).
    static func adviseHugePages(_ region: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        guard region.count >= threshold, let base = region.baseAddress else { return }
        let huge = 2 << 20
        let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
        let end = (Int(bitPattern: base) + region.count) & ~(huge - 1)
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, end - start, MADV_HUGEPAGE)
        #endif
    }
}
