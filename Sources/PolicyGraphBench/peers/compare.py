#!/usr/bin/env python3
"""The one-run comparison of issue 6: policygraph-bench against its peers, as ratios.

    python3 Sources/PolicyGraphBench/peers/compare.py DIR [--peers policygraph,swift-loop,igraph,
        rustworkx,networkx,kuzu] [--runs N] [--out FILE.json] [--bench PATH]
    python3 Sources/PolicyGraphBench/peers/compare.py DIR --queries FILE [--repeat N] [--bench PATH]

DIR is a graph folder (`policygraph-bench --size M --keep DIR` writes one). Each peer runs N
times (default 3) as its own process, one process at a time (never two at once: the machine has
two cores and the peers use both), rounds interleaved so that a noisy minute hurts every peer
alike. Per op it takes the median seconds, per peer the largest peak RSS, checks every peer's
`result` against policygraph's (a MISMATCH line per disagreement, exit status 1 at the end), and
prints a Markdown table: op | each peer's seconds | the fastest other peer | ratio, where ratio =
policygraph's seconds / the fastest other peer's that gave the same answer (under 1× means
policygraph is faster).

The peers: `policygraph` (the release binary, `--bench`, default .build/release/policygraph-bench;
build it with `swift build -c release --product policygraph-bench`), `swift-loop` (peers/
swift_loop.swift, compiled with `swiftc -O` into .build/peers/swift-loop when missing or older
than its source; skipped while the source does not exist), and igraph, rustworkx, networkx and
kuzu through peer_ops.py (a peer whose Python module is missing is skipped with a note).
Python's standard library only.
"""
import argparse
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))  # Sources/PolicyGraphBench/peers → root
OPS = ["load", "khop_out3", "khop_both2", "path", "pattern", "pattern_heavy", "chain", "overlap"]
PYTHON_PEERS = ["igraph", "rustworkx", "networkx", "kuzu"]
ALL_PEERS = ["policygraph", "swift-loop"] + PYTHON_PEERS
SKIP = 3  # peer_ops.py's exit status when its module cannot be imported


class Skip(Exception):
    """A peer that cannot run here, with the one-line reason."""


def note(message):
    print(message, file=sys.stderr, flush=True)


def swift_loop_command(folder):
    """The swift-loop binary, compiled first when it is missing or older than its source."""
    source = os.path.join(HERE, "swift_loop.swift")
    binary = os.path.join(ROOT, ".build", "peers", "swift-loop")
    if not os.path.isfile(source):
        raise Skip(f"{os.path.relpath(source, ROOT)} does not exist yet")
    if not os.path.isfile(binary) or os.path.getmtime(binary) < os.path.getmtime(source):
        os.makedirs(os.path.dirname(binary), exist_ok=True)
        note(f"compiling swift-loop: swiftc -O {os.path.relpath(source, ROOT)}")
        built = subprocess.run(["swiftc", "-O", source, "-o", binary], capture_output=True, text=True)
        if built.returncode != 0:
            raise Skip("swiftc failed: " + last_line(built.stderr))
    return [binary, folder]


def command(peer, folder, bench):
    if peer == "policygraph":
        if not os.path.isfile(bench):
            raise Skip(f"{bench} is missing: swift build -c release --product policygraph-bench")
        return [bench, folder]
    if peer == "swift-loop":
        return swift_loop_command(folder)
    return [sys.executable, os.path.join(HERE, "peer_ops.py"), peer, folder]


def last_line(text):
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "(no message)"


def run_once(peer, argv):
    """One process → its parsed JSON report; Skip when it cannot run."""
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True)
    if done.returncode == SKIP and peer in PYTHON_PEERS:
        raise Skip(last_line(done.stderr))
    if done.returncode != 0:
        raise Skip(f"exit status {done.returncode}: {last_line(done.stderr)}")
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError as error:
        raise Skip(f"output is not JSON ({error})")
    note(f"  {peer}: {time.perf_counter() - started:.1f} s")
    return report


def format_seconds(seconds):
    """Three significant digits without exponents: 0.000123, 0.0456, 1.23, 12.3."""
    if seconds is None:
        return "-"
    if seconds <= 0:
        return "0"
    places = max(0, 2 - math.floor(math.log10(seconds)))
    text = f"{seconds:.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def format_ratio(ratio):
    """Two decimals, or two significant digits below 0.1 (0.0042×), so that no ratio reads 0.00×."""
    if ratio >= 0.1 or ratio <= 0:
        return f"{ratio:.2f}×"
    return f"{ratio:.{1 - math.floor(math.log10(ratio))}f}×"


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), cpu)
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"


def summarize(runs):
    """A peer's runs → {"version", "ops": {op: {"seconds" (median), "all", "result"}}, "peak_rss_mb"}."""
    ops = {}
    for op in OPS:
        times = [r["ops"][op]["seconds"] for r in runs if op in r["ops"] and r["ops"][op]["seconds"] is not None]
        ops[op] = {"seconds": statistics.median(times) if times else None, "all": times,
                   "result": runs[0]["ops"].get(op, {}).get("result")}
    return {"version": runs[0].get("version"), "ops": ops,
            "peak_rss_mb": max(r.get("peak_rss_mb_self", 0) for r in runs)}


def mismatches(reports):
    """Every (peer, op) whose result differs from policygraph's in some run, with both values."""
    reference = reports["policygraph"][0]["ops"]
    found = []
    for peer, runs in reports.items():
        for op in OPS:
            expected = reference.get(op, {}).get("result")
            for run in runs:
                got = run["ops"].get(op, {}).get("result")
                if got != expected:
                    found.append({"peer": peer, "op": op, "policygraph": expected, "peer_result": got,
                                  "error": run["ops"].get(op, {}).get("error")})
                    break
    return found


def table(summaries, wrong):
    """The Markdown table: one column per peer, then the fastest other peer and the ratio."""
    peers = list(summaries)
    others = [p for p in peers if p != "policygraph"]
    heads = ["op"] + [f"{p} {summaries[p]['version']}" for p in peers] + ["fastest peer", "ratio"]
    lines = ["| " + " | ".join(heads) + " |", "|" + " --- |" * len(heads)]
    bad = {(m["peer"], m["op"]) for m in wrong}
    for op in OPS:
        cells = [f"`{op}`"]
        for p in peers:
            cells.append(format_seconds(summaries[p]["ops"][op]["seconds"]) + (" ≠" if (p, op) in bad else ""))
        # The fastest peer among those with policygraph's answer: a wrong answer is no win.
        timed = [(summaries[p]["ops"][op]["seconds"], p) for p in others
                 if summaries[p]["ops"][op]["seconds"] and (p, op) not in bad]
        ours = summaries["policygraph"]["ops"][op]["seconds"]
        if timed and ours is not None:
            best, who = min(timed)
            cells += [who, format_ratio(ours / best)]
        else:
            cells += ["-", "-"]
        lines.append("| " + " | ".join(cells) + " |")
    cells = ["peak RSS (MB)"] + [f"{summaries[p]['peak_rss_mb']:.0f}" for p in peers]
    if others:
        rss, who = min((summaries[p]["peak_rss_mb"], p) for p in others)
        cells += [f"{who} (leanest)", format_ratio(summaries["policygraph"]["peak_rss_mb"] / rss)]
    else:
        cells += ["-", "-"]
    lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def compare_workload(folder, workload, bench, repeat, out):
    """`--queries`: policygraph-bench --queries and Kùzu (peer_ops.py kuzu --queries) on the same
    workload and graph, one process after the other → a Markdown table per query: each one's
    median seconds, the ratio, and the rows (≠ when the answers differ: row counts, or the
    first rows of an ordered or short answer)."""
    if not os.path.isfile(bench):
        print(f"{bench} is missing: swift build -c release --product policygraph-bench", file=sys.stderr)
        return 2
    reports = {}
    for peer, argv in [("policygraph", [bench, "--queries", workload, "--graph", folder, "--repeat", str(repeat)]),
                       ("kuzu", [sys.executable, os.path.join(HERE, "peer_ops.py"), "kuzu", folder,
                                 "--queries", workload, "--repeat", str(repeat)])]:
        note(f"{peer}: {' '.join(argv[-6:])}")
        try:
            reports[peer] = run_once(peer, argv)
        except Skip as reason:
            print(f"skipped {peer}: {reason}")
    if "policygraph" not in reports:
        return 2
    ours = reports["policygraph"]["queries"]
    theirs = {q["name"]: q for q in reports.get("kuzu", {}).get("queries", [])}
    lines = [f"| query | policygraph s | Kùzu {reports.get('kuzu', {}).get('version', '-')} s | ratio | rows |",
             "| --- | --- | --- | --- | --- |"]
    wrong = 0
    for q in ours:
        k = theirs.get(q["name"], {})
        mine = q.get("seconds", {}).get("median")
        other = k.get("seconds", {}).get("median")
        differs = "rows" in q and "rows" in k and (q["rows"] != k["rows"] or (
            ("ORDER BY" in q["query"].upper() or q["rows"] <= len(q["head"])) and q["head"] != k["head"]))
        wrong += bool(differs)
        rows = "-" if "rows" not in q else str(q["rows"]) + (f" ≠ {k['rows']}" if differs else "")
        ratio = format_ratio(mine / other) if mine is not None and other else "-"
        cell = format_seconds(mine) if "error" not in q else "error"
        other_cell = format_seconds(other) if "error" not in k else "error"
        lines.append(f"| `{q['name']}` | {cell} | {other_cell} | {ratio} | {rows} |")
    print(f"\ndata: {folder}; median of {repeat} run(s) per query in one process, seconds; {machine()}\n")
    print("\n".join(lines))
    print("\nratio = policygraph / Kùzu (below 1× policygraph is faster); ≠: the answers differ.")
    for peer, report in reports.items():
        for q in report["queries"]:
            if "error" in q:
                print(f"{peer} {q['name']}: {q['error']}")
    if out:
        with open(out, "w", encoding="utf-8") as f:
            json.dump({"data": folder, "repeat": repeat, "machine": machine(), "reports": reports}, f, indent=2, ensure_ascii=False)
            f.write("\n")
    return 1 if wrong else 0


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", metavar="DIR", help="a graph folder with nodes.csv and edges.csv")
    parser.add_argument("--peers", default=",".join(ALL_PEERS),
                        help="comma-separated, from " + ",".join(ALL_PEERS) + " (policygraph always runs)")
    parser.add_argument("--runs", type=int, default=3, help="runs per peer; the median time is kept (default 3)")
    parser.add_argument("--out", metavar="FILE.json", help="also write every run and the medians as JSON")
    parser.add_argument("--bench", default=os.path.join(ROOT, ".build", "release", "policygraph-bench"),
                        help="the policygraph-bench binary (default: the release build of this package)")
    parser.add_argument("--queries", metavar="FILE",
                        help="time this workload with policygraph and Kùzu instead of the ops (see peer_workload.py)")
    parser.add_argument("--repeat", type=int, default=3, help="with --queries: runs per query (default 3)")
    args = parser.parse_args(argv)
    if args.queries:
        return compare_workload(os.path.abspath(args.folder), os.path.abspath(args.queries),
                                os.path.abspath(args.bench), args.repeat, args.out)
    peers = [p.strip() for p in args.peers.split(",") if p.strip()]
    unknown = [p for p in peers if p not in ALL_PEERS]
    if unknown:
        parser.error(f"unknown peer {', '.join(unknown)}; known: {', '.join(ALL_PEERS)}")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if not all(os.path.isfile(os.path.join(args.folder, f)) for f in ("nodes.csv", "edges.csv")):
        parser.error(f"{args.folder} needs nodes.csv and edges.csv")
    # policygraph is the reference for the answers and the ratios: it always runs, first.
    peers = ["policygraph"] + [p for p in dict.fromkeys(peers) if p != "policygraph"]
    folder = os.path.abspath(args.folder)

    commands, skipped = {}, {}
    for peer in peers:
        try:
            commands[peer] = command(peer, folder, os.path.abspath(args.bench))
        except Skip as reason:
            skipped[peer] = str(reason)
    reports = {peer: [] for peer in commands}
    for round_number in range(1, args.runs + 1):
        note(f"run {round_number}/{args.runs} on {folder}")
        for peer in list(reports):
            if peer in skipped:
                continue
            try:
                reports[peer].append(run_once(peer, commands[peer]))
            except Skip as reason:
                skipped[peer] = str(reason)
    for peer, reason in skipped.items():
        print(f"skipped {peer}: {reason}")
        reports.pop(peer, None)
    if "policygraph" not in reports:
        print("policygraph did not run: nothing to compare against", file=sys.stderr)
        return 2

    summaries = {peer: summarize(runs) for peer, runs in reports.items()}
    wrong = mismatches(reports)
    for m in wrong:
        error = f" ({m['error']})" if m["error"] else ""
        print(f"MISMATCH {m['peer']} {m['op']}: policygraph {json.dumps(m['policygraph'], ensure_ascii=False)}"
              f" but {m['peer']} {json.dumps(m['peer_result'], ensure_ascii=False)}{error}")
    print(f"\ndata: {folder}; median of {args.runs} run(s) per peer, seconds; {machine()}\n")
    print(table(summaries, wrong), end="")
    print("\nratio = policygraph / fastest other peer (below 1× policygraph is faster); "
          "peak RSS is the largest of the runs; ≠ marks a result that differs from policygraph's.")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump({"data": folder, "runs": args.runs, "machine": machine(), "peers": summaries,
                       "skipped": skipped, "mismatches": wrong}, f, indent=2, ensure_ascii=False)
            f.write("\n")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
