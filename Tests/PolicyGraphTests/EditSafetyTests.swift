import Foundation
import Testing
@testable import PolicyGraph

@Suite("Editing: lock and crashes")
struct EditSafetyTests {
    @Test func editIsRefusedWhileALiveProcessHoldsTheLock() throws {
        let f = try EditFixture()
        let lock = GraphLoader.join(f.folder, GraphLock.fileName)
        try TemporaryFolder.write(Array("\(getpid())\n".utf8), to: lock)
        let error = #expect(throws: EditError.self) { try f.apply(.set("us", [ColumnValue(column: "label", value: "x")])) }
        #expect(error?.reason == .locked(pid: getpid()))
        #expect(f.nodesText == EditFixture.nodes)
        #expect(FileManager.default.fileExists(atPath: lock), "someone else's lock is left alone")
    }

    @Test func staleLockIsTakenOverAndReported() throws {
        let f = try EditFixture()
        let lock = GraphLoader.join(f.folder, GraphLock.fileName)
        try TemporaryFolder.write(Array("2147483646\n".utf8), to: lock)
        let report = try f.apply(.set("us", [ColumnValue(column: "label", value: "x")]))
        #expect(report.takeover == StaleLockTakeover(pid: 2_147_483_646, folder: f.folder, removedFiles: []))
        #expect(report.takeover?.message == "took over a stale lock (pid 2147483646, no longer running): an earlier edit stopped half-way; check the graph with 'policygraph validate --graph \(f.folder)'")
        #expect(!FileManager.default.fileExists(atPath: lock))
    }

    @Test func lockIsGoneAfterAnEditAndAfterARefusal() throws {
        let f = try EditFixture()
        let lock = GraphLoader.join(f.folder, GraphLock.fileName)
        try f.apply(.set("us", [ColumnValue(column: "label", value: "x")]))
        #expect(!FileManager.default.fileExists(atPath: lock))
        #expect(throws: EditError.self) { try f.apply(.removeNode("cn")) }
        #expect(!FileManager.default.fileExists(atPath: lock))
    }

    static let edits: [GraphEdit] = [
        .set("us", [ColumnValue(column: "note", value: "new column")]),
        .rename("cn", to: "prc"),
        .removeNode("cn", cascade: true),
        .addEdge(from: "us", relation: .opposes, to: "ai"),
    ]

    /// For each edit, each file and each point of a write, a simulated crash leaves every file
    /// either as it was or as the finished edit writes it: never anything in between.
    @Test(arguments: edits)
    func crashLeavesEachFileOldOrNewNeverTorn(_ edit: GraphEdit) async throws {
        let finished = try EditFixture()
        try finished.apply(edit)
        for file in ["nodes.csv", "edges.csv"] {
            for point in [AtomicFile.SimulatedCrash.Point.whileWritingTemporary, .beforeRename] {
                let f = try EditFixture()
                var crashed = false
                try AtomicFile.$simulatedCrash.withValue(AtomicFile.SimulatedCrash(file: file, point: point)) {
                    do {
                        try f.apply(edit)
                    } catch is AtomicFile.WriteError {
                        crashed = true  // What matters is what is on disk.
                    }
                }
                let written = file == "nodes.csv" ? finished.nodesText != EditFixture.nodes : finished.edgesText != EditFixture.edges
                #expect(crashed == written, "a crash in a file the edit writes stops it")
                #expect([EditFixture.nodes, finished.nodesText].contains(f.nodesText), "\(file) \(point)")
                #expect([EditFixture.edges, finished.edgesText].contains(f.edgesText), "\(file) \(point)")
                #expect(!FileManager.default.fileExists(atPath: GraphLoader.join(f.folder, GraphLock.fileName)))
            }
        }
    }

    @Test func crashBeforeTheRenameLeavesTheOldFileAndTheTemporaryOne() throws {
        let f = try EditFixture()
        try AtomicFile.$simulatedCrash.withValue(AtomicFile.SimulatedCrash(file: "nodes.csv", point: .beforeRename)) {
            #expect(throws: AtomicFile.WriteError.self) { try f.apply(.set("us", [ColumnValue(column: "label", value: "x")])) }
        }
        #expect(f.nodesText == EditFixture.nodes)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: f.folder).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.count == 1 && leftovers.allSatisfy { $0.hasPrefix(".nodes.csv.\(getpid()).") })
        // The next edit writes over the leftover and succeeds.
        try f.apply(.set("us", [ColumnValue(column: "label", value: "x")]))
        #expect(f.nodesText.contains("us,country,x,keep me"))
    }
}
