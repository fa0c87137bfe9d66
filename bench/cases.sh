#!/usr/bin/env bash
# The case list at scale: fills a vault with COUNT cases (names drawn so that many share a
# family name, as in life), then asks vault-server for list pages and name searches, and
# prints the server time of each kind of request (median and p99 over REQS requests, from
# curl's time to first byte minus its time to connect), the same under 8 clients at once,
# and the server's RSS.
#
#   bench/cases.sh [COUNT]      default 100000
#
# Needs: curl. REQS=N requests per kind (default 200). Production argon2 parameters.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
COUNT=${1:-100000}
REQS=${REQS:-200}
command -v curl >/dev/null || { echo "curl is missing: apt-get install curl" >&2; exit 1; }

cargo build --release --bins --quiet
cargo build --release --quiet -p vault-core --example populate
BIN=${CARGO_TARGET_DIR:-$PWD/target}/release
VAULT=$BIN/vault
SERVER=$BIN/vault-server
POPULATE=$BIN/examples/populate
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vault-cases-bench.XXXXXX")
SERVER_PID=
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
cd "$WORK"

bench_vault "$VAULT"
VAULT_PASSWORD=bench-password-123 "$POPULATE" "$WORK/data" bench bench "$COUNT"
echo "catalogue on disk: $(du -sm data/catalog | cut -f1) MiB"

"$SERVER" --data-dir "$WORK/data" --listen 127.0.0.1:0 2> server.log &
SERVER_PID=$!
for _ in $(seq 600); do grep -q 'address=' server.log && break; sleep 0.1; done
ADDRESS=$(sed -n 's/.*address=\([0-9.:]*\).*/\1/p' server.log | head -1)
URL=http://$ADDRESS
TOKEN=$(curl -sS -H 'Content-Type: application/json' \
  -d '{"user": "bench", "password": "bench-password-123"}' "$URL/api/v1/session" |
  sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || { echo "could not sign in; server log:" >&2; cat server.log >&2; exit 1; }
rss_mib() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER_PID/status"; }
echo "server RSS after start: $(rss_mib) MiB"

# ask BODY [OUT]: one POST /api/v1/cases/search, its answer in OUT (default body.json);
# prints the server time in ms.
ask() {
  curl -sS -o "${2:-body.json}" -w '%{time_starttransfer} %{time_pretransfer}\n' \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "$1" "$URL/api/v1/cases/search" |
    awk '{printf "%.2f\n", ($1 - $2) * 1000}'
}

# stats FILE: median and p99 of the numbers in FILE.
stats() {
  sort -n "$1" | awk '{a[NR] = $1} END {
    m = a[int((NR + 1) / 2)]; p = a[int(NR * 0.99 + 0.999)]; if (p == "") p = a[NR];
    printf "median %7.2f ms   p99 %7.2f ms   (%d requests)\n", m, p, NR }'
}

# kind LABEL BODY: REQS requests one after another.
kind() {
  local label=$1 body=$2
  ask "$body" > /dev/null # warm
  local n
  n=$( { grep -o '"id"' body.json || true; } | wc -l)
  : > times
  for _ in $(seq "$REQS"); do ask "$body" >> times; done
  printf '%-44s %5s cases  ' "$label" "$n"
  stats times
}

echo
echo "== one client, $COUNT cases =="
kind "list, first page of 50" '{"limit": 50}'
kind "list, page 100 (offset 4950)" '{"offset": 4950, "limit": 50}'
kind "list, open cases, first page" '{"status": "open", "limit": 50}'
kind "search \"Aïssatou Diallo-Nguyễn\" (one case)" '{"name": "Aïssatou Diallo-Nguyễn"}'
kind "search \"diallo\" (a common family name)" '{"name": "diallo"}'
kind "search \"ngu\" (a prefix)" '{"name": "ngu"}'
kind "search \"martin\" (no case)" '{"name": "martin"}'

echo
echo "== 8 clients at once, $((REQS / 8 * 8)) requests of each kind =="
for body in '{"limit": 50}' '{"name": "diallo"}'; do
  pids=()
  for c in $(seq 8); do
    ( : > "times.$c"; for _ in $(seq $((REQS / 8))); do ask "$body" /dev/null >> "times.$c"; done ) &
    pids+=($!)
  done
  wait "${pids[@]}"
  cat times.? > times
  printf '%-58s ' "$body"
  stats times
done
echo
echo "server RSS at the end: $(rss_mib) MiB"
