#!/usr/bin/env python3
"""Measures the query language on the openCypher TCK (Technology Compatibility Kit).

Not part of `swift test`: it needs a local copy of the openCypher repository (a clone, or the
bare git directory the `fetch` tool gives) and a built `policygraph`. It reads the TCK's
feature files from that repository, keeps the read-only scenarios whose setup fits a typed
graph, turns each setup into a graph folder, runs the query with
`policygraph query --format json`, compares the rows, and prints per-feature and total counts
and the excluded categories. The mapping rules are in Tests/TCK/README.md.

    python3 Tests/TCK/tck.py --opencypher DIR [--policygraph .build/release/policygraph]
                             [--only SUBSTRING] [--failures N] [--jobs N]
"""

import argparse
import collections
import concurrent.futures
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

UNLABELED = "unlabeled"  # the kind of a node created without a label
WRITE_WORDS = ("CREATE", "MERGE", "SET", "DELETE", "REMOVE", "DETACH", "FOREACH", "LOAD")
TEMPORAL = ("datetime", "localdatetime", "localtime", "time", "duration", "date")
RESERVED_NODE_KEYS = {"id", "kind", "label", "label_zh", "description", "cite"}
RESERVED_EDGE_KEYS = {"from", "relation", "to", "weight", "date", "cite", "source", "by", "evidence"}


class Excluded(Exception):
    """A scenario outside what a typed, read-only graph expresses; the message is its category."""


# ---------------------------------------------------------------- reading the feature files

def git(repo, *args):
    return subprocess.run(["git", "--git-dir", git_dir(repo), *args], check=True,
                          capture_output=True, text=True).stdout


def git_dir(repo):
    return os.path.join(repo, ".git") if os.path.isdir(os.path.join(repo, ".git")) else repo


def feature_files(repo):
    names = git(repo, "ls-tree", "-r", "--name-only", "HEAD", "tck/features").split("\n")
    return sorted(n for n in names if n.endswith(".feature"))


def scenarios(text):
    """Yields (name, steps) per scenario, outlines expanded; a step is (keyword text, doc, table)."""
    lines = text.split("\n")
    i = 0
    current = None
    background = {"steps": []}
    while i < len(lines):
        line = lines[i].strip()
        if line.startswith("Background:"):
            current = background
        elif line.startswith("Scenario"):
            if current and current is not background:
                yield from expand(current)
            current = {"name": line.split(":", 1)[1].strip(), "steps": list(background["steps"]), "examples": None,
                       "outline": line.startswith("Scenario Outline")}
        elif current is not None and line.startswith("Examples:"):
            table, i = read_table(lines, i + 1)
            current["examples"] = table
            continue
        elif current is not None and re.match(r"(Given|When|Then|And|But)\b", line):
            doc, table = None, None
            j = i + 1
            if j < len(lines) and lines[j].strip() == '"""':
                k = j + 1
                body = []
                while lines[k].strip() != '"""':
                    body.append(lines[k])
                    k += 1
                doc = "\n".join(body)
                i = k + 1
            elif j < len(lines) and lines[j].strip().startswith("|"):
                table, i = read_table(lines, j)
            else:
                i = j
            current["steps"].append((line, doc, table))
            continue
        i += 1
    if current and current is not background:
        yield from expand(current)


def read_table(lines, i):
    rows = []
    while i < len(lines) and lines[i].strip().startswith("|"):
        rows.append(split_row(lines[i].strip()))
        i += 1
    return rows, i


def split_row(line):
    cells, cell, quote, k = [], "", None, 1
    while k < len(line):
        c = line[k]
        if c == "\\" and k + 1 < len(line):
            cell += c + line[k + 1]
            k += 2
            continue
        if quote:
            if c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c == "|":
            cells.append(cell.strip())
            cell = ""
            k += 1
            continue
        cell += c
        k += 1
    return cells


def expand(scenario):
    if not scenario["outline"] or not scenario["examples"]:
        yield scenario["name"], scenario["steps"]
        return
    header, *rows = scenario["examples"]
    for row in rows:
        values = dict(zip(header, row))

        def fill(s):
            return None if s is None else re.sub(r"<(\w+)>", lambda m: values.get(m.group(1), m.group(0)), s)

        steps = [(fill(k), fill(d), [[fill(c) for c in r] for r in t] if t else t) for k, d, t in scenario["steps"]]
        yield fill(scenario["name"]), steps


# ---------------------------------------------------------------- Cypher literals and values

TOKEN = re.compile(r"""\s*(?:(?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(?P<number>-?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?)"""
                   r"""|(?P<name>`[^`]*`|[A-Za-z_][A-Za-z0-9_]*)|(?P<symbol><-|->|\.\.|[-()\[\]{}:,<>|=*.+/%^$]))""")


def tokenize(text):
    tokens, pos = [], 0
    text = text.rstrip()
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise Excluded("setup the converter cannot read")
        kind = m.lastgroup
        tokens.append((kind, m.group(kind)))
        pos = m.end()
    return tokens


def unquote(s):
    body = s[1:-1]
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)


class Reader:
    """A recursive-descent reader of CREATE patterns and of the TCK's expected values."""

    def __init__(self, text):
        self.tokens = tokenize(text)
        self.i = 0

    def peek(self, k=0):
        return self.tokens[self.i + k] if self.i + k < len(self.tokens) else (None, None)

    def take(self, value=None):
        t = self.peek()
        if value is not None and t[1] != value:
            raise Excluded("setup the converter cannot read")
        self.i += 1
        return t

    def at_end(self):
        return self.i >= len(self.tokens)

    def value(self):
        kind, text = self.peek()
        if kind == "string":
            self.take()
            return unquote(text)
        if kind == "number":
            self.take()
            return float(text) if re.search(r"[.eE]", text) else int(text)
        if text == "-" and self.peek(1)[0] == "number":
            self.take()
            v = self.value()
            return -v
        if kind == "name":
            word = text.lower()
            if word in ("true", "false"):
                self.take()
                return word == "true"
            if word == "null":
                self.take()
                return None
            if word in ("nan", "inf", "infinity"):
                self.take()
                return float(word if word == "nan" else "inf")
        if text == "[":
            return self.list_or_relationship()
        if text == "{":
            return ("map", self.map())
        if text == "(":
            return self.node()
        if text == "<":
            return self.path()
        raise Excluded("setup the converter cannot read")

    def list_or_relationship(self):
        if self.peek(1)[1] == ":":
            return self.relationship_value()
        self.take("[")
        items = []
        while self.peek()[1] != "]":
            items.append(self.value())
            if self.peek()[1] == ",":
                self.take()
        self.take("]")
        return ("list", tuple(items))

    def map(self):
        self.take("{")
        entries = {}
        while self.peek()[1] != "}":
            key = self.take()[1].strip("`")
            self.take(":")
            entries[key] = self.value()
            if self.peek()[1] == ",":
                self.take()
        self.take("}")
        return entries

    def labels(self):
        labels = []
        while self.peek()[1] == ":":
            self.take()
            labels.append(self.take()[1].strip("`"))
        return labels

    def node(self):
        self.take("(")
        labels = self.labels()
        props = self.map() if self.peek()[1] == "{" else {}
        self.take(")")
        return ("node", frozenset(labels), freeze(props))

    def relationship_value(self):
        self.take("[")
        types = self.labels()
        props = self.map() if self.peek()[1] == "{" else {}
        self.take("]")
        return ("rel", types[0] if types else None, freeze(props))

    def path(self):
        self.take("<")
        items = [self.node()]
        while self.peek()[1] != ">":
            left = self.peek()[1] == "<-"
            self.take()
            rel = self.relationship_value()
            self.take()
            items.append(("<" if left else ">",) + rel[1:])
            items.append(self.node())
        self.take(">")
        return ("path", tuple(items))


def freeze(props):
    return tuple(sorted((k, v) for k, v in props.items() if v is not None))


def parse_expected(cell):
    r = Reader(cell)
    v = r.value()
    if not r.at_end():
        raise Excluded("expected value the converter cannot read")
    return v


# ---------------------------------------------------------------- setup: CREATE into a graph

class Model:
    def __init__(self):
        self.nodes = []  # dicts: id, labels, props
        self.edges = []  # dicts: from, to, type, props

    def create(self, text):
        r = Reader(text)
        variables = {}
        while not r.at_end():
            kind, word = r.take()
            if kind != "name" or word.upper() != "CREATE":
                raise Excluded("setup beyond CREATE")
            while True:
                self.pattern(r, variables)
                if r.peek()[1] != ",":
                    break
                r.take()

    def pattern(self, r, variables):
        if r.peek()[0] == "name" and r.peek(1)[1] == "=":
            r.take()
            r.take()
        left = self.node(r, variables)
        while r.peek()[1] in ("-", "<-"):
            back = r.take()[1] == "<-"
            r.take("[")
            if r.peek()[0] == "name":
                r.take()
            types = r.labels()
            props = r.map() if r.peek()[1] == "{" else {}
            r.take("]")
            forward = r.take()[1] == "->"
            if back == forward or len(types) != 1:
                raise Excluded("setup beyond CREATE")
            right = self.node(r, variables)
            a, b = (right, left) if back else (left, right)
            self.edges.append({"from": a, "to": b, "type": types[0], "props": props})
            left = right

    def node(self, r, variables):
        r.take("(")
        name = None
        if r.peek()[0] == "name":
            name = r.take()[1]
        labels = r.labels()
        props = r.map() if r.peek()[1] == "{" else {}
        r.take(")")
        if name in variables:
            if labels or props:
                raise Excluded("setup beyond CREATE")
            return variables[name]
        if len(labels) > 1:
            raise Excluded("multi-label nodes")
        node = "n%d" % (len(self.nodes) + 1)
        self.nodes.append({"id": node, "labels": labels, "props": props})
        if name:
            variables[name] = node
        return node


def scalar(v):
    if v == "":
        raise Excluded("empty-string property values (an empty CSV cell is null)")
    if isinstance(v, bool) or isinstance(v, tuple) or (isinstance(v, float) and not math.isfinite(v)):
        raise Excluded("boolean, list, map or non-finite property values")
    if isinstance(v, float):
        return repr(v)
    return str(v)


def csv_cell(text):
    if any(c in text for c in ',"\n\r') or text != text.strip():
        return '"' + text.replace('"', '""') + '"'
    return text


def write_graph(model, query, folder):
    """The graph folder of `model`; kinds, relations and property names the query mentions are
    declared too (empty), so that a typed graph knows them."""
    stripped = re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", "''", query)
    mentioned = set(re.findall(r":\s*`?([A-Za-z_][A-Za-z0-9_]*)", stripped))
    keys = set(re.findall(r"\.\s*`?([A-Za-z_][A-Za-z0-9_]*)", stripped)) | set(re.findall(r"([A-Za-z_][A-Za-z0-9_]*)\s*:", stripped))
    kinds = {UNLABELED} | {l for n in model.nodes for l in n["labels"]} | mentioned
    relations = {e["type"] for e in model.edges} | mentioned
    node_keys = sorted({k for n in model.nodes for k in n["props"]} | (keys - RESERVED_NODE_KEYS))
    edge_keys = sorted({k for e in model.edges for k in e["props"]} | (keys - RESERVED_EDGE_KEYS))
    for n in model.nodes:
        if set(n["props"]) & RESERVED_NODE_KEYS:
            raise Excluded("properties named like the graph's own columns (id, kind, label...)")
    for e in model.edges:
        if set(e["props"]) & RESERVED_EDGE_KEYS:
            raise Excluded("properties named like the graph's own columns (id, kind, label...)")
    numeric = set()
    for items, names in ((model.nodes, node_keys), (model.edges, edge_keys)):
        for k in names:
            values = [x["props"][k] for x in items if x["props"].get(k) is not None]
            if values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
                numeric.add(k)
            if any(isinstance(v, str) for v in values) and any(isinstance(v, (int, float)) for v in values):
                raise Excluded("boolean, list, map or non-finite property values")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "nodes.csv"), "w") as f:
        f.write(",".join(["id", "kind", "label"] + node_keys) + "\n")
        for n in model.nodes:
            cells = [n["id"], n["labels"][0] if n["labels"] else UNLABELED, n["id"]]
            cells += ["" if n["props"].get(k) is None else scalar(n["props"][k]) for k in node_keys]
            f.write(",".join(csv_cell(c) for c in cells) + "\n")
    with open(os.path.join(folder, "edges.csv"), "w") as f:
        f.write(",".join(["from", "relation", "to"] + edge_keys) + "\n")
        for e in model.edges:
            cells = [e["from"], e["type"], e["to"]]
            cells += ["" if e["props"].get(k) is None else scalar(e["props"][k]) for k in edge_keys]
            f.write(",".join(csv_cell(c) for c in cells) + "\n")
    everything = sorted(kinds)
    schema = {
        "kinds": everything,
        "relations": {r: {"endpoints": [{"from": everything, "to": everything}]} for r in sorted(relations)},
        "numeric": sorted(numeric),
    }
    with open(os.path.join(folder, "schema.json"), "w") as f:
        json.dump(schema, f)


# ---------------------------------------------------------------- results

def from_json(v, model):
    if isinstance(v, dict):
        if set(v) == {"id", "kind", "label"}:
            node = next(n for n in model.nodes if n["id"] == v["id"])
            return ("node", frozenset(node["labels"]), freeze(node["props"]))
        if set(v) == {"from", "relation", "to"}:
            edge = next((e for e in model.edges if e["from"] == v["from"] and e["to"] == v["to"] and e["type"] == v["relation"]), None)
            return ("rel", v["relation"], freeze(edge["props"]) if edge else ())
        if set(v) == {"nodes", "edges"}:
            items = [from_json(v["nodes"][0], model)] if v["nodes"] else []
            for k, e in enumerate(v["edges"]):
                rel = from_json(e, model)
                forward = e["from"] == v["nodes"][k]["id"]
                items.append((">" if forward else "<",) + rel[1:])
                items.append(from_json(v["nodes"][k + 1], model))
            return ("path", tuple(items))
        return ("map", {k: from_json(x, model) for k, x in v.items()})
    if isinstance(v, list):
        return ("list", tuple(from_json(x, model) for x in v))
    return v


def canonical(v, unordered_lists=False):
    """A hashable, comparable form: floats rounded, maps sorted, lists optionally sorted."""
    if isinstance(v, bool) or v is None:
        return ("b", v)
    if isinstance(v, float):
        return ("f", "nan" if math.isnan(v) else float("%.12g" % v))
    if isinstance(v, int):
        return ("i", v)
    if isinstance(v, str):
        return ("s", v)
    if v[0] == "map":
        return ("m", tuple(sorted((k, canonical(x, unordered_lists)) for k, x in v[1].items())))
    if v[0] == "list":
        items = [canonical(x, unordered_lists) for x in v[1]]
        return ("l", tuple(sorted(items, key=repr) if unordered_lists else items))
    if v[0] == "node":
        return ("n", tuple(sorted(v[1])), tuple((k, canonical(x)) for k, x in v[2]))
    if v[0] == "rel":
        return ("r", v[1], tuple((k, canonical(x)) for k, x in v[2]))
    if v[0] == "path":
        return ("p", tuple(canonical(x) if x[0] in ("node",) else (x[0], x[1], tuple((k, canonical(y)) for k, y in x[2])) for x in v[1]))
    return ("?", repr(v))


def fix_unlabeled(v):
    """The kind of an unlabeled node is no label in the TCK's terms."""
    if isinstance(v, tuple) and v and v[0] == "node":
        return ("node", v[1] - {UNLABELED}, v[2])
    if isinstance(v, tuple) and v and v[0] in ("list", "path"):
        return (v[0], tuple(fix_unlabeled(x) for x in v[1]))
    if isinstance(v, tuple) and v and v[0] == "map":
        return ("map", {k: fix_unlabeled(x) for k, x in v[1].items()})
    return v


# ---------------------------------------------------------------- one scenario

def classify(path, steps):
    """The setup, query, parameters and expectation of a scenario; Excluded when out of scope."""
    if "/temporal/" in path:
        raise Excluded("temporal types (date, time, datetime, duration)")
    setups, query, parameters, expect = [], None, [], None
    for keyword, doc, table in steps:
        k = keyword.rstrip(":")
        if k.startswith("Given the ") and k.endswith(" graph"):
            raise Excluded("the TCK's named graphs (binary-tree)")
        if "procedure" in k or "control query" in k:
            raise Excluded("procedures (CALL)")
        if k.startswith("And having executed"):
            setups.append(doc)
        elif k.startswith("And parameters are"):
            parameters = table
        elif k.startswith("When executing query"):
            query = doc
        elif k.startswith("Then the result should be empty"):
            expect = ("rows", None, False, False)
        elif k.startswith("Then the result should be"):
            expect = ("rows", table, "in order" in k, "ignoring element order" in k)
        elif k.startswith("Then a ") and "should be raised" in k:
            expect = ("error", k.split()[2], False, False)
        elif k.startswith("And the side effects should be"):
            if any(r and r[-1] not in ("0",) for r in (table or [])):
                raise Excluded("writes (CREATE, MERGE, SET, DELETE, REMOVE)")
    if query is None or expect is None:
        raise Excluded("scenarios without a query and an expected result")
    bare = re.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", "''", query)
    if re.search(r"\bCALL\b", bare, re.I):
        raise Excluded("procedures (CALL)")
    if any(re.search(r"\b%s\b" % w, bare, re.I) for w in WRITE_WORDS):
        raise Excluded("writes (CREATE, MERGE, SET, DELETE, REMOVE)")
    if re.search(r"\.\s*`?(id|kind|label|label_zh|description|cite)\b`?(?!\s*\()", bare):
        raise Excluded("properties named like the graph's own columns (id, kind, label...)")
    setup_text = " ".join(setups)
    if re.search(r"\b(%s)\s*\(" % "|".join(TEMPORAL), bare + setup_text, re.I):
        raise Excluded("temporal types (date, time, datetime, duration)")
    model = Model()
    for s in setups:
        model.create(s)
    return model, query, parameters, expect


def run(binary, path, name, steps):
    try:
        model, query, parameters, expect = classify(path, steps)
    except Excluded as e:
        return "excluded", str(e)
    folder = tempfile.mkdtemp(prefix="tck-")
    try:
        try:
            write_graph(model, query, folder)
        except Excluded as e:
            return "excluded", str(e)
        args = [binary, "query", "--graph", folder, "--format", "json", query]
        for row in parameters or []:
            args += ["--param", "%s=%s" % (row[0], row[1])]
        try:
            done = subprocess.run(args, capture_output=True, text=True, timeout=20)
        except subprocess.TimeoutExpired:
            return "fail", "timed out"
        if expect[0] == "error":
            if done.returncode == 1:
                return "pass", "error"
            return "fail", "expected %s, got exit %d: %s" % (expect[1], done.returncode, (done.stdout + done.stderr)[:300])
        if done.returncode != 0:
            return "fail", "error: " + done.stderr.strip()[:300]
        result = json.loads(done.stdout)
        got = [[fix_unlabeled(from_json(v, model)) for v in row] for row in result["rows"]]
        _, table, ordered, unordered_lists = expect
        if table is None:
            return ("pass", "") if not got else ("fail", "expected no rows, got %d" % len(got))
        header, *rows = table
        try:
            want = [[parse_expected(c) for c in row] for row in rows]
        except Excluded as e:
            return "excluded", str(e)
        if result["columns"] != header:
            return "fail", "columns %s, expected %s" % (result["columns"], header)
        g = [tuple(canonical(v, unordered_lists) for v in row) for row in got]
        w = [tuple(canonical(v, unordered_lists) for v in row) for row in want]
        same = g == w if ordered else collections.Counter(g) == collections.Counter(w)
        return ("pass", "") if same else ("fail", "rows %s, expected %s" % (g[:4], w[:4]))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--opencypher", required=True, help="a clone (or bare git dir) of github.com/opencypher/openCypher")
    parser.add_argument("--policygraph", default=".build/release/policygraph")
    parser.add_argument("--only", default="", help="run the features whose path contains this")
    parser.add_argument("--failures", type=int, default=0, help="print this many failures")
    parser.add_argument("--jobs", type=int, default=2)
    options = parser.parse_args()

    work = []
    for path in feature_files(options.opencypher):
        if options.only not in path:
            continue
        text = git(options.opencypher, "show", "HEAD:" + path)
        for name, steps in scenarios(text):
            work.append((path, name, steps))
    with concurrent.futures.ThreadPoolExecutor(options.jobs) as pool:
        outcomes = list(pool.map(lambda w: run(options.policygraph, *w), work))

    per_feature = collections.OrderedDict()
    excluded = collections.Counter()
    failures = []
    for (path, name, _), (outcome, detail) in zip(work, outcomes):
        feature = path.replace("tck/features/", "").replace(".feature", "")
        counts = per_feature.setdefault(feature, collections.Counter())
        counts[outcome] += 1
        if outcome == "excluded":
            excluded[detail] += 1
        elif outcome == "fail":
            failures.append((feature, name, detail))
    print("%-48s %6s %6s %8s" % ("feature", "pass", "fail", "excluded"))
    for feature, c in per_feature.items():
        print("%-48s %6d %6d %8d" % (feature, c["pass"], c["fail"], c["excluded"]))
    passed = sum(c["pass"] for c in per_feature.values())
    failed = sum(c["fail"] for c in per_feature.values())
    by_error = sum(1 for outcome, detail in outcomes if outcome == "pass" and detail == "error")
    print()
    print("excluded scenarios by category:")
    for category, n in sorted(excluded.items(), key=lambda x: (-x[1], x[0])):
        print("  %5d  %s" % (n, category))
    expressible = passed + failed
    share = 100.0 * passed / expressible if expressible else 0.0
    print()
    print("total: %d scenarios, %d excluded, %d expressible: %d pass, %d fail (%.1f%%)"
          % (len(work), sum(excluded.values()), expressible, passed, failed, share))
    print("of the passes, %d return the expected rows and %d expect an error and get a query error (exit 1)"
          % (passed - by_error, by_error))
    for feature, name, detail in failures[:options.failures]:
        print("FAIL %s: %s\n     %s" % (feature, name, detail))


if __name__ == "__main__":
    main()
