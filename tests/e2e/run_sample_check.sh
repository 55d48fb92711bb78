#!/usr/bin/env bash
# run_sample_check.sh EGRESS_AUDIT REPO_ROOT WORK_DIR
# End-to-end check on the bundled sample: generate its compile database now,
# scan it to JSON and compare the report with the `// expect` annotations.
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: run_sample_check.sh EGRESS_AUDIT REPO_ROOT WORK_DIR" >&2
  exit 2
fi
tool="$1"
repo="$2"
work="$3"
sample="$repo/testdata/sample"
python="${PYTHON:-python3}"

rm -rf "$work"
mkdir -p "$work"

source "$repo/tests/e2e/sample_db.sh"

rc=0
"$tool" scan -p "$work/build" --root "$sample" --rules "$repo/rules" \
  --policy "$repo/rules/policies/eu-residency.yaml" --format json -o "$work/report.json" || rc=$?
echo "egress-audit scan exited with $rc"
if [[ "$rc" -ne 0 && "$rc" -ne 1 ]]; then
  echo "FAIL: scan exit status $rc (expected 0 or 1)" >&2
  exit 1
fi
if [[ ! -s "$work/report.json" ]]; then
  echo "FAIL: the scan wrote no report to $work/report.json" >&2
  exit 1
fi

# The same scan in two shards, their facts merged: the same findings.
for shard in 1 2; do
  "$tool" scan -p "$work/build" --root "$sample" --rules "$repo/rules" --shard "$shard/2" \
    --facts-dir "$work/facts-$shard" -o /dev/null || true
done
mrc=0
"$tool" merge "$work/facts-1" "$work/facts-2" --rules "$repo/rules" --format json -o "$work/merged.json" || mrc=$?
if [[ "$mrc" -ne "$rc" ]]; then
  echo "FAIL: merge exited with $mrc, the scan with $rc" >&2
  exit 1
fi
"$python" - "$work/report.json" "$work/merged.json" <<'PY'
import json, sys
full, merged = (sorted(f["fingerprint"] for f in json.load(open(p))["findings"]) for p in sys.argv[1:3])
if full != merged:
    sys.exit(f"FAIL: sharded+merged findings differ from the full scan: {len(merged)} vs {len(full)}")
print(f"PASS merge of 2 shards: {len(full)} findings, same fingerprints")
PY

# A cached scan, twice: the second reuses every TU's facts; same findings.
for run in first second; do
  "$tool" scan -p "$work/build" --root "$sample" --rules "$repo/rules" --cache "$work/cache" \
    --format json -o "$work/cached-$run.json" || true
done
"$python" - "$work/report.json" "$work/cached-first.json" "$work/cached-second.json" <<'PY'
import json, sys
runs = [sorted(f["fingerprint"] for f in json.load(open(p))["findings"]) for p in sys.argv[1:]]
if any(r != runs[0] for r in runs[1:]):
    sys.exit("FAIL: cached scans differ from the full scan")
print(f"PASS cached scans: {len(runs[0])} findings, same fingerprints")
PY
if [[ -z "$(ls "$work/cache" 2>/dev/null)" ]]; then
  echo "FAIL: --cache wrote nothing" >&2
  exit 1
fi

exec "$python" "$repo/tests/e2e/check_expectations.py" "$work/report.json" "$sample"
