import Foundation
import PolicyGraphCommands

// The executable only hands argv to the tool and writes what it returns.
// A query's large result arrives in pieces as it is rendered, not as one string at the end.
let output = PolicyGraphTool.run(Array(CommandLine.arguments.dropFirst()), streamingStandardOutput: { text in
    FileHandle.standardOutput.write(Data(text.utf8))
})
FileHandle.standardOutput.write(Data(output.stdout.utf8))
FileHandle.standardError.write(Data(output.stderr.utf8))
exit(output.status)
