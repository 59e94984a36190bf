/// One record of a CSV file as the reader hands it out: field boundaries into the file's bytes,
/// valid only during the callback. Fields are decoded to `String` only when asked for, so that
/// bulk loading does not allocate a string per cell it does not keep.
struct CSVRecord {
    /// The 1-based line the record starts on.
    var line = 0
    var count = 0
    var starts: [Int] = []
    var ends: [Int] = []
    /// Whether the field was quoted and holds doubled quotes to undo.
    var escaped: [Bool] = []
    /// The record's bytes in the buffer, from its first byte up to (not including) its line end:
    /// what an editor replaces to change this record and nothing else.
    var byteRange: Range<Int> = 0..<0
    let base: UnsafeBufferPointer<UInt8>

    init(base: UnsafeBufferPointer<UInt8>) { self.base = base }

    mutating func reset(line: Int) {
        self.line = line
        count = 0
    }

    mutating func append(start: Int, end: Int, escaped isEscaped: Bool) {
        if count < starts.count {
            starts[count] = start
            ends[count] = end
            escaped[count] = isEscaped
        } else {
            starts.append(start)
            ends.append(end)
            escaped.append(isEscaped)
        }
        count += 1
    }

    func isEmpty(_ i: Int) -> Bool { starts[i] == ends[i] }

    /// The bytes of field `i` with quotes undone.
    func bytes(_ i: Int) -> [UInt8] {
        let slice = UnsafeBufferPointer(rebasing: base[starts[i]..<ends[i]])
        guard escaped[i] else { return Array(slice) }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var skip = false
        for b in slice {
            if b == 0x22 {
                if skip {
                    skip = false
                    continue
                }
                skip = true
            } else {
                skip = false
            }
            out.append(b)
        }
        return out
    }

    /// Field `i` as text. The reader checked the whole file for valid UTF-8 beforehand.
    func string(_ i: Int) -> String {
        if !escaped[i] {
            return String(decoding: UnsafeBufferPointer(rebasing: base[starts[i]..<ends[i]]), as: UTF8.self)
        }
        return String(decoding: bytes(i), as: UTF8.self)
    }

    /// The bytes of field `i` as written, quotes included (a quoted field's content starts
    /// right after its opening quote, an unquoted one after a comma or at the record's start).
    func rawRange(_ i: Int) -> Range<Int> {
        let quoted = starts[i] > byteRange.lowerBound && base[starts[i] - 1] == 0x22
        return quoted ? (starts[i] - 1)..<(ends[i] + 1) : starts[i]..<ends[i]
    }

    /// Whether field `i` is exactly the ASCII/UTF-8 text `literal` (no allocation).
    func equals(_ i: Int, _ literal: StaticString) -> Bool {
        guard !escaped[i] else { return string(i) == literal.description }
        let n = ends[i] - starts[i]
        guard n == literal.utf8CodeUnitCount else { return false }
        let p = literal.utf8Start
        for k in 0..<n where base[starts[i] + k] != p[k] { return false }
        return true
    }
}

/// A byte-level RFC 4180 reader: a leading BOM and CRLF line ends are accepted, quoted fields may
/// hold commas, doubled quotes and line breaks, and blank lines are skipped.
///
/// It checks the whole buffer for UTF-8 and NUL bytes first, then walks it once, handing each
/// record to a callback; nothing per line is allocated. It stops at the first syntax error, since
/// nothing after a broken quote can be trusted.
enum CSVReader {
    /// Reads `buffer` record by record. `file` names the file in errors.
    static func read(
        _ buffer: UnsafeBufferPointer<UInt8>, file: String,
        _ body: (CSVRecord) throws(LoadError) -> Void
    ) throws(LoadError) {
        try TextCheck.check(buffer, file: file)
        var record = CSVRecord(base: buffer)
        let n = buffer.count
        var i = 0
        if n >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { i = 3 }
        var line = 1
        var lineStart = i
        func location(_ at: Int, line: Int, lineStart: Int) -> SourceLocation {
            let column = String(decoding: UnsafeBufferPointer(rebasing: buffer[lineStart..<at]), as: UTF8.self).count + 1
            return SourceLocation(file: file, line: line, column: column)
        }
        while i < n {
            // Skip blank lines.
            if buffer[i] == 0x0A || buffer[i] == 0x0D {
                if buffer[i] == 0x0D, i + 1 < n, buffer[i + 1] == 0x0A { i += 1 }
                i += 1
                line += 1
                lineStart = i
                continue
            }
            record.reset(line: line)
            let recordStart = i
            var endOfRecord = false
            while !endOfRecord {
                if i < n, buffer[i] == 0x22 {
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
                        let b = buffer[i]
                        if b == 0x22 {
                            if i + 1 < n, buffer[i + 1] == 0x22 {
                                escaped = true
                                i += 2
                                continue
                            }
                            break
                        }
                        if b == 0x0A {
                            line += 1
                            lineStart = i + 1
                        } else if b == 0x0D, !(i + 1 < n && buffer[i + 1] == 0x0A) {
                            line += 1
                            lineStart = i + 1
                        }
                        i += 1
                    }
                    record.append(start: start, end: i, escaped: escaped)
                    i += 1
                    if i >= n {
                        endOfRecord = true
                    } else if buffer[i] == 0x2C {
                        i += 1
                    } else if buffer[i] == 0x0A || buffer[i] == 0x0D {
                        endOfRecord = true
                    } else {
                        throw LoadError(.textAfterClosingQuote, at: location(i, line: line, lineStart: lineStart))
                    }
                } else {
                    let start = i
                    while i < n {
                        let b = buffer[i]
                        if b == 0x2C || b == 0x0A || b == 0x0D { break }
                        if b == 0x22 {
                            throw LoadError(.quoteInUnquotedField, at: location(i, line: line, lineStart: lineStart))
                        }
                        i += 1
                    }
                    record.append(start: start, end: i, escaped: false)
                    if i < n, buffer[i] == 0x2C {
                        i += 1
                    } else {
                        endOfRecord = true
                    }
                }
            }
            record.byteRange = recordStart..<i
            try body(record)
            // Consume the line end.
            if i < n {
                if buffer[i] == 0x0D, i + 1 < n, buffer[i + 1] == 0x0A { i += 1 }
                i += 1
                line += 1
                lineStart = i
            }
        }
    }
}

/// The text checks every input file passes before parsing: valid UTF-8 and no NUL byte.
enum TextCheck {
    static func check(_ buffer: UnsafeBufferPointer<UInt8>, file: String) throws(LoadError) {
        let n = buffer.count
        var i = 0
        var line = 1
        var lineStart = 0
        func fail(_ reason: LoadError.Reason) -> LoadError {
            let column = String(decoding: UnsafeBufferPointer(rebasing: buffer[lineStart..<i]), as: UTF8.self).count + 1
            return LoadError(reason, at: SourceLocation(file: file, line: line, column: column))
        }
        while i < n {
            let b = buffer[i]
            if b < 0x80 {
                if b == 0 { throw fail(.nulByte) }
                if b == 0x0A {
                    line += 1
                    lineStart = i + 1
                }
                i += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch b {
            case 0xC2...0xDF:
                length = 2
                scalar = UInt32(b & 0x1F)
                minimum = 0x80
            case 0xE0...0xEF:
                length = 3
                scalar = UInt32(b & 0x0F)
                minimum = 0x800
            case 0xF0...0xF4:
                length = 4
                scalar = UInt32(b & 0x07)
                minimum = 0x10000
            default: throw fail(.invalidUTF8)
            }
            guard i + length <= n else { throw fail(.invalidUTF8) }
            for k in 1..<length {
                let c = buffer[i + k]
                guard c & 0xC0 == 0x80 else { throw fail(.invalidUTF8) }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { throw fail(.invalidUTF8) }
            i += length
        }
    }
}
