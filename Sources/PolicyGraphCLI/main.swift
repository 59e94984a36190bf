import Foundation
import PolicyGraphCommands

// The executable only hands argv to the tool and writes what it returns.
let output = PolicyGraphTool.run(Array(CommandLine.arguments.dropFirst()))
FileHandle.standardOutput.write(Data(output.stdout.utf8))
FileHandle.standardError.write(Data(output.stderr.utf8))
exit(output.status)
