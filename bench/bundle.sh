#!/usr/bin/env bash
# Evidence bundles of large documents: `vault bundle create` (decrypt, hash with SHA-256,
# SHA-512 and BLAKE3, write a streamed ZIP, custody with proofs) against `zip -0` of the
# same plaintext files, in the same run; then `vault bundle verify`. Prints times, the
# ratio and the peak RSS of each.
#
#   bench/bundle.sh [TOTAL_MIB]     default 2048 (2 GiB, in 4 files)
#
# Needs: zip, /usr/bin/time. Production argon2 parameters.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
TOTAL_MIB=${1:-2048}
for tool in zip /usr/bin/time; do
  command -v $tool >/dev/null || { echo "$tool is missing: apt-get install zip time" >&2; exit 1; }
done

cargo build --release --bins --quiet
VAULT=${CARGO_TARGET_DIR:-$PWD/target}/release/vault
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vault-bundle-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

bench_vault "$VAULT"
CASE=$("$VAULT" case add --team bench --name "Bench")
mkdir files
EACH=$((TOTAL_MIB / 4))
for i in 1 2 3 4; do
  head -c "$((EACH * 1024 * 1024))" /dev/urandom > "files/photo-$i.jpg"
  "$VAULT" doc add "$CASE" --kind evidence "files/photo-$i.jpg" >/dev/null
done
sync

# measure NAME CMD...: wall seconds and peak RSS (KiB) of CMD.
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "time.$name" "$@" >/dev/null 2>"err.$name" || { cat "err.$name" >&2; exit 1; }
  sync
  read -r secs rss < "time.$name"
  printf '%-34s %7.2f s   peak RSS %6d MiB\n' "$name" "$secs" "$((rss / 1024))"
  echo "$secs" > "secs.$name"
}

echo "$TOTAL_MIB MiB in 4 documents"
measure "zip -0 (plaintext, reference)" zip -0 -q -r reference.zip files
measure "vault bundle create" "$VAULT" bundle create "$CASE" -o bundle.zip
measure "vault bundle verify" "$VAULT" bundle verify bundle.zip
ratio=$(awk -v a="$(cat 'secs.vault bundle create')" -v b="$(cat 'secs.zip -0 (plaintext, reference)')" 'BEGIN {printf "%.2f", a / b}')
echo "bundle / zip -0: $ratio"
ls -l reference.zip bundle.zip | awk '{print $5, $9}'

# The same documents through vault-server: the API's bundle route, and a lawyer's "Tout
# télécharger" on a share link (one ZIP of every document). Each download is timed and the
# server's peak RSS during it read from /proc (VmHWM, reset before each with clear_refs).
SERVER_PID=
trap 'kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
start_server "$(dirname "$VAULT")/vault-server" "$WORK/data"
DOCS=$(curl -sS -f -H "$AUTH" "$URL/api/v1/cases/$CASE/documents" |
  grep -o '"id":"[0-9a-f]*"' | sed 's/"id":\("[0-9a-f]*"\)/\1/' | paste -sd, -)
SHARE=$(curl -sS -f -H "$AUTH" -H 'Content-Type: application/json' \
  -d "{\"documents\": [$DOCS], \"max_downloads\": 1}" "$URL/api/v1/cases/$CASE/shares" |
  sed -n 's/.*"url":"[^"]*\/s\/\([^"]*\)".*/\1/p')
[ -n "$SHARE" ] || { echo "could not make a share; server log:" >&2; cat server.log >&2; exit 1; }

# served NAME OUT CURL_ARGS...: wall seconds of the download into OUT and the server's peak
# RSS during it.
served() {
  local name=$1 out=$2; shift 2
  echo 5 > "/proc/$SERVER_PID/clear_refs"
  local base; base=$(awk '/^VmRSS:/ {print $2}' "/proc/$SERVER_PID/status")
  local start end; start=$(date +%s.%N)
  curl -sS -f -o "$out" "$@"
  end=$(date +%s.%N)
  local peak; peak=$(awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status")
  printf '%-34s %7.2f s   server peak RSS %4d MiB (%d MiB before)\n' "$name" \
    "$(echo "$end - $start" | awk '{print $1 - $3}')" "$((peak / 1024))" "$((base / 1024))"
}
served "POST /api/v1/cases/{case}/bundles" api-bundle.zip -X POST -H "$AUTH" \
  -H 'Content-Type: application/json' -d '{}' "$URL/api/v1/cases/$CASE/bundles"
served "share link: Tout télécharger" all.zip -X POST "$URL/s/$SHARE/all"
ls -l api-bundle.zip all.zip | awk '{print $5, $9}'
