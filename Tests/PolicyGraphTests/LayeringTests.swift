import Foundation
import Testing

/// The library's folders are layers: a file may name the types of its own layer and of those
/// below it, never of one above. The compiler cannot see this inside one module, so this test
/// does: it collects the type names each folder declares and fails on a back-reference.
@Suite struct LayeringTests {
    /// The layers of `Sources/PolicyGraph`, bottom to top. The one place the order is written.
    static let layers = ["Diagnostics", "Storage", "Model", "Store", "Validation", "Editing", "Query", "Positions", "Export"]

    @Test func everyFolderOfTheLibraryIsALayer() throws {
        // Folders that hold Swift files (git leaves no empty ones; a moved-out folder may linger on disk).
        let folders = Set(try Self.sourceFiles().map(\.layer))
        #expect(folders == Set(Self.layers), "add a new folder to `LayeringTests.layers`, at its place in the order")
    }

    @Test func noLayerNamesATypeOfALayerAboveIt() throws {
        let violations = LayerScan(layers: Self.layers, files: try Self.sourceFiles()).backReferences
        #expect(violations.isEmpty, "\(violations.map(\.description).joined(separator: "\n"))")
    }

    @Test func aSyntheticBackReferenceIsFlagged() {
        let files = [
            LayerScan.File(layer: "Model", path: "Model/Graph.swift", text: """
                /// Mentions QueryError in a comment, which is fine.
                struct Graph { let scratch: Scratch; func f() -> String { "QueryError" } }
                """),
            LayerScan.File(layer: "Model", path: "Model/Bad.swift", text: "extension Graph {\n  func g() throws(QueryError) {}\n}\n"),
            LayerScan.File(layer: "Storage", path: "Storage/Scratch.swift", text: "final class Scratch {}\n"),
            LayerScan.File(layer: "Query", path: "Query/QueryError.swift", text: "public struct QueryError: Error { let graph: Graph }\n"),
        ]
        let violations = LayerScan(layers: ["Storage", "Model", "Query"], files: files).backReferences
        #expect(violations.map(\.description) == ["Model/Bad.swift:2: 'Model' uses 'QueryError' of the higher layer 'Query'"])
    }

    @Test func interpolatedCodeInAStringCounts() {
        let files = [
            LayerScan.File(layer: "Model", path: "Model/A.swift", text: #"let s = "x \(Plan.name) y""# + "\n"),
            LayerScan.File(layer: "Query", path: "Query/Plan.swift", text: "enum Plan { static let name = \"p\" }\n"),
        ]
        #expect(LayerScan(layers: ["Model", "Query"], files: files).backReferences.count == 1)
    }

    static var library: URL { packageRoot.appendingPathComponent("Sources/PolicyGraph") }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Every `.swift` file of the library with the layer (top folder) it is in.
    static func sourceFiles() throws -> [LayerScan.File] {
        var files: [LayerScan.File] = []
        let enumerator = FileManager.default.enumerator(atPath: library.path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".swift"), let layer = relative.split(separator: "/").first else { continue }
            let text = try String(contentsOf: library.appendingPathComponent(relative), encoding: .utf8)
            files.append(LayerScan.File(layer: String(layer), path: relative, text: text))
        }
        return files.sorted { $0.path < $1.path }
    }
}

/// Which type names each layer declares, and which files name a type of a higher layer.
struct LayerScan {
    struct File {
        let layer: String
        let path: String
        let text: String
    }

    struct Violation: CustomStringConvertible {
        let path: String
        let line: Int
        let layer: String
        let name: String
        let owner: String
        var description: String { "\(path):\(line): '\(layer)' uses '\(name)' of the higher layer '\(owner)'" }
    }

    let layers: [String]
    let files: [File]

    /// Every use of a higher layer's type, in file then line order.
    var backReferences: [Violation] {
        let rank = Dictionary(uniqueKeysWithValues: layers.enumerated().map { ($1, $0) })
        let code = files.map { Self.code($0.text) }
        // A name declared at the top level of a file belongs to the lowest layer declaring it.
        var owner: [String: String] = [:]
        for (file, lines) in zip(files, code) {
            for name in Self.declaredTypes(lines) {
                if let current = owner[name], let a = rank[current], let b = rank[file.layer], a <= b { continue }
                owner[name] = file.layer
            }
        }
        var violations: [Violation] = []
        for (file, lines) in zip(files, code) {
            guard let level = rank[file.layer] else { continue }
            for (number, line) in lines.enumerated() {
                for name in Self.identifiers(line) {
                    guard let layer = owner[name], let above = rank[layer], above > level else { continue }
                    violations.append(Violation(path: file.path, line: number + 1, layer: file.layer, name: name, owner: layer))
                }
            }
        }
        return violations
    }

    /// Names of the types a file declares at its top level.
    static func declaredTypes(_ lines: [String]) -> [String] {
        let keywords: Set<String> = ["struct", "enum", "class", "protocol", "typealias", "actor"]
        var names: [String] = []
        var depth = 0
        for line in lines {
            if depth == 0 {
                let words = identifiers(line, all: true)
                if let k = words.firstIndex(where: keywords.contains), k + 1 < words.count, words[k + 1].first?.isUppercase == true {
                    names.append(words[k + 1])
                }
            }
            depth += line.filter { $0 == "{" }.count - line.filter { $0 == "}" }.count
        }
        return names
    }

    /// The capitalised identifiers of a line (all identifiers when `all`).
    static func identifiers(_ line: String, all: Bool = false) -> [String] {
        var result: [String] = []
        var current = ""
        for c in line + " " {
            if c.isLetter || c.isNumber || c == "_" {
                current.append(c)
            } else {
                if let first = current.first, all || first.isUppercase, !first.isNumber { result.append(current) }
                current = ""
            }
        }
        return result
    }

    /// The file's lines with comments and the text of string literals blanked out; code inside
    /// `\( … )` interpolations is kept.
    static func code(_ text: String) -> [String] {
        let chars = Array(text)
        var out = ""
        var i = 0
        // Each open string: its closing delimiter; each open interpolation: its paren depth.
        enum Frame { case string(close: [Character], raw: Int), interpolation(depth: Int) }
        var stack: [Frame] = []
        func starts(_ s: [Character], at k: Int) -> Bool { k + s.count <= chars.count && Array(chars[k..<k + s.count]) == s }
        while i < chars.count {
            let c = chars[i]
            if case .string(let close, let raw)? = stack.last {
                if starts(close, at: i) { stack.removeLast(); out += "\"\""; i += close.count; continue }
                let escape: [Character] = ["\\"] + Array(repeating: "#", count: raw)
                if starts(escape + ["("], at: i) { stack.append(.interpolation(depth: 0)); out += " "; i += escape.count + 1; continue }
                if raw == 0, c == "\\" { i += 2; continue }
                if c == "\n" { out.append("\n") }
                i += 1
                continue
            }
            if starts(["/", "/"], at: i) {
                while i < chars.count, chars[i] != "\n" { i += 1 }
                continue
            }
            if starts(["/", "*"], at: i) {
                i += 2
                while i < chars.count, !starts(["*", "/"], at: i) { if chars[i] == "\n" { out.append("\n") }; i += 1 }
                i += 2
                continue
            }
            if c == "#" || c == "\"" {
                var k = i, raw = 0
                while k < chars.count, chars[k] == "#" { raw += 1; k += 1 }
                if k < chars.count, chars[k] == "\"" {
                    let quotes: [Character] = starts(["\"", "\"", "\""], at: k) ? ["\"", "\"", "\""] : ["\""]
                    stack.append(.string(close: quotes + Array(repeating: "#", count: raw), raw: raw))
                    i = k + quotes.count
                    continue
                }
            }
            if case .interpolation(let depth)? = stack.last {
                if c == "(" { stack[stack.count - 1] = .interpolation(depth: depth + 1) }
                if c == ")" {
                    if depth == 0 { stack.removeLast(); out += " "; i += 1; continue }
                    stack[stack.count - 1] = .interpolation(depth: depth - 1)
                }
            }
            out.append(c)
            i += 1
        }
        return out.components(separatedBy: "\n")
    }
}
