/// The text checks every input file passes before its rows count: valid UTF-8 and no NUL byte.
///
/// ASCII is checked eight bytes at a step; only non-ASCII characters and the error path go byte
/// by byte. Lines are not counted while scanning: an error finds its line and column afterwards.
enum TextCheck {
    /// Checks the whole buffer.
    static func check(_ buffer: UnsafeBufferPointer<UInt8>, file: String) throws(LoadError) {
        var progress = Progress()
        if let error = progress.advance(buffer, to: buffer.count, file: file) { throw error }
    }

    /// How far a file has been checked; lets the CSV cursor check a little ahead of itself
    /// instead of reading the whole file twice.
    struct Progress {
        /// Everything before `checked` is valid (a character boundary).
        private(set) var checked: Int
        private var failure: LoadError?

        /// Nothing checked yet, from `start` (a character boundary) on.
        init(from start: Int = 0) { checked = start }

        /// Checks up to at least `limit` (a character straddling it is checked whole); the first
        /// error of the file, if there is one so far.
        mutating func advance(_ buffer: UnsafeBufferPointer<UInt8>, to limit: Int, file: String) -> LoadError? {
            if let failure { return failure }
            guard checked < limit, let base = buffer.baseAddress else { return nil }
            let n = buffer.count
            let end = min(limit, n)
            let raw = UnsafeRawPointer(base)
            var i = checked
            while i < end {
                // Eight ASCII bytes, none NUL.
                if i + 8 <= n {
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let highBits: UInt64 = 0x8080_8080_8080_8080
                    if w & highBits == 0, (w &- 0x0101_0101_0101_0101) & ~w & highBits == 0 {
                        i += 8
                        continue
                    }
                }
                let b = base[i]
                if b < 0x80 {
                    if b == 0 { return fail(.nulByte, at: i, buffer, file: file) }
                    i += 1
                    continue
                }
                guard let length = TextCheck.sequenceLength(base, at: i, count: n) else {
                    return fail(.invalidUTF8, at: i, buffer, file: file)
                }
                i += length
            }
            checked = i
            return nil
        }

        private mutating func fail(_ reason: LoadError.Reason, at i: Int, _ buffer: UnsafeBufferPointer<UInt8>, file: String) -> LoadError {
            var line = 1
            var lineStart = 0
            for k in 0..<i where buffer[k] == 0x0A {
                line += 1
                lineStart = k + 1
            }
            let column = String(decoding: UnsafeBufferPointer(rebasing: buffer[lineStart..<i]), as: UTF8.self).count + 1
            let error = LoadError(reason, at: SourceLocation(file: file, line: line, column: column))
            failure = error
            return error
        }
    }

    /// The length of the valid multi-byte UTF-8 sequence at `i`, or `nil` (overlong forms,
    /// surrogates and values past U+10FFFF are invalid).
    @inline(__always)
    static func sequenceLength(_ base: UnsafePointer<UInt8>, at i: Int, count n: Int) -> Int? {
        let b = base[i]
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
        default: return nil
        }
        guard i + length <= n else { return nil }
        for k in 1..<length {
            let c = base[i + k]
            guard c & 0xC0 == 0x80 else { return nil }
            scalar = scalar << 6 | UInt32(c & 0x3F)
        }
        if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return nil }
        return length
    }
}
