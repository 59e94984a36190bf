import Foundation
import PolicyGraph
import Testing

/// Running Graphviz: finding it, saying how to install it, writing atomically; picking a font
/// for Chinese.
@Suite struct DOTGraphvizRunnerTests {
    @Test func aMissingGraphvizSaysHowToInstallIt() {
        let runner = GraphvizRunner(searchPath: "/nonexistent-policygraph-test")
        #expect(runner.executable(named: "dot") == nil)
        #expect(throws: GraphvizError(.notFound(program: "dot"))) { try runner.run("digraph {}", format: "svg") }
        #expect(GraphvizError(.notFound(program: "dot")).description
            == "Graphviz's 'dot' was not found on PATH; install it with 'apt-get install graphviz' (Debian/Ubuntu) or 'brew install graphviz' (macOS)")
    }

    @Test func theFormatFollowsTheExtension() {
        #expect(GraphvizFormat(path: "out/view.svg") == .svg)
        #expect(GraphvizFormat(path: "VIEW.PNG") == .png)
        #expect(GraphvizFormat(path: "a.b/report.pdf") == .pdf)
        #expect(GraphvizFormat(path: "view.jpeg") == nil)
        #expect(GraphvizFormat(path: "dir.svg/view") == nil)
    }

    @Test(.enabled(if: DOTReference.dotAvailable, DOTReference.skipMessage))
    func invalidDOTFailsWithGraphvizsMessageAndWritesNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pg-runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.svg").path
        do {
            try GraphvizRunner().render("digraph { a -> }", to: path, format: .svg)
            Issue.record("invalid DOT was drawn")
        } catch {
            guard case .failed(let program, let status, let message) = error.reason else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(program == "dot" && status != 0 && message.contains("syntax error"))
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        try GraphvizRunner().render("digraph { a -> b }", to: path, format: .svg)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("<svg"))
    }

    @Test func chineseFontPrefersNotoSansCJKSC() {
        let list = "DejaVu Sans,DejaVu Sans Condensed\nNoto Sans CJK JP,Noto Sans CJK JP Regular\nNoto Sans CJK SC,Noto Sans CJK SC Regular\n"
        #expect(ChineseFont.choose(fromFontList: list) == "Noto Sans CJK SC")
        #expect(ChineseFont.choose(fromFontList: "WenQuanYi Zen Hei,文泉驿正黑\nAR PL UMing CN\n") == "WenQuanYi Zen Hei")
        #expect(ChineseFont.choose(fromFontList: "Zeta Sans\nAlpha Hei\n") == "Alpha Hei")
        #expect(ChineseFont.choose(fromFontList: "") == nil)
    }

    @Test func withoutFontconfigTheChoiceWarns() {
        let choice = ChineseFont.installed(runner: GraphvizRunner(searchPath: "/nonexistent-policygraph-test"))
        #expect(choice.fontName == "Noto Sans CJK SC")
        #expect(choice.warning?.contains("apt-get install fonts-noto-cjk") == true)
    }
}
