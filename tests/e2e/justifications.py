#!/usr/bin/env python3
"""justifications.py EGRESS_AUDIT REPO_ROOT WORK_DIR

Scans testdata/justifications (today fixed at 2026-12-01) and checks: a justified
sink and a justified wrapper call site stay in the report as justified and do not
fail the scan; an expired justification and one covering only some categories or
another host do not apply; the expired and the unused ones are warned about; a
justification without a reason is an error with its file:line:col (exit 2).
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from e2e_support import Checks  # noqa: E402

tool, repo, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
cases = repo / "testdata" / "justifications"
shutil.rmtree(work, ignore_errors=True)
work.mkdir(parents=True)
env = dict(os.environ, EGRESS_AUDIT_TODAY="2026-12-01")
check = Checks()


def database(name, files):
    db = work / name
    db.mkdir()
    entries = [{"directory": str(cases), "file": str(f),
                "arguments": ["clang++", "-std=c++17", "-I" + str(repo / "testdata" / "apis"), "-c", str(f)]}
               for f in files]
    (db / "compile_commands.json").write_text(json.dumps(entries))
    return db



db = database("ok", [cases / "relay.cpp"])
run = subprocess.run([tool, "scan", "-p", str(db), "--root", str(cases), "--rules", str(repo / "rules"),
                      "--format", "json", "-o", str(work / "report.json")], env=env, stderr=subprocess.PIPE, text=True)
report = json.loads((work / "report.json").read_text())
by_function = {f["function"]: f for f in report["findings"]}
check("five findings", sorted(by_function) == ["expired", "other_host", "partial", "sms", "through_wrapper"],
      sorted(by_function))
for name, reason in [("sms", "SMS relay under DPA-17, reviewed by the DPO"), ("through_wrapper", "mail relay, DPA-18")]:
    j = by_function.get(name, {}).get("justification")
    check(f"{name} is justified", j is not None and j["reason"] == reason and not j["expired"], j)
check("the justification's date is kept", by_function["sms"]["justification"]["until"] == "2027-06-30")
j = by_function["expired"]["justification"]
check("an expired justification does not apply", j is not None and j["expired"] and j["until"] == "2026-01-31", j)
check("a justification must cover every category", by_function["partial"]["justification"] is None)
check("a justification for another host does not apply", by_function["other_host"]["justification"] is None)
check("unjustified violations still fail", run.returncode == 1, run.returncode)
warnings = report["coverage"]["warnings"]
check("the expired justification is reported",
      any("relay.cpp:30:" in w and "expired on 2026-01-31" in w for w in warnings), warnings)
check("an unused justification is reported",
      any("relay.cpp:40:" in w and "matches no finding" in w for w in warnings), warnings)
check("a used justification is not reported as unused", not any("relay.cpp:19:" in w for w in warnings), warnings)

sarif = subprocess.run([tool, "scan", "-p", str(db), "--root", str(cases), "--rules", str(repo / "rules"),
                        "--format", "sarif"], env=env, stdout=subprocess.PIPE, text=True).stdout
results = json.loads(sarif)["runs"][0]["results"]
suppressed = [r for r in results if r.get("suppressions")]
check("SARIF suppresses the justified results in source", len(suppressed) == 2 and
      all(r["suppressions"][0]["kind"] == "inSource" for r in suppressed), len(suppressed))

bad = subprocess.run([tool, "scan", "-p", str(database("bad", [cases / "bad" / "nohost.cpp"])), "--root", str(cases),
                      "--rules", str(repo / "rules")], env=env, stderr=subprocess.PIPE, text=True)
check("a justification without a reason is an error", bad.returncode == 2 and
      "bad/nohost.cpp:9:" in bad.stderr and "needs a reason" in bad.stderr, (bad.returncode, bad.stderr))
check.exit()
