/// The list of views of a graph folder: `<graph>/views/views.txt`, one view a line,
/// `name: arguments of policygraph dot`; `#` starts a comment line.
///
/// ```text
/// # The pictures an analyst opens first.
/// overview: --cluster --legend --title "The dialogue at a glance"
/// us-delegation: --focus us-delegation --depth 2
/// ```
///
/// `policygraph views` writes `<name>.dot` and `<name>.svg` beside the list. Views are data, like
/// the schema: an analyst adds one by adding a line, not by changing code.
public struct ViewManifest: Sendable, Equatable {
    /// One line of the list.
    public struct View: Sendable, Equatable {
        /// The file name of the view, without extension.
        public let name: String
        /// The arguments of `policygraph dot` that draw it, split as a shell would.
        public let arguments: [String]
        /// The 1-based line of the list.
        public let line: Int
    }

    /// A line of the list that cannot be read.
    public struct Error: LocatedError, Hashable, Sendable {
        public let location: SourceLocation
        public let message: String

        public init(location: SourceLocation, message: String) {
            self.location = location
            self.message = message
        }

        /// The line of the list, as `file:line`.
        public var locationDescription: String? { location.description }
    }

    /// The views, in the order of the list.
    public let views: [View]

    /// The folder of the views inside a graph folder, and the list's file name in it.
    public static let folder = "views"
    public static let file = "views.txt"

    /// Reads a list; `file` names it in errors.
    ///
    /// - Throws: ``ViewManifest/Error`` at the first line that is not `name: arguments` with a
    ///   name of letters, digits, `-` and `_`, given once, and arguments with closed quotes.
    public static func parse(_ text: String, file: String) throws(ViewManifest.Error) -> ViewManifest {
        var views: [View] = []
        for (i, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let at = SourceLocation(file: file, line: i + 1)
            let line = rawLine.trimmingWhitespace
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw Error(location: at, message: "expected 'name: arguments of policygraph dot', found '\(line)'")
            }
            let name = String(line[..<colon]).trimmingWhitespace
            guard !name.isEmpty, name.unicodeScalars.allSatisfy({ isNameScalar($0) }) else {
                throw Error(location: at, message: "view name '\(name)' must be letters, digits, '-' or '_' (it names the files)")
            }
            if let first = views.first(where: { $0.name == name }) {
                throw Error(location: at, message: "view '\(name)' is listed twice, first on line \(first.line)")
            }
            guard let arguments = split(String(line[line.index(after: colon)...])) else {
                throw Error(location: at, message: "a quote opened in the arguments of view '\(name)' is never closed")
            }
            views.append(View(name: name, arguments: arguments, line: i + 1))
        }
        return ViewManifest(views: views)
    }

    /// Splits arguments as a POSIX shell does for words and quotes: blanks separate, `'...'` is
    /// literal, `"..."` allows `\"` and `\\`, a backslash outside quotes escapes the next character.
    /// `nil` when a quote is not closed.
    static func split(_ text: String) -> [String]? {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaping = false
        for ch in text {
            if escaping {
                if quote == "\"", ch != "\"", ch != "\\" { current.append("\\") }
                current.append(ch)
                escaping = false
            } else if let q = quote {
                if ch == q { quote = nil } else if ch == "\\", q == "\"" { escaping = true } else { current.append(ch) }
            } else if ch == " " || ch == "\t" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                inWord = true
                if ch == "'" || ch == "\"" { quote = ch } else if ch == "\\" { escaping = true } else { current.append(ch) }
            }
        }
        guard quote == nil, !escaping else { return nil }
        if inWord { words.append(current) }
        return words
    }

    private static func isNameScalar(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "-" || s == "_"
    }

    /// The mark a view's SVG carries of the DOT it was drawn from (Graphviz writes the graph's
    /// `comment` into the SVG): SVG bytes differ between Graphviz versions and fonts, but this
    /// mark shows whether the picture was drawn from the committed DOT.
    public static func fingerprint(ofDOT dot: String) -> String {
        let hex = String(DOT.fnv1a64(dot), radix: 16)
        // Letters, digits, spaces and colons only: Graphviz escapes `-` (and XML's specials) in comments.
        return "policygraph view of DOT fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Whether `svg` was drawn from `dot` with its ``fingerprint(ofDOT:)`` as the graph comment.
    public static func svg(_ svg: String, isDrawnFrom dot: String) -> Bool {
        svg.contains("<!-- \(fingerprint(ofDOT: dot)) -->")
    }
}

private extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
