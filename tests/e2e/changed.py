#!/usr/bin/env python3
"""changed.py EGRESS_AUDIT REPO_ROOT WORK_DIR

The pre-commit flow on a copy of the sample: `scan --cache DIR --changed FILES...`
scans the whole program (from the cache where nothing changed) and reports only
findings whose evidence touches a changed file, including a flow whose data is read
in an unchanged file and sent in the changed one, and one that is read in the
changed file and sent from an unchanged one.
"""
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from e2e_support import Checks, copy_sample  # noqa: E402

tool, repo, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
src, build = copy_sample(repo, work)
cache = work / "cache"
check = Checks()


def scan(*extra):
    out = work / "report.json"
    started = time.monotonic()
    rc = subprocess.run([tool, "scan", "-p", str(build), "--root", str(src), "--rules", str(repo / "rules"),
                         "--cache", str(cache), "--format", "json", "-o", str(out), *extra],
                        cwd=src, stderr=subprocess.PIPE, text=True).returncode
    report = json.loads(out.read_text())
    return rc, report, time.monotonic() - started


rc, full, cold = scan()
files = lambda f: {f["sink"]["file"]} | {s["file"] for s in f["path"]}
check("the full scan has findings in several files", len({f["sink"]["file"] for f in full["findings"]}) > 2)

(src / "src" / "support.cpp").write_text((src / "src" / "support.cpp").read_text() + "\n// edited\n")
rc, report, warm = scan("--changed", "src/support.cpp")
found = report["findings"]
check("only findings touching the changed file", found and all("src/support.cpp" in files(f) for f in found),
      [(f["sink"]["file"], f["function"]) for f in found])
check("a flow read in an unchanged file and sent in the changed one is reported",
      any(f["sink"]["file"] == "src/support.cpp" and "src/tracking.cpp" in files(f) for f in found))
check("the others are counted, not shown",
      report["coverage"]["not_shown_unchanged"] == len(full["findings"]) - len(found), report["coverage"])

(src / "src" / "tracking.cpp").write_text((src / "src" / "tracking.cpp").read_text() + "\n// edited\n")
rc, report, _ = scan("--changed", "src/tracking.cpp")
check("a flow read in the changed file and sent from an unchanged one is reported",
      any(f["sink"]["file"] == "src/support.cpp" and "src/tracking.cpp" in files(f) for f in report["findings"]))

(src / "include" / "depot" / "model.h").write_text((src / "include" / "depot" / "model.h").read_text() + "\n// edited\n")
rc, report, _ = scan("--changed", "include/depot/model.h")
check("a changed header shows the flows reading its records",
      len(report["findings"]) > 0 and all(f["source"]["file"] == "include/depot/model.h" or
                                          "include/depot/model.h" in files(f) for f in report["findings"]))
print(f"timing: cold scan with an empty cache {cold:.2f} s, --changed re-scan after one edit {warm:.2f} s")
check.exit()
