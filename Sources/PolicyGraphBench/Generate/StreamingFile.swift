import Foundation
import PolicyGraph

/// A file written through a fixed buffer and renamed into place when complete, so that a
/// generated 500 MB CSV never exists as one `String` and a reader never sees half a file.
struct StreamingFile {
    private let path: String
    private let temporary: String
    private let handle: UnsafeMutablePointer<FILE>
    private var buffer: [UInt8] = []
    private var failed = false
    private static let flushSize = 1 << 20

    init(path: String) throws(AtomicFile.WriteError) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
        guard let handle = fopen(temporary, "wb") else {
            throw AtomicFile.WriteError(path: path, message: String(cString: strerror(errno)))
        }
        self.handle = handle
        buffer.reserveCapacity(Self.flushSize + 4096)
    }

    mutating func append(_ byte: UInt8) { buffer.append(byte) }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    mutating func append(_ text: String) { buffer.append(contentsOf: text.utf8) }

    /// Appends `value` in decimal, left-padded with zeros to `width` digits.
    mutating func append(_ value: Int, width: Int = 0) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        let start = buffer.count
        var v = value.magnitude
        repeat {
            buffer.append(UInt8(truncatingIfNeeded: v % 10) + 48)
            v /= 10
        } while v > 0
        while buffer.count - start < width { buffer.append(48) }
        buffer[start...].reverse()
    }

    /// Appends `field` as a CSV field, quoted when it holds a comma, quote or line break.
    mutating func appendField(_ field: String) { buffer.append(contentsOf: CSVWriter.escape(field).utf8) }

    /// Ends a record; flushes the buffer when it is full.
    mutating func endRecord() {
        buffer.append(0x0A)
        if buffer.count >= Self.flushSize { flush() }
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        if written != buffer.count { failed = true }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and renames the file into place.
    mutating func close() throws(AtomicFile.WriteError) {
        flush()
        let closed = fclose(handle) == 0
        guard !failed, closed, rename(temporary, path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary)
            throw AtomicFile.WriteError(path: path, message: message)
        }
    }
}
