extension CommandOutput {
    /// How much standard output gathers before it goes to the stream.
    static let streamChunk = 1 << 16

    /// Appends `text` to standard output; with a stream, passes what has gathered on once it
    /// reaches ``streamChunk`` bytes, so that memory holds one chunk, not the whole output.
    mutating func write(_ text: String) {
        stdout += text
        if let stream, stdout.utf8.count >= Self.streamChunk {
            stream(stdout)
            stdout = ""
        }
    }

    /// Equal when they printed the same and ended the same; where output was streamed is not compared.
    public static func == (lhs: CommandOutput, rhs: CommandOutput) -> Bool {
        lhs.stdout == rhs.stdout && lhs.stderr == rhs.stderr && lhs.status == rhs.status
    }
}
