import Foundation
import Testing
@testable import PolicyGraph

/// The stance table as SVG: valid XML by a real parser, colours by stance, labels in both
/// languages, and (when installed) librsvg and Chromium draw it.
@Suite struct StanceTableSVGTests {
    func svg(language: DOTLanguage = .both) throws -> String {
        let graph = try OverlapTestGraphs.fixture()
        let table = try graph.stanceTable(StanceTableRequest(actors: ["atlantis", "borealis", "dorado"], order: .id))
        return StanceTableSVG.render(table, graph: graph, language: language, title: "Stances <of> three & more")
    }

    @Test func labelsInBothLanguagesAndEscapedTitle() throws {
        let text = try svg()
        #expect(text.contains(">Atlantis 亚特兰蒂斯</text>"))
        #expect(text.contains(">Borealis &amp; Isles 北方群岛</text>"))
        #expect(text.contains(">Stances &lt;of&gt; three &amp; more</text>"))
        #expect(try svg(language: .chinese).contains(">条约</text>"))
        #expect(!(try svg(language: .english)).contains("条约"))
    }

    @Test func cellsAreColouredBySideAndCarryTheirCites() throws {
        let text = try svg()
        // atlantis supports accord fully (blue), borealis opposes charter (red), its treaty cancels (grey).
        #expect(StanceTableSVG.fill(Stance(target: "x", value: 1)) == "#2166ac")
        #expect(StanceTableSVG.fill(Stance(target: "x", value: -1)) == "#b2182b")
        #expect(StanceTableSVG.fill(Stance(target: "x", value: 0)) == "#bdbdbd")
        #expect(StanceTableSVG.fill(nil) == "#ffffff")
        #expect(text.contains("fill=\"#b2182b\"><title>Borealis &amp; Isles 北方群岛 – Safety Charter 安全宪章: −"))
        #expect(text.contains("borealis opposes treaty: B7: Borealis also rejects the Treaty"))
        #expect(text.contains("fill=\"#bdbdbd\""))
    }

    @Test func aRealXMLParserAcceptsItAndRealRenderersDrawIt() throws {
        let folder = try TemporaryFolder.make("stance-svg")
        let path = folder + "/table.svg"
        try Data(try svg().utf8).write(to: URL(fileURLWithPath: path))
        let parsed = try Python.run("""
            import sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            ns = '{http://www.w3.org/2000/svg}'
            print(root.tag == ns + 'svg', root.get('version'), len(root.findall('.//' + ns + 'rect')))
            """, arguments: [path])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        // 3 rows × 6 columns of cells, the background and four legend swatches.
        #expect(parsed.stdout == "True 1.1 23\n")
        // Real renderers, when installed: librsvg, then a browser.
        let renderers = [
            ("/usr/bin/rsvg-convert", ["-o", folder + "/rsvg.png", path], folder + "/rsvg.png"),
            ("/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--screenshot=\(folder)/chromium.png",
                                   "--window-size=600,400", "file://" + path], folder + "/chromium.png"),
        ]
        for (tool, arguments, output) in renderers where FileManager.default.isExecutableFile(atPath: tool) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = arguments
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(tool)")
            let png = try Data(contentsOf: URL(fileURLWithPath: output))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(tool) drew no PNG")
        }
    }
}
