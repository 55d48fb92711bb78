#!/usr/bin/env bash
# Fetches the benchmark programs from Debian 12's source packages and writes their
# compile databases (configure only; OpenTTD also builds its generated headers):
#   DIR/openttd/build   OpenTTD 13.0 (C++, ~420 TUs, dedicated-server configuration)
#   DIR/mosquitto/build mosquitto 2.0 (C, ~130 TUs)
#   DIR/curl/build      curl 7.88 (C, ~240 TUs)
# Needs root (apt-get). usage: scripts/prepare-benchmarks.sh [DIR]   (default /tmp/egress-bench)
set -euo pipefail
DIR="${1:-/tmp/egress-bench}"
mkdir -p "$DIR"
cd "$DIR"

if ! grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  uris=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources | head -1)
  keys=$(sed -n 's/^Signed-By: *//p' /etc/apt/sources.list.d/debian.sources | head -1)
  printf 'Types: deb-src\nURIs: %s\nSuites: bookworm\nComponents: main\nSigned-By: %s\n' "$uris" "$keys" \
    >/etc/apt/sources.list.d/egress-bench-src.sources
  apt-get update -qq
fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq dpkg-dev cmake ninja-build clang-19 liblzo2-dev liblzma-dev zlib1g-dev libpng-dev \
  libfreetype-dev libfontconfig-dev libicu-dev libcurl4-openssl-dev libssl-dev libcjson-dev uthash-dev \
  libwebsockets-dev libnghttp2-dev libidn2-dev libpsl-dev libbrotli-dev libzstd-dev libssh2-1-dev \
  librtmp-dev libldap2-dev libgsasl-dev >/dev/null

unpacked() { ls -d "$DIR/$1"/*/ 2>/dev/null | grep -v '/build/$' | head -1 || true; }

fetch() {  # fetch PACKAGE -> prints the unpacked source folder
  local pkg=$1
  local dir
  dir=$(unpacked "$pkg")
  if [[ -z "$dir" ]]; then
    mkdir -p "$DIR/$pkg"
    (cd "$DIR/$pkg" && apt-get source -qq "$pkg" >/dev/null 2>&1)
    dir=$(unpacked "$pkg")
  fi
  echo "${dir%/}"
}

configure() {  # configure NAME SOURCE-DIR CMAKE-ARGS...
  local name=$1 src=$2
  shift 2
  cmake -S "$src" -B "$DIR/$name/build" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 "$@" >"$DIR/$name/configure.log" 2>&1 \
    || { echo "configuring $name failed: $DIR/$name/configure.log" >&2; exit 1; }
  echo "$DIR/$name/build/compile_commands.json: $(grep -c '"file"' "$DIR/$name/build/compile_commands.json") entries"
}

src=$(fetch openttd)
configure openttd "$src" -DOPTION_DEDICATED=ON
# Generated headers the sources include (string tables, settings tables, script API).
gen=$(ninja -C "$DIR/openttd/build" -t targets all | cut -d: -f1 \
  | grep -E '^src/(lang/table_strings|table/settings/table_settings|script/api/script_(ai_includes|game_includes|template))$|^find_version$' || true)
ninja -C "$DIR/openttd/build" $gen >>"$DIR/openttd/configure.log" 2>&1

src=$(fetch mosquitto)
configure mosquitto "$src" -DDOCUMENTATION=OFF -DWITH_CJSON=ON

src=$(fetch curl)
configure curl "$src" -DCURL_USE_LIBSSH2=OFF -DUSE_LIBIDN2=OFF
