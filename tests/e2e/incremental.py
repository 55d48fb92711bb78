#!/usr/bin/env python3
"""incremental.py EGRESS_AUDIT REPO WORK_DIR

A re-scan with --cache after an edit resolves again only what the edit can change
(link/LinkState.h) and reports exactly what a scan without a cache reports: the
same JSON findings and coverage. Edits: a line inserted at the top of a file (every
location below it moves), a flow removed, a flow made to carry other data, and a
function added (which links the whole program again).
"""
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from e2e_support import Checks, copy_sample  # noqa: E402

tool, repo, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
src, build = copy_sample(repo, work)
check = Checks()
cache = work / "cache"


def scan(*extra):
    out = work / "report.json"
    run = subprocess.run([tool, "scan", "-p", str(build), "--root", str(src), "--rules", str(repo / "rules"),
                          "-j", "2", "--stats", "--format", "json", "-o", str(out), *extra],
                         stderr=subprocess.PIPE, text=True)
    report = json.loads(out.read_text())
    return {"findings": report["findings"], "coverage": report["coverage"]}, run.stderr


def same_as_plain(what):
    plain, _ = scan()
    cached, err = scan("--cache", str(cache))
    check(what + ": the cached re-scan reports what a plain scan does", cached == plain,
          json.dumps(cached, indent=1)[:2000] + "\n--- plain ---\n" + json.dumps(plain, indent=1)[:2000])
    resumed = "resumed from the cache's link state" in err
    check(what + ": only part of the program is resolved again", resumed, err)
    return plain


def edit(name, old, new):
    path = src / "src" / name
    text = path.read_text()
    if old not in text:
        sys.exit("incremental.py: the sample changed: %r not in %s" % (old, name))
    path.write_text(text.replace(old, new, 1))


first, _ = scan("--cache", str(cache))
check("the cold cached scan finds flows", len(first["findings"]) > 0, first)

(src / "src" / "tracking.cpp").write_text("// moved down\n" + (src / "src" / "tracking.cpp").read_text())
same_as_plain("a line inserted at the top of tracking.cpp")
(src / "src" / "hub_link.cpp").write_text("// moved down\n" + (src / "src" / "hub_link.cpp").read_text())
same_as_plain("a line inserted at the top of hub_link.cpp")

before = len(first["findings"])
edit("tracking.cpp", "  event[\"from_hub\"] = c.origin_hub;\n", "")
edit("tracking.cpp", "  event[\"to_hub\"] = c.destination_hub;\n", "")
report = same_as_plain("publish_status no longer sends the hubs")

edit("tracking.cpp", "\"waybill=\" + c.waybill_number + ", "\"waybill=\" + ")
after = same_as_plain("the linehaul hand-over no longer sends the waybill")
check("and the edits changed the findings", after["findings"] != first["findings"])

edit("tracking.cpp", "}  // namespace depot", "bool resend(const Consignment& c) { return publish_status(c); }\n}  // namespace depot")
same_as_plain("a function added")
check.exit()
