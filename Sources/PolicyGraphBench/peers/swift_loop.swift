// swift-loop: the "hand-written Swift loop" peer of policygraph-bench (issue #6).
//
// It does the benchmark's eight ops on a graph folder (nodes.csv, edges.csv) the way a Swift
// programmer would write them for this one job without the PolicyGraph library: read each file
// whole, parse the CSV bytes in place, intern the ids in a dictionary, build out- and in-adjacency
// in compressed sparse rows, and answer every op with plain loops over those arrays. It is the
// bar that the library's query engine is measured against ("pattern queries as fast as a
// hand-written loop or faster"), so it is meant to be reasonably fast and straightforward, not
// tuned to the data.
//
// It does not import PolicyGraph; the package build excludes this folder. Build and run:
//   mkdir -p .build/peers && swiftc -O Sources/PolicyGraphBench/peers/swift_loop.swift -o .build/peers/swift-loop
//   .build/peers/swift-loop DIR
// It prints the same JSON object as policygraph-bench, with "peer": "swift-loop"; ops are timed
// one by one on the monotonic clock. Errors (unreadable file, bad CSV, unknown id) go to stderr
// with exit status 1.

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Foundation

func fail(_ message: String, status: Int32 = 1) -> Never {
    FileHandle.standardError.write(Data("swift-loop: \(message)\n".utf8))
    exit(status)
}

// MARK: - Reading CSV

func readWholeFile(_ path: String) -> [UInt8] {
    guard let file = fopen(path, "rb") else { fail("cannot open \(path)") }
    defer { fclose(file) }
    fseek(file, 0, SEEK_END)
    let size = ftell(file)
    fseek(file, 0, SEEK_SET)
    guard size >= 0 else { fail("cannot read \(path)") }
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
        count = size == 0 ? 0 : fread(buffer.baseAddress, 1, size, file)
    }
    guard bytes.count == size else { fail("short read on \(path)") }
    return bytes
}

/// A field's bytes in the file: between the quotes for a quoted field; `escaped` when it holds
/// doubled quotes that still have to be collapsed.
struct Field {
    var start: Int
    var end: Int
    var escaped: Bool
}

let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

/// RFC 4180 records over a byte buffer: quoted fields may hold commas, doubled quotes and line
/// breaks; lines end in LF or CRLF; blank lines are skipped. No copying, no String per field.
struct CSVReader {
    let text: UnsafeBufferPointer<UInt8>
    let path: String
    var position = 0
    var record = 0

    init(_ text: UnsafeBufferPointer<UInt8>, path: String) {
        self.text = text
        self.path = path
        if text.count >= 3, text[0] == 0xEF, text[1] == 0xBB, text[2] == 0xBF { position = 3 }
    }

    /// Reads the next record into `fields`; false at the end of the text.
    mutating func next(into fields: inout [Field]) -> Bool {
        let n = text.count
        var i = position
        while i < n, text[i] == lf || text[i] == cr { i += 1 }
        guard i < n else { return false }
        record += 1
        fields.removeAll(keepingCapacity: true)
        while true {
            if i < n, text[i] == quote {
                i += 1
                let start = i
                var escaped = false
                while true {
                    guard i < n else { fail("\(path): record \(record): unterminated quoted field") }
                    if text[i] == quote {
                        if i + 1 < n, text[i + 1] == quote { escaped = true; i += 2; continue }
                        break
                    }
                    i += 1
                }
                fields.append(Field(start: start, end: i, escaped: escaped))
                i += 1
            } else {
                let start = i
                while i < n {
                    let c = text[i]
                    if c == comma || c == lf || c == cr { break }
                    i += 1
                }
                fields.append(Field(start: start, end: i, escaped: false))
            }
            if i >= n { break }
            let c = text[i]
            i += 1
            if c == comma { continue }
            if c == lf { break }
            if c == cr { if i < n, text[i] == lf { i += 1 }; break }
            fail("\(path): record \(record): unexpected character after a closing quote")
        }
        position = i
        return true
    }

    /// The field's value, with doubled quotes collapsed only when there are any.
    func withBytes<R>(_ field: Field, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let raw = UnsafeBufferPointer(rebasing: text[field.start..<field.end])
        guard field.escaped else { return body(raw) }
        var value: [UInt8] = []
        var i = raw.startIndex
        while i < raw.endIndex {
            value.append(raw[i])
            i += raw[i] == quote ? 2 : 1
        }
        return value.withUnsafeBufferPointer(body)
    }

    func string(_ field: Field) -> String { withBytes(field) { String(decoding: $0, as: UTF8.self) } }

    /// The header's column named `name`.
    func column(_ name: String, in header: [Field]) -> Int {
        guard let index = header.firstIndex(where: { string($0) == name }) else { fail("\(path): no column '\(name)'") }
        return index
    }
}

/// A handful of names (kinds, relations) as small codes; a linear scan beats hashing here.
struct Vocabulary {
    var names: [[UInt8]] = []

    mutating func code(of bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        for (code, name) in names.enumerated() where name.count == bytes.count && name.elementsEqual(bytes) {
            return UInt8(code)
        }
        guard names.count < 255 else { fail("more than 255 kinds or relations") }
        names.append(Array(bytes))
        return UInt8(names.count - 1)
    }

    /// The code of `name`, or 255 (matches nothing) when no row uses it.
    func code(of name: String) -> UInt8 {
        names.firstIndex(of: Array(name.utf8)).map { UInt8($0) } ?? 255
    }
}

// MARK: - The graph

/// Compressed sparse rows: the edges of node v are offsets[v]..<offsets[v+1] in `neighbors`
/// (the other end) and `relations`, in file order.
struct Adjacency {
    var offsets: [Int32]
    var neighbors: [Int32]
    var relations: [UInt8]

    init(nodes: Int, from: [Int32], to: [Int32], relations edgeRelations: [UInt8]) {
        var offsets = [Int32](repeating: 0, count: nodes + 1)
        for v in from { offsets[Int(v) + 1] += 1 }
        for v in 0..<nodes { offsets[v + 1] += offsets[v] }
        var cursor = offsets
        var neighbors = [Int32](repeating: 0, count: from.count)
        var relations = [UInt8](repeating: 0, count: from.count)
        for e in 0..<from.count {
            let slot = Int(cursor[Int(from[e])])
            cursor[Int(from[e])] += 1
            neighbors[slot] = to[e]
            relations[slot] = edgeRelations[e]
        }
        self.offsets = offsets
        self.neighbors = neighbors
        self.relations = relations
    }

    func edges(of v: Int) -> Range<Int> { Int(offsets[v])..<Int(offsets[v + 1]) }
}

struct Graph {
    let ids: [String]
    let kinds: [UInt8]
    let kindNames: Vocabulary
    let relationNames: Vocabulary
    /// The rows of each kind code, in file order.
    let nodesByKind: [[Int]]
    let out: Adjacency
    let into: Adjacency
    let edgeCount: Int

    var nodeCount: Int { ids.count }
    func nodes(of kind: UInt8) -> [Int] { Int(kind) < nodesByKind.count ? nodesByKind[Int(kind)] : [] }
}

func loadGraph(_ folder: String) -> Graph {
    var ids: [String] = []
    var kinds: [UInt8] = []
    var kindNames = Vocabulary()
    var index: [String: Int32] = [:]
    var fields: [Field] = []

    let nodesPath = folder + "/nodes.csv"
    let nodeBytes = readWholeFile(nodesPath)
    nodeBytes.withUnsafeBufferPointer { text in
        var reader = CSVReader(text, path: nodesPath)
        guard reader.next(into: &fields) else { fail("\(nodesPath): empty file") }
        let idColumn = reader.column("id", in: fields), kindColumn = reader.column("kind", in: fields)
        let needed = max(idColumn, kindColumn)
        let estimate = text.count / 40
        ids.reserveCapacity(estimate)
        kinds.reserveCapacity(estimate)
        index.reserveCapacity(estimate)
        while reader.next(into: &fields) {
            guard fields.count > needed else { fail("\(nodesPath): record \(reader.record): too few fields") }
            let id = reader.string(fields[idColumn])
            guard index.updateValue(Int32(ids.count), forKey: id) == nil else {
                fail("\(nodesPath): record \(reader.record): duplicate id '\(id)'")
            }
            ids.append(id)
            kinds.append(reader.withBytes(fields[kindColumn]) { kindNames.code(of: $0) })
        }
    }

    var from: [Int32] = [], to: [Int32] = [], relations: [UInt8] = []
    var relationNames = Vocabulary()
    let edgesPath = folder + "/edges.csv"
    var edgeBytes = readWholeFile(edgesPath)
    edgeBytes.withUnsafeBufferPointer { text in
        var reader = CSVReader(text, path: edgesPath)
        guard reader.next(into: &fields) else { fail("\(edgesPath): empty file") }
        let fromColumn = reader.column("from", in: fields), toColumn = reader.column("to", in: fields)
        let relationColumn = reader.column("relation", in: fields)
        let needed = max(fromColumn, toColumn, relationColumn)
        let estimate = text.count / 40
        from.reserveCapacity(estimate)
        to.reserveCapacity(estimate)
        relations.reserveCapacity(estimate)
        func node(_ field: Field) -> Int32 {
            let id = reader.string(field)
            guard let row = index[id] else { fail("\(edgesPath): record \(reader.record): unknown node '\(id)'") }
            return row
        }
        while reader.next(into: &fields) {
            guard fields.count > needed else { fail("\(edgesPath): record \(reader.record): too few fields") }
            from.append(node(fields[fromColumn]))
            to.append(node(fields[toColumn]))
            relations.append(reader.withBytes(fields[relationColumn]) { relationNames.code(of: $0) })
        }
    }
    edgeBytes = []
    let out = Adjacency(nodes: ids.count, from: from, to: to, relations: relations)
    let into = Adjacency(nodes: ids.count, from: to, to: from, relations: relations)
    var nodesByKind = [[Int]](repeating: [], count: kindNames.names.count)
    for (row, kind) in kinds.enumerated() { nodesByKind[Int(kind)].append(row) }
    return Graph(ids: ids, kinds: kinds, kindNames: kindNames, relationNames: relationNames,
                 nodesByKind: nodesByKind, out: out, into: into, edgeCount: from.count)
}

// MARK: - The ops

/// Nodes at distance 1...depth from `start`, breadth first; `both` also follows in-edges.
func kHop(_ g: Graph, from start: Int, depth: Int, both: Bool) -> Int {
    var visited = [Bool](repeating: false, count: g.nodeCount)
    visited[start] = true
    var frontier = [start], next: [Int] = [], reached = 0
    for _ in 0..<depth {
        next.removeAll(keepingCapacity: true)
        for v in frontier {
            for e in g.out.edges(of: v) {
                let w = Int(g.out.neighbors[e])
                if !visited[w] { visited[w] = true; next.append(w) }
            }
            guard both else { continue }
            for e in g.into.edges(of: v) {
                let w = Int(g.into.neighbors[e])
                if !visited[w] { visited[w] = true; next.append(w) }
            }
        }
        reached += next.count
        swap(&frontier, &next)
    }
    return reached
}

struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// 100 (source, framework) pairs from SplitMix64, then a breadth-first search per pair that stops
/// at the target; the distance buffer is reset through the queue, so each search costs what it visits.
func paths(_ g: Graph, frameworks: [Int]) -> (connected: Int, sumLength: Int) {
    var random = SplitMix64(state: 20240601)
    var pairs: [(Int, Int)] = []
    while pairs.count < 100 {
        let s = Int(random.next() % UInt64(g.nodeCount))
        let t = frameworks[Int(random.next() % UInt64(frameworks.count))]
        if s != t { pairs.append((s, t)) }
    }
    var distance = [Int32](repeating: -1, count: g.nodeCount)
    var queue: [Int32] = []
    var connected = 0, sumLength = 0
    for (s, t) in pairs {
        queue.removeAll(keepingCapacity: true)
        queue.append(Int32(s))
        distance[s] = 0
        var head = 0
        search: while head < queue.count {
            let v = Int(queue[head])
            head += 1
            for e in g.out.edges(of: v) {
                let w = Int(g.out.neighbors[e])
                guard distance[w] < 0 else { continue }
                distance[w] = distance[v] + 1
                if w == t { connected += 1; sumLength += Int(distance[w]); break search }
                queue.append(Int32(w))
            }
        }
        for v in queue { distance[Int(v)] = -1 }
        distance[t] = -1
    }
    return (connected, sumLength)
}

/// (a:kindA)-[:relationA]->(f:framework)<-[:relationB]-(b:kindB) per framework: supporters times
/// opposers, less the matches with a == b when both sides are the same kind. Those are counted as
/// they come: each edge pairs with the earlier edges of the other relation from the same node.
func starCount(_ g: Graph, frameworks: [Int], kindA: UInt8, relationA: UInt8, kindB: UInt8, relationB: UInt8) -> Int {
    var seenA = [Int32](repeating: 0, count: g.nodeCount), seenB = seenA
    var touched: [Int] = []
    var total = 0
    for f in frameworks {
        var countA = 0, countB = 0, same = 0
        for e in g.into.edges(of: f) {
            let source = Int(g.into.neighbors[e]), relation = g.into.relations[e], kind = g.kinds[source]
            if relation == relationA && kind == kindA {
                countA += 1
                if kindA == kindB { same += Int(seenB[source]); seenA[source] += 1; touched.append(source) }
            }
            if relation == relationB && kind == kindB {
                countB += 1
                if kindA == kindB { same += Int(seenA[source]); seenB[source] += 1; touched.append(source) }
            }
        }
        total += countA * countB - same
        for v in touched { seenA[v] = 0; seenB[v] = 0 }
        touched.removeAll(keepingCapacity: true)
    }
    return total
}

/// (o:official)-[:memberOf]->(a:agency)-[:memberOf]->(c:country), counted per country.
func chainCounts(_ g: Graph, countries: [Int], official: UInt8, agency: UInt8, memberOf: UInt8) -> [Int] {
    countries.map { c in
        var count = 0
        for e in g.into.edges(of: c) where g.into.relations[e] == memberOf {
            let a = Int(g.into.neighbors[e])
            guard g.kinds[a] == agency else { continue }
            for e2 in g.into.edges(of: a) where g.into.relations[e2] == memberOf && g.kinds[Int(g.into.neighbors[e2])] == official {
                count += 1
            }
        }
        return count
    }
}

struct PairResult {
    var agree = 0, conflict = 0
    var best: (a: Int, b: Int, agree: Int, union: Int)?
}

/// Every unordered pair of countries, in id order, over their direct stances. Each country's
/// stances become a list of (target, sign) (supports +1, opposes -1, summed per target, zero
/// dropped); for each first country its signs are marked in a dense array, and each later
/// country's list is probed against it. The weight column is not read: PolicyGraph sums
/// polarity x weight per target, which has the same sign whenever a country has one stance edge
/// per target (always so in the generated graphs); only mixed duplicates can differ.
func overlap(_ g: Graph, countries: [Int], supports: UInt8, opposes: UInt8) -> PairResult {
    let actors = countries.sorted { g.ids[$0] < g.ids[$1] }
    var mark = [Int32](repeating: 0, count: g.nodeCount)
    let stances: [[(target: Int32, sign: Int32)]] = actors.map { c in
        var targets: [Int32] = []
        for e in g.out.edges(of: c) {
            let r = g.out.relations[e], t = g.out.neighbors[e]
            guard r == supports || r == opposes else { continue }
            if mark[Int(t)] == 0 { targets.append(t) }
            mark[Int(t)] += r == supports ? 1 : -1
        }
        var list: [(target: Int32, sign: Int32)] = []
        for t in targets {
            let net = mark[Int(t)]
            if net != 0 { list.append((t, net > 0 ? 1 : -1)) }
            mark[Int(t)] = 0
        }
        return list
    }
    var result = PairResult()
    for i in 0..<actors.count {
        for s in stances[i] { mark[Int(s.target)] = s.sign }
        for j in (i + 1)..<actors.count {
            var agree = 0, conflict = 0
            for s in stances[j] {
                let m = mark[Int(s.target)]
                if m == 0 { continue }
                if m == s.sign { agree += 1 } else { conflict += 1 }
            }
            let union = stances[i].count + stances[j].count - agree - conflict
            result.agree += agree
            result.conflict += conflict
            guard union > 0 else { continue }
            if let best = result.best, agree * best.union <= best.agree * union { continue }
            result.best = (actors[i], actors[j], agree, union)
        }
        for s in stances[i] { mark[Int(s.target)] = 0 }
    }
    return result
}

// MARK: - Timing and output

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

func jsonString(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
        }
    }
    return out + "\""
}

func object(_ members: [(String, String)]) -> String {
    "{" + members.map { "\(jsonString($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
}

struct Op {
    let name: String
    let seconds: Double
    let result: String  // already JSON
}

/// Runs `body` once on the monotonic clock.
func measure(_ name: String, _ body: () -> String) -> Op {
    let start = now()
    let result = body()
    return Op(name: name, seconds: now() - start, result: result)
}

// MARK: - Main

guard CommandLine.arguments.count == 2 else { fail("usage: swift-loop DIR (a folder with nodes.csv and edges.csv)", status: 2) }
let folder = CommandLine.arguments[1]

var ops: [Op] = []
var loaded: Graph?
ops.append(measure("load") {
    let g = loadGraph(folder)
    loaded = g
    return object([("nodes", "\(g.nodeCount)"), ("edges", "\(g.edgeCount)")])
})
guard let graph = loaded else { fail("no graph") }

let country = graph.kindNames.code(of: "country"), framework = graph.kindNames.code(of: "framework")
let official = graph.kindNames.code(of: "official"), agency = graph.kindNames.code(of: "agency")
let supports = graph.relationNames.code(of: "supports"), opposes = graph.relationNames.code(of: "opposes")
let memberOf = graph.relationNames.code(of: "memberOf")
let firstCountry = graph.nodes(of: country).first

ops.append(measure("khop_out3") { firstCountry.map { "\(kHop(graph, from: $0, depth: 3, both: false))" } ?? "null" })
ops.append(measure("khop_both2") { firstCountry.map { "\(kHop(graph, from: $0, depth: 2, both: true))" } ?? "null" })
ops.append(measure("path") {
    let frameworks = graph.nodes(of: framework)
    guard !frameworks.isEmpty, graph.nodeCount > 1 else { return "null" }
    let (connected, sumLength) = paths(graph, frameworks: frameworks)
    return object([("pairs", "100"), ("connected", "\(connected)"), ("sum_len", "\(sumLength)")])
})
ops.append(measure("pattern") {
    "\(starCount(graph, frameworks: graph.nodes(of: framework), kindA: country, relationA: supports, kindB: country, relationB: opposes))"
})
ops.append(measure("pattern_heavy") {
    "\(starCount(graph, frameworks: graph.nodes(of: framework), kindA: official, relationA: supports, kindB: country, relationB: opposes))"
})
ops.append(measure("chain") {
    let countries = graph.nodes(of: country)
    guard let first = countries.first else { return "null" }
    let counts = chainCounts(graph, countries: countries, official: official, agency: agency, memberOf: memberOf)
    return object([("total", "\(counts.reduce(0, +))"), ("countries", "\(counts.filter { $0 > 0 }.count)"),
                   ("first", object([("id", jsonString(graph.ids[first])), ("count", "\(counts[0])")]))])
})
ops.append(measure("overlap") {
    let pairs = overlap(graph, countries: graph.nodes(of: country), supports: supports, opposes: opposes)
    let best = pairs.best.map { b in
        object([("a", jsonString(graph.ids[b.a])), ("b", jsonString(graph.ids[b.b])), ("agree", "\(b.agree)"),
                ("union", "\(b.union)"), ("jaccard", String(format: "%.6f", Double(b.agree) / Double(b.union)))])
    } ?? "null"
    return object([("agree", "\(pairs.agree)"), ("conflict", "\(pairs.conflict)"), ("best", best)])
})

var usage = rusage()
#if os(Linux)
getrusage(RUSAGE_SELF.rawValue, &usage)
let peakMegabytes = Double(usage.ru_maxrss) / 1024  // KiB on Linux
#else
getrusage(RUSAGE_SELF, &usage)
let peakMegabytes = Double(usage.ru_maxrss) / 1024 / 1024  // bytes on macOS
#endif

var lines = ["{", "  \"peer\": \"swift-loop\",", "  \"version\": \"1\",", "  \"data\": \(jsonString(folder)),", "  \"ops\": {"]
for (k, op) in ops.enumerated() {
    let comma = k == ops.count - 1 ? "" : ","
    lines.append("    \(jsonString(op.name)): {\"seconds\": \(String(format: "%.6f", op.seconds)), \"result\": \(op.result)}\(comma)")
}
lines += ["  },", "  \"peak_rss_mb_self\": \(String(format: "%.1f", peakMegabytes))", "}"]
print(lines.joined(separator: "\n"))
