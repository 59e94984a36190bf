import PolicyGraph

/// The `--evidence LIST` option shared by the commands that read positions.
enum EvidenceOption {
    static let spec = OptionSpec.value(
        "evidence", "LIST",
        "only stances attested this way, comma-separated: stated,reported,inferred (default: all; an empty evidence cell counts as stated)")

    /// The kinds of evidence chosen; empty (all) when the option is absent.
    static func parse(_ arguments: ParsedArguments, command: String) throws(UsageError) -> Set<Evidence> {
        guard arguments.value("evidence") != nil else { return [] }
        var kinds: Set<Evidence> = []
        for name in arguments.list("evidence") {
            guard let kind = Evidence(rawValue: name) else {
                throw UsageError("--evidence takes stated, reported or inferred (comma-separated), not '\(name)'", command: command)
            }
            kinds.insert(kind)
        }
        return kinds
    }
}
