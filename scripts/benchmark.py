#!/usr/bin/env python3
"""Benchmark egress-audit against clang -fsyntax-only and the Clang Static Analyzer's
taint checker over the same compile database, in the same run.

usage: benchmark.py -p BUILD_DIR [--root DIR] [-j N] [--runs R] [--tool PATH] [--clang PATH]
                    [--skip-analyzer]

Each command runs R times (after one warm-up run); the report gives the median wall
time, the ratio to `clang -fsyntax-only` with the same number of jobs, and the peak
memory of a single process (the largest maximum resident set size seen). The design
target: egress-audit at most 0.8x the wall time of -fsyntax-only, and no more memory
per worker than -fsyntax-only on the same TU. Nothing here asserts: it measures.
"""
import argparse
import json
import os
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


def per_tu(commands, jobs, make_cmd):
    """Runs make_cmd for every TU with `jobs` in parallel; wall time of the whole batch."""
    peaks = []

    def one(entry):
        directory, args, _ = entry
        cmd = make_cmd(args)
        out = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, cwd=directory,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        last = (out.stderr.strip().splitlines() or ["0"])[-1]
        peaks.append(int(last) if last.isdigit() else 0)

    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(one, commands))
    return time.monotonic() - start, max(peaks or [0])


def measure(name, fn, runs):
    fn()  # warm-up: file cache, page cache
    walls, peaks = [], []
    for _ in range(runs):
        wall, peak = fn()
        walls.append(wall)
        peaks.append(peak)
    return {"name": name, "median": statistics.median(walls), "runs": walls, "peak_kib": max(peaks)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-p", dest="build_dir", required=True)
    ap.add_argument("--root", default=".")
    ap.add_argument("-j", dest="jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--tool", default=os.path.join(ROOT, "build", "tool", "egress-audit"))
    ap.add_argument("--clang", default="clang-19")
    ap.add_argument("--skip-analyzer", action="store_true", help="leave out clang --analyze (slow on large code)")
    args = ap.parse_args()

    commands = load_commands(args.build_dir)
    clang = args.clang

    def syntax_only():
        return per_tu(commands, args.jobs, lambda a: [clang, "-fsyntax-only", "-w"] + strip_output(a))

    config = tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False)
    config.write(TAINT_CONFIG)
    config.close()

    def analyzer():
        return per_tu(commands, args.jobs, lambda a: [
            clang, "--analyze", "-w", "-Xclang", "-analyzer-checker=alpha.security.taint.GenericTaint",
            "-Xclang", "-analyzer-config", "-Xclang",
            f"alpha.security.taint.TaintPropagation:Config={config.name}",
            "-o", os.devnull] + strip_output(a))

    def egress_timed():
        start = time.monotonic()
        out = subprocess.run(["/usr/bin/time", "-f", "%M", args.tool, "scan", "-p", args.build_dir,
                              "--root", args.root, "-j", str(args.jobs), "--format", "json", "-o", os.devnull],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wall = time.monotonic() - start
        last = (out.stderr.strip().splitlines() or ["0"])[-1]
        return wall, int(last) if last.isdigit() else 0

    results = [measure("clang -fsyntax-only", syntax_only, args.runs),
               measure("egress-audit scan", egress_timed, args.runs)]
    if not args.skip_analyzer:
        results.append(measure("clang --analyze (GenericTaint)", analyzer, args.runs))
    os.unlink(config.name)

    base = results[0]["median"]
    print(f"compile database: {args.build_dir} ({len(commands)} translation units), -j {args.jobs}, {args.runs} runs")
    print(f"{'command':34} {'median s':>9} {'ratio':>7} {'peak MiB':>9}")
    for r in results:
        ratio = r["median"] / base if base else float("nan")
        print(f"{r['name']:34} {r['median']:9.3f} {ratio:7.2f} {r['peak_kib'] / 1024:9.1f}")
    print("target: egress-audit ratio <= 0.80; its peak memory <= that of -fsyntax-only "
          "(egress-audit's peak is of the whole process with -j workers)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
