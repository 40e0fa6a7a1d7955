# Shared by deploy/run and deploy/test: install Debian packages when missing, build.
# shellcheck shell=bash

MOTCUA_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

MOTCUA_PACKAGES=(
  cmake ninja-build g++ pkg-config tzdata ca-certificates
  libpoco-dev libssl-dev libmysqlcppconn-dev libhowardhinnant-date-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libkainjow-mustache-dev libxlsxwriter-dev
  mariadb-server mariadb-client curl
)

# deploy/test also needs a browser for the page tests, and Node.js to drive it; the printed
# forms are laid out for Times New Roman, whose metrics Liberation Serif has.
MOTCUA_TEST_PACKAGES=(chromium fonts-liberation)

motcua_install_packages() {
  local missing=()
  for p in "${MOTCUA_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # Node.js from Debian only when none is installed (a newer one may already be there).
  if [ "${MOTCUA_NEED_NODE:-0}" = 1 ] && ! command -v node > /dev/null 2>&1; then missing+=(nodejs npm); fi
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "==> installing: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # The packaged MariaDB service must not start: motcua runs its own private instance.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee /usr/sbin/policy-rc.d > /dev/null
    "${sudo[@]}" chmod +x /usr/sbin/policy-rc.d
    MOTCUA_REMOVE_POLICY=1
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  if [ "${MOTCUA_REMOVE_POLICY:-0}" = 1 ]; then "${sudo[@]}" rm -f /usr/sbin/policy-rc.d; fi
}

# motcua_build BUILD_DIR BUILD_TYPE [cmake args…] [--target T]
motcua_build() {
  local dir=$1 type=$2; shift 2
  local args=() target=()
  while [ $# -gt 0 ]; do
    if [ "$1" = --target ]; then target=(--target "$2"); shift 2; else args+=("$1"); shift; fi
  done
  cmake -S "$MOTCUA_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "${args[@]}" > "$dir.configure.log" 2>&1 \
    || { cat "$dir.configure.log"; return 1; }
  cmake --build "$dir" -j2 "${target[@]}"
}
