import Foundation
import Testing
@testable import PolicyGraphCommands

/// The README's walkthrough "Your own graph", run for real: its commands (in ```console
/// walkthrough blocks) in order, in a scratch folder, each output compared with the one shown;
/// a ```json PATH block is written to PATH when the walkthrough reaches it. The README's own
/// example test runs only read-only commands on the seed graph; this one writes.
/// `UPDATE_README=1 swift test --filter YourOwnGraphTests` rewrites the shown output.
@Suite struct YourOwnGraphTests {
    static let section = "## Your own graph"
    /// The graph folder the walkthrough names.
    static let folder = "summit"

    @Test func walkthroughRunsAsShown() throws {
        let update = ProcessInfo.processInfo.environment["UPDATE_README"] != nil
        let root = Fixtures.root.path
        let path = root + "/README.md"
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: Self.section), "the README has a section \(Self.section)")
        let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("## ") } ?? lines.count
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pg-walkthrough-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let graph = scratch + "/" + Self.folder

        // `swift test` runs in the package root, where the README's relative paths already work;
        // keeping them relative keeps the widths of tables that show them as the README shows them.
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.resolvingSymlinksInPath().path
        let atRoot = cwd == URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
        /// README paths to real ones: the graph into the scratch folder, the rest from the root.
        func real(_ word: String) -> String {
            // The graph, and what the walkthrough writes beside it (summit.graphml, summit-copy/).
            if word == Self.folder || word.hasPrefix(Self.folder + "/") || word.hasPrefix(Self.folder + "-") || word.hasPrefix(Self.folder + ".") {
                return scratch + "/" + word
            }
            if word.hasPrefix("Fixtures/") { return atRoot ? word : root + "/" + word }
            return word
        }
        /// Real paths in output back to the README's.
        func shown(_ text: String) -> String {
            text.replacingOccurrences(of: scratch + "/", with: "").replacingOccurrences(of: root + "/", with: "")
        }

        var replacements: [(Range<Int>, [String])] = []
        var commands = 0
        var i = start
        while i < end {
            let line = lines[i]
            if line.hasPrefix("```json ") {
                let target = real(String(line.dropFirst("```json ".count)))
                var j = i + 1
                while j < end, lines[j] != "```" { j += 1 }
                try (lines[(i + 1)..<j].joined(separator: "\n") + "\n").write(toFile: target, atomically: true, encoding: .utf8)
                i = j + 1
                continue
            }
            guard line == "```console walkthrough" else {
                i += 1
                continue
            }
            var j = i + 1
            while j < end, lines[j] != "```" {
                guard lines[j].hasPrefix("$ swift run policygraph ") else {
                    Issue.record("README.md:\(j + 1): expected '$ swift run policygraph ...'")
                    j += 1
                    continue
                }
                let command = String(lines[j].dropFirst("$ swift run policygraph ".count))
                var k = j + 1
                while k < end, !lines[k].hasPrefix("$ "), lines[k] != "```" { k += 1 }
                let words = try #require(ReadmeExampleTests.shellWords(command), "README.md:\(j + 1)")
                let output = PolicyGraphTool.run(words.map(real))
                var actual = shown(output.stdout + output.stderr)
                if actual.hasSuffix("\n") { actual.removeLast() }
                commands += 1
                if update {
                    replacements.append(((j + 1)..<k, actual.isEmpty ? [] : actual.components(separatedBy: "\n")))
                } else {
                    #expect(actual == lines[(j + 1)..<k].joined(separator: "\n"), "README.md:\(j + 1): $ \(command)")
                }
                j = k
            }
            i = j + 1
        }
        #expect(commands >= 10, "the walkthrough runs its commands")
        // Where the walkthrough leaves the graph: it loads, and the sheet was imported whole.
        #expect(PolicyGraphTool.run(["validate", "--graph", graph]).status == 0)
        if update {
            for (range, new) in replacements.reversed() { lines.replaceSubrange(range, with: new) }
            try lines.joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
        }
    }
}
