#!/usr/bin/env bash
# progress_check.sh EGRESS_AUDIT BUILD_DIR RULES
# The progress line appears on a terminal (run under `script`), not with --quiet and
# not when standard error is a pipe.
set -euo pipefail
tool="$1" db="$2" rules="$3"
if ! command -v script >/dev/null 2>&1; then
  echo "FAIL: 'script' (bsdutils) is needed to give the tool a terminal" >&2
  exit 1
fi
tty_out="$(script -qec "$tool scan -p $db --rules $rules -o /dev/null" /dev/null || true)"
quiet_out="$(script -qec "$tool scan -p $db --rules $rules -o /dev/null --quiet" /dev/null || true)"
pipe_err="$("$tool" scan -p "$db" --rules "$rules" -o /dev/null 2>&1 >/dev/null || true)"
fail=0
if [[ "$tty_out" != *"[1/1 "*"s] "* ]]; then echo "FAIL: no progress line on a terminal: $tty_out" >&2; fail=1; fi
if [[ "$quiet_out" == *"[1/1"* ]]; then echo "FAIL: --quiet still shows progress" >&2; fail=1; fi
if [[ "$pipe_err" == *"[1/1"* ]]; then echo "FAIL: progress written to a pipe" >&2; fail=1; fi
[[ $fail -eq 0 ]] && echo "PASS progress on a terminal only, off with --quiet"
exit $fail
