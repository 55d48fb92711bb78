#!/usr/bin/env python3
"""inventory.py EGRESS_AUDIT REPO_ROOT WORK_DIR

`egress-audit inventory` on the bundled sample lists every egress point: each sink of
a scan finding, with its categories, and the sinks that carry no classified data
(the redacted preview and the token registration in notify.cpp), with destination,
library, API and whether the channel is encrypted.
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


common = ["-p", str(build), "--root", str(src), "--rules", str(repo / "rules")]
subprocess.run([tool, "scan", *common, "--format", "json", "-o", str(work / "scan.json")], stderr=subprocess.PIPE)
run = subprocess.run([tool, "inventory", *common, "--format", "json", "-o", str(work / "inventory.json")],
                     stderr=subprocess.PIPE, text=True)
check("inventory exits 0 whatever the verdicts", run.returncode == 0, run.stderr)
points = json.loads((work / "inventory.json").read_text())["egress_points"]
findings = json.loads((work / "scan.json").read_text())["findings"]
at = lambda p: (p["sink"]["file"], p["sink"]["line"])
for f in findings:
    match = [p for p in points if at(p) == at(f) and set(f["categories"]) <= set(p["categories"])]
    check(f"the finding at {at(f)} is an egress point with its data", bool(match))
plain = [p for p in points if not p["categories"]]
check("egress points without classified data are listed", len(plain) >= 2, len(plain))
check("the redacted preview is one of them",
      any(p["sink"]["file"] == "src/notify.cpp" and "depot::send_email_preview" in p["functions"] for p in plain))
check("every point names its API and library", all(p["api"] and p["library"] for p in points))
https = [p for p in points if p["destination"]["display"].startswith("https://")]
check("https destinations are encrypted", https and all(p["encrypted"] == "yes" for p in https))
unresolved = [p for p in points if p["destination"]["unresolved"]]
check("unresolved destinations keep their provenance",
      any(p["destination"]["unresolved"] == "env:LINEHAUL_PARTNER_URL" and p["encrypted"] == "unknown" for p in unresolved))
text = subprocess.run([tool, "inventory", *common], stdout=subprocess.PIPE, text=True).stdout
check("the text form ends with a count", f"{len(points)} egress point(s)" in text, text[-200:])
check.exit()
