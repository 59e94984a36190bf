extension TableLoader {
    /// Files smaller than this are read on one thread: a second one would not pay for itself.
    static let defaultParallelThreshold = 16 << 20

    /// Where a second thread may start reading `bytes`: just after the first line break past
    /// the middle, or `nil` for a small file or one without a line break there.
    ///
    /// The line break might lie inside a quoted field; the first thread finds out when it gets
    /// there, and then the second thread's work is thrown away (see ``readInParallel``).
    func splitPoint(_ bytes: UnsafeBufferPointer<UInt8>, after start: Int) -> Int? {
        guard bytes.count >= parallelThreshold, let base = bytes.baseAddress else { return nil }
        var i = max(start, bytes.count / 2)
        while i < bytes.count, base[i] != 0x0A { i += 1 }
        return i + 1 < bytes.count ? i + 1 : nil
    }

    /// Reads the edge rows in two parts at once: this cursor up to `split`, a second cursor
    /// from `split` to the end. The result is the one reading on one thread would give:
    ///
    /// - the first text error of the file wins (the first part's, then the second's);
    /// - a syntax error in the first part stops the file there (the second part is dropped);
    /// - the second part's lines are counted from its start, then shifted by the line the first
    ///   part ended on;
    /// - if the first part does not end exactly at `split` (the line break there was inside a
    ///   quoted field), the second part is dropped and the first reads on to the end.
    func readInParallel(
        _ source: CSVSource, split: Int, cursor: inout CSVCursor, reader: inout EdgeRowReader,
        errors: inout [LoadError], issues: inout [ValidationIssue]
    ) throws(LoadError) {
        var second = CSVCursor(source.bytes, file: source.name, release: source.release, start: split, line: 1)
        var secondReader = reader.emptyCopy(capacity: Self.estimatedRows(source.bytes.count - split, minimumRowBytes: 20))
        var secondErrors: [LoadError] = []
        var secondIssues: [ValidationIssue] = []
        cursor.limitText(to: split)
        let (firstError, secondError) = Parallel.both({ () -> LoadError? in
            do throws(LoadError) {
                try Self.readRows(&cursor, into: &reader, errors: &errors, issues: &issues, stop: split)
                return cursor.textError()
            } catch {
                return error
            }
        }, { () -> LoadError? in
            do throws(LoadError) {
                try Self.readRows(&second, into: &secondReader, errors: &secondErrors, issues: &secondIssues)
                return nil
            } catch {
                return error
            }
        })
        if let firstError, firstError.isTextError { throw firstError }
        if let secondError, secondError.isTextError { throw secondError }
        if let firstError { throw firstError }
        guard cursor.position == split else {
            cursor.checkToEnd()
            try Self.readRows(&cursor, into: &reader, errors: &errors, issues: &issues)
            return
        }
        let shift = cursor.currentLine - 1
        errors += secondErrors.map { $0.shifted(by: shift) }
        issues += secondIssues.map { $0.shifted(by: shift) }
        reader.append(contentsOf: secondReader)
        if let secondError { throw secondError.shifted(by: shift) }
    }
}

extension LoadError {
    /// Whether the file's text is broken (not UTF-8, or a NUL): found by the text check.
    var isTextError: Bool { reason == .invalidUTF8 || reason == .nulByte }

    /// The same error `lines` further down (for a part of a file read from its middle).
    func shifted(by lines: Int) -> LoadError {
        LoadError(reason, at: SourceLocation(file: location.file, line: location.line + lines, column: location.column))
    }
}

extension ValidationIssue {
    /// The same issue `lines` further down.
    func shifted(by lines: Int) -> ValidationIssue {
        ValidationIssue(reason, field: field, at: SourceLocation(file: location.file, line: location.line + lines, column: location.column))
    }
}
