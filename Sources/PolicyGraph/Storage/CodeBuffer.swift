/// The codes of a column as they are appended: one, two or four bytes each, widened when a
/// code outgrows the width, nothing at all while every code is 0; written through a pointer.
final class CodeBuffer {
    private(set) var width = 0
    private(set) var count = 0
    private var storage: UnsafeMutableRawPointer
    private var capacity = 0
    private let expected: Int

    init(expected: Int) {
        self.expected = expected
        storage = UnsafeMutableRawPointer.allocate(byteCount: 0, alignment: 4)
    }

    deinit { storage.deallocate() }

    func copy() -> CodeBuffer {
        let other = CodeBuffer(expected: expected)
        other.reshape(width: width, capacity: capacity)
        other.storage.copyMemory(from: storage, byteCount: count * width)
        other.count = count
        return other
    }

    @inline(__always)
    func append(_ code: UInt32) {
        if code == 0, width == 0 {
            count += 1
            return
        }
        let needed = code <= 0xFF ? 1 : (code <= 0xFFFF ? 2 : 4)
        if needed > width || count >= capacity {
            reshape(width: max(width, needed), capacity: count >= capacity ? max(expected, 2 * capacity, count + 16) : capacity)
        }
        switch width {
        case 1: storage.storeBytes(of: UInt8(truncatingIfNeeded: code), toByteOffset: count, as: UInt8.self)
        case 2: storage.storeBytes(of: UInt16(truncatingIfNeeded: code), toByteOffset: 2 * count, as: UInt16.self)
        default: storage.storeBytes(of: code, toByteOffset: 4 * count, as: UInt32.self)
        }
        count += 1
    }

    @inline(__always)
    subscript(row: Int) -> UInt32 {
        precondition(row >= 0 && row < count, "code index out of range")
        switch width {
        case 0: return 0
        case 1: return UInt32(storage.load(fromByteOffset: row, as: UInt8.self))
        case 2: return UInt32(storage.load(fromByteOffset: 2 * row, as: UInt16.self))
        default: return storage.load(fromByteOffset: 4 * row, as: UInt32.self)
        }
    }

    /// Appends the codes of `other`, each translated through `map` (indexed by code).
    func append(contentsOf other: CodeBuffer, through map: [UInt32]) {
        let widest = map.max() ?? 0
        let needed = widest == 0 ? 0 : (widest <= 0xFF ? 1 : (widest <= 0xFFFF ? 2 : 4))
        if needed > width || count + other.count > capacity {
            reshape(width: max(width, needed), capacity: max(capacity, count + other.count))
        }
        guard width > 0 else {
            count += other.count
            return
        }
        map.withUnsafeBufferPointer { map in
            for row in 0..<other.count {
                let code = map[Int(other[row])]
                switch width {
                case 1: storage.storeBytes(of: UInt8(truncatingIfNeeded: code), toByteOffset: count, as: UInt8.self)
                case 2: storage.storeBytes(of: UInt16(truncatingIfNeeded: code), toByteOffset: 2 * count, as: UInt16.self)
                default: storage.storeBytes(of: code, toByteOffset: 4 * count, as: UInt32.self)
                }
                count += 1
            }
        }
    }

    /// Moves the codes to a buffer of `width` bytes each with room for `capacity`.
    private func reshape(width newWidth: Int, capacity newCapacity: Int) {
        let bigger = UnsafeMutableRawPointer.allocate(byteCount: max(newCapacity, count) * newWidth, alignment: 4)
        for row in 0..<count where newWidth > 0 {
            let code = self[row]
            switch newWidth {
            case 1: bigger.storeBytes(of: UInt8(truncatingIfNeeded: code), toByteOffset: row, as: UInt8.self)
            case 2: bigger.storeBytes(of: UInt16(truncatingIfNeeded: code), toByteOffset: 2 * row, as: UInt16.self)
            default: bigger.storeBytes(of: code, toByteOffset: 4 * row, as: UInt32.self)
            }
        }
        storage.deallocate()
        storage = bigger
        width = newWidth
        capacity = max(newCapacity, count)
    }

    /// The codes as an immutable ``CodeArray``.
    func codeArray() -> CodeArray {
        switch width {
        case 0: return CodeArray(storage: .zeros(count))
        case 1: return CodeArray(storage: .bytes(Array(UnsafeBufferPointer(start: storage.assumingMemoryBound(to: UInt8.self), count: count))))
        case 2: return CodeArray(storage: .shorts(Array(UnsafeBufferPointer(start: storage.assumingMemoryBound(to: UInt16.self), count: count))))
        default: return CodeArray(storage: .words(Array(UnsafeBufferPointer(start: storage.assumingMemoryBound(to: UInt32.self), count: count))))
        }
    }
}
