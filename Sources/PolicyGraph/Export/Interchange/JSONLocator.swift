/// Finds where values sit in a JSON text that ``JSONParser`` has accepted, so that problems of
/// meaning in an imported document (a row with a cell too few, an unknown node) point at the
/// line and column of the row, as syntax errors do. ``JSONValue`` keeps no positions; this walks
/// the bytes once more, only when there is an error to place.
struct JSONLocator {
    /// One step of a path into a document: a member name or an array index.
    enum Step: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    private let bytes: [UInt8]
    private let maximumDepth: Int
    private var position = 0
    private var line = 1
    private var lineStart = 0
    private(set) var found: [[Step]: SourcePosition] = [:]

    /// A 1-based line and column (columns count characters, as the parser's do).
    struct SourcePosition: Hashable, Sendable {
        let line: Int
        let column: Int
    }

    /// The positions of every value at most `maximumDepth` steps below the root.
    /// `bytes` must be a document the parser accepted.
    static func positions(in bytes: [UInt8], maximumDepth: Int) -> [[Step]: SourcePosition] {
        var locator = JSONLocator(bytes: bytes, maximumDepth: maximumDepth)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            locator.position = 3
            locator.lineStart = 3
        }
        locator.skipWhitespace()
        locator.value(path: [])
        return locator.found
    }

    private init(bytes: [UInt8], maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    private var current: SourcePosition {
        var column = 1
        var i = lineStart
        while i < position {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourcePosition(line: line, column: column)
    }

    private mutating func advance() {
        if bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        position += 1
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { advance() }
    }

    private mutating func value(path: [Step]) {
        guard position < bytes.count else { return }
        if path.count <= maximumDepth { found[path] = current }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            advance()
            skipWhitespace()
            while position < bytes.count, bytes[position] != UInt8(ascii: "}") {
                if bytes[position] == UInt8(ascii: ",") {
                    advance()
                    skipWhitespace()
                }
                let key = string()
                skipWhitespace()
                if position < bytes.count { advance() }  // ':'
                skipWhitespace()
                value(path: path + [.key(key)])
                skipWhitespace()
            }
            if position < bytes.count { advance() }
        case UInt8(ascii: "["):
            advance()
            skipWhitespace()
            var index = 0
            while position < bytes.count, bytes[position] != UInt8(ascii: "]") {
                if bytes[position] == UInt8(ascii: ",") {
                    advance()
                    skipWhitespace()
                }
                value(path: path + [.index(index)])
                index += 1
                skipWhitespace()
            }
            if position < bytes.count { advance() }
        case UInt8(ascii: "\""):
            _ = string()
        default:
            while position < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), 0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) {
                advance()
            }
        }
    }

    /// Skips a string, returning its raw text (escapes left as written: keys compared here are plain names).
    private mutating func string() -> String {
        advance()
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
            if bytes[position] == UInt8(ascii: "\\") { advance() }
            if position < bytes.count { advance() }
        }
        let text = String(decoding: bytes[start..<min(position, bytes.count)], as: UTF8.self)
        if position < bytes.count { advance() }
        return text
    }
}
