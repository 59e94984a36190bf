@testable import PolicyGraph
@testable import PolicyGraphBench

/// A deliberately plain CSV reader, the yardstick for the optimised one: it decodes the file
/// up front, walks it one byte at a time building `String` fields, and words its errors by the
/// rules of the format (RFC 4180 plus a BOM, CRLF and blank lines; a lone CR also ends a line).
enum ReferenceCSV {
    struct Record: Equatable {
        let line: Int
        let fields: [String]
    }

    /// The records of `bytes`, or the first error (a text error anywhere wins over a syntax error).
    static func read(_ bytes: [UInt8], file: String) -> Result<[Record], LoadError> {
        let (records, error) = readUntilError(bytes, file: file)
        if let error { return .failure(error) }
        return .success(records)
    }

    /// The records before the first error, and the error: none after a text error (the text is
    /// checked first), those before it after a syntax error.
    static func readUntilError(_ bytes: [UInt8], file: String) -> (records: [Record], error: LoadError?) {
        if let error = firstTextError(bytes, file: file) { return ([], error) }
        var records: [Record] = []
        var i = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        var line = 1
        var lineStart = i
        func at(_ position: Int, _ line: Int, _ lineStart: Int) -> SourceLocation {
            SourceLocation(file: file, line: line, column: String(decoding: bytes[lineStart..<position], as: UTF8.self).count + 1)
        }
        func isBreak(_ k: Int) -> Bool { k < bytes.count && (bytes[k] == 0x0A || bytes[k] == 0x0D) }
        /// Steps over the line break at `k`; returns the index after it.
        func skipBreak(_ k: Int) -> Int { bytes[k] == 0x0D && k + 1 < bytes.count && bytes[k + 1] == 0x0A ? k + 2 : k + 1 }
        while i < bytes.count {
            if isBreak(i) {
                i = skipBreak(i)
                line += 1
                lineStart = i
                continue
            }
            let recordLine = line
            var fields: [String] = []
            while true {
                var field: [UInt8] = []
                if i < bytes.count, bytes[i] == 0x22 {
                    let (openAt, openLine, openLineStart) = (i, line, lineStart)
                    i += 1
                    while true {
                        if i >= bytes.count { return (records, LoadError(.unterminatedQuote, at: at(openAt, openLine, openLineStart))) }
                        if bytes[i] == 0x22 {
                            if i + 1 < bytes.count, bytes[i + 1] == 0x22 {
                                field.append(0x22)
                                i += 2
                                continue
                            }
                            i += 1
                            break
                        }
                        if isBreak(i) {
                            let next = skipBreak(i)
                            field += bytes[i..<next]
                            i = next
                            line += 1
                            lineStart = i
                            continue
                        }
                        field.append(bytes[i])
                        i += 1
                    }
                    if i < bytes.count, bytes[i] != 0x2C, !isBreak(i) {
                        return (records, LoadError(.textAfterClosingQuote, at: at(i, line, lineStart)))
                    }
                } else {
                    while i < bytes.count, bytes[i] != 0x2C, !isBreak(i) {
                        if bytes[i] == 0x22 { return (records, LoadError(.quoteInUnquotedField, at: at(i, line, lineStart))) }
                        field.append(bytes[i])
                        i += 1
                    }
                }
                fields.append(String(decoding: field, as: UTF8.self))
                if i < bytes.count, bytes[i] == 0x2C {
                    i += 1
                    continue
                }
                break
            }
            records.append(Record(line: recordLine, fields: fields))
            if i < bytes.count {
                i = skipBreak(i)
                line += 1
                lineStart = i
            }
        }
        return (records, nil)
    }

    /// The first byte that is not valid UTF-8 or is NUL, found with the standard library's
    /// decoder; its line counts line feeds only.
    static func firstTextError(_ bytes: [UInt8], file: String) -> LoadError? {
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        var position = 0
        while true {
            var reason: LoadError.Reason?
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value == 0 {
                    reason = .nulByte
                } else {
                    position += UTF8.width(scalar)
                    continue
                }
            case .emptyInput: return nil
            case .error: reason = .invalidUTF8
            }
            let before = bytes[0..<position]
            let line = before.filter { $0 == 0x0A }.count + 1
            let lineStart = (before.lastIndex(of: 0x0A) ?? -1) + 1
            let column = String(decoding: bytes[lineStart..<position], as: UTF8.self).count + 1
            return reason.map { LoadError($0, at: SourceLocation(file: file, line: line, column: column)) }
        }
    }
}

/// Random CSV text for the comparisons: fields with commas, quotes, line breaks of each kind,
/// Chinese text and emptiness, quoted when needed and sometimes when not.
struct RandomCSV {
    var rng: SplitMix64

    private static let pieces = ["a", "b", "id-7", " ", ",", "\"", "\n", "\r\n", "\r", "中国", "人工智能", "é", "0.5", "2024-05-14", "x y"]

    mutating func field() -> String {
        let length = rng.next(below: 4)
        return (0..<length).map { _ in Self.pieces[rng.next(below: Self.pieces.count)] }.joined()
    }

    mutating func encode(_ field: String) -> String {
        let needs = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needs || rng.next(below: 5) == 0 else { return field }
        return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// A document of `rows` records of `columns` fields (sometimes a field short or long), with
    /// an optional BOM, mixed line ends, blank lines and maybe no final line end.
    mutating func document(rows: Int, columns: Int) -> String {
        var out = rng.next(below: 4) == 0 ? "\u{FEFF}" : ""
        for r in 0..<rows {
            var count = columns
            if rng.next(below: 20) == 0 { count += rng.next(below: 2) == 0 ? -1 : 1 }
            out += (0..<max(1, count)).map { _ in encode(field()) }.joined(separator: ",")
            let end = [ "\n", "\n", "\r\n", "\r"][rng.next(below: 4)]
            if r < rows - 1 || rng.next(below: 2) == 0 { out += end }
            if rng.next(below: 15) == 0 { out += "\n" }
        }
        return out
    }

    /// `bytes` with one random corruption: a stray quote, a dropped byte, an invalid UTF-8 byte
    /// or a NUL.
    mutating func corrupt(_ bytes: [UInt8]) -> [UInt8] {
        guard !bytes.isEmpty else { return [0x22] }
        var out = bytes
        let at = rng.next(below: out.count)
        switch rng.next(below: 4) {
        case 0: out.insert(0x22, at: at)
        case 1: out.remove(at: at)
        case 2: out.insert([0xFF, 0xC3, 0xE4, 0xED][rng.next(below: 4)], at: at)
        default: out.insert(0, at: at)
        }
        return out
    }
}
