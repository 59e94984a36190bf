extension ShortestPathSearch {
    /// The lexicographically first shortest path (smallest next id at each step, then the first
    /// parallel edge), as node rows and edge rows; `nil` when there is none.
    ///
    /// Greedy is exact here: every step the search keeps leads on to the target.
    func firstPath() -> PathRows? {
        guard let length else { return nil }
        var nodes = [source]
        var edges: [Int32] = []
        var u = source
        for position in 0..<length {
            guard let step = steps(from: u, at: position).first, let edge = step.edges.first else { return nil }
            nodes.append(step.node)
            edges.append(edge)
            u = step.node
        }
        return PathRows(nodes: nodes, edges: edges)
    }

    /// How many shortest paths there are, counting each choice among parallel edges; saturates
    /// at `Int.max`. O(nodes and edges on shortest paths).
    func pathCount() -> Int {
        guard let length else { return 0 }
        if length == 0 { return 1 }
        // The nodes at each position (a node has one position: its distance from the source),
        // with the steps out of each, then the counts from the target backwards.
        var layers: [[Int32]] = [[source]]
        var layerSteps: [[[Step]]] = []
        var slot = NodeMap(borrowingFrom: graph.scratch)
        defer { slot.recycle(into: graph.scratch) }
        slot.insert(source, 0)
        for position in 0..<length {
            var next: [Int32] = []
            var stepsHere: [[Step]] = []
            for u in layers[position] {
                let out = steps(from: u, at: position, sorted: false)
                for step in out where slot.insert(step.node, Int32(next.count)) { next.append(step.node) }
                stepsHere.append(out)
            }
            layerSteps.append(stepsHere)
            layers.append(next)
        }
        var ways = [Int](repeating: 1, count: layers[length].count)
        for position in stride(from: length - 1, through: 0, by: -1) {
            var here = [Int](repeating: 0, count: layers[position].count)
            for (k, out) in layerSteps[position].enumerated() {
                for step in out {
                    guard let j = slot[step.node] else { continue }
                    let (product, overflowA) = ways[Int(j)].multipliedReportingOverflow(by: step.edges.count)
                    let (sum, overflowB) = here[k].addingReportingOverflow(product)
                    here[k] = overflowA || overflowB ? Int.max : sum
                }
            }
            ways = here
        }
        return ways.first ?? 0
    }

    /// The first `limit` shortest paths, ordered by their node ids, then by their edge rows.
    ///
    /// Walks the distinct node sequences depth first, children by id, and expands each into its
    /// parallel-edge choices; no branch dead-ends, so the work is O(limit × length) plus the
    /// steps of the nodes visited (each computed once).
    func paths(limit: Int) -> [PathRows] {
        guard let length, limit > 0 else { return [] }
        if length == 0 { return [PathRows(nodes: [source], edges: [])] }
        var result: [PathRows] = []
        var cache: [Int32: [Step]] = [:]
        func stepsOf(_ u: Int32, _ position: Int) -> [Step] {
            if let known = cache[u] { return known }
            let found = steps(from: u, at: position)
            cache[u] = found
            return found
        }
        // stack[k] holds the choices after nodes[k]; chosen[k] the index of the one taken.
        var nodes: [Int32] = [source]
        var stack: [[Step]] = [stepsOf(source, 0)]
        var chosen: [Int] = [-1]
        while let top = stack.indices.last, result.count < limit {
            chosen[top] += 1
            guard chosen[top] < stack[top].count else {
                stack.removeLast()
                chosen.removeLast()
                nodes.removeLast()
                continue
            }
            let step = stack[top][chosen[top]]
            if top + 1 < length {
                nodes.append(step.node)
                stack.append(stepsOf(step.node, top + 1))
                chosen.append(-1)
                continue
            }
            // A complete node sequence: list its parallel-edge choices like an odometer.
            let pathNodes = nodes + [step.node]
            let options = stack.indices.map { stack[$0][chosen[$0]].edges }
            var digits = [Int](repeating: 0, count: options.count)
            while result.count < limit {
                result.append(PathRows(nodes: pathNodes, edges: digits.indices.map { options[$0][digits[$0]] }))
                var d = digits.count - 1
                while d >= 0 {
                    digits[d] += 1
                    if digits[d] < options[d].count { break }
                    digits[d] = 0
                    d -= 1
                }
                if d < 0 { break }
            }
        }
        return result
    }
}
