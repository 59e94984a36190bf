import Foundation
import PolicyGraph
import PolicyGraphCommands
import Testing

/// A scratch copy of a fixture graph folder, removed by the caller.
private func copyOf(_ fixture: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pg-write-\(UUID().uuidString)").path
    try FileManager.default.copyItem(atPath: Fixtures.path(fixture), toPath: folder)
    return folder
}

private func bytes(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map { Array($0) } }

private func fileType(_ path: String) -> mode_t {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
}

@Suite("Write rules: what outputs refuse and what they write through")
struct WriteRulesCommandTests {
    @Test func outputsIntoTheGraphBeingReadAreRefusedAndLeaveItIntact() throws {
        let g = try copyOf("valid/small")
        defer { try? FileManager.default.removeItem(atPath: g) }
        let link = g + "-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: g)
        defer { try? FileManager.default.removeItem(atPath: link) }
        let nodes = bytes(g + "/nodes.csv"), edges = bytes(g + "/edges.csv")
        let commands: [[String]] = [
            ["export", "--format", "json", "-o", g + "/nodes.csv"],
            ["export", "--format", "neo4j-csv", "-o", g],
            ["dot", "-o", g + "/edges.csv"],
            ["dot", "-o", link + "/edges.csv"],
            ["export", "--format", "graphml", "-o", g + "/../" + (g as NSString).lastPathComponent + "/nodes.csv"],
        ]
        for arguments in commands {
            let out = PolicyGraphTool.run(arguments + ["--graph", g])
            #expect(out.status == 1, "\(arguments)")
            #expect(out.stderr.contains("this would overwrite the graph being read"), "\(arguments): \(out.stderr)")
        }
        #expect(bytes(g + "/nodes.csv") == nodes)
        #expect(bytes(g + "/edges.csv") == edges)
        #expect(run("validate", graph: g).status == 0)
    }

    @Test func heatmapIntoTheGraphBeingReadIsRefused() throws {
        let g = try copyOf("overlap/graph")
        defer { try? FileManager.default.removeItem(atPath: g) }
        let nodes = bytes(g + "/nodes.csv")
        let out = run("overlap", "--kind", "country", "--svg", g + "/nodes.csv", graph: g)
        #expect(out.status == 1)
        #expect(out.stderr == "\(g)/nodes.csv: error: cannot write: this would overwrite the graph being read (folder '\(g)'); write somewhere else\n")
        #expect(bytes(g + "/nodes.csv") == nodes)
    }

    @Test func characterDeviceIsWrittenThroughNotReplaced() throws {
        let out = run("dot", "-o", "/dev/null")
        #expect(out.status == 0, "\(out.stderr)")
        #expect(fileType("/dev/null") == S_IFCHR)
    }

    @Test func fifoOutputIsWrittenThroughToItsReader() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pg-fifo-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = folder + "/out.dot"
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Task.detached { () -> [UInt8] in
            let fd = open(fifo, O_RDONLY)
            defer { close(fd) }
            var all: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                all += chunk[0..<n]
            }
            return all
        }
        let out = run("dot", "-o", fifo)
        #expect(out.status == 0, "\(out.stderr)")
        let received = await reader.value
        #expect(String(decoding: received, as: UTF8.self) == run("dot").stdout)
        #expect(fileType(fifo) == S_IFIFO, "the FIFO is still a FIFO")
    }

    @Test func symlinkedOutputReplacesItsTargetAndStaysALink() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pg-link-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/real", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/real/out.dot"))
        try FileManager.default.createSymbolicLink(atPath: folder + "/out.dot", withDestinationPath: "real/out.dot")
        let out = run("dot", "-o", folder + "/out.dot")
        #expect(out.status == 0, "\(out.stderr)")
        #expect(fileType(folder + "/out.dot") == S_IFLNK)
        #expect(String(decoding: bytes(folder + "/real/out.dot") ?? [], as: UTF8.self) == run("dot").stdout)
    }

    @Test func replacedOutputKeepsItsMode() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pg-mode-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/out.dot"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        #expect(chmod(path, 0o600) == 0)
        #expect(run("dot", "-o", path).status == 0)
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
    }

    @Test func editKeepsTheFileModeAndItsSymlink() throws {
        let g = try copyOf("valid/small")
        defer { try? FileManager.default.removeItem(atPath: g) }
        #expect(chmod(g + "/nodes.csv", 0o600) == 0)
        // edges.csv lives elsewhere, linked in: edits must reach the real file.
        let elsewhere = g + "-data"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        try FileManager.default.moveItem(atPath: g + "/edges.csv", toPath: elsewhere + "/edges.csv")
        try FileManager.default.createSymbolicLink(atPath: g + "/edges.csv", withDestinationPath: elsewhere + "/edges.csv")
        let add = run("add-node", "eu", "--kind", "organization", "--label", "European Union", graph: g)
        #expect(add.status == 0, "\(add.stderr)")
        let edge = run("add-edge", "eu", "supports", "us", graph: g)
        var info = stat()
        #expect(stat(g + "/nodes.csv", &info) == 0 && info.st_mode & 0o777 == 0o600, "0600 stays 0600")
        #expect(fileType(g + "/edges.csv") == S_IFLNK, "the link stays a link")
        if edge.status == 0 {
            #expect(String(decoding: bytes(elsewhere + "/edges.csv") ?? [], as: UTF8.self).contains("eu,supports,us"))
        }
        #expect(String(decoding: bytes(g + "/nodes.csv") ?? [], as: UTF8.self).contains("eu,organization,European Union"))
    }

    @Test func fileSystemMessagesComeFromTheRealCause() throws {
        let g = try copyOf("valid/small")
        defer { try? FileManager.default.removeItem(atPath: g) }
        try FileManager.default.removeItem(atPath: g + "/nodes.csv")
        try FileManager.default.createDirectory(atPath: g + "/nodes.csv", withIntermediateDirectories: false)
        try FileManager.default.removeItem(atPath: g + "/edges.csv")
        try FileManager.default.createSymbolicLink(atPath: g + "/edges.csv", withDestinationPath: "edges.csv")
        let out = run("validate", graph: g)
        #expect(out.status == 1)
        #expect(out.stderr.contains("\(g)/nodes.csv: error: cannot read the file: is a folder, not a file"), "\(out.stderr)")
        #expect(out.stderr.contains("\(g)/edges.csv: error: cannot read the file: too many levels of symbolic links"), "\(out.stderr)")
        let empty = run("dot", "-o", "")
        #expect(empty.status == 2)
        #expect(empty.stderr.hasPrefix("error: --output needs a non-empty path"))
        let missing = run("dot", "-o", "/nonexistent-pg/x.dot")
        #expect(missing.status == 1)
        #expect(missing.stderr == "/nonexistent-pg/x.dot: error: cannot write: the folder '/nonexistent-pg' does not exist\n")
    }

    @Test func fifoInPlaceOfADataFileIsRefusedWithoutBlocking() throws {
        for file in ["nodes.csv", "edges.csv"] {
            let g = try copyOf("valid/small")
            defer { try? FileManager.default.removeItem(atPath: g) }
            try FileManager.default.removeItem(atPath: g + "/" + file)
            #expect(mkfifo(g + "/" + file, 0o600) == 0)
            // Nothing writes to the FIFO: a reader that opened it would wait forever.
            let out = run("validate", graph: g)
            #expect(out.status == 1)
            #expect(out.stderr.contains("\(g)/\(file): error: cannot read the file: not a regular file (a FIFO)"), "\(out.stderr)")
        }
    }

    @Test func staleLockOfADeadEditIsTakenOverWithAWarning() throws {
        let g = try copyOf("valid/small")
        defer { try? FileManager.default.removeItem(atPath: g) }
        let dead: Int32 = 2_147_483_646
        try Data("\(dead)\n".utf8).write(to: URL(fileURLWithPath: g + "/" + GraphLock.fileName))
        let leftover = g + "/.nodes.csv.\(dead).1.tmp"
        try Data("half a file".utf8).write(to: URL(fileURLWithPath: leftover))
        let out = run("add-node", "eu", "--kind", "organization", "--label", "European Union", graph: g)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr == "warning: took over a stale lock (pid \(dead), no longer running): an earlier edit stopped half-way; removed its 1 temporary file; check the graph with 'policygraph validate --graph \(g)'\n")
        #expect(!FileManager.default.fileExists(atPath: leftover))
        #expect(!FileManager.default.fileExists(atPath: g + "/" + GraphLock.fileName))
    }
}
