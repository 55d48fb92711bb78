#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with Clang 19, AddressSanitizer and
# UndefinedBehaviorSanitizer into build-fuzz/, then runs each for SECONDS (default
# 60), starting from the committed seeds. New crashing inputs land in
# build-fuzz/crashes/TARGET/; copy them to tests/fuzz/regressions/TARGET/ once fixed.
# usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (targets: rules policy compile-database facts)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_EACH="${1:-60}"
shift || true
TARGETS=("$@")
[[ ${#TARGETS[@]} -gt 0 ]] || TARGETS=(rules policy compile-database facts)

bash "$ROOT/scripts/setup.sh" --fuzz >/dev/null
BUILD="$ROOT/build-fuzz"
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEGRESS_FUZZ=ON \
  -DCMAKE_CXX_COMPILER=clang++-19 >/dev/null
cmake --build "$BUILD" -j2 --target $(printf 'fuzz-%s ' "${TARGETS[@]}")

status=0
for t in "${TARGETS[@]}"; do
  corpus="$BUILD/corpus/$t"
  crashes="$BUILD/crashes/$t"
  mkdir -p "$corpus" "$crashes"
  cp -n "$ROOT/tests/fuzz/corpus/$t/"* "$corpus/" 2>/dev/null || true
  echo "fuzz.sh: $t for ${SECONDS_EACH}s"
  # detect_leaks=0: a crashed TU's leak is by design (crash containment).
  if ! ASAN_OPTIONS=detect_leaks=0 "$BUILD/tests/fuzz/fuzz-$t" -max_total_time="$SECONDS_EACH" \
       -max_len=65536 -timeout=20 -rss_limit_mb=4096 -artifact_prefix="$crashes/" -print_final_stats=1 \
       "$corpus" 2>"$BUILD/fuzz-$t.log"; then
    echo "fuzz.sh: $t FAILED; see $BUILD/fuzz-$t.log and $crashes/" >&2
    tail -30 "$BUILD/fuzz-$t.log" >&2
    status=1
  fi
  grep -a -E "stat::number_of_executed_units|stat::peak_rss_mb" "$BUILD/fuzz-$t.log" | sed "s/^/fuzz.sh: $t /"
done
exit "$status"
