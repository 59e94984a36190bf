"""A workload of pattern queries, timed in Kùzu: the peer of `policygraph-bench --queries`.

    python3 peer_ops.py kuzu DIR --queries FILE [--repeat N] [--out FILE]

FILE is the workload policygraph-bench reads: a JSON list of {"name", "query"} objects; an item
may carry a "kuzu" text, the same query in Kùzu's dialect, used here instead of "query" (Kùzu
has no `count(*)` over an unlabelled MATCH start, for one, and spells some functions its own
way). Lines files (one query a line) are read too, the query then used as written.

The graph is loaded the way a Kùzu user would model it, not as one table of everything: a node
table per kind (id as primary key, label, label_zh) and a rel table per relation with every
(from kind, to kind) pair the data has (weight DOUBLE, date STRING), so that `(f:framework)`
scans the frameworks only and `[:supports]` reads the supports edges only. The CSVs are split
by kind and relation first (untimed; the load time reported is Kùzu's COPYs).

Prints `{"peer", "version", "data", "load_seconds", "queries": [{"name", "query", "seconds":
{"min", "median"}, "runs", "rows", "head"} or {"name", "query", "error"}]}`: the shape of
policygraph-bench --queries, with `head` the first rows (numbers as numbers) for compare.py to check.
"""
import csv
import json
import os
import shutil
import statistics
import sys
import tempfile
import time

HEAD_ROWS = 3


def read_workload(path):
    """The workload file → [{"name", "query", "kuzu"}]: a JSON list, or one query a line
    (a `// name` line above a query names it)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if text.strip().startswith("["):
        items = json.loads(text)
        out = []
        for i, item in enumerate(items):
            if isinstance(item, str):
                item = {"query": item}
            query = item["query"]
            out.append({"name": item.get("name", f"q{i + 1}"), "query": query, "kuzu": item.get("kuzu", query)})
        return out
    out, name = [], None
    for line in text.splitlines():
        line = line.strip()
        if not line:
            name = None
        elif line.startswith("//"):
            name = line[2:].strip() or None
        else:
            out.append({"name": name or f"q{len(out) + 1}", "query": line, "kuzu": line})
            name = None
    return out


def cell_text(value):
    """A Kùzu value as policygraph's `head` gives a cell: numbers, booleans and null as such
    (JSON), anything else as its text."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value)


class KuzuTyped:
    """Kùzu with a table per kind and per relation, loaded from a policygraph graph folder."""

    def __init__(self):
        import kuzu
        self.kuzu = kuzu
        self.version = kuzu.__version__

    def split(self, folder):
        """nodes.csv and edges.csv → one CSV per kind and per (relation, from kind, to kind)."""
        kinds, files = {}, {}
        with open(os.path.join(folder, "nodes.csv"), newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            for row in reader:
                kind = row["kind"]
                kinds[row["id"]] = kind
                if kind not in files:
                    out = open(os.path.join(self.folder, f"node-{kind}.csv"), "w", newline="", encoding="utf-8")
                    files[kind] = (out, csv.writer(out))
                    files[kind][1].writerow(["id", "label", "label_zh"])
                files[kind][1].writerow([row["id"], row.get("label", ""), row.get("label_zh", "")])
        for out, _ in files.values():
            out.close()
        pairs = {}
        with open(os.path.join(folder, "edges.csv"), newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            for row in reader:
                key = (row["relation"], kinds[row["from"]], kinds[row["to"]])
                if key not in pairs:
                    out = open(os.path.join(self.folder, "edge-%s-%s-%s.csv" % key), "w", newline="", encoding="utf-8")
                    pairs[key] = (out, csv.writer(out))
                    pairs[key][1].writerow(["from", "to", "weight", "date"])
                pairs[key][1].writerow([row["from"], row["to"], row.get("weight", ""), row.get("date", "")])
        for out, _ in pairs.values():
            out.close()
        return sorted(files), sorted(pairs)

    def load(self, folder):
        """Splits the CSVs (untimed), then creates the tables and COPYs (timed) → seconds."""
        self.folder = tempfile.mkdtemp(prefix="peer-kuzu-workload-")
        kinds, pairs = self.split(folder)
        started = time.perf_counter()
        self.database = self.kuzu.Database(os.path.join(self.folder, "db"))
        self.db = self.kuzu.Connection(self.database)
        for kind in kinds:
            self.db.execute(f"CREATE NODE TABLE {kind}(id STRING, label STRING, label_zh STRING, PRIMARY KEY(id))")
        relations = sorted({p[0] for p in pairs})
        for relation in relations:
            ends = ", ".join(f"FROM {a} TO {b}" for r, a, b in pairs if r == relation)
            self.db.execute(f"CREATE REL TABLE {relation}({ends}, weight DOUBLE, date STRING)")
        for kind in kinds:
            self.db.execute(f"COPY {kind} FROM '{self.path(f'node-{kind}.csv')}' (header=true)")
        for relation, a, b in pairs:
            name = self.path(f"edge-{relation}-{a}-{b}.csv")
            options = f"header=true, from='{a}', to='{b}'" if sum(1 for p in pairs if p[0] == relation) > 1 else "header=true"
            self.db.execute(f"COPY {relation} FROM '{name}' ({options})")
        return time.perf_counter() - started

    def path(self, name):
        return os.path.join(self.folder, name).replace("'", "\\'")

    def run(self, query):
        result = self.db.execute(query)
        rows = []
        while result.has_next():
            rows.append(result.get_next())
        return rows

    def close(self):
        if hasattr(self, "db"):
            self.db.close()
            self.database.close()
        if hasattr(self, "folder"):
            shutil.rmtree(self.folder, ignore_errors=True)


def run(folder, workload_path, repeats):
    """Loads `folder` into Kùzu and times each query of the workload `repeats` times → report."""
    workload = read_workload(workload_path)
    peer = KuzuTyped()
    try:
        load = peer.load(folder)
        queries = []
        for item in workload:
            entry = {"name": item["name"], "query": item["kuzu"]}
            try:
                runs, rows = [], []
                for _ in range(max(1, repeats)):
                    started = time.perf_counter()
                    rows = peer.run(item["kuzu"])
                    runs.append(time.perf_counter() - started)
            except Exception as error:  # noqa: BLE001 - a failing query is reported, the rest still run
                entry["error"] = f"{type(error).__name__}: {error}"
                queries.append(entry)
                continue
            entry["seconds"] = {"min": round(min(runs), 6), "median": round(statistics.median(runs), 6)}
            entry["runs"] = [round(r, 6) for r in runs]
            entry["rows"] = len(rows)
            entry["head"] = [[cell_text(v) for v in row] for row in rows[:HEAD_ROWS]]
            queries.append(entry)
    finally:
        peer.close()
    return {"peer": "kuzu", "version": peer.version, "data": folder, "load_seconds": round(load, 6), "queries": queries}


def main(folder, workload_path, repeats, out):
    text = json.dumps(run(folder, workload_path, repeats), indent=2, ensure_ascii=False) + "\n"
    if out:
        with open(out, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0
