import Foundation
import PolicyGraph
#if canImport(Glibc)
import Glibc
#endif

/// Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`):
/// Chromium reads commands from its fd 3 and writes replies and events to its fd 4, each a JSON
/// message ended by a NUL byte.
///
/// Why this driver: it needs nothing but the Debian `chromium` package (no Python driver, no
/// WebDriver binary of a matching version, no port to pick or leak), and the pipe closes with the
/// test process, so Chromium cannot outlive the tests. Foundation's `Process` closes every fd
/// above 2 in the child, so the child is started with `posix_spawn` and file actions that put
/// the two pipe ends on fds 3 and 4.
final class HeadlessChromium: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// The Chromium on `PATH`, or `nil` (then the browser tests are skipped).
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome", "chrome"] {
            for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }()

    /// Whether the browser tests can run: Chromium and Graphviz's `dot` are both installed.
    static let isAvailable: Bool = executable != nil && GraphvizRunner().isAvailable()

    /// One browser for all tests (each test opens its own tab); `nil` when it did not start.
    static let shared: Result<HeadlessChromium, Failure> = {
        guard let executable else { return .failure(Failure("Chromium is not installed")) }
        do { return .success(try HeadlessChromium(executable: executable)) } catch let error as Failure {
            return .failure(error)
        } catch {
            return .failure(Failure("\(error)"))
        }
    }()

    /// Where tests keep their screenshots: `.build/browser-tests/` of the package (git-ignored).
    static let artefacts: URL = {
        let url = Fixtures.root.appendingPathComponent(".build/browser-tests")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    private let pid: pid_t
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private let condition = NSCondition()
    private var nextID = 1
    private var replies: [Int: [String: Any]] = [:]
    private var events: [[String: Any]] = []
    private var closed = false
    private let profile: String

    private init(executable: String) throws {
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("policygraph-chromium-\(UUID().uuidString)").path
        var commands: [Int32] = [0, 0], replies: [Int32] = [0, 0]
        guard pipe(&commands) == 0, pipe(&replies) == 0 else { throw Failure("pipe failed: errno \(errno)") }
        for fd in commands + replies { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        // Above 4, so that dup2 onto 3 and 4 never meets itself (and so never keeps O_CLOEXEC).
        let childIn = fcntl(commands[0], F_DUPFD_CLOEXEC, 10), childOut = fcntl(replies[1], F_DUPFD_CLOEXEC, 10)
        close(commands[0])
        close(replies[1])
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, childIn, 3)
        posix_spawn_file_actions_adddup2(&actions, childOut, 4)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = [
            executable, "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--metrics-recording-only", "--mute-audio",
            "--hide-scrollbars", "--user-data-dir=\(profile)", "--window-size=1280,800", "about:blank",
        ]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, nil, &argv, environ)
        close(childIn)
        close(childOut)
        guard status == 0 else {
            close(commands[1])
            close(replies[0])
            throw Failure("cannot start \(executable): posix_spawn error \(status)")
        }
        pid = child
        toBrowser = commands[1]
        fromBrowser = replies[0]
        let thread = Thread { [self] in readLoop() }
        thread.name = "chromium-devtools-reader"
        thread.start()
    }

    /// Reads NUL-ended messages until the pipe closes; replies by id, the rest as events.
    private func readLoop() {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fromBrowser, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            pending.append(contentsOf: buffer[0..<count])
            while let end = pending.firstIndex(of: 0) {
                let message = Data(pending[0..<end])
                pending.removeSubrange(0...end)
                guard let object = (try? JSONSerialization.jsonObject(with: message)) as? [String: Any] else { continue }
                condition.lock()
                if let id = object["id"] as? Int { replies[id] = object } else { events.append(object) }
                condition.broadcast()
                condition.unlock()
            }
        }
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Sends a command and waits for its reply's `result`.
    /// - Throws: ``Failure`` when the browser answers with an error, is gone, or takes longer than `timeout`.
    @discardableResult
    func send(_ method: String, _ params: [String: Any] = [:], session: String? = nil, timeout: TimeInterval = 30) throws -> [String: Any] {
        condition.lock()
        let id = nextID
        nextID += 1
        condition.unlock()
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(toBrowser, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw Failure("cannot write to Chromium: errno \(errno)") }
            written += n
        }
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while replies[id] == nil {
            if closed { throw Failure("Chromium closed the pipe while \(method) was pending") }
            guard condition.wait(until: deadline) else { throw Failure("\(method) got no answer in \(Int(timeout)) s") }
        }
        let reply = replies.removeValue(forKey: id) ?? [:]
        if let error = reply["error"] as? [String: Any] {
            throw Failure("\(method) failed: \(error["message"] as? String ?? "\(error)")")
        }
        return reply["result"] as? [String: Any] ?? [:]
    }

    /// The events received so far for `session`, oldest first.
    func events(session: String) -> [[String: Any]] {
        condition.lock()
        defer { condition.unlock() }
        return events.filter { $0["sessionId"] as? String == session }
    }
}
