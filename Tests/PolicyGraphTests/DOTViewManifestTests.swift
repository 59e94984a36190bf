import PolicyGraph
import Testing

/// `views/views.txt`: one view a line, its arguments split as a shell would.
@Suite struct DOTViewManifestTests {
    @Test func linesAreNamesAndShellWords() throws {
        let text = """
            # comment
            overview: --cluster --legend --title "The dialogue \\"at a glance\\""

              us: --focus 'us delegation' --depth 2\tx\\ y
            """
        let manifest = try ViewManifest.parse(text, file: "views.txt")
        #expect(manifest.views.map(\.name) == ["overview", "us"])
        #expect(manifest.views.map(\.line) == [2, 4])
        #expect(manifest.views[0].arguments == ["--cluster", "--legend", "--title", #"The dialogue "at a glance""#])
        #expect(manifest.views[1].arguments == ["--focus", "us delegation", "--depth", "2", "x y"])
    }

    @Test(arguments: [
        ("overview --cluster", "views.txt:1: error: expected 'name: arguments of policygraph dot', found 'overview --cluster'"),
        ("over view: --cluster", "views.txt:1: error: view name 'over view' must be letters, digits, '-' or '_' (it names the files)"),
        ("a: --x\na: --y", "views.txt:2: error: view 'a' is listed twice, first on line 1"),
        ("a: --title 'open", "views.txt:1: error: a quote opened in the arguments of view 'a' is never closed"),
        ("../etc: --x", "views.txt:1: error: view name '../etc' must be letters, digits, '-' or '_' (it names the files)"),
    ])
    func badLinesSayWhereAndWhy(_ text: String, _ message: String) {
        #expect(throws: ViewManifest.Error.self) { try ViewManifest.parse(text, file: "views.txt") }
        do {
            _ = try ViewManifest.parse(text, file: "views.txt")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func anSVGIsCurrentOnlyWhenDrawnFromTheSameDOT() {
        let dot = "digraph \"policygraph\" {\n}\n"
        let mark = ViewManifest.fingerprint(ofDOT: dot)
        #expect(mark == "policygraph view of DOT fnv1a64:" + String(DOT.fnv1a64(dot), radix: 16).leftPadded(to: 16))
        let svg = "<?xml version=\"1.0\"?>\n<!-- \(mark) -->\n<svg></svg>"
        #expect(ViewManifest.svg(svg, isDrawnFrom: dot))
        #expect(!ViewManifest.svg(svg, isDrawnFrom: dot + " "))
        #expect(!ViewManifest.svg("<svg></svg>", isDrawnFrom: dot))
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
