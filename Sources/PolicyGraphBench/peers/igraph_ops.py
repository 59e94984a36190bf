# The k-hop and path ops of policygraph-bench, done with python-igraph (its C core) on the same
# graph folder, for a same-machine comparison: `pip install igraph`, then
# `python3 igraph_ops.py DIR` on a folder written by `policygraph-bench --size M --keep DIR`.
# It prints the same answers as policygraph-bench (a check of both) and igraph's times.
import csv, sys, time, igraph
folder = sys.argv[1]
M = (1 << 64) - 1
class SplitMix:
    def __init__(self, seed): self.s = seed
    def next(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & M
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
        return z ^ (z >> 31)
ids, kinds = [], []
with open(f"{folder}/nodes.csv", newline='', encoding='utf-8') as f:
    r = csv.reader(f); next(r)
    for row in r: ids.append(row[0]); kinds.append(row[1])
index = {v: i for i, v in enumerate(ids)}
edges = []
with open(f"{folder}/edges.csv", newline='', encoding='utf-8') as f:
    r = csv.reader(f); next(r)
    for row in r: edges.append((index[row[0]], index[row[2]]))
t = time.perf_counter(); g = igraph.Graph(n=len(ids), edges=edges, directed=True); build = time.perf_counter() - t
start = kinds.index("country")
t = time.perf_counter(); k3 = len(g.neighborhood(start, order=3, mode="out", mindist=1)); tk3 = time.perf_counter() - t
t = time.perf_counter(); k2 = len(g.neighborhood(start, order=2, mode="all", mindist=1)); tk2 = time.perf_counter() - t
fw = [i for i, k in enumerate(kinds) if k == "framework"]
rng = SplitMix(20240601); pairs = []
while len(pairs) < 100:
    s = rng.next() % len(ids); tt = fw[rng.next() % len(fw)]
    if s != tt: pairs.append((s, tt))
t = time.perf_counter(); conn = 0; total = 0
for s, tt in pairs:
    p = g.get_shortest_path(s, tt, mode="out")
    if p: conn += 1; total += len(p) - 1
tp = time.perf_counter() - t
print(f"igraph {igraph.__version__}: build-from-lists {build:.3f}s khop_out3 {k3} {tk3:.6f}s khop_both2 {k2} {tk2:.6f}s path connected {conn} sum_len {total} {tp:.4f}s")
