#!/usr/bin/env bash
# Builds everything with AddressSanitizer and UndefinedBehaviorSanitizer (Clang 19)
# into build-asan/ and runs the whole ctest suite there. Exits with ctest's status.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/setup.sh" --fuzz >/dev/null
BUILD="$ROOT/build-asan"
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEGRESS_SANITIZE=ON \
  -DCMAKE_CXX_COMPILER=clang++-19 >/dev/null
cmake --build "$BUILD" -j2
# Leaks are not checked: a TU whose analysis crashed is abandoned on purpose.
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:allow_user_segv_handler=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir "$BUILD" --output-on-failure -j2 --timeout 1800
