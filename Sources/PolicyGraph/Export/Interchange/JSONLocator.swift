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
    /// The column of `position`, kept as the walk advances: computing it from the line's start
    /// at each value made a long line (a document written without newlines) quadratic.
    private var column = 1
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
        }
        locator.skipWhitespace()
        locator.value(path: [])
        return locator.found
    }

    private init(bytes: [UInt8], maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    private var current: SourcePosition { SourcePosition(line: line, column: column) }

    private mutating func advance() {
        let byte = bytes[position]
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            // Columns count characters: a UTF-8 continuation byte does not start one.
            column += 1
        }
        position += 1
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, Self.isWhitespace(bytes[position]) { advance() }
    }

    /// Walks one value; `path` is `nil` below `maximumDepth`, where nothing is recorded (so deep
    /// nesting costs no path copies).
    private mutating func value(path: [Step]?) {
        guard position < bytes.count else { return }
        if let path { found[path] = current }
        func child(_ step: @autoclosure () -> Step) -> [Step]? {
            guard let path, path.count < maximumDepth else { return nil }
            return path + [step()]
        }
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
                value(path: child(.key(key)))
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
                value(path: child(.index(index)))
                index += 1
                skipWhitespace()
            }
            if position < bytes.count { advance() }
        case UInt8(ascii: "\""):
            _ = string()
        default:
            while position < bytes.count, !Self.isWhitespace(bytes[position]),
                  bytes[position] != UInt8(ascii: ","), bytes[position] != UInt8(ascii: "]"), bytes[position] != UInt8(ascii: "}") {
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
