#!/usr/bin/env bash
# Runs the browser tests (headless Chromium driven by Playwright) against a real motcua
# serving a fresh, migrated database with demo data on the CTest MariaDB fixture.
#   tests/browser/run.sh MOTCUA_BINARY
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
motcua=${1:?usage: run.sh MOTCUA_BINARY}

[ -x /usr/bin/chromium ] || { echo "browser tests need Debian's chromium (deploy/test installs it)"; exit 1; }
if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm install --no-audit --no-fund --loglevel=error > /dev/null)
fi

admin_url=$(grep '^MOTCUA_DB_ADMIN_URL=' "${MOTCUA_TEST_DB_ENV:?run through ctest}" | cut -d= -f2-)
socket=$(grep '^MOTCUA_DB_SOCKET=' "$MOTCUA_TEST_DB_ENV" | cut -d= -f2-)
db="browser_$$"
mariadb --no-defaults -S "$socket" -uroot -e "CREATE DATABASE $db CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_vietnamese_as_ci"
export MOTCUA_DB_URL="${admin_url%/}/$db"
export MOTCUA_HOME="$root"

# A port the kernel says is free now (a guessed one may be held by an outgoing connection).
port=$(node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")
workdir=$(mktemp -d)
cleanup() {
  [ -n "${server:-}" ] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  mariadb --no-defaults -S "$socket" -uroot -e "DROP DATABASE IF EXISTS $db" || true
  rm -rf "$workdir"
}
trap cleanup EXIT

"$motcua" migrate > "$workdir/migrate.log" 2>&1
"$motcua" demo load > "$workdir/demo.log" 2>&1
MOTCUA_HTTP_PORT=$port "$motcua" serve > "$workdir/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null 2>&1 && break
  sleep 0.1
done

export MOTCUA_URL="http://127.0.0.1:$port"
export MOTCUA_SHOTS="${MOTCUA_SHOTS:-$workdir/shots}"
cd "$here"
node --test --test-concurrency=1 ./*.test.mjs || { tail -20 "$workdir/serve.log"; exit 1; }
