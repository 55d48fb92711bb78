#!/usr/bin/env bash
# Installs what egress-audit needs on Debian 12 (only when something is missing),
# then configures (once) and builds the tool into build/. Safe to run again.
# Works from any directory.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PACKAGES=(
  cmake ninja-build g++
  clang-19 libclang-19-dev llvm-19-dev libclang-cpp19-dev
  libyaml-cpp-dev libgtest-dev python3
  # the allocator the binary links (CMakeLists.txt, EGRESS_TCMALLOC)
  libtcmalloc-minimal4
  # headers the sample codebase compiles against
  libcurl4-openssl-dev nlohmann-json3-dev libssl-dev libpaho-mqtt-dev
)
# `setup.sh --tests`: also the libraries whose models testdata/apis checks against
# their real headers. `--fuzz` (scripts/fuzz.sh, scripts/sanitize.sh): those and
# Clang's sanitizer and libFuzzer runtimes.
if [[ "${1:-}" == "--tests" || "${1:-}" == "--fuzz" ]]; then
  PACKAGES+=(
    libboost-dev libasio-dev libboost-serialization-dev librdkafka-dev libcpp-httplib-dev
    libcpprest-dev libpoco-dev libzmq3-dev cppzmq-dev qtbase5-dev rapidjson-dev
    libgrpc++-dev libprotobuf-dev protobuf-compiler protobuf-compiler-grpc
    libpaho-mqttpp-dev libmosquitto-dev libhiredis-dev libpq-dev
    libmariadb-dev libsqlite3-dev libxml2-dev libgnutls28-dev libwebsocketpp-dev
    libcjson-dev libjansson-dev libjson-c-dev librabbitmq-dev libssh-dev libssh2-1-dev libcereal-dev
    libglib2.0-dev libsoup-3.0-dev libjson-glib-dev libevent-dev libconfig-dev libmsgpack-dev zlib1g-dev
    libuv1-dev libinih-dev libnng-dev libjsoncpp-dev libpugixml-dev libtinyxml2-dev libxlsxwriter-dev
    libcbor-dev libwebsockets-dev libqt5websockets5-dev
    # renders the HTML report in ctest e2e.html
    chromium
  )
fi
if [[ "${1:-}" == "--fuzz" ]]; then
  PACKAGES+=(libclang-rt-19-dev)
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${PACKAGES[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
    if [[ "$status" != "install ok installed" ]]; then
      missing+=("$pkg")
    fi
  done
else
  echo "setup.sh: dpkg-query not found; not a Debian system, skipping package installation" >&2
fi

export DEBIAN_FRONTEND=noninteractive
as_root=()
if [[ "$(id -u)" -ne 0 ]]; then
  as_root=(sudo DEBIAN_FRONTEND=noninteractive)
fi
if ((${#missing[@]} > 0)); then
  echo "setup.sh: installing missing packages: ${missing[*]}"
  ${as_root[@]+"${as_root[@]}"} apt-get update
  ${as_root[@]+"${as_root[@]}"} apt-get install -y --no-install-recommends "${PACKAGES[@]}"
fi

BUILD="$ROOT/build"
# A build/ left by another generator cannot be reconfigured for Ninja in place.
if [[ -f "$BUILD/CMakeCache.txt" && ! -f "$BUILD/build.ninja" ]]; then
  echo "setup.sh: $BUILD was configured without Ninja; reconfiguring it from scratch"
  rm -rf "$BUILD/CMakeCache.txt" "$BUILD/CMakeFiles"
fi
# Configured every time (quick when nothing changed): tools installed since the last
# run (protoc after `--tests`) are found now, not left cached as NOTFOUND.
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" -j2
echo "setup.sh: built $BUILD/tool/egress-audit"

# `--tests`: the SARIF multitool that validates our SARIF (ctest e2e.sarif), from npm
# into build/tools; Debian's nodejs and npm first when no npm is on the PATH.
SARIF_MULTITOOL_VERSION=5.7.0
MULTITOOL="$BUILD/tools/node_modules/.bin/sarif-multitool"
if [[ "${1:-}" == "--tests" && ! -x "$MULTITOOL" ]]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "setup.sh: installing nodejs and npm for the SARIF multitool"
    ${as_root[@]+"${as_root[@]}"} apt-get update
    ${as_root[@]+"${as_root[@]}"} apt-get install -y --no-install-recommends nodejs npm
  fi
  npm install --prefix "$BUILD/tools" --no-audit --no-fund --loglevel=error \
    "@microsoft/sarif-multitool@$SARIF_MULTITOOL_VERSION" >/dev/null
  # npm may skip the package's install script, which only makes the binary executable.
  chmod u+x "$BUILD"/tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool 2>/dev/null || true
  echo "setup.sh: SARIF multitool in $MULTITOOL"
fi
