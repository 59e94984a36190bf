/// A byte-level RFC 4180 reader: a leading BOM and CRLF line ends are accepted, quoted fields may
/// hold commas, doubled quotes and line breaks, and blank lines are skipped.
///
/// A cursor over a whole-file buffer: ``next()`` fills ``record`` with the next record's field
/// boundaries and allocates nothing per line. The UTF-8 and NUL check runs a little ahead of it
/// (so the file is read once, not twice), and the first text error of the file wins over any
/// syntax error, as if the check had run first. It stops at the first syntax error, since
/// nothing after a broken quote can be trusted. With `release`, it tells its owner every few
/// megabytes which bytes it is done with (a mapped file gives them back to the system).
struct CSVCursor {
    let file: String
    private(set) var record: CSVRecord
    private let buffer: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var line = 1
    private var lineStart = 0
    private var text = TextCheck.Progress()
    private let release: ((Range<Int>) -> Void)?
    private var released = 0
    /// Where the text check stops (the end of the buffer, or of this cursor's part of it).
    private var textLimit: Int
    private static let checkAhead = 1 << 20
    private static let releaseStep = 16 << 20

    /// A cursor at the start of `buffer`, or at `start`, a record boundary numbered `line`
    /// (for a part of a file read on another thread), checking the text up to `textLimit`.
    init(_ buffer: UnsafeBufferPointer<UInt8>, file: String, release: ((Range<Int>) -> Void)? = nil,
         start: Int = 0, line: Int = 1, textLimit: Int? = nil) {
        self.buffer = buffer
        self.file = file
        self.release = release
        self.line = line
        self.textLimit = textLimit ?? buffer.count
        record = CSVRecord(base: buffer)
        i = start
        if start == 0, buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { i = 3 }
        lineStart = i
        released = start
        text = TextCheck.Progress(from: start)
    }

    /// The offset of the next record (or blank line).
    var position: Int { i }

    /// The line the next record starts on, blank lines aside.
    var currentLine: Int { line }

    /// Checks the text only up to `limit` (a second cursor checks the rest).
    mutating func limitText(to limit: Int) { textLimit = limit }

    /// Extends the text check to the end of the buffer (when a part turns out to be the rest).
    mutating func checkToEnd() { textLimit = buffer.count }

    /// Calls `body` with the current record (to read its fields' bytes in place).
    @inline(__always)
    mutating func withRecord<R>(_ body: (inout CSVRecord) -> R) -> R { body(&record) }

    /// The first text error of the whole file, if any: what to report instead of an error found
    /// while reading, since the text check would have run first.
    mutating func textError() -> LoadError? { text.advance(buffer, to: textLimit, file: file) }

    /// Reads the next record into ``record``; `false` at the end of the file.
    ///
    /// - Throws: ``LoadError`` for broken quoting or, first, broken text anywhere in the file.
    @inline(__always)
    mutating func next() throws(LoadError) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        let n = buffer.count
        // Skip blank lines.
        while i < n, base[i] == 0x0A || base[i] == 0x0D {
            if base[i] == 0x0D, i + 1 < n, base[i + 1] == 0x0A { i += 1 }
            i += 1
            line += 1
            lineStart = i
        }
        if i >= n {
            if let error = textError() { throw error }
            return false
        }
        if i + Self.checkAhead > text.checked, text.checked < textLimit {
            if let error = text.advance(buffer, to: min(textLimit, i + 4 * Self.checkAhead), file: file) { throw error }
        }
        if let release, i - released >= Self.releaseStep {
            release(released..<i)
            released = i
        }
        do {
            try readRecord(base, n)
        } catch {
            throw textError() ?? error
        }
        return true
    }

    @inline(__always)
    private mutating func readRecord(_ base: UnsafePointer<UInt8>, _ n: Int) throws(LoadError) {
        record.reset(line: line)
        let recordStart = i
        while true {
            if i < n, base[i] == 0x22 {
                let openLine = line
                let openAt = i
                let openLineStart = lineStart
                i += 1
                let start = i
                var escaped = false
                while true {
                    guard i < n else {
                        throw LoadError(.unterminatedQuote, at: location(openAt, line: openLine, lineStart: openLineStart))
                    }
                    let b = base[i]
                    if b == 0x22 {
                        if i + 1 < n, base[i + 1] == 0x22 {
                            escaped = true
                            i += 2
                            continue
                        }
                        break
                    }
                    if b == 0x0A {
                        line += 1
                        lineStart = i + 1
                    } else if b == 0x0D, !(i + 1 < n && base[i + 1] == 0x0A) {
                        line += 1
                        lineStart = i + 1
                    }
                    i += 1
                }
                record.append(start: start, end: i, escaped: escaped)
                i += 1
                if i >= n { break }
                let b = base[i]
                if b == 0x2C {
                    i += 1
                    continue
                }
                if b == 0x0A || b == 0x0D { break }
                throw LoadError(.textAfterClosingQuote, at: location(i, line: line, lineStart: lineStart))
            }
            let start = i
            i = Self.scanUnquoted(base, from: i, count: n)
            if i < n, base[i] == 0x22 {
                throw LoadError(.quoteInUnquotedField, at: location(i, line: line, lineStart: lineStart))
            }
            record.append(start: start, end: i, escaped: false)
            if i < n, base[i] == 0x2C {
                i += 1
                continue
            }
            break
        }
        record.byteRange = recordStart..<i
        // Consume the line end.
        if i < n {
            if base[i] == 0x0D, i + 1 < n, base[i + 1] == 0x0A { i += 1 }
            i += 1
            line += 1
            lineStart = i
        }
    }

    /// The offset of the first comma, quote, CR or LF at or after `i` (or `n`): eight bytes at a
    /// step, testing each byte of a word against the four at once (the classic "has zero byte"
    /// trick on the word xor each separator).
    @inline(__always)
    static func scanUnquoted(_ base: UnsafePointer<UInt8>, from start: Int, count n: Int) -> Int {
        var i = start
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= n {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let comma = w ^ (ones &* 0x2C)
            let quote = w ^ (ones &* 0x22)
            let cr = w ^ (ones &* 0x0D)
            let lf = w ^ (ones &* 0x0A)
            let found = ((comma &- ones) & ~comma | (quote &- ones) & ~quote | (cr &- ones) & ~cr | (lf &- ones) & ~lf) & highs
            if found != 0 { return i + found.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < n {
            let b = base[i]
            if b == 0x2C || b == 0x22 || b == 0x0D || b == 0x0A { return i }
            i += 1
        }
        return n
    }

    private func location(_ at: Int, line: Int, lineStart: Int) -> SourceLocation {
        let column = String(decoding: UnsafeBufferPointer(rebasing: buffer[lineStart..<at]), as: UTF8.self).count + 1
        return SourceLocation(file: file, line: line, column: column)
    }
}

/// Reads a whole CSV buffer record by record, for callers that want a callback.
enum CSVReader {
    /// Reads `buffer` record by record. `file` names the file in errors. The text check runs
    /// over the whole buffer before the first record is handed out.
    static func read(
        _ buffer: UnsafeBufferPointer<UInt8>, file: String,
        _ body: (CSVRecord) throws(LoadError) -> Void
    ) throws(LoadError) {
        try TextCheck.check(buffer, file: file)
        var cursor = CSVCursor(buffer, file: file)
        while try cursor.next() { try body(cursor.record) }
    }
}
