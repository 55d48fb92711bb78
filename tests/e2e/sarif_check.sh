#!/usr/bin/env bash
# sarif_check.sh EGRESS_AUDIT REPO_ROOT WORK_DIR VALIDATOR...
# Scans the bundled sample with --format sarif, validates the log with the SARIF
# multitool (the first VALIDATOR that exists: its `sarif-multitool` command,
# installed by scripts/setup.sh --tests into build/tools) and checks what code
# scanning relies on.
set -euo pipefail

if [[ $# -lt 4 ]]; then
  echo "usage: sarif_check.sh EGRESS_AUDIT REPO_ROOT WORK_DIR VALIDATOR..." >&2
  exit 2
fi
tool="$1"
repo="$2"
work="$3"
shift 3
validator="$1"
for candidate in "$@"; do
  if [[ -x "$candidate" ]]; then
    validator="$candidate"
    break
  fi
done
sample="$repo/testdata/sample"
python="${PYTHON:-python3}"

if [[ ! -x "$validator" ]]; then
  echo "FAIL: SARIF multitool not found at $validator: run scripts/setup.sh --tests" >&2
  exit 1
fi
rm -rf "$work"
mkdir -p "$work"
source "$repo/tests/e2e/sample_db.sh"

rc=0
"$tool" scan -p "$work/build" --root "$sample" --rules "$repo/rules" --format sarif -o "$work/sample.sarif" || rc=$?
if [[ "$rc" -ne 0 && "$rc" -ne 1 ]]; then
  echo "FAIL: scan exit status $rc (expected 0 or 1)" >&2
  exit 1
fi
"$tool" scan -p "$work/build" --root "$sample" --rules "$repo/rules" --format json -o "$work/sample.json" || true

# The .NET multitool needs no ICU for validation.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
vrc=0
"$validator" validate "$work/sample.sarif" --output "$work/validation.sarif" --log ForceOverwrite >"$work/validate.log" 2>&1 || vrc=$?
cat "$work/validate.log"
# The multitool exits 0 even when it finds errors: read its own report as well.
errors="$("$python" -c 'import json,sys; print(sum(r.get("level")=="error" for run in json.load(open(sys.argv[1]))["runs"] for r in run.get("results", [])))' "$work/validation.sarif" 2>/dev/null || echo unreadable)"
if [[ "$vrc" -ne 0 || "$errors" != "0" ]] || grep -q ": error " "$work/validate.log"; then
  echo "FAIL: the SARIF multitool rejects the log (exit $vrc, errors: $errors)" >&2
  exit 1
fi

exec "$python" - "$work/sample.sarif" "$work/sample.json" <<'PY'
import json, sys
sarif, report = (json.load(open(p)) for p in sys.argv[1:3])
run = sarif["runs"][0]
rules = {r["id"] for r in run["tool"]["driver"]["rules"]}
results = run["results"]
findings = report["findings"]
problems = []
if sarif["version"] != "2.1.0":
    problems.append("version is not 2.1.0")
if len(results) != len(findings) or not results:
    problems.append(f"{len(results)} results for {len(findings)} findings")
if not run["originalUriBaseIds"]["ROOT"]["uri"].endswith("/testdata/sample/"):
    problems.append("ROOT is not the scan root: " + run["originalUriBaseIds"]["ROOT"]["uri"])
by_fp = {f["fingerprint"]: f for f in findings}
for r in results:
    fp = r["partialFingerprints"].get("egressAuditFingerprint/v1")
    f = by_fp.get(fp)
    if f is None:
        problems.append(f"result without a matching finding: {fp}")
        continue
    if r["ruleId"] not in rules:
        problems.append(f"{fp}: rule {r['ruleId']} not declared")
    want = {"violation": "error", "allowed": "note"}.get(f["verdict"], "warning")
    if r["level"] != want:
        problems.append(f"{fp}: level {r['level']} for verdict {f['verdict']}")
    loc = r["locations"][0]["physicalLocation"]
    if loc["artifactLocation"].get("uriBaseId") != "ROOT" or loc["artifactLocation"]["uri"] != f["sink"]["file"]:
        problems.append(f"{fp}: sink location {loc['artifactLocation']} is not relative to ROOT")
    if loc["region"]["startLine"] != f["sink"]["line"]:
        problems.append(f"{fp}: sink line differs")
    steps = r["codeFlows"][0]["threadFlows"][0]["locations"]
    if len(steps) != max(1, len(f["path"])):
        problems.append(f"{fp}: {len(steps)} flow steps for {len(f['path'])} path steps")
    if any(not s["location"]["message"]["text"] for s in steps):
        problems.append(f"{fp}: a flow step without a message")
    props = r["properties"]
    if props["destination"] != f["destination"]["display"] or props["categories"] != f["categories"]:
        problems.append(f"{fp}: properties differ from the JSON finding")
if problems:
    sys.exit("FAIL: " + "\nFAIL: ".join(problems))
print(f"PASS SARIF: {len(results)} results, {len(rules)} rules, valid per the multitool")
PY
