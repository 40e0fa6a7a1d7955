#!/usr/bin/env bash
# Fails when the layering rules of STYLE.md 9.2 are broken:
#  - src/domain is pure: std and date/date.h only, no clock, no environment, no randomness;
#  - http/ and web/ never include store/.
set -u
src=${1:?usage: check_layering.sh SRC_DIR}
fail=0
report() { echo "layering violation: $1"; fail=1; }

while IFS= read -r hit; do report "$hit"; done < <(
  grep -rnE '#include[[:space:]]*[<"](Poco/|cppconn/|mysql|kainjow/|xlsxwriter|fstream|iostream|thread|random|date/tz\.h|store/|service/|http/|web/|app/)' "$src/domain" || true)
while IFS= read -r hit; do report "$hit"; done < <(
  grep -rnE '(::now\(\)|getenv|[^a-z_]rand\(|srand\(|time\(nullptr\)|std::cout|std::cerr|printf\()' "$src/domain" || true)
while IFS= read -r hit; do report "$hit"; done < <(
  grep -rnE '#include[[:space:]]*"(store|app)/' "$src/http" "$src/web" || true)
while IFS= read -r hit; do report "$hit"; done < <(
  grep -rnE '#include[[:space:]]*[<"]cppconn/' "$src/service" "$src/http" "$src/web" "$src/app" || true)

if [ "$fail" -eq 0 ]; then echo "layering: ok"; fi
exit "$fail"
