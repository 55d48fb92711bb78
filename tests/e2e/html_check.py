#!/usr/bin/env python3
"""html_check.py EGRESS_AUDIT REPO_ROOT WORK_DIR

Writes the sample's HTML report, checks it is self-contained (no scripts, no
external assets) and holds a non-empty data-flow map, the findings with source
lines, the inventory and the coverage, then renders it with headless Chromium to a
PNG and fails on console errors or an empty picture.
"""
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from e2e_support import Checks, copy_sample  # noqa: E402

tool, repo, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
src, build = copy_sample(repo, work)
check = Checks()


report = work / "report.html"
run = subprocess.run([tool, "scan", "-p", str(build), "--root", str(src), "--rules", str(repo / "rules"),
                      "--format", "html", "-o", str(report)], stderr=subprocess.PIPE, text=True)
check("the scan writes the report", run.returncode in (0, 1) and report.exists(), run.stderr)
html = report.read_text()
check("no scripts", "<script" not in html.lower())
check("no external assets", not re.search(r'(src|href)\s*=\s*"(https?:)?//', html, re.I))
svg = html[html.find("<svg"):html.find("</svg>")]
check("the map has edges and nodes", svg.count('class="edge"') >= 8 and svg.count('class="node"') >= 8,
      (svg.count('class="edge"'), svg.count('class="node"')))
check("the map groups destinations by country", ">CN</text>" in svg and ">internal</text>" in svg)
check("findings show their source lines", html.count("<pre>") >= 8 and "c.to.phone_number" in html)
check("the inventory lists data-less egress points", "none classified" in html)
check("coverage is there", "<h2>Coverage</h2>" in html)

chromium = next((c for c in ("chromium", "chromium-browser", "google-chrome") if shutil.which(c)), None)
if not chromium:
    check("headless Chromium is installed (scripts/setup.sh --tests)", False)
    sys.exit(1)
png = work / "report.png"
render = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                         "--enable-logging=stderr", "--v=0", "--window-size=1280,1600", f"--screenshot={png}",
                         report.as_uri()], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300)
console = [line for line in render.stdout.splitlines() if "CONSOLE" in line]
check("Chromium renders the report", render.returncode == 0 and png.exists(), render.stdout[-600:])
check("no console errors", not console, console)
check("the picture is not empty", png.exists() and png.stat().st_size > 50_000, png.stat().st_size if png.exists() else 0)
print(f"screenshot: {png}")
check.exit()
