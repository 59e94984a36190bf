import PolicyGraph

/// A command line that does not fit the command: rendered with the command's usage, exit 2.
public struct UsageError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let command: String?
    public init(_ message: String, command: String? = nil) {
        self.message = message
        self.command = command
    }
    public var description: String {
        let help = command.map { "policygraph \($0) --help" } ?? "policygraph --help"
        return "error: \(message)\nsee '\(help)'"
    }
}

/// An option a command takes: a flag (no value) or an option with a value.
struct OptionSpec: Sendable {
    let name: String
    let short: String?
    /// `nil` for a flag.
    let valueName: String?
    let help: String
    let repeatable: Bool
    let choices: [String]?

    static func flag(_ name: String, short: String? = nil, _ help: String) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: nil, help: help, repeatable: false, choices: nil)
    }

    static func value(_ name: String, short: String? = nil, _ valueName: String, _ help: String,
                      repeatable: Bool = false, choices: [String]? = nil) -> OptionSpec {
        OptionSpec(name: name, short: short, valueName: valueName, help: help, repeatable: repeatable, choices: choices)
    }
}

/// A positional argument.
struct PositionalSpec: Sendable {
    let name: String
    let help: String
    var optional = false
    var variadic = false
}

/// What a command accepts, and the text of its `--help`.
struct CommandSpec: Sendable {
    let name: String
    let summary: String
    var discussion: String = ""
    var positionals: [PositionalSpec] = []
    var options: [OptionSpec] = []
    /// Output formats; the first is the default. Empty for commands that print no result.
    var formats: [String] = ["text", "json"]
    /// Whether the command reads a graph folder (and so takes `--graph`).
    var readsGraph = true
    var examples: [String] = []

    var allOptions: [OptionSpec] {
        var all = options
        if readsGraph { all.append(.value("graph", "DIR", "the graph folder (default: . when it holds nodes.csv, else ./graph)")) }
        if !formats.isEmpty {
            all.append(.value("format", "FORMAT", "output format: \(formats.joined(separator: "|")) (default: \(formats[0]))", choices: formats))
        }
        all.append(.flag("help", short: "h", "show this help"))
        return all
    }

    var usageLine: String {
        var parts = ["policygraph", name]
        for p in positionals {
            let token = p.variadic ? "\(p.name)..." : p.name
            parts.append(p.optional ? "[\(token)]" : token)
        }
        if !options.isEmpty || readsGraph || !formats.isEmpty { parts.append("[options]") }
        return parts.joined(separator: " ")
    }

    var help: String {
        var out = "\(summary)\n\nUsage: \(usageLine)\n"
        if !discussion.isEmpty { out += "\n\(discussion)\n" }
        if !positionals.isEmpty {
            out += "\nArguments:\n"
            let width = positionals.map(\.name.count).max() ?? 0
            for p in positionals { out += "  \(p.name.padding(toLength: width))  \(p.help)\n" }
        }
        out += "\nOptions:\n"
        let labels = allOptions.map { o -> String in
            var label = (o.short.map { "-\($0), " } ?? "") + "--\(o.name)"
            if let v = o.valueName { label += " \(v)" }
            if o.repeatable { label += " (repeatable)" }
            return label
        }
        let width = labels.map(\.count).max() ?? 0
        for (o, label) in zip(allOptions, labels) { out += "  \(label.padding(toLength: width))  \(o.help)\n" }
        if !examples.isEmpty {
            out += "\nExamples:\n"
            for e in examples { out += "  \(e)\n" }
        }
        return out
    }
}

/// The arguments of one command, parsed against its ``CommandSpec``.
struct ParsedArguments: Sendable {
    let command: String
    var positionals: [String] = []
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    func flag(_ name: String) -> Bool { flags.contains(name) }
    func value(_ name: String) -> String? { values[name]?.last }
    func values(_ name: String) -> [String] { values[name] ?? [] }

    /// `--graph`, else the current folder when it is a graph folder, else `graph`.
    var graphFolder: String { value("graph") ?? (GraphFolder.holdsGraph(".") ? "." : "graph") }
    func format(_ spec: CommandSpec) -> String { value("format") ?? spec.formats.first ?? "text" }

    /// An integer option, with a usage error when it is not one or is below `minimum`.
    func int(_ name: String, default defaultValue: Int, minimum: Int = 0) throws(UsageError) -> Int {
        guard let text = value(name) else { return defaultValue }
        guard let n = Int(text), n >= minimum else {
            throw UsageError("--\(name) takes a whole number of at least \(minimum), not '\(text)'", command: command)
        }
        return n
    }

    /// Comma-separated or repeated values of an option, in order, without empties.
    func list(_ name: String) -> [String] {
        values(name).flatMap { $0.split(separator: ",").map { String($0).trimmed } }.filter { !$0.isEmpty }
    }

    /// Parses `arguments` (after the command name). `--help` anywhere wins and is reported as a flag.
    static func parse(_ arguments: [String], spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var result = ParsedArguments(command: spec.name)
        let options = spec.allOptions
        var i = 0
        var onlyPositionals = false
        if arguments.contains("--help") || arguments.contains("-h") {
            result.flags.insert("help")
            return result
        }
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                result.positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            var name: String
            var inlineValue: String?
            if argument.hasPrefix("--") {
                name = String(argument.dropFirst(2))
                if let eq = name.firstIndex(of: "=") {
                    inlineValue = String(name[name.index(after: eq)...])
                    name = String(name[..<eq])
                }
            } else {
                let short = String(argument.dropFirst())
                guard let o = options.first(where: { $0.short == short }) else {
                    if Int(argument) != nil {
                        result.positionals.append(argument)
                        continue
                    }
                    throw UsageError("unknown option '\(argument)'", command: spec.name)
                }
                name = o.name
            }
            guard let option = options.first(where: { $0.name == name }) else {
                let hint = Suggestions.hint(closeNames(name, options.map(\.name)).map { "--" + $0 })
                throw UsageError("unknown option '--\(name)'\(hint)", command: spec.name)
            }
            guard option.valueName != nil else {
                if inlineValue != nil { throw UsageError("--\(name) takes no value", command: spec.name) }
                result.flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard i < arguments.count else {
                    throw UsageError("--\(name) needs a value (\(option.valueName ?? "VALUE"))", command: spec.name)
                }
                value = arguments[i]
                i += 1
            }
            if value.isEmpty, ["output", "out", "svg", "graph", "manifest"].contains(name) {
                throw UsageError("--\(name) needs a non-empty path", command: spec.name)
            }
            if let choices = option.choices, !choices.contains(value) {
                throw UsageError("--\(name) takes one of \(choices.joined(separator: ", ")), not '\(value)'", command: spec.name)
            }
            if !option.repeatable, result.values[name] != nil {
                throw UsageError("--\(name) is given twice", command: spec.name)
            }
            result.values[name, default: []].append(value)
        }
        let required = spec.positionals.filter { !$0.optional }.count
        let variadic = spec.positionals.contains { $0.variadic }
        if result.positionals.count < required {
            let missing = spec.positionals[result.positionals.count].name
            throw UsageError("missing argument \(missing)", command: spec.name)
        }
        if !variadic, result.positionals.count > spec.positionals.count {
            throw UsageError("unexpected argument '\(result.positionals[spec.positionals.count])'", command: spec.name)
        }
        return result
    }

    /// Names close to a misspelt option or command: a prefix either way, or at most two edits
    /// (the library's edit distance, so that every "did you mean" measures alike).
    static func closeNames(_ name: String, _ names: [String]) -> [String] {
        names.filter { candidate in
            let a = Array(name), b = Array(candidate)
            if abs(a.count - b.count) > 2 { return false }
            return candidate.hasPrefix(name) || name.hasPrefix(candidate) || Suggestions.distance(a, b, cap: 2) <= 2
        }.sorted()
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }

    /// Pads with spaces to `length` display columns (CJK characters count as two).
    func padding(toLength length: Int) -> String {
        let width = TextTable.displayWidth(self)
        return width >= length ? self : self + String(repeating: " ", count: length - width)
    }
}
