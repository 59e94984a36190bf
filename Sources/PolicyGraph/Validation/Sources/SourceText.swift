/// The text of a source, paragraph by paragraph, each under its locator.
///
/// The file format: a line that is only a locator (`§01 ¶2`) starts a paragraph, and the lines
/// after it, up to the next locator line, are its text (blank lines around it do not count;
/// lines inside a paragraph are joined by a line break, which the quote matching treats as a
/// space). Lines before the first locator are a preamble and not part of the text.
package struct SourceText: Sendable {
    /// One paragraph: its locator, its text as written, and the line of its locator in the file.
    package struct Paragraph: Sendable {
        /// Where the paragraph is.
        package let locator: CitationLocator
        /// Its text as written, lines joined by line breaks.
        package let text: String
        /// The line of its locator in the file.
        package let line: Int
        /// `text` with whitespace normalised, for matching quotes.
        let normalized: String
    }

    /// The paragraphs in file order.
    package let paragraphs: [Paragraph]

    /// Reads the text of a source file; `file` names it in errors.
    ///
    /// - Throws: ``SourceTextError`` when a locator line repeats an earlier one or a paragraph
    ///   is empty.
    package static func parse(_ text: String, file: String) throws(SourceTextError) -> SourceText {
        var paragraphs: [Paragraph] = []
        var current: (locator: CitationLocator, line: Int, lines: [Substring])?
        var seen: [CitationLocator: Int] = [:]
        func close() throws(SourceTextError) {
            guard let open = current else { return }
            var lines = open.lines
            while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
            while lines.first?.allSatisfy(\.isWhitespace) == true { lines.removeFirst() }
            guard !lines.isEmpty else {
                throw SourceTextError(.emptyParagraph(open.locator), at: SourceLocation(file: file, line: open.line))
            }
            let body = lines.joined(separator: "\n")
            paragraphs.append(Paragraph(locator: open.locator, text: body, line: open.line,
                                        normalized: QuoteText.normalize(body)))
        }
        for (i, trimmed) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if trimmed.hasPrefix("§"), let locator = CitationLocator(String(trimmed)), locator.paragraph != nil {
                try close()
                if let first = seen[locator] {
                    throw SourceTextError(.duplicateLocator(locator, firstLine: first), at: SourceLocation(file: file, line: i + 1))
                }
                seen[locator] = i + 1
                current = (locator, i + 1, [])
            } else if current != nil {
                current?.lines.append(trimmed)
            }
        }
        try close()
        return SourceText(paragraphs: paragraphs)
    }

    /// The locators of the paragraphs in `scope` (a section, or every section when `nil`) whose
    /// text holds `quote` after whitespace normalisation, in the order of the file.
    package func locators(of quote: String, in scope: String? = nil) -> [CitationLocator] {
        let needle = QuoteText.normalize(quote)
        guard !needle.isEmpty else { return [] }
        return paragraphs.filter { (scope == nil || $0.locator.section == scope) && $0.normalized.contains(needle) }
            .map(\.locator)
    }

    /// Whether the text has a section called `section`.
    package func hasSection(_ section: String) -> Bool { paragraphs.contains { $0.locator.section == section } }
}

/// Why a source text file could not be read.
package struct SourceTextError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong with the file.
    package enum Reason: Hashable, Sendable {
        case duplicateLocator(CitationLocator, firstLine: Int)
        case emptyParagraph(CitationLocator)
    }

    /// What is wrong.
    package let reason: Reason
    /// The line of the offending locator.
    package let location: SourceLocation

    /// An error of `reason` at `location`.
    package init(_ reason: Reason, at location: SourceLocation) {
        self.reason = reason
        self.location = location
    }

    /// The message without the location.
    package var message: String {
        switch reason {
        case .duplicateLocator(let locator, let first):
            return "locator '\(locator)' already starts the paragraph on line \(first); number each paragraph once"
        case .emptyParagraph(let locator):
            return "paragraph '\(locator)' has no text; put its text on the lines after the locator"
        }
    }

    /// `file:line: error: message`.
    package var description: String { "\(location): error: \(message)" }
}

/// How quotes and source text are compared: every run of whitespace (spaces, tabs, line breaks,
/// no-break and ideographic spaces) is one space, and none at either end. Nothing else is
/// folded: punctuation, width and case must match the source.
enum QuoteText {
    static func normalize(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for c in text {
            if c.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(c)
            }
        }
        return out
    }
}
