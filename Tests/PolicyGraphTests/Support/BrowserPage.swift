import Foundation

/// One tab of ``HeadlessChromium``: open a page, run script in it, click, type and press keys
/// as a person would (real input events, not `element.click()`), take screenshots, and see what
/// the page logged and requested.
final class BrowserPage {
    let browser: HeadlessChromium
    let session: String
    private let target: String

    /// A new tab, with the console, log and network reported.
    init(_ browser: HeadlessChromium, width: Int = 1280, height: Int = 800) throws {
        self.browser = browser
        let created = try browser.send("Target.createTarget", ["url": "about:blank", "newWindow": true])
        guard let target = created["targetId"] as? String else { throw HeadlessChromium.Failure("no targetId") }
        self.target = target
        let attached = try browser.send("Target.attachToTarget", ["targetId": target, "flatten": true])
        guard let session = attached["sessionId"] as? String else { throw HeadlessChromium.Failure("no sessionId") }
        self.session = session
        for domain in ["Page", "Runtime", "Log", "Network"] { try send("\(domain).enable") }
        try send("Emulation.setDeviceMetricsOverride", ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": false])
    }

    deinit { _ = try? browser.send("Target.closeTarget", ["targetId": target]) }

    @discardableResult
    func send(_ method: String, _ params: [String: Any] = [:]) throws -> [String: Any] {
        try browser.send(method, params, session: session)
    }

    /// Opens `url` and waits until the map's script has finished starting (`data-ready`).
    func open(_ url: URL) throws {
        try send("Page.navigate", ["url": url.absoluteString])
        try waitUntil("document.documentElement.getAttribute('data-ready') === 'true'")
    }

    /// Waits until `condition` (a script expression) is true.
    func waitUntil(_ condition: String, timeout: TimeInterval = 20) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if (try? evaluate(condition)) as? Bool == true { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw HeadlessChromium.Failure("timed out waiting for \(condition)")
    }

    /// The value of a script expression (JSON-like: strings, numbers, booleans, arrays, objects).
    /// - Throws: when the script throws.
    func evaluate(_ expression: String) throws -> Any? {
        let result = try send("Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true])
        if let details = result["exceptionDetails"] as? [String: Any] {
            let exception = (details["exception"] as? [String: Any])?["description"] as? String
            throw HeadlessChromium.Failure("script failed: \(exception ?? details["text"] as? String ?? "?")")
        }
        return (result["result"] as? [String: Any])?["value"]
    }

    func string(_ expression: String) throws -> String? { try evaluate(expression) as? String }

    /// Clicks the middle of the first element `selector` matches, with the mouse.
    func click(_ selector: String) throws {
        let quoted = try Self.quoted(selector)
        guard let box = try evaluate("""
            (() => { const e = document.querySelector(\(quoted)); if (!e) return null;
              const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()
            """) as? [Double] else { throw HeadlessChromium.Failure("nothing matches \(selector)") }
        try click(x: box[0], y: box[1])
    }

    func click(x: Double, y: Double) throws {
        try send("Input.dispatchMouseEvent", ["type": "mouseMoved", "x": x, "y": y])
        try send("Input.dispatchMouseEvent", ["type": "mousePressed", "x": x, "y": y, "button": "left", "buttons": 1, "clickCount": 1])
        try send("Input.dispatchMouseEvent", ["type": "mouseReleased", "x": x, "y": y, "button": "left", "buttons": 0, "clickCount": 1])
    }

    func moveMouse(x: Double, y: Double) throws {
        try send("Input.dispatchMouseEvent", ["type": "mouseMoved", "x": x, "y": y])
    }

    /// Types `text` into the focused element.
    func type(_ text: String) throws { try send("Input.insertText", ["text": text]) }

    /// Presses and releases a key such as `Enter`, `Escape`, `+` or `ArrowLeft`.
    func press(_ key: String) throws {
        let codes: [String: (code: String, keyCode: Int, text: String?)] = [
            "Enter": ("Enter", 13, "\r"), "Escape": ("Escape", 27, nil), "+": ("Equal", 187, "+"), "-": ("Minus", 189, "-"),
            "0": ("Digit0", 48, "0"), "ArrowLeft": ("ArrowLeft", 37, nil), "ArrowRight": ("ArrowRight", 39, nil),
        ]
        guard let code = codes[key] else { throw HeadlessChromium.Failure("no key code for \(key)") }
        var down: [String: Any] = ["type": "keyDown", "key": key, "code": code.code, "windowsVirtualKeyCode": code.keyCode]
        if let text = code.text { down["text"] = text }
        try send("Input.dispatchKeyEvent", down)
        try send("Input.dispatchKeyEvent", ["type": "keyUp", "key": key, "code": code.code, "windowsVirtualKeyCode": code.keyCode])
    }

    /// Saves a PNG of the tab to `HeadlessChromium.artefacts/name.png` and returns its path.
    @discardableResult
    func screenshot(_ name: String) throws -> String {
        let result = try send("Page.captureScreenshot", ["format": "png"])
        guard let text = result["data"] as? String, let png = Data(base64Encoded: text) else {
            throw HeadlessChromium.Failure("no screenshot data")
        }
        let url = HeadlessChromium.artefacts.appendingPathComponent(name + ".png")
        try png.write(to: url)
        return url.path
    }

    /// Console errors and assertions, uncaught exceptions and error log entries (a CSP violation
    /// is one), as text.
    var errors: [String] {
        browser.events(session: session).compactMap { event in
            let params = event["params"] as? [String: Any] ?? [:]
            switch event["method"] as? String {
            case "Runtime.consoleAPICalled":
                guard let type = params["type"] as? String, ["error", "assert", "warning"].contains(type) else { return nil }
                let args = (params["args"] as? [[String: Any]] ?? []).map { "\($0["value"] ?? $0["description"] ?? "")" }
                return "console.\(type): " + args.joined(separator: " ")
            case "Runtime.exceptionThrown":
                return "exception: \(params["exceptionDetails"] ?? "")"
            case "Log.entryAdded":
                let entry = params["entry"] as? [String: Any] ?? [:]
                guard let level = entry["level"] as? String, level == "error" || level == "warning" else { return nil }
                return "log.\(level): \(entry["text"] ?? "")"
            default:
                return nil
            }
        }
    }

    /// The URL of every request the tab made, in order.
    var requests: [String] {
        browser.events(session: session).compactMap { event in
            guard event["method"] as? String == "Network.requestWillBeSent" else { return nil }
            return ((event["params"] as? [String: Any])?["request"] as? [String: Any])?["url"] as? String
        }
    }

    /// `text` as a JavaScript string literal.
    static func quoted(_ text: String) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: [text]), as: UTF8.self).dropFirst().dropLast().description
    }
}
