#!/usr/bin/env bash
# expect_exit.sh CODE REGEX -- CMD [ARGS...]
# Runs CMD and passes when its exit status is CODE and its combined stdout+stderr
# matches the extended regular expression REGEX (grep -E, any line).
set -euo pipefail

if [[ $# -lt 4 || "$3" != "--" ]]; then
  echo "usage: expect_exit.sh CODE REGEX -- CMD [ARGS...]" >&2
  exit 2
fi
want="$1"
regex="$2"
shift 3

out="$(mktemp)"
trap 'rm -f "$out"' EXIT

rc=0
"$@" >"$out" 2>&1 </dev/null || rc=$?

echo "\$ $*"
cat "$out"
echo "--- exit status $rc"

ok=1
if [[ "$rc" -ne "$want" ]]; then
  echo "FAIL: expected exit status $want, got $rc"
  ok=0
fi
if ! grep -Eq -- "$regex" "$out"; then
  echo "FAIL: output does not match /$regex/"
  ok=0
fi
if ((ok)); then
  echo "PASS: exit status $want and output matches /$regex/"
  exit 0
fi
exit 1
