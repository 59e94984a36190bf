import PolicyGraphCommands

/// Runs `policygraph` in-process on the small fixture graph unless `--graph` is given.
func run(_ arguments: String..., graph: String? = Fixtures.path("valid/small")) -> CommandOutput {
    var args = arguments
    if let graph, !args.contains("--graph"), !args.contains("--help"), !args.isEmpty, args[0] != "--version" {
        args += ["--graph", graph]
    }
    return PolicyGraphTool.run(args)
}
