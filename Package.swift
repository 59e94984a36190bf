// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "PolicyGraph",
    products: [
        .library(name: "PolicyGraph", targets: ["PolicyGraph"]),
        .executable(name: "policygraph", targets: ["PolicyGraphCLI"]),
        .executable(name: "policygraph-bench", targets: ["PolicyGraphBench"]),
    ],
    targets: [
        // The library: model, store, validation, queries, positions, export. All the work.
        .target(name: "PolicyGraph"),
        // Commands: argument parsing and rendering to text, in-process testable.
        .target(name: "PolicyGraphCommands", dependencies: ["PolicyGraph"]),
        // The `policygraph` executable: hands argv to the commands and exits with their status.
        .executableTarget(name: "PolicyGraphCLI", dependencies: ["PolicyGraphCommands"]),
        // `policygraph-bench`: generates or reads a graph and times the ops through the public API.
        .executableTarget(name: "PolicyGraphBench", dependencies: ["PolicyGraph"], exclude: ["peers", "README.md"]),
        // What both test targets share: the paths of Fixtures/ and golden files (UPDATE_GOLDEN=1).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PolicyGraphTests", dependencies: ["PolicyGraph", "PolicyGraphBench", "TestSupport"]),
        .testTarget(name: "PolicyGraphCommandsTests", dependencies: ["PolicyGraphCommands", "PolicyGraph", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
