# Sourced by the sample checks: configures testdata/sample into "$work/build" so it
# has a compile_commands.json (nothing is compiled). Needs $sample and $work.
compiler=()
if command -v clang++-19 >/dev/null 2>&1; then
  compiler=(-DCMAKE_CXX_COMPILER=clang++-19)
fi
generator=()
if command -v ninja >/dev/null 2>&1; then
  generator=(-G Ninja)
fi
cmake -S "$sample" -B "$work/build" ${generator[@]+"${generator[@]}"} \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON ${compiler[@]+"${compiler[@]}"} >"$work/configure.log" 2>&1 || {
  cat "$work/configure.log"
  echo "FAIL: configuring the sample failed" >&2
  exit 1
}
if [[ ! -f "$work/build/compile_commands.json" ]]; then
  echo "FAIL: no compile_commands.json in $work/build" >&2
  exit 1
fi
