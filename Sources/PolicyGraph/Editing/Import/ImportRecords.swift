import Foundation

/// A node named by an imported row: by an id or label of the graph, or new.
struct ImportName: Sendable {
    let name: String
    let at: SourceLocation
    /// The column the name is in (`actor`, `From`).
    var column: String = "name"
    /// The kind to create the node with when the graph has no such node; `nil` when not given.
    var kind: String?
    var kindAt: SourceLocation?
    /// The column that could have given the kind, for the message when it is missing; empty when
    /// the source cannot create nodes from edges (then an unknown name is an unknown node).
    var kindColumn: String = ""
    /// Cells for a new node (`label_zh`, `description`, ...).
    var cells: [String: String] = [:]
}

/// A node declared by an import (a Kumu element, a GraphML node): matched to the graph by its id
/// or label, or created.
struct ImportNode: Sendable {
    /// The id the source gives, if any.
    let id: String?
    let name: ImportName
}

/// An edge of an import, with the location of each cell for messages.
struct ImportEdge: Sendable {
    let from: ImportName
    let relation: String
    let relationAt: SourceLocation
    let to: ImportName
    /// Edge columns beyond from, relation, to, in the order the source gives them.
    let cells: [(column: String, value: String)]
    let cellAt: [String: SourceLocation]
    /// The row, for the duplicate check.
    let line: Int
}

/// What an import brings: nodes declared outright and edges (whose ends may create nodes).
struct ImportRecords: Sendable {
    var nodes: [ImportNode] = []
    var edges: [ImportEdge] = []
    /// Problems found while reading the source, reported with the merger's.
    var issues: [ImportIssue] = []
    /// Schemas that come with the rows (the one a GraphML export carries, a file given beside), in order.
    var schemas: [ImportSchema] = []
    /// Whether rows that differ from an edge the graph has are written into it in place.
    var updatesExisting = false
}

/// Node ids made from names.
///
/// The rule: letters are folded to lower case without accents (`Türkiye` → `turkiye`); Latin
/// letters and digits are kept; Chinese, Japanese and Korean characters are kept as they are
/// (`欧盟` → `欧盟`); every other run of characters becomes one `-`, with none at either end
/// (`European Union (EU)` → `european-union-eu`); a name with nothing left is `node`. An id taken
/// by another node gets `-2`, `-3`, ... (`china-2`).
package enum NodeIDRule {
    /// The id for `name`, before collisions are resolved.
    public static func id(for name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        var out = ""
        var dash = false
        for scalar in folded.unicodeScalars {
            let v = scalar.value
            let keep = (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) || isCJK(v)
            if keep {
                if dash, !out.isEmpty { out += "-" }
                dash = false
                out.unicodeScalars.append(scalar)
            } else {
                dash = true
            }
        }
        return out.isEmpty ? "node" : out
    }

    /// The id for `name` that is not in `taken`.
    public static func id(for name: String, avoiding taken: (String) -> Bool) -> String {
        let base = id(for: name)
        if !taken(base) { return base }
        var n = 2
        while taken("\(base)-\(n)") { n += 1 }
        return "\(base)-\(n)"
    }

    private static func isCJK(_ v: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x3040...0x30FF).contains(v)
            || (0xAC00...0xD7AF).contains(v) || (0xF900...0xFAFF).contains(v) || (0x20000...0x2FFFF).contains(v)
    }
}

extension RawCSV {
    /// The location of field `k` of `record`: its line and 1-based column (in characters).
    func location(of record: Record, field k: Int) -> SourceLocation {
        let start = k < record.fieldRanges.count ? record.fieldRanges[k].lowerBound : record.range.upperBound
        var lineStart = record.range.lowerBound
        var line = record.line
        var i = record.range.lowerBound
        while i < start {
            if bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
            i += 1
        }
        let column = String(decoding: bytes[lineStart..<start], as: UTF8.self).count + 1
        return SourceLocation(file: file, line: line, column: column)
    }
}
