#!/usr/bin/env python3
"""baseline.py EGRESS_AUDIT REPO_ROOT WORK_DIR

Baselines on a copy of the bundled sample:
  - `baseline -o` records the findings; a scan with --baseline passes (exit 0);
  - unrelated edits keep every fingerprint: lines inserted above, a function renamed
    elsewhere, the files re-indented with blank lines added;
  - a scan whose paths are relative to another --root (another directory, another
    checkout) keeps them too;
  - a new flow fails (exit 1) and is the only finding marked new;
  - --baseline-mode pairs accepts a new code path sending a category to a
    destination it already went to, and still fails a new data -> destination pair.
"""
import json
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


def scan(*extra, out="report.json", root=None):
    cmd = [tool, "scan", "-p", str(build), "--root", str(root or src), "--rules", str(repo / "rules"),
           "--format", "json", "-o", str(work / out), *extra]
    rc = subprocess.run(cmd, stderr=subprocess.PIPE, text=True).returncode
    return rc, json.loads((work / out).read_text())["findings"]



def edit(name, change):
    path = src / "src" / name
    path.write_text(change(path.read_text()))


# A helper no flow passes through, to be renamed later.
edit("customs.cpp", lambda t: t + "\nstatic int egress_unrelated_helper() { return 42; }\n"
                                  "int egress_uses_helper() { return egress_unrelated_helper(); }\n")
rc, before = scan()
base = work / "baseline.json"
brc = subprocess.run([tool, "baseline", "-p", str(build), "--root", str(src), "--rules", str(repo / "rules"),
                      "-o", str(base)], stderr=subprocess.PIPE, text=True).returncode
check("baseline writes the accepted findings", brc == 0 and base.exists(), f"exit {brc}")
recorded = json.loads(base.read_text())
check("baseline holds every finding", len(recorded["findings"]) == len(before) and len(before) > 0,
      f"{len(recorded['findings'])} vs {len(before)}")
rc, found = scan("--baseline", str(base))
check("scan with its own baseline passes", rc == 0 and all(f["baseline"] == "known" for f in found), f"exit {rc}")
rc, found = scan("--baseline", str(base), root=src / "src")
check("paths relative to another root keep every fingerprint",
      rc == 0 and all(f["baseline"] == "known" for f in found) and found[0]["sink"]["file"] != before[0]["sink"]["file"],
      f"exit {rc}, new: {[f['sink']['file'] for f in found if f['baseline'] == 'new']}")

# Unrelated edits: lines above, a rename elsewhere, re-indented with blank lines.
for cpp in sorted((src / "src").glob("*.cpp")):
    edit(cpp.name, lambda t: "// A comment\n// added above\n\n" + t)
edit("customs.cpp", lambda t: t.replace("egress_unrelated_helper", "egress_renamed_helper"))
for cpp in sorted((src / "src").glob("*.cpp")):
    edit(cpp.name, lambda t: "\n".join(re.sub(r"^( +)", r"\1\1", line) + ("\n" if line.endswith(";") else "")
                                       for line in t.split("\n")))
rc, found = scan("--baseline", str(base))
new = [f for f in found if f["baseline"] == "new"]
check("unrelated edits keep every fingerprint", rc == 0 and not new and len(found) == len(before),
      f"exit {rc}, new: {[(f['sink']['file'], f['sink']['line']) for f in new]}")
check("lines moved", any(f["sink"]["line"] != b["sink"]["line"] for f, b in zip(found, before)))

# A new code path to a known destination with known categories, and a new pair.
edit("notify.cpp", lambda t: t + """
bool text_again(const depot::Consignment& c) {
  std::string form = "to=" + c.to.phone_number + "&w=" + c.waybill_number;
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://push.dragonfly-sms.cn/api/v3/messages");
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, form.c_str());
  return curl_easy_perform(h) == CURLE_OK;
}
""")
rc, found = scan("--baseline", str(base))
new = [f for f in found if f["baseline"] == "new"]
check("a new flow fails in findings mode", rc == 1 and len(new) == 1 and new[0]["function"] == "text_again",
      f"exit {rc}, new: {[f['function'] for f in new]}")
rc, found = scan("--baseline", str(base), "--baseline-mode", "pairs")
check("pairs mode accepts a known category -> destination pair", rc == 0 and
      all(f["baseline"] == "known" for f in found), f"exit {rc}")
edit("notify.cpp", lambda t: t + """
bool mail_out(const depot::Consignment& c) {
  CURL* h = curl_easy_init();
  curl_easy_setopt(h, CURLOPT_URL, "https://mail.example.ru/send");
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, c.to.email.c_str());
  return curl_easy_perform(h) == CURLE_OK;
}
""")
rc, found = scan("--baseline", str(base), "--baseline-mode", "pairs")
new = [f for f in found if f["baseline"] == "new"]
check("pairs mode fails a new category -> destination pair",
      rc == 1 and [f["function"] for f in new] == ["mail_out"], f"exit {rc}, new: {[f['function'] for f in new]}")

# The text report shows only what is new.
text = subprocess.run([tool, "scan", "-p", str(build), "--root", str(src), "--rules", str(repo / "rules"),
                       "--baseline", str(base)], stdout=subprocess.PIPE, text=True).stdout
check("text shows new findings only", "known in the baseline, not shown" in text and text.count("fingerprint:") == 2,
      text[-400:])
bad = subprocess.run([tool, "scan", "-p", str(build), "--baseline", str(work / "missing.json")],
                     stderr=subprocess.PIPE, text=True)
check("a missing baseline is an input error", bad.returncode == 2 and "missing.json" in bad.stderr, bad.stderr)
check.exit()
