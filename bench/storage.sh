#!/usr/bin/env bash
# A large document through vault-server's API to the filesystem store and to an S3 store
# (a local Garage node on loopback), in the same run: upload and download times, the
# server's RSS growth during each, and the S3/filesystem ratio. Then backups: a first one
# of the vault (SIZE_MIB of documents) and an incremental one after adding 10 MiB, with
# the bytes each copied.
#
#   bench/storage.sh [SIZE_MIB]      default 1024 (1 GiB)
#
# Needs: curl, bc, python3, a garage binary (PATH or $GARAGE_BIN). Cheap argon2 (the
# sign-in is not measured). RUNS=N interleaved runs (default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SIZE_MIB=${1:-1024}
for tool in curl bc python3; do
  command -v $tool >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done

cargo build --release --bins --quiet
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
VAULT=$TARGET/release/vault
SERVER=$TARGET/release/vault-server
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vault-storage-bench.XXXXXX")
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
  bash "$ROOT/tests/tools/garage.sh" stop "$WORK/garage" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK"

bash "$ROOT/tests/tools/garage.sh" start "$WORK/garage" 1 > /dev/null
set -a; . "$WORK/garage/env"; set +a
printf 'AWS_ACCESS_KEY_ID=%s\nAWS_SECRET_ACCESS_KEY=%s\n' "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" > s3.creds
unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY
S3=(--s3-endpoint "$S3_ENDPOINT" --s3-region "$S3_REGION" --s3-path-style --s3-credentials "$WORK/s3.creds")

head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom > big.bin
head -c "$((10 * 1024 * 1024))" /dev/urandom > extra.bin
printf 'bench-password-123\n' > pw
CHEAP=(--kdf-memory-kib 64 --kdf-iterations 1 --kdf-parallelism 1)
export VAULT_USER=bench VAULT_PASSWORD_FILE=$WORK/pw
VAULT_DIR=$WORK/fs "$VAULT" init --admin bench --recovery-key-out fs.key "${CHEAP[@]}" 2>/dev/null
VAULT_DIR=$WORK/fs "$VAULT" team add bench >/dev/null
VAULT_DIR=$WORK/s3 "$VAULT" init --admin bench --recovery-key-out s3.key "${CHEAP[@]}" \
  --blobs "s3://$S3_BUCKET/bench" "${S3[@]}" 2>/dev/null
VAULT_DIR=$WORK/s3 "$VAULT" team add bench "${S3[@]}" >/dev/null

start_server() { # DATA_DIR EXTRA...
  local data=$1; shift
  "$SERVER" --data-dir "$data" --listen 127.0.0.1:0 "$@" 2> server.log &
  SERVER_PID=$!
  for _ in $(seq 300); do grep -q 'address=' server.log && break; sleep 0.1; done
  URL=http://$(sed -n 's/.*address=\([0-9.:]*\).*/\1/p' server.log | head -1)
  TOKEN=$(curl -sS -H 'Content-Type: application/json' \
    -d '{"user": "bench", "password": "bench-password-123"}' "$URL/api/v1/session" |
    sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
  AUTH="Authorization: Bearer $TOKEN"
  CASE=$(curl -sS -H "$AUTH" -H 'Content-Type: application/json' \
    -d '{"team": "bench", "profile": {"name": "Bench"}}' "$URL/api/v1/cases" |
    sed -n 's/.*"id":"\([0-9a-f]*\)".*/\1/p')
  [ -n "$CASE" ] || { echo "no case; server log:" >&2; cat server.log >&2; exit 1; }
}
stop_server() { kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; }

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$SERVER_PID/status"; }
# run NAME CMD...: appends "NAME seconds rss_growth_kib" to results.
run() {
  local name=$1; shift
  local base start end
  base=$(rss_kib)
  echo "$base" > peak
  ( peak=$base; while :; do r=$(rss_kib); [ "$r" -gt "$peak" ] && peak=$r && echo "$peak" > peak; sleep 0.02; done ) &
  local sampler=$!
  start=$(date +%s.%N)
  "$@" > /dev/null
  end=$(date +%s.%N)
  kill "$sampler"; wait "$sampler" 2>/dev/null || true
  echo "$name $(echo "$end - $start" | bc) $(( $(cat peak) - base ))" >> results
}
upload() {
  curl -sS -f -X POST -T "$1" -H "$AUTH" -H 'Content-Type: application/octet-stream' \
    "$URL/api/v1/cases/$CASE/documents?kind=other&filename=big.bin" |
    sed -n 's/.*"id":"\([0-9a-f]*\)".*/\1/p' > doc.id
}
download() { curl -sS -f -H "$AUTH" -o big.out "$URL/api/v1/documents/$(cat doc.id)/content"; }
backup() {
  curl -sS -f -X POST -H "$AUTH" "$URL/api/v1/admin/backups" > "backup-$1.json"
}

RUNS=${RUNS:-3}
for i in $(seq "$RUNS"); do
  start_server "$WORK/fs"
  run fs_upload upload big.bin
  run fs_download download
  cmp big.bin big.out; rm -f big.out
  stop_server
  start_server "$WORK/s3" --s3-credentials "$WORK/s3.creds"
  run s3_upload upload big.bin
  run s3_download download
  cmp big.bin big.out; rm -f big.out
  stop_server
done

# Backups of the filesystem vault (it now holds RUNS x SIZE_MIB): a first, then after 10 MiB.
start_server "$WORK/fs" --backup-to "$WORK/backups"
run backup_first backup first
upload extra.bin
run backup_incremental backup second
stop_server

median() { awk -v n="$1" -v c="$2" '$1==n {print $c}' results | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
copied() { sed -n 's/.*"bytes_copied":\([0-9]*\).*/\1/p' "backup-$1.json"; }
frozen() { sed -n 's/.*"frozen_ms":\([0-9]*\).*/\1/p' "backup-$1.json"; }
echo "size: ${SIZE_MIB} MiB; $(nproc) cores; $RUNS interleaved runs (medians); Garage $("${GARAGE_BIN:-garage}" --version 2>/dev/null | head -1 | cut -d' ' -f2) on loopback"
printf '%-14s %9s %8s %17s\n' step seconds MiB/s server_RSS_+MiB
for name in fs_upload s3_upload fs_download s3_download; do
  s=$(median $name 2)
  printf '%-14s %9.2f %8.0f %17s\n' "$name" "$s" "$(echo "$SIZE_MIB / $s" | bc -l)" "$(( $(median $name 3) / 1024 ))"
done
echo "ratio s3/fs upload:   $(echo "$(median s3_upload 2) / $(median fs_upload 2)" | bc -l | cut -c1-5)  (goal <= 1.5)"
echo "ratio s3/fs download: $(echo "$(median s3_download 2) / $(median fs_download 2)" | bc -l | cut -c1-5)"
echo "backup first:       $(median backup_first 2) s, $(( $(copied first) / 1048576 )) MiB copied, catalogue held $(frozen first) ms"
echo "backup incremental: $(median backup_incremental 2) s, $(( $(copied second) / 1048576 )) MiB copied (10 MiB added), catalogue held $(frozen second) ms"
