#!/usr/bin/env python3
"""Benchmark egress-audit against clang -fsyntax-only and the Clang Static Analyzer's
taint checker over the same compile database, in the same run.

usage: benchmark.py -p BUILD_DIR [--root DIR] [-j N] [--runs R] [--tool PATH] [--clang PATH]
                    [--skip-analyzer] [--fraction F] [--name NAME] [--markdown FILE]

Each command runs R times (after one warm-up run, unless --no-warmup), in R rounds
that run every command once, so that a drift of the machine's speed touches them
alike; the report gives the median wall time, the median CPU time (user + system),
the ratio to `clang -fsyntax-only` with the same number of jobs (the median over
the rounds of the time against that round's parse), and the peak resident set size (for clang, of the largest
single process; for egress-audit, of the whole process with its -j workers).
egress-audit is measured four ways: a full scan with an empty --cache folder, a
re-scan after one source file changed (the TU source of median size: a line inserted
at its top, then removed), a
re-scan after a comment was appended to it (its facts unchanged), and a
re-scan with nothing changed. `--fraction F` uses only the first F of the database's
translation units (in file order), to show how cost grows with program size.
`--markdown FILE` appends the results as table rows. Nothing here asserts: it measures.
"""
import argparse
import json
import os
import shutil
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# A GenericTaint configuration for the analyzer: environment and network input as
# sources, socket/curl/file output as sinks. It is the nearest thing the analyzer has
# to this tool's job, so the comparison is of equal work, roughly.
TAINT_CONFIG = """\
Propagations:
  - Name: snprintf
    SrcArgs: [3]
    DstArgs: [0]
Sinks:
  - Name: send
    Args: [1]
  - Name: write
    Args: [1]
  - Name: curl_easy_setopt
    Args: [2]
  - Name: fwrite
    Args: [0]
"""


def load_commands(build_dir):
    with open(os.path.join(build_dir, "compile_commands.json")) as f:
        entries = json.load(f)
    out = []
    for e in entries:
        args = e.get("arguments") or shlex.split(e["command"])
        out.append((e["directory"], args, e["file"]))
    return out


def strip_output(args):
    """The compiler arguments without -c/-o/dependency outputs and the compiler itself."""
    out, skip = [], False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if a in ("-c", "-MD", "-MMD") or a.startswith("-o"):
            continue
        out.append(a)
    return out


def timed(cmd, cwd=None):
    """Runs cmd under /usr/bin/time: (wall s, cpu s, peak KiB)."""
    start = time.monotonic()
    out = subprocess.run(["/usr/bin/time", "-f", "TIME %U %S %M"] + cmd, cwd=cwd,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.monotonic() - start
    line = [l for l in out.stderr.splitlines() if l.startswith("TIME ")]
    if not line:
        return wall, 0.0, 0
    _, user, system, peak = line[-1].split()
    return wall, float(user) + float(system), int(peak)


def per_tu(commands, jobs, make_cmd):
    """Runs make_cmd for every TU with `jobs` in parallel: (wall, cpu, largest peak)."""
    results = []

    def one(entry):
        directory, args, _ = entry
        results.append(timed(make_cmd(args), cwd=directory))

    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(one, commands))
    return time.monotonic() - start, sum(r[1] for r in results), max([r[2] for r in results] or [0])


def measure_rounds(specs, runs):
    """Runs each (name, fn, warm-up) once per round, `runs` rounds: the machine's speed
    drifts over the minutes a large program takes, and a drift then touches every
    command alike. A command's ratio is the median over the rounds of its time against
    the first command's in the same round."""
    for _, fn, warm in specs:
        if warm:
            fn()  # file cache, page cache
    samples = [[] for _ in specs]
    for _ in range(runs):
        for i, (_, fn, _) in enumerate(specs):
            samples[i].append(fn())
    base = [wall for wall, _, _ in samples[0]]
    out = []
    for (name, _, _), runs_of in zip(specs, samples):
        walls = [r[0] for r in runs_of]
        ratios = [w / b for w, b in zip(walls, base) if b]
        out.append({"name": name, "median": statistics.median(walls), "cpu": statistics.median(r[1] for r in runs_of),
                    "runs": walls, "peak_kib": max(r[2] for r in runs_of),
                    "ratio": statistics.median(ratios) if ratios else float("nan")})
    return out


def subset_database(build_dir, fraction, work):
    """A compile database with the first `fraction` of the entries (sorted by file)."""
    with open(os.path.join(build_dir, "compile_commands.json")) as f:
        entries = sorted(json.load(f), key=lambda e: os.path.join(e["directory"], e["file"]))
    keep = entries[:max(1, int(round(len(entries) * fraction)))]
    os.makedirs(work, exist_ok=True)
    with open(os.path.join(work, "compile_commands.json"), "w") as f:
        json.dump(keep, f)
    return work


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-p", dest="build_dir", required=True)
    ap.add_argument("--root", default=".")
    ap.add_argument("-j", dest="jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--tool", default=os.path.join(ROOT, "build", "tool", "egress-audit"))
    ap.add_argument("--clang", default="clang-19")
    ap.add_argument("--skip-analyzer", action="store_true", help="leave out clang --analyze (slow on large code)")
    ap.add_argument("--no-warmup", action="store_true", help="no warm-up run before the measured ones (large programs)")
    ap.add_argument("--fraction", type=float, default=1.0, help="use only this fraction of the TUs")
    ap.add_argument("--name", default=None, help="program name for --markdown")
    ap.add_argument("--markdown", default=None, help="append the results as markdown table rows to this file")
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="egress-bench-")
    build_dir = args.build_dir
    if args.fraction < 1.0:
        build_dir = subset_database(args.build_dir, args.fraction, os.path.join(work, "db"))
    commands = load_commands(build_dir)
    clang = args.clang

    def syntax_only():
        return per_tu(commands, args.jobs, lambda a: [clang, "-fsyntax-only", "-w"] + strip_output(a))

    config = os.path.join(work, "taint.yaml")
    with open(config, "w") as f:
        f.write(TAINT_CONFIG)

    def analyzer():
        return per_tu(commands, args.jobs, lambda a: [
            clang, "--analyze", "-w", "-Xclang", "-analyzer-checker=alpha.security.taint.GenericTaint",
            "-Xclang", "-analyzer-config", "-Xclang",
            f"alpha.security.taint.TaintPropagation:Config={config}",
            "-o", os.devnull] + strip_output(a))

    cache = os.path.join(work, "cache")
    scan = [args.tool, "scan", "-p", build_dir, "--root", args.root, "-j", str(args.jobs), "--format", "json",
            "-o", os.devnull, "--cache", cache]

    def full_scan():
        shutil.rmtree(cache, ignore_errors=True)
        return timed(scan)

    # The file edited for the one-file re-scan: the TU source of median size (the
    # first TU is often a generated file whose facts hold no locations to move).
    sources = sorted({f if os.path.isabs(f) else os.path.join(d, f) for d, _, f in commands},
                     key=lambda p: (os.path.getsize(p) if os.path.exists(p) else 0, p))
    edited = sources[len(sources) // 2]

    def rescan_after(edit):
        """A re-scan after `edit` (the file's text -> new text) of one source file."""
        with open(edited) as f:
            original = f.read()
        try:
            with open(edited, "w") as f:
                f.write(edit(original))
            return timed(scan)
        finally:
            with open(edited, "w") as f:
                f.write(original)
            timed(scan)  # back to the unchanged state, not measured

    # A line inserted at the top moves every location in the file: its facts change
    # and the program is linked again. A comment appended leaves the facts as they
    # were: the TU is parsed again and the last link is reused.
    def one_file_rescan():
        return rescan_after(lambda text: "// egress-audit benchmark edit\n" + text)

    def comment_rescan():
        return rescan_after(lambda text: text + "\n// egress-audit benchmark edit\n")

    warm = not args.no_warmup
    specs = [("clang -fsyntax-only", syntax_only, warm),
             ("egress-audit scan (full)", full_scan, warm),
             ("egress-audit re-scan, one file changed", one_file_rescan, False),
             ("egress-audit re-scan, a comment added to one file", comment_rescan, False),
             ("egress-audit re-scan, nothing changed", lambda: timed(scan), warm)]
    if not args.skip_analyzer:
        specs.append(("clang --analyze (GenericTaint)", analyzer, warm))
    results = measure_rounds(specs, args.runs)
    shutil.rmtree(work, ignore_errors=True)

    print(f"compile database: {build_dir} ({len(commands)} translation units), -j {args.jobs}, {args.runs} runs")
    print(f"one-file re-scans edit {edited}")
    print(f"{'command':40} {'median s':>9} {'cpu s':>8} {'ratio':>7} {'peak MiB':>9}")
    for r in results:
        print(f"{r['name']:40} {r['median']:9.2f} {r['cpu']:8.1f} {r['ratio']:7.2f} {r['peak_kib'] / 1024:9.1f}")
    print("targets: full scan <= 0.8x -fsyntax-only (<= 0.5x up to ~100 TUs); one-file re-scan of a large "
          "program <= 5 s; peak memory growing at most linearly with the TUs")
    if args.markdown:
        name = args.name or os.path.basename(os.path.abspath(args.build_dir))
        with open(args.markdown, "a") as f:
            for r in results:
                f.write(f"| {name} | {len(commands)} | {r['name']} | {r['median']:.2f} | {r['cpu']:.1f} | "
                        f"{r['ratio']:.2f} | {r['peak_kib'] / 1024:.0f} |\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
