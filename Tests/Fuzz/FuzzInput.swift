// The one input format of the CSV-loader harness, shared by `run.sh` (seeding) and the replay
// test `FuzzRegressionTests` (which has its own copy of these few lines).

enum FuzzInput {
    /// The line that separates the files of one input.
    static let separator = Array("\n@@@@\n".utf8)

    struct Parts {
        var nodes: [UInt8]
        var edges: [UInt8]
        var schema: [UInt8]?
    }

    /// Splits at the first two separators: nodes, edges, then the schema (absent when there is
    /// no second separator).
    static func split(_ bytes: [UInt8]) -> Parts {
        var pieces: [[UInt8]] = []
        var start = 0
        var i = 0
        while i + separator.count <= bytes.count, pieces.count < 2 {
            if bytes[i..<(i + separator.count)].elementsEqual(separator) {
                pieces.append(Array(bytes[start..<i]))
                i += separator.count
                start = i
            } else {
                i += 1
            }
        }
        pieces.append(Array(bytes[start...]))
        return Parts(nodes: pieces[0], edges: pieces.count > 1 ? pieces[1] : [], schema: pieces.count > 2 ? pieces[2] : nil)
    }
}
