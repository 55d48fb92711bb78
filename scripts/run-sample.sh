#!/usr/bin/env bash
# Builds egress-audit (via setup.sh), generates the compile database of the bundled
# sample codebase testdata/sample into build/sample, and scans it against the
# eu-residency policy. Extra arguments go to the scan, e.g. `--format json`.
# The sample contains violations on purpose, so scan exit code 1 is success here.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash "$ROOT/scripts/setup.sh"

# Configure only: the scan needs compile_commands.json, not object files.
cmake -S testdata/sample -B build/sample -G Ninja \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DCMAKE_CXX_COMPILER=clang++-19

rc=0
build/tool/egress-audit scan -p build/sample --root testdata/sample --rules rules \
  --policy rules/policies/eu-residency.yaml --format text "$@" || rc=$?

case "$rc" in
  0) echo "sample scan done (exit 0: no violations found)"; exit 0 ;;
  1) echo "sample scan done (exit 1: violations found)"; exit 0 ;;
  2) echo "sample scan failed (exit 2: usage, configuration or input error)" >&2 ;;
  3) echo "sample scan failed (exit 3: analysis incomplete)" >&2 ;;
  *) echo "sample scan failed (exit $rc)" >&2 ;;
esac
exit "$rc"
