import Foundation

extension CitationFix {
    /// Rewrites the locators of `fixes` in their files, each file written atomically: only the
    /// locator inside each fixed cite cell changes, every other byte is kept.
    ///
    /// - Returns: how many locators were rewritten.
    /// - Throws: `AtomicFile.WriteError` when a file cannot be read or written.
    package static func apply(_ fixes: [CitationFix]) throws(AtomicFile.WriteError) -> Int {
        var applied = 0
        let byFile = Dictionary(grouping: fixes, by: \.file)
        for file in byFile.keys.sorted() {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw AtomicFile.WriteError(path: file, message: "cannot read the file")
            }
            var bytes = Array(data)
            // Last cell first, so that earlier ranges stay valid.
            for fix in (byFile[file] ?? []).sorted(by: { $0.cell.lowerBound > $1.cell.lowerBound }) {
                guard fix.cell.upperBound <= bytes.count,
                      let range = firstRange(of: Array(fix.old.utf8), in: bytes, within: fix.cell) else { continue }
                bytes.replaceSubrange(range, with: Array(fix.new.description.utf8))
                applied += 1
            }
            try AtomicFile.write(Data(bytes), to: file)
        }
        return applied
    }

    private static func firstRange(of needle: [UInt8], in bytes: [UInt8], within cell: Range<Int>) -> Range<Int>? {
        guard !needle.isEmpty, cell.count >= needle.count else { return nil }
        var i = cell.lowerBound
        while i + needle.count <= cell.upperBound {
            if bytes[i..<(i + needle.count)].elementsEqual(needle) { return i..<(i + needle.count) }
            i += 1
        }
        return nil
    }
}
