import Foundation
import Testing
import TestSupport
@testable import PolicyGraphCommands

/// The README shows real output: every `$ policygraph ...` line in a `console` block is run
/// in-process and its output compared with what the README shows under it. After a change to the
/// graph or to an output format, `UPDATE_GOLDEN=1 swift test` (or, for the README alone, the
/// older `UPDATE_README=1 swift test --filter ReadmeExampleTests`) rewrites the shown output;
/// read the diff before committing it.
@Suite struct ReadmeExampleTests {
    /// Commands that write files or change the graph are shown, not run.
    static let writers: Set<String> = ["init", "add-node", "add-edge", "set", "set-edge", "remove-node", "remove-edge", "rename", "import", "views", "render"]
    static let writingOptions: Set<String> = ["-o", "--output", "--out", "--svg"]

    struct Example {
        let file: String
        let line: Int
        let command: String
        let arguments: [String]
        let shown: String
        /// Where the shown output sits in the file's lines.
        let outputLines: Range<Int>
    }

    @Test func readmeExamplesShowRealOutput() throws {
        let update = Golden.isUpdating || ProcessInfo.processInfo.environment["UPDATE_README"] != nil
        let path = Fixtures.root.appendingPathComponent("README.md").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        let examples = Self.examples(in: lines, file: "README.md")
        #expect(examples.count >= 20, "the README teaches by example")
        var replacements: [(Range<Int>, [String])] = []
        for example in examples {
            let output = PolicyGraphTool.run(Self.resolved(example.arguments))
            let actual = Self.relative(output.stdout + output.stderr)
            let shown = actual.hasSuffix("\n") ? String(actual.dropLast()) : actual
            if update {
                replacements.append((example.outputLines, shown.isEmpty ? [] : shown.components(separatedBy: "\n")))
            } else {
                #expect(shown == example.shown, "README.md:\(example.line): $ \(example.command)")
            }
        }
        if update {
            for (range, new) in replacements.reversed() { lines.replaceSubrange(range, with: new) }
            try lines.joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
        }
    }

    /// The arguments as the README's reader runs them from the package root, without changing
    /// this process's working folder: a path that names something under the root is made
    /// absolute, and the default `./graph` is named when the example leaves `--graph` out.
    static func resolved(_ arguments: [String]) -> [String] {
        let root = Fixtures.root.path
        var resolved = arguments.map { argument in
            guard !argument.hasPrefix("-"), !argument.hasPrefix("/"), !argument.isEmpty,
                  FileManager.default.fileExists(atPath: root + "/" + argument) else { return argument }
            return root + "/" + argument
        }
        let informational = arguments.contains("--help") || arguments.first == "--version" || arguments.isEmpty
        if !informational, !arguments.contains("--graph") { resolved += ["--graph", root + "/graph"] }
        return resolved
    }

    /// Output with the package root taken off its paths, as a reader at the root sees them.
    static func relative(_ text: String) -> String {
        text.replacingOccurrences(of: Fixtures.root.path + "/", with: "")
    }

    static func examples(in lines: [String], file: String) -> [Example] {
        var result: [Example] = []
        var inConsole = false
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if line.hasPrefix("```") {
                inConsole = !inConsole && line == "```console"
                i += 1
                continue
            }
            guard inConsole, line.hasPrefix("$ ") else {
                i += 1
                continue
            }
            let start = i
            var j = i + 1
            while j < lines.count, !lines[j].hasPrefix("$ "), !lines[j].hasPrefix("```") { j += 1 }
            var command = String(line.dropFirst(2))
            if command.hasPrefix("swift run ") { command = String(command.dropFirst("swift run ".count)) }
            if command.hasPrefix("policygraph "), let words = shellWords(String(command.dropFirst("policygraph ".count))),
               let first = words.first, !writers.contains(first), !(first == "format" && !words.contains("--check")),
               words.allSatisfy({ !writingOptions.contains($0) && $0 != "|" && $0 != ">" && !$0.hasPrefix("-o") }) {
                // Run from the package root, as the README's reader does.
                let args = words
                // A blank line may separate one example from the next; it is not output.
                var end = j
                while end > start + 1, lines[end - 1].isEmpty { end -= 1 }
                result.append(Example(file: file, line: start + 1, command: command, arguments: args,
                                      shown: lines[(start + 1)..<end].joined(separator: "\n"), outputLines: (start + 1)..<end))
            }
            i = j
        }
        return result
    }

    /// Splits a command line as a POSIX shell would for the quoting examples use ('...', "...", \x).
    static func shellWords(_ text: String) -> [String]? {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escape = false
        for ch in text {
            if escape {
                current.append(ch)
                escape = false
                continue
            }
            if let q = quote {
                if ch == q { quote = nil } else if ch == "\\" && q == "\"" { escape = true } else { current.append(ch) }
                continue
            }
            switch ch {
            case "'", "\"":
                quote = ch
                inWord = true
            case "\\":
                escape = true
                inWord = true
            case " ", "\t":
                if inWord { words.append(current) }
                current = ""
                inWord = false
            default:
                current.append(ch)
                inWord = true
            }
        }
        if quote != nil { return nil }
        if inWord { words.append(current) }
        return words
    }
}
