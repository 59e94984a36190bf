import Testing
@testable import PolicyGraph
@testable import PolicyGraphBench

/// The byte-level CSV cursor (lazy text check, no per-field allocation) against the plain
/// reference reader, on random documents: same records, same lines, same first error.
@Suite struct ScaleCSVReaderTests {
    /// Everything the cursor reads from `bytes`, or its error.
    static func cursorRecords(_ bytes: [UInt8], file: String = "t.csv") -> Result<[ReferenceCSV.Record], LoadError> {
        bytes.withUnsafeBufferPointer { buffer in
            var cursor = CSVCursor(buffer, file: file)
            var records: [ReferenceCSV.Record] = []
            do throws(LoadError) {
                while try cursor.next() {
                    let record = cursor.record
                    records.append(ReferenceCSV.Record(line: record.line, fields: (0..<record.count).map { record.string($0) }))
                }
                return .success(records)
            } catch {
                return .failure(error)
            }
        }
    }

    @Test(arguments: 0..<40)
    func randomDocumentsReadLikeTheReference(seed: Int) {
        var random = RandomCSV(rng: SplitMix64(seed: UInt64(seed)))
        let bytes = Array(random.document(rows: 1 + seed % 30, columns: 1 + seed % 5).utf8)
        let expected = ReferenceCSV.read(bytes, file: "t.csv")
        #expect(Self.cursorRecords(bytes) == expected)
    }

    @Test(arguments: 0..<200)
    func corruptedDocumentsFailLikeTheReference(seed: Int) {
        var random = RandomCSV(rng: SplitMix64(seed: UInt64(1000 + seed)))
        let bytes = random.corrupt(Array(random.document(rows: 1 + seed % 12, columns: 3).utf8))
        #expect(Self.cursorRecords(bytes) == ReferenceCSV.read(bytes, file: "t.csv"))
    }

    @Test func aTextErrorAfterASyntaxErrorWins() throws {
        // Line 1 has a stray quote; line 3, far beyond what the cursor checks ahead, a bad byte.
        var bytes = Array("a,b\"c\n".utf8) + [UInt8](repeating: 0x61, count: 3 << 20) + Array("\nx,".utf8)
        bytes.append(0xFF)
        let result = Self.cursorRecords(bytes)
        #expect(result == .failure(LoadError(.invalidUTF8, at: SourceLocation(file: "t.csv", line: 3, column: 3))))
        #expect(result == ReferenceCSV.read(bytes, file: "t.csv"))
    }

    @Test func theCallbackReaderChecksTheTextBeforeTheFirstRecord() {
        let bytes: [UInt8] = Array("a,b\nc,d\n".utf8) + [0xC3]
        var seen = 0
        let result: LoadError? = bytes.withUnsafeBufferPointer { buffer -> LoadError? in
            do throws(LoadError) {
                try CSVReader.read(buffer, file: "t.csv") { _ in seen += 1 }
                return nil
            } catch {
                return error
            }
        }
        #expect(seen == 0)
        #expect(result?.description == "t.csv:3:1: error: invalid UTF-8 byte sequence; save the file as UTF-8")
    }

    @Test(arguments: 0..<60)
    func textCheckFindsTheFirstBadByteLikeTheStandardLibrary(seed: Int) {
        var rng = SplitMix64(seed: UInt64(5000 + seed))
        // Mostly valid text (ASCII runs long enough for the eight-byte steps, Chinese, newlines)
        // with a few random bytes among it.
        var bytes: [UInt8] = []
        for _ in 0..<(20 + rng.next(below: 200)) {
            switch rng.next(below: 10) {
            case 0: bytes += Array("中文\n".utf8)
            case 1: bytes.append(UInt8(truncatingIfNeeded: rng.next()))
            case 2: bytes += [0xF0, 0x9F, 0x98, 0x80]
            default: bytes += Array("abcdefghijk,".utf8)
            }
        }
        let expected = ReferenceCSV.firstTextError(bytes, file: "t.csv")
        let found: LoadError? = bytes.withUnsafeBufferPointer { buffer -> LoadError? in
            do throws(LoadError) {
                try TextCheck.check(buffer, file: "t.csv")
                return nil
            } catch {
                return error
            }
        }
        #expect(found == expected)
    }

    @Test func fieldBytesUndoDoubledQuotesWithoutChangingPlainFields() throws {
        let bytes = Array("\"say \"\"hi\"\"\",plain,\"\"\n".utf8)
        try bytes.withUnsafeBufferPointer { buffer throws in
            var cursor = CSVCursor(buffer, file: "t.csv")
            #expect(try cursor.next())
            var record = cursor.record
            #expect(record.withBytes(0) { Array($0) } == Array("say \"hi\"".utf8))
            #expect(record.withBytes(1) { Array($0) } == Array("plain".utf8))
            #expect(record.isEmpty(2))
            #expect(try !cursor.next())
        }
    }
}
