#!/usr/bin/env python3
"""The eight ops of policygraph-bench, done with another graph tool on the same graph folder.

    python3 peer_ops.py PEER DIR [--out FILE]      PEER: igraph, rustworkx, networkx or kuzu
    python3 peer_ops.py kuzu DIR --queries FILE [--repeat N] [--out FILE]   (see peer_workload.py)

DIR is a folder written by `policygraph-bench --size S|M|L --keep DIR` (nodes.csv, edges.csv).
Prints the same JSON object as policygraph-bench, `{"peer", "version", "data", "ops": {NAME:
{"seconds", "result"}}, "peak_rss_mb_self"}`, with the same answers (so each run checks both
tools) and this tool's times. compare.py runs it for the one-run comparison of the issue; the
Swift test BenchPeersTests checks its answers against the library's on the S graph.

Why it is written this way: each op is done the way a user of that tool would do it, through
the tool's own calls where it has one (igraph's C neighbourhood and shortest path, rustworkx's
Dijkstra, networkx's BFS, Kùzu's Cypher), and as plain Python over the tool's adjacency where it
has none (said at each op). Each op is timed inside the process with time.perf_counter();
`load` is reading both CSVs (the csv module, or Kùzu's COPY) and building the graph.

Each peer keeps only the columns the ops read (id, kind; from, relation, to). policygraph also
keeps labels, weights, dates and cites, so the comparison errs in the peers' favour.

Exit status: 0 ok (an op that fails is reported with null seconds and result and an "error"),
2 usage error, 3 the tool cannot be imported (compare.py skips that peer).
"""
import argparse
import csv
import importlib
import json
import os
import re
import resource
import shutil
import sys
import tempfile
import time
import warnings

OPS = ["load", "khop_out3", "khop_both2", "path", "pattern", "pattern_heavy", "chain", "overlap"]
PEERS = ["igraph", "rustworkx", "networkx", "kuzu"]
PATH_SEED = 20240601
PATH_PAIRS = 100


# --- What every peer shares: the op definitions of issue 6 ---------------------------------

class SplitMix64:
    """SplitMix64 with wrapping 64-bit arithmetic, as issue 6 writes it."""
    MASK = (1 << 64) - 1

    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & self.MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & self.MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & self.MASK
        return z ^ (z >> 31)


def path_pairs(ids, frameworks, count=PATH_PAIRS):
    """The `path` pairs: `s = ids[next() % N]`, `t = frameworks[next() % F]`, s == t drawn again.

    `ids` are all nodes and `frameworks` the framework nodes, both in the file order of nodes.csv.
    """
    if not ids or not frameworks or (len(ids) == 1 and ids == frameworks):
        return []
    rng = SplitMix64(PATH_SEED)
    pairs = []
    while len(pairs) < count:
        s = ids[rng.next() % len(ids)]
        t = frameworks[rng.next() % len(frameworks)]
        if s != t:
            pairs.append((s, t))
    return pairs


def path_result(lengths):
    """`path` → {"pairs", "connected", "sum_len"} from one length (or None) per pair."""
    found = [n for n in lengths if n is not None]
    return {"pairs": len(lengths), "connected": len(found), "sum_len": sum(found)}


def chain_result(counts, first_country):
    """`chain` → {"total", "countries", "first": {"id", "count"}} from matches per country id."""
    return {"total": sum(counts.values()), "countries": sum(1 for n in counts.values() if n > 0),
            "first": {"id": first_country, "count": counts.get(first_country, 0)}}


def overlap_result(countries, shared, stance_count):
    """`overlap` from per-pair counts.

    `countries` are ids; `shared(a, b)` gives (agree, conflict) of two countries; `stance_count`
    maps a country to its number of stance targets, so union = |A| + |B| - (agree + conflict).
    Pairs are scanned with a < b in string order of ids; a pair replaces the best only when
    agree * best.union > best.agree * union (ties keep the first); pairs with an empty union
    are skipped. Assumes one stance per (country, target), which the generator guarantees.
    """
    ordered = sorted(countries)
    agree_sum = conflict_sum = 0
    best = None
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            agree, conflict = shared(a, b)
            agree_sum += agree
            conflict_sum += conflict
            union = stance_count[a] + stance_count[b] - agree - conflict
            if union == 0:
                continue
            if best is None or agree * best[3] > best[2] * union:
                best = (a, b, agree, union)
    best_json = None
    if best is not None:
        a, b, agree, union = best
        best_json = {"a": a, "b": b, "agree": agree, "union": union, "jaccard": Fixed6(agree / union)}
    return {"agree": agree_sum, "conflict": conflict_sum, "best": best_json}


class Fixed6:
    """A number rendered with exactly six places, as policygraph renders jaccard (0.500000)."""

    def __init__(self, value):
        self.text = f"{value:.6f}"


def render(report):
    """The report as JSON, two-space indented like policygraph-bench, Fixed6 numbers kept as text."""
    marker = "\u0001fixed6:"

    def encode(value):
        if isinstance(value, Fixed6):
            return marker + value.text
        raise TypeError(f"cannot render {type(value).__name__}")

    text = json.dumps(report, indent=2, ensure_ascii=False, default=encode)
    return re.sub('"\\\\u0001fixed6:([-0-9.]+)"', r"\1", text) + "\n"


def read_nodes(folder):
    """nodes.csv → (ids, kinds) in file order, kinds interned (a million copies of 'official'
    would otherwise cost ~60 MB)."""
    ids, kinds = [], []
    with open(os.path.join(folder, "nodes.csv"), newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        next(rows, None)
        for row in rows:
            ids.append(row[0])
            kinds.append(sys.intern(row[1]))
    return ids, kinds


def read_edges(folder):
    """edges.csv → an iterator of (from, relation, to) rows, relation interned."""
    with open(os.path.join(folder, "edges.csv"), newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        next(rows, None)
        for row in rows:
            yield row[0], sys.intern(row[1]), row[2]


# --- The ops over a tool's adjacency ---------------------------------------------------------

class AdjacencyPeer:
    """A peer that holds the graph in a Python library. A subclass builds the graph in `load`
    and answers `khop` and `shortest_path_length` with the library's own calls; it gives its
    adjacency as `in_edges(v)` / `out_edges(v)` → (other end, relation), over which the pattern,
    chain and overlap ops run as plain Python (none of the three libraries matches patterns or
    measures agreement, so plain loops over their adjacency are what a user would write).

    Vertices are whatever the library uses (indices in file order for igraph and rustworkx, id
    strings for networkx); `self.nodes` lists them in file order, and `self.id_of[v]` and
    `self.kind_of[v]` give a vertex's id and kind.
    """

    def first_country(self):
        return next((v for v in self.nodes if self.kind_of[v] == "country"), None)

    def nodes_of_kind(self, kind):
        return [v for v in self.nodes if self.kind_of[v] == kind]

    def khop_out3(self, start):
        return self.khop(start, 3, both=False)

    def khop_both2(self, start):
        return self.khop(start, 2, both=True)

    def path_pairs(self):
        return path_pairs(self.nodes, self.nodes_of_kind("framework"))

    def path(self, pairs):
        return path_result([self.shortest_path_length(s, t) for s, t in pairs])

    def pattern(self):
        return self.pairs_over_frameworks("country", "supports", "country", "opposes", distinct=True)

    def pattern_heavy(self):
        return self.pairs_over_frameworks("official", "supports", "country", "opposes", distinct=False)

    def pairs_over_frameworks(self, a_kind, a_relation, b_kind, b_relation, distinct):
        """Matches of (a:a_kind)-[:a_relation]->(f:framework)<-[:b_relation]-(b:b_kind), one per
        pair of edges: per framework, (a edges) × (b edges), minus the pairs with a == b when
        `distinct` (a <> b). Linear in the in-edges of the frameworks."""
        kind = self.kind_of
        total = 0
        for f in self.nodes_of_kind("framework"):
            a_edges = b_edges = 0
            a_per_source = {} if distinct else None
            b_per_source = {} if distinct else None
            for source, relation in self.in_edges(f):
                source_kind = kind[source]
                if relation == a_relation and source_kind == a_kind:
                    a_edges += 1
                    if distinct:
                        a_per_source[source] = a_per_source.get(source, 0) + 1
                if relation == b_relation and source_kind == b_kind:
                    b_edges += 1
                    if distinct:
                        b_per_source[source] = b_per_source.get(source, 0) + 1
            total += a_edges * b_edges
            if distinct:
                total -= sum(n * b_per_source.get(s, 0) for s, n in a_per_source.items())
        return total

    def chain(self):
        """(o:official)-[:memberOf]->(a:agency)-[:memberOf]->(c:country): per agency, its
        official members times each of its memberOf edges to a country."""
        kind = self.kind_of
        counts = {}
        for agency in self.nodes_of_kind("agency"):
            officials = sum(1 for source, relation in self.in_edges(agency)
                            if relation == "memberOf" and kind[source] == "official")
            if officials == 0:
                continue
            for target, relation in self.out_edges(agency):
                if relation == "memberOf" and kind[target] == "country":
                    country = self.id_of[target]
                    counts[country] = counts.get(country, 0) + officials
        first = self.first_country()
        return chain_result(counts, None if first is None else self.id_of[first])

    def overlap(self):
        """Every unordered pair of countries over their direct stances, with set intersections."""
        supports, opposes, everything = {}, {}, {}
        for country in self.nodes_of_kind("country"):
            s, o = set(), set()
            for target, relation in self.out_edges(country):
                if relation == "supports":
                    s.add(target)
                elif relation == "opposes":
                    o.add(target)
            name = self.id_of[country]
            supports[name], opposes[name], everything[name] = s, o, s | o

        def shared(a, b):
            agree = len(supports[a] & supports[b]) + len(opposes[a] & opposes[b])
            return agree, len(everything[a] & everything[b]) - agree

        return overlap_result(list(everything), shared, {c: len(t) for c, t in everything.items()})


class IgraphPeer(AdjacencyPeer):
    """python-igraph: a directed multigraph, vertices 0..N-1 in file order, `kind` and
    `relation` as attributes; k-hop is `neighborhood` and paths `get_shortest_path` (C core)."""

    def __init__(self):
        import igraph
        self.igraph = igraph
        self.version = igraph.__version__
        # igraph imports numpy on its first Graph() (0.13 s here): an import, not loading, so
        # it happens before the clock starts, like the import of igraph itself.
        igraph.Graph(n=1, directed=True)

    def load(self, folder):
        ids, kinds = read_nodes(folder)
        index = {node: i for i, node in enumerate(ids)}
        pairs, relations = [], []
        for source, relation, target in read_edges(folder):
            pairs.append((index[source], index[target]))
            relations.append(relation)
        self.graph = self.igraph.Graph(n=len(ids), edges=pairs, directed=True,
                                       vertex_attrs={"name": ids, "kind": kinds},
                                       edge_attrs={"relation": relations})
        self.nodes = range(self.graph.vcount())
        self.id_of = self.graph.vs["name"]
        self.kind_of = self.graph.vs["kind"]
        return {"nodes": self.graph.vcount(), "edges": self.graph.ecount()}

    def khop(self, start, depth, both):
        return len(self.graph.neighborhood(start, order=depth, mode="all" if both else "out", mindist=1))

    def shortest_path_length(self, s, t):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Couldn't reach some vertices" for unconnected pairs
            path = self.graph.get_shortest_path(s, t, mode="out")
        return len(path) - 1 if path else None

    def in_edges(self, v):
        return ((e.source, e["relation"]) for e in self.graph.vs[v].in_edges())

    def out_edges(self, v):
        return ((e.target, e["relation"]) for e in self.graph.vs[v].out_edges())


class RustworkxPeer(AdjacencyPeer):
    """rustworkx: a PyDiGraph multigraph, node payload (id, kind), edge payload the relation;
    paths are `digraph_dijkstra_shortest_paths` (unit weights, stops at the target). rustworkx
    has no depth-limited BFS (bfs_layers runs to the end), so k-hop is a Python BFS over
    `successor_indices` / `neighbors_undirected`."""

    def __init__(self):
        import rustworkx
        self.rx = rustworkx
        self.version = rustworkx.__version__

    def load(self, folder):
        ids, kinds = read_nodes(folder)
        graph = self.rx.PyDiGraph(multigraph=True)
        graph.add_nodes_from(list(zip(ids, kinds)))
        index = {node: i for i, node in enumerate(ids)}
        graph.extend_from_weighted_edge_list(
            [(index[source], index[target], relation) for source, relation, target in read_edges(folder)])
        self.graph = graph
        self.nodes = list(graph.node_indices())
        payloads = graph.nodes()
        self.id_of = [p[0] for p in payloads]
        self.kind_of = [p[1] for p in payloads]
        return {"nodes": graph.num_nodes(), "edges": graph.num_edges()}

    def khop(self, start, depth, both):
        step = self.graph.neighbors_undirected if both else self.graph.successor_indices
        seen = {start}
        frontier = [start]
        for _ in range(depth):
            following = []
            for v in frontier:
                for w in step(v):
                    if w not in seen:
                        seen.add(w)
                        following.append(w)
            frontier = following
        return len(seen) - 1

    def shortest_path_length(self, s, t):
        paths = self.rx.digraph_dijkstra_shortest_paths(self.graph, s, target=t)
        return len(paths[t]) - 1 if t in paths else None

    def in_edges(self, v):
        return ((source, relation) for source, _, relation in self.graph.in_edges(v))

    def out_edges(self, v):
        return ((target, relation) for _, target, relation in self.graph.out_edges(v))


class NetworkxPeer(AdjacencyPeer):
    """networkx: a MultiDiGraph keyed by id, `kind` and `relation` as attributes; k-hop is
    `single_source_shortest_path_length` with a cutoff (on the undirected view both ways) and
    paths `shortest_path_length` (bidirectional BFS)."""

    def __init__(self):
        import networkx
        self.nx = networkx
        self.version = networkx.__version__

    def load(self, folder):
        ids, kinds = read_nodes(folder)
        graph = self.nx.MultiDiGraph()
        graph.add_nodes_from((node, {"kind": kind}) for node, kind in zip(ids, kinds))
        graph.add_edges_from((source, target, {"relation": relation})
                             for source, relation, target in read_edges(folder))
        self.graph = graph
        self.nodes = list(graph.nodes)  # insertion order: the file order
        self.kind_of = dict(graph.nodes(data="kind"))
        self.id_of = _Identity()
        return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}

    def khop(self, start, depth, both):
        graph = self.graph.to_undirected(as_view=True) if both else self.graph
        return len(self.nx.single_source_shortest_path_length(graph, start, cutoff=depth)) - 1

    def shortest_path_length(self, s, t):
        try:
            return self.nx.shortest_path_length(self.graph, s, t)
        except self.nx.NetworkXNoPath:
            return None

    def in_edges(self, v):
        return ((source, relation) for source, _, relation in self.graph.in_edges(v, data="relation"))

    def out_edges(self, v):
        return ((target, relation) for _, target, relation in self.graph.out_edges(v, data="relation"))


class _Identity:
    """networkx's vertices are the ids themselves."""

    def __getitem__(self, v):
        return v


# --- Kùzu: an embedded graph database, every op in Cypher -------------------------------------

class KuzuPeer:
    """Kùzu: one node table (id, kind) and one rel table (relation), loaded with COPY FROM the
    CSVs into a database in a temporary folder; every op is a Cypher query, with Python only
    to shape the answer (and to scan the country pairs of `overlap` for the best one)."""

    def __init__(self):
        import kuzu
        self.kuzu = kuzu
        self.version = kuzu.__version__

    def load(self, folder):
        self.folder = tempfile.mkdtemp(prefix="peer-kuzu-")
        self.database = self.kuzu.Database(os.path.join(self.folder, "db"))
        self.db = self.kuzu.Connection(self.database)
        nodes = os.path.abspath(os.path.join(folder, "nodes.csv")).replace("'", "\\'")
        edges = os.path.abspath(os.path.join(folder, "edges.csv")).replace("'", "\\'")
        self.db.execute("CREATE NODE TABLE Node(id STRING, kind STRING, PRIMARY KEY(id))")
        self.db.execute("CREATE REL TABLE Edge(FROM Node TO Node, relation STRING)")
        # One thread for the nodes keeps their offsets in file order, which the ops need for
        # "the first country" and the path pairs (measured: no slower than two threads).
        threads = os.cpu_count() or 1
        self.db.set_max_threads_for_exec(1)
        self.db.execute(f"COPY Node FROM (LOAD FROM '{nodes}' (header=true) RETURN id, kind)")
        self.db.set_max_threads_for_exec(threads)
        self.db.execute(f"COPY Edge FROM (LOAD FROM '{edges}' (header=true) RETURN `from`, `to`, relation)")
        node_count = self.scalar("MATCH (n:Node) RETURN count(*)")
        # Shortest paths in this graph can be hundreds of edges long (863 on M): lift Kùzu's
        # default bound of 30 hops, which would silently drop longer paths, to the node count.
        self.db.execute(f"CALL var_length_extend_max_depth={max(node_count, 30)}")
        return {"nodes": node_count, "edges": self.scalar("MATCH ()-[e:Edge]->() RETURN count(*)")}

    def close(self):
        if hasattr(self, "db"):
            self.db.close()
            self.database.close()
        if hasattr(self, "folder"):
            shutil.rmtree(self.folder, ignore_errors=True)

    def rows(self, query, parameters=None):
        result = self.db.execute(query, parameters or {})
        out = []
        while result.has_next():
            out.append(result.get_next())
        return out

    def scalar(self, query, parameters=None):
        rows = self.rows(query, parameters)
        return rows[0][0] if rows else None

    def first_country(self):
        return self.scalar("MATCH (n:Node) WHERE n.kind = 'country' RETURN n.id ORDER BY offset(id(n)) LIMIT 1")

    def khop(self, start, depth, arrow):
        return self.scalar(f"MATCH (a:Node {{id: $s}})-[:Edge* SHORTEST 1..{depth}]{arrow}(b:Node) "
                           "WHERE b <> a RETURN count(DISTINCT b)", {"s": start})

    def khop_out3(self, start):
        return self.khop(start, 3, "->")

    def khop_both2(self, start):
        return self.khop(start, 2, "-")

    def path_pairs(self):
        # Untimed set-up, as in policygraph-bench: the ids in file order and the frameworks.
        rows = self.rows("MATCH (n:Node) RETURN n.id, n.kind ORDER BY offset(id(n))")
        return path_pairs([r[0] for r in rows], [r[0] for r in rows if r[1] == "framework"])

    def path(self, pairs):
        query = "MATCH p = (a:Node {id: $s})-[:Edge* SHORTEST]->(b:Node {id: $t}) RETURN length(p)"
        return path_result([self.scalar(query, {"s": s, "t": t}) for s, t in pairs])

    # Kùzu 0.11's planner starts these three from the middle node and hash-joins the ends'
    # kinds last: on M, pattern_heavy then fills its buffer pool after ~90 s and fails. So each
    # query carries the join order a person would pick (HINT), starting from the selective end.
    # The peer gets the human plan; overlap is left to the planner, whose plan is the faster.

    def pattern(self):
        return self.scalar(
            "MATCH (a:Node)-[r1:Edge]->(f:Node)<-[r2:Edge]-(b:Node) "
            "WHERE a.kind = 'country' AND r1.relation = 'supports' AND f.kind = 'framework' "
            "AND r2.relation = 'opposes' AND b.kind = 'country' AND a <> b "
            "HINT ((a JOIN r1 JOIN f) JOIN r2 JOIN b) RETURN count(*)")

    def pattern_heavy(self):
        return self.scalar(
            "MATCH (o:Node)-[r1:Edge]->(f:Node)<-[r2:Edge]-(c:Node) "
            "WHERE o.kind = 'official' AND r1.relation = 'supports' AND f.kind = 'framework' "
            "AND r2.relation = 'opposes' AND c.kind = 'country' "
            "HINT ((c JOIN r2 JOIN f) JOIN r1 JOIN o) RETURN count(*)")

    def chain(self):
        counts = dict(self.rows(
            "MATCH (o:Node)-[r1:Edge]->(a:Node)-[r2:Edge]->(c:Node) "
            "WHERE o.kind = 'official' AND r1.relation = 'memberOf' AND a.kind = 'agency' "
            "AND r2.relation = 'memberOf' AND c.kind = 'country' "
            "HINT ((c JOIN r2 JOIN a) JOIN r1 JOIN o) RETURN c.id, count(*)"))
        return chain_result(counts, self.first_country())

    def overlap(self):
        stances = dict(self.rows(
            "MATCH (a:Node)-[r:Edge]->(t:Node) WHERE a.kind = 'country' "
            "AND r.relation IN ['supports', 'opposes'] RETURN a.id, count(DISTINCT t)"))
        countries = [r[0] for r in self.rows("MATCH (a:Node) WHERE a.kind = 'country' RETURN a.id")]
        for c in countries:
            stances.setdefault(c, 0)
        pairs = {(a, b): (int(agree), int(shared) - int(agree)) for a, b, agree, shared in self.rows(
            "MATCH (a:Node)-[r1:Edge]->(t:Node)<-[r2:Edge]-(b:Node) "
            "WHERE a.kind = 'country' AND b.kind = 'country' AND a.id < b.id "
            "AND r1.relation IN ['supports', 'opposes'] AND r2.relation IN ['supports', 'opposes'] "
            "RETURN a.id, b.id, sum(CASE WHEN r1.relation = r2.relation THEN 1 ELSE 0 END), count(*)")}
        return overlap_result(countries, lambda a, b: pairs.get((a, b), (0, 0)), stances)


# --- Running and timing ------------------------------------------------------------------

PEER_CLASSES = {"igraph": IgraphPeer, "rustworkx": RustworkxPeer, "networkx": NetworkxPeer, "kuzu": KuzuPeer}


def timed(name, body):
    """Runs one op on the clock. An op that fails (Kùzu's buffer pool can fill up) is reported
    with null seconds and result and its error, so that the other ops still count."""
    started = time.perf_counter()
    try:
        result = body()
    except Exception as error:  # noqa: BLE001 - any failure of the tool is the op's answer
        print(f"peer_ops.py: {name} failed: {error}", file=sys.stderr)
        return {"seconds": None, "result": None, "error": f"{type(error).__name__}: {error}"}
    return {"seconds": Fixed6(time.perf_counter() - started), "result": result}


def run(peer_name, folder):
    """All eight ops on `folder` → the report (a dict in the JSON's order)."""
    peer = PEER_CLASSES[peer_name]()
    ops = {"load": timed("load", lambda: peer.load(folder))}
    if ops["load"]["result"] is None:
        for name in OPS[1:]:
            ops[name] = {"seconds": None, "result": None, "error": "load failed"}
    else:
        # The start country and the path pairs are found before the clock starts, as
        # policygraph-bench does.
        start = peer.first_country()
        for name in ["khop_out3", "khop_both2"]:
            op = getattr(peer, name)
            ops[name] = timed(name, lambda: op(start)) if start is not None else {"seconds": None, "result": None}
        pairs = peer.path_pairs()
        ops["path"] = timed("path", lambda: peer.path(pairs))
        for name in ["pattern", "pattern_heavy", "chain", "overlap"]:
            ops[name] = timed(name, getattr(peer, name))
    if hasattr(peer, "close"):
        peer.close()
    # ru_maxrss is in KiB on Linux (bytes on macOS).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * (1024 if sys.platform == "darwin" else 1))
    return {"peer": peer_name, "version": peer.version, "data": folder, "ops": ops,
            "peak_rss_mb_self": round(peak, 1)}


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("peer", choices=PEERS)
    parser.add_argument("folder", metavar="DIR", help="a graph folder with nodes.csv and edges.csv")
    parser.add_argument("--out", metavar="FILE", help="write the JSON to FILE instead of standard output")
    parser.add_argument("--queries", metavar="FILE",
                        help="time this workload (policygraph-bench --queries' file) instead of the ops; kuzu only")
    parser.add_argument("--repeat", type=int, default=1, help="with --queries: runs per query (default 1)")
    args = parser.parse_args(argv)
    if args.queries and args.peer != "kuzu":
        parser.error("--queries is done with kuzu only")
    for name in ("nodes.csv", "edges.csv"):
        if not os.path.isfile(os.path.join(args.folder, name)):
            parser.error(f"{args.folder} has no {name}")
    try:
        importlib.import_module(args.peer)
    except ImportError as error:
        print(f"peer_ops.py: cannot import {args.peer} ({error}); pip install {args.peer}", file=sys.stderr)
        return 3
    if args.queries:
        import peer_workload
        return peer_workload.main(args.folder, args.queries, args.repeat, args.out)
    text = render(run(args.peer, args.folder))
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
