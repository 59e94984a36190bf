import Foundation
import Testing
@testable import PolicyGraph

@Suite struct AgreementNetworkTests {
    let matrix = OverlapMatrix(actors: ["a", "b\"q", "c\\d"], measure: .signed, values: [
        [1, 0.5, -1],
        [0.5, 1, nil],
        [-1, nil, nil],
    ])

    @Test func edgesForDefinedNonZeroPairsWidthBySimilarity() {
        let dot = AgreementNetwork.dot(matrix, labels: ["a": "Line\nbreak"])
        #expect(dot == """
            graph agreement {
              graph [label="agreement network (signed)", labelloc=t, fontname="Helvetica", overlap=false, splines=true, outputorder=edgesfirst];
              node [shape=box, style="rounded,filled", fillcolor="#f7f7f7", fontname="Helvetica"];
              edge [fontname="Helvetica", fontsize=9];
              "a" [label="Line\\nbreak"];
              "b\\"q" [label="b\\"q"];
              "c\\\\d" [label="c\\\\d"];
              "a" -- "b\\"q" [penwidth=3.00, weight=6, len=1.75, color="#2166ac", label="0.50"];
              "a" -- "c\\\\d" [penwidth=5.50, weight=0, len=4.00, color="#b2182b", label="-1.00", style=dashed];
            }

            """)
    }

    static let dotPath = ["/usr/bin/dot", "/usr/local/bin/dot", "/opt/homebrew/bin/dot"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: dotPath != nil, "needs Graphviz dot"))
    func graphvizReadsTheNetworkWithAwkwardNames() throws {
        let awkward = OverlapMatrix(actors: ["x", "y"], measure: .jaccard, values: [[1, 0.75], [0.75, 1]])
        let dot = AgreementNetwork.dot(awkward, labels: ["x": "quote \" back\\slash \\N\nnew line", "y": "中国 <b>&amp;"])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.dotPath))
        process.arguments = ["-Tplain"]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(dot.utf8))
        try input.fileHandleForWriting.close()
        let plain = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)")
        // -Tplain lists `node name x y w h label ...` and `edge tail head ...`.
        #expect(plain.contains("node x "))
        #expect(plain.contains("edge x y "))
    }
}
