/// A CSV file held as its bytes plus the byte range of every record and field, so that an edit
/// replaces exactly the bytes it changes: other rows, their quoting, unknown columns, CRLF line
/// ends, a BOM, blank lines and a missing final line end all stay as they were.
struct RawCSV {
    struct Record {
        let line: Int
        /// The record's bytes without its line end.
        let range: Range<Int>
        /// Each field's bytes as written, quotes included.
        let fieldRanges: [Range<Int>]
        /// Each field's text, quotes undone.
        let fields: [String]
    }

    let file: String
    let bytes: [UInt8]
    /// The header first, then the rows in file order.
    let records: [Record]
    /// `\r\n` when the file's first line ends so, else `\n`: new rows follow the file's habit.
    let lineEnding: [UInt8]

    /// - Throws: ``LoadError`` at the first CSV syntax error, as the loader would.
    init(bytes: [UInt8], file: String) throws(LoadError) {
        self.file = file
        self.bytes = bytes
        var records: [Record] = []
        try bytes.withUnsafeBufferPointer { (buffer) throws(LoadError) in
            try CSVReader.read(buffer, file: file) { (record: CSVRecord) throws(LoadError) in
                records.append(Record(line: record.line, range: record.byteRange,
                                      fieldRanges: (0..<record.count).map { record.rawRange($0) },
                                      fields: (0..<record.count).map { record.string($0) }))
            }
        }
        guard !records.isEmpty else { throw LoadError(.emptyFile, at: SourceLocation(file: file, line: 1)) }
        self.records = records
        let end = records[0].range.upperBound
        self.lineEnding = end + 1 < bytes.count && bytes[end] == 0x0D && bytes[end + 1] == 0x0A ? [0x0D, 0x0A] : [0x0A]
    }

    var header: [String] { records[0].fields }
    /// The data rows (records after the header), with their index into `records`.
    var rows: ArraySlice<Record> { records.dropFirst() }

    /// The index of column `name` in the header.
    func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// The length of the line end after `record` (0 at the end of a file without one).
    func lineEndLength(after record: Record) -> Int {
        let i = record.range.upperBound
        guard i < bytes.count else { return 0 }
        return bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
    }
}

/// Byte-range replacements to make in a ``RawCSV``, applied all at once.
struct CSVSplices {
    private var splices: [(range: Range<Int>, bytes: [UInt8])] = []
    private(set) var isEmpty = true

    mutating func replace(_ range: Range<Int>, with text: String) {
        splices.append((range, Array(text.utf8)))
        isEmpty = false
    }

    mutating func replace(_ range: Range<Int>, with bytes: [UInt8]) {
        splices.append((range, bytes))
        isEmpty = false
    }

    /// Sets field `column` of `record` to `value`, quoted only if it must be.
    mutating func setField(_ record: RawCSV.Record, _ column: Int, to value: String) {
        replace(record.fieldRanges[column], with: CSVWriter.escape(value))
    }

    /// Adds cells at the end of `record` (for new columns).
    mutating func appendFields(_ record: RawCSV.Record, _ values: [String]) {
        guard !values.isEmpty else { return }
        replace(record.range.upperBound..<record.range.upperBound, with: values.map { "," + CSVWriter.escape($0) }.joined())
    }

    /// Removes `record` and its line end (or, for a last record without one, the line end before it).
    mutating func remove(_ record: RawCSV.Record, in csv: RawCSV, previous: RawCSV.Record) {
        let length = csv.lineEndLength(after: record)
        if length > 0 {
            replace(record.range.lowerBound..<record.range.upperBound + length, with: [])
        } else {
            replace(previous.range.upperBound..<record.range.upperBound, with: [])
        }
    }

    /// Adds a record at the end of the file, with the file's line end.
    mutating func append(_ fields: [String], to csv: RawCSV) {
        let record = Array(fields.map(CSVWriter.escape).joined(separator: ",").utf8)
        let end = csv.bytes.count
        let endsWithLineEnd = csv.bytes.last == 0x0A || csv.bytes.last == 0x0D
        replace(end..<end, with: endsWithLineEnd ? record + csv.lineEnding : csv.lineEnding + record)
    }

    /// The bytes of `csv` with every splice made. Splices must not overlap; an insertion at the
    /// end of a replaced range goes after the replacement.
    func applied(to csv: RawCSV) -> [UInt8] {
        let ordered = splices.enumerated().sorted {
            ($0.element.range.lowerBound, $0.element.range.upperBound, $0.offset) < ($1.element.range.lowerBound, $1.element.range.upperBound, $1.offset)
        }.map(\.element)
        var out: [UInt8] = []
        out.reserveCapacity(csv.bytes.count + 64)
        var at = 0
        for splice in ordered {
            if splice.range.lowerBound > at { out += csv.bytes[at..<splice.range.lowerBound] }
            out += splice.bytes
            at = max(at, splice.range.upperBound)
        }
        if at < csv.bytes.count { out += csv.bytes[at...] }
        return out
    }
}
