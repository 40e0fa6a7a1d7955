#!/usr/bin/env bash
# Province-scale benchmarks: intake throughput over HTTP next to the raw one-insert-per-request
# ceiling of the same MariaDB (tests/bench/insert_ceiling: a Poco HTTP server with motcua's
# server settings doing one autocommit INSERT of a dossier row per request, driven by the same wrk
# script; mariadb-slap's bare INSERT rate is printed beside it), the overdue list of one
# department (p50/p99), the 06a report of a province-year next to a plain GROUP BY rescan, and
# the server's memory under load.
#
#   tests/bench/province.sh [--dossiers N] [--agencies M] [--years Y] [--seconds S] [--rounds R] [--connections C[,C…]] [--keep]
#
# Defaults: 3 000 000 dossiers, 40 agencies, 3 years; at each of 8, 32 and 64 connections, with
# the desk of one agency posting and then desks of four agencies, 3 alternating pairs of 10 s
# runs (intake, then the ceiling). The data
# set is generated once into var/bench-db (a durable private MariaDB: innodb_flush_log_at_trx_commit=1,
# 4 GiB buffer pool) and reused by later runs with the same size; --keep leaves the database running.
set -euo pipefail
source "$(dirname "$0")/../../deploy/common.sh"
cd "$MOTCUA_ROOT"

dossiers=3000000; agencies=40; years=3; seconds=10; rounds=3; connections=8,32,64; keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dossiers) dossiers=$2; shift 2 ;;
    --agencies) agencies=$2; shift 2 ;;
    --years) years=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "usage: $0 [--dossiers N] [--agencies M] [--years Y] [--seconds S] [--rounds R] [--connections C[,C…]] [--keep]" >&2; exit 64 ;;
  esac
done

MOTCUA_PACKAGES+=(wrk)
motcua_install_packages
mkdir -p var
motcua_build var/bench-build RelWithDebInfo -DMOTCUA_BUILD_TESTS=ON -DMOTCUA_BUILD_BENCH=ON --target motcua \
  > var/bench-build.log 2>&1 || { tail -30 var/bench-build.log; exit 1; }
cmake --build var/bench-build -j2 --target insert_ceiling >> var/bench-build.log 2>&1 || { tail -30 var/bench-build.log; exit 1; }
MOTCUA=$MOTCUA_ROOT/var/bench-build/src/motcua
CEILING=$MOTCUA_ROOT/var/bench-build/tests/bench/insert_ceiling
export MOTCUA_HOME=$MOTCUA_ROOT

dbdir=var/bench-db
deploy/mariadb start --dir "$dbdir" --server-option --innodb-buffer-pool-size=4G \
  --server-option --innodb-log-file-size=1G --server-option --max-prepared-stmt-count=100000 > /dev/null
# shellcheck disable=SC1091
source "$dbdir/env"
export MOTCUA_DB_URL
sock=$dbdir/mysqld.sock
calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }
now() { date +%s.%N; }
rps() { echo "$1" | awk '/Requests\/sec/ {print $2}'; }                      # wrk output → requests/s
non2xx() { echo "$1" | awk '/Non-2xx/ {print $5}' | grep . || echo 0; }   # wrk output → non-2xx count
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
sql() { mariadb --no-defaults -S "$sock" -uroot -N -B motcua -e "$1"; }

server_pid=""; ceiling_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [ -n "$ceiling_pid" ] && kill -TERM "$ceiling_pid" 2>/dev/null && wait "$ceiling_pid" 2>/dev/null || true
  [ "$keep" = 1 ] || deploy/mariadb stop --dir "$dbdir" > /dev/null
}
trap cleanup EXIT

"$MOTCUA" migrate > /dev/null 2>&1
# The data set is reused when it was generated with the same parameters. Each run's intakes add
# some 200 000 open dossiers to the desk's agency, the one whose overdue list is measured; once
# they are over a tenth of the data set it is generated again, so that the measures stay those of
# the size asked for.
wanted="dossiers=$dossiers agencies=$agencies years=$years"
have=$(sql "SELECT COUNT(*) FROM dossiers" 2>/dev/null || echo 0)
generate_s="(reused)"
if [ "$have" -gt $((dossiers + dossiers / 10)) ]; then
  echo "==> var/bench-db has grown to $have dossiers through earlier intake runs: generating it again"
  rm -f "$dbdir/generated"
fi
if [ "$(cat "$dbdir/generated" 2>/dev/null)" != "$wanted" ]; then
  if [ "$have" != 0 ]; then
    echo "==> var/bench-db holds other data ($have dossiers): starting over"
    deploy/mariadb stop --dir "$dbdir" > /dev/null; rm -rf "$dbdir"
    exec "$0" --dossiers "$dossiers" --agencies "$agencies" --years "$years" --seconds "$seconds" --rounds "$rounds" \
      --connections "$connections" $([ "$keep" = 1 ] && echo --keep)
  fi
  "$MOTCUA" demo load > /dev/null
  echo "==> generating $dossiers dossiers, $agencies agencies, $years years"
  start=$(now)
  "$MOTCUA" demo generate --dossiers "$dossiers" --agencies "$agencies" --years "$years" 2>&1 | tail -2
  generate_s=$(calc "$(now) - $start" 0)
  echo "$wanted" > "$dbdir/generated"
fi
events=$(sql "SELECT COUNT(*) FROM dossier_events")

port=$(( 20000 + RANDOM % 12000 ))  # below the ephemeral range
MOTCUA_HTTP_PORT=$port "$MOTCUA" serve > var/bench-serve.log 2>&1 &
server_pid=$!
for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.1; done
base=http://127.0.0.1:$port

login() {  # prints "cookie csrf"
  local headers body
  headers=$(mktemp)
  body=$(curl -s -D "$headers" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"motcua2026\"}" "$base/api/v1/auth/login")
  echo "$(grep -io 'motcua_session=[^;]*' "$headers" | head -1) $(echo "$body" | sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p')"
  rm -f "$headers"
}
read -r head_cookie head_csrf < <(login lanhdao)

# Desks posting intakes, as user:agency:procedure (a procedure the agency receives): the demo's
# desk of Sở Tư pháp, then desks of Sở Xây dựng and two communes, whose users are created once.
# The first desk posts alone, then all four at once. BENCH_USERS is "cookie|csrf|procedure"
# entries joined by ";"; the requests take them in turn.
desk_users=(tiepnhan:000.00.06.H56:2.000488 tiepnhan.xd:000.00.15.H56:1.009972
            tiepnhan.hacthanh:000.01.00.H56:1.001193 tiepnhan.quangphu:000.02.00.H56:2.000815)
for desk in "${desk_users[@]}"; do
  IFS=: read -r user agency _ <<< "$desk"
  if [ "$(sql "SELECT COUNT(*) FROM users WHERE username = '$user'")" = 0 ]; then
    MOTCUA_PASSWORD=motcua2026 "$MOTCUA" user add --username "$user" --name "Cán bộ tiếp nhận $user" \
      --role desk_officer --agency "$agency" > /dev/null
  fi
done
desks_of() {
  local entries="" desk user procedure cookie csrf
  for desk in "$@"; do
    IFS=: read -r user _ procedure <<< "$desk"
    read -r cookie csrf < <(login "$user")
    entries+="${entries:+;}$cookie|$csrf|$procedure"
  done
  echo "$entries"
}
one_agency=$(desks_of "${desk_users[0]}")
four_agencies=$(desks_of "${desk_users[@]}")

lua=$(mktemp --suffix=.lua)
cat > "$lua" <<'LUA'
local desks = {}
for entry in string.gmatch(os.getenv("BENCH_USERS"), "[^;]+") do
  local cookie, csrf, procedure = string.match(entry, "([^|]*)|([^|]*)|([^|]*)")
  table.insert(desks, {cookie = cookie, csrf = csrf, procedure = procedure})
end
local counter = 0
request = function()
  counter = counter + 1
  local desk = desks[counter % #desks + 1]
  local body = '{"procedure_code":"' .. desk.procedure .. '","channel":"direct","result_delivery":"desk",' ..
    '"applicant":{"kind":"individual","name":"Nguyễn Văn Tải ' .. counter .. '","id_number":"038090001234",' ..
    '"phone":"0912345678","address":"12 Lê Lợi"},"documents":[{"name":"Tờ khai","kind":"original","count":1}]}'
  return wrk.format("POST", "/api/v1/dossiers",
    {["Content-Type"] = "application/json", ["Cookie"] = desk.cookie, ["X-CSRF-Token"] = desk.csrf}, body)
end
LUA

# Intake and its ceiling at each number of connections, the ceiling server started once.
sql "DROP TABLE IF EXISTS bench_raw; CREATE TABLE bench_raw LIKE dossiers"
ceiling_port=$(( port + 1 ))
"$CEILING" "$ceiling_port" "$MOTCUA_DB_URL" > var/bench-ceiling.log 2>&1 &
ceiling_pid=$!
for _ in $(seq 1 100); do grep -q listening var/bench-ceiling.log 2>/dev/null && break; sleep 0.1; done
# The machine's speed drifts by ±15 % over minutes (a shared host), which moves intake and ceiling
# alike: so each connection count runs $rounds alternating pairs (intake, then ceiling at once),
# and the ratio is taken within each pair; the median pair ratio is the result.
load_rows=""
for c in ${connections//,/ }; do
  for desks in one four; do
    [ "$desks" = one ] && users=$one_agency || users=$four_agencies
    label="desks of $desks agenc$([ "$desks" = one ] && echo y || echo ies)"
    intakes=(); ceilings=(); ratios=(); intake_rows=0; intake_non2xx=0; ceiling_non2xx=0
    for round in $(seq 1 "$rounds"); do
      echo "==> pair $round/$rounds at $c connections, $label: intake over HTTP, then the raw ceiling (one autocommit INSERT per request), wrk -d ${seconds}s each"
      intake_before=$(sql "SELECT COUNT(*) FROM dossiers")
      intake_out=$(BENCH_USERS=$users wrk -t2 -c"$c" -d"${seconds}s" -s "$lua" "$base")
      intake_rps=$(rps "$intake_out")
      intake_rows=$(( intake_rows + $(sql "SELECT COUNT(*) FROM dossiers") - intake_before ))
      intake_non2xx=$(( intake_non2xx + $(non2xx "$intake_out") ))
      sql "TRUNCATE TABLE bench_raw"
      ceiling_out=$(BENCH_USERS=$users wrk -t2 -c"$c" -d"${seconds}s" -s "$lua" "http://127.0.0.1:$ceiling_port")
      ceiling_rps=$(rps "$ceiling_out")
      ceiling_non2xx=$(( ceiling_non2xx + $(non2xx "$ceiling_out") ))
      intakes+=("$intake_rps"); ceilings+=("$ceiling_rps"); ratios+=("$(calc "100 * $intake_rps / $ceiling_rps" 0)")
      echo "    intake $intake_rps, ceiling $ceiling_rps requests/s: ${ratios[-1]} %"
    done
    load_rows+="| intake over HTTP / raw ceiling, wrk -c $c, $label, $rounds alternating pairs of ${seconds} s | medians $(median "${intakes[@]}") / $(median "${ceilings[@]}") requests/s; pair ratios $(IFS=,; echo "${ratios[*]}" | sed 's/,/, /g') %, median **$(median "${ratios[@]}") %** ($intake_rows dossiers, non-2xx: $intake_non2xx; ceiling non-2xx: $ceiling_non2xx) |"$'\n'
  done
  last_connections=$c
done
rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
kill -TERM "$ceiling_pid"; wait "$ceiling_pid" || { echo "insert_ceiling reported failed inserts" >&2; exit 1; }
ceiling_pid=""
connections=$last_connections  # the slap reference runs with the last of them

echo "==> bare INSERT rate: mariadb-slap, one single-row INSERT per transaction, $connections clients"
sql "TRUNCATE TABLE bench_raw"
per_client=$(( ${ceiling_rps%.*} * seconds / connections + 100 ))
raw_insert="INSERT INTO bench_raw (code, receiving_agency_id, handling_agency_id, procedure_id, status, is_open,"
raw_insert+=" channel, result_delivery, applicant_kind, applicant_name, applicant_id_number, applicant_phone,"
raw_insert+=" applicant_email, applicant_address, submitted_at, received_at, original_due_at, current_due_at, version,"
raw_insert+=" created_at, updated_at) VALUES (NULL, 2, 2, 1, 'received', 1, 'direct', 'desk', 'individual',"
raw_insert+=" 'Nguyễn Văn Tải', '038090001234', '0912345678', '', '12 Lê Lợi', NOW(3), NOW(3), NOW(3), NOW(3), 2,"
raw_insert+=" NOW(3), NOW(3))"
slap_out=$(mariadb-slap --no-defaults -S "$sock" -uroot --create-schema=motcua --concurrency="$connections" \
  --number-of-queries=$(( per_client * connections )) --query="$raw_insert" 2>&1)
slap_s=$(echo "$slap_out" | awk '/Average number of seconds to run all queries/ {print $9}')
[ -n "$slap_s" ] || { echo "mariadb-slap failed: $slap_out" >&2; exit 1; }
raw_rows=$(sql "SELECT COUNT(*) FROM bench_raw")
raw_rps=$(calc "$raw_rows / $slap_s" 0)
sql "DROP TABLE bench_raw"

agency=000.00.06.H56
overdue_total=$(curl -s -H "Cookie: $head_cookie" "$base/api/v1/dossiers?due=overdue&page_size=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
# A read measure: first let InnoDB purge what the write runs left and write out their dirty
# pages (at most 300 s: after a fresh generation 90 s were not enough, and the list measured
# while pages were still being written had a p99 of 28 ms against 11-13 ms once they were).
purge_s=0
history() { sql "SHOW ENGINE INNODB STATUS" | grep -o 'History list length [0-9]*' | awk '{print $4}'; }
dirty() { sql "SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'" | awk '{print $2}'; }
while [ "$purge_s" -lt 300 ] && { [ "$(history)" -gt 1000 ] || [ "$(dirty)" -gt 2000 ]; }; do
  sleep 1; purge_s=$((purge_s + 1))
done
echo "==> overdue list of $agency ($overdue_total overdue): wrk -c 4 -d ${seconds}s (after $purge_s s for purge and page flushing)"
list_lua=$(mktemp --suffix=.lua)
cat > "$list_lua" <<'LUA'
local cookie = os.getenv("BENCH_COOKIE")
request = function()
  return wrk.format("GET", "/api/v1/dossiers?due=overdue&page_size=50", {["Cookie"] = cookie})
end
LUA
# One warm-up run first, as for the report below: the write runs pushed the list's pages out of
# the buffer pool.
BENCH_COOKIE=$head_cookie wrk -t2 -c4 -d5s -s "$list_lua" "$base" > /dev/null
list_out=$(BENCH_COOKIE=$head_cookie wrk -t2 -c4 -d"${seconds}s" --latency -s "$list_lua" "$base")
p50=$(echo "$list_out" | awk '$1 == "50%" {print $2}')
p99=$(echo "$list_out" | awk '$1 == "99%" {print $2}')
list_rps=$(rps "$list_out")

# Each measured three times after one warm-up run (the buffer pool was cold after the restart);
# the median is printed.
year=$(date +%Y)
report_once() {
  local start; start=$(now)
  "$MOTCUA" report --period "$((year - 1))" --agency 000.00.00.H56 --format json > /dev/null
  calc "$(now) - $start" 3
}
rescan_once() {
  local start; start=$(now)
  sql "SELECT receiving_agency_id, channel, verdict, status, COUNT(*) FROM dossiers
       WHERE received_at >= '$((year - 2))-12-15' AND received_at < '$((year - 1))-12-15'
       GROUP BY receiving_agency_id, channel, verdict, status" > /dev/null
  calc "$(now) - $start" 3
}
report_once > /dev/null; rescan_once > /dev/null
report_s=$(median "$(report_once)" "$(report_once)" "$(report_once)")
rescan_s=$(median "$(rescan_once)" "$(rescan_once)" "$(rescan_once)")
counter_rows=$(sql "SELECT COUNT(*) FROM stats_day_counters")
report_line="| 06a report of the province for year $((year - 1)), whole process (median of 3, warm) | ${report_s} s ($counter_rows counter rows); plain GROUP BY rescan of dossiers ${rescan_s} s; ratio $(calc "$rescan_s / $report_s" 1)× |"

rm -f "$lua" "$list_lua"
cat <<TABLE

Province data: $(sql "SELECT COUNT(*) FROM dossiers") dossiers, $events events, $agencies agencies, $years years (generated in ${generate_s} s)
Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); MariaDB $(sql "SELECT VERSION()")

| measure | result |
|---|---|
${load_rows}| bare INSERT rate without HTTP, mariadb-slap -c $connections (reference) | $raw_rps inserts/s (the last intake run is $(calc "100 * $intake_rps / $raw_rps" 0) % of it) |
| overdue list of Sở Tư pháp, 50 per page (after $purge_s s for purge and page flushing, and a 5 s warm-up) | p50 $p50, p99 $p99 ($list_rps requests/s) |
| motcua peak resident memory (VmHWM) | $(( rss_kb / 1024 )) MiB |
$report_line
TABLE
