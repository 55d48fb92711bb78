#!/usr/bin/env bash
# Builds egress-audit and its tests (via setup.sh), then runs the unit and
# end-to-end tests with ctest. Exits with ctest's status.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash "$ROOT/scripts/setup.sh" --tests

rc=0
ctest --test-dir "$ROOT/build" --output-on-failure -j2 || rc=$?
exit "$rc"
