#!/usr/bin/env bash
# vault-server beside a peer, in one run on the same machine: rustypaste, a Rust file server
# that neither encrypts nor logs.
#
#   1. A 200 KB document downloaded by wrk: 16 connections, then 1, for 10 s each, from
#      rustypaste and from GET /api/v1/documents/{id}/content (signed in, decrypted, every
#      read durably in the access log). Requests/s, p50 and p99 latency, the ratio.
#   2. A 512 MiB upload (curl, multipart into rustypaste, raw body into the vault): time and
#      the server's peak RSS (VmHWM, reset before each upload) and CPU time.
#   3. The vault's uploads against `age -r ... && sync` of the same file: the raw API body,
#      the web form and the upload link (both multipart); then `vault doc get` against
#      `age -d`, and the sign-in alone (`vault case list`). Ratios. Every timed step ends
#      with `sync`: on a disk as noisy as a shared VM's, the wall times of 512 MiB writes
#      vary by 2x from run to run, so the server's CPU seconds are printed too (they do not
#      depend on the disk).
#
#   bench/peer.sh [UPLOAD_MIB]    default 512
#
# Needs: wrk, curl, age, /usr/bin/time (apt-get install wrk curl age time). The peer is
# installed if missing with `cargo install rustypaste --locked --root $PEER_ROOT`, outside
# this tree (PEER_ROOT defaults to ~/.cache/vault-bench-peer; RUSTYPASTE=path uses another
# binary). RUNS=N interleaved runs, medians printed (default 3). DURATION=seconds per wrk run.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
UPLOAD_MIB=${1:-512}
RUNS=${RUNS:-3}
DURATION=${DURATION:-10}
for tool in wrk curl age /usr/bin/time; do
  command -v $tool >/dev/null || { echo "$tool is missing: apt-get install wrk curl age time" >&2; exit 1; }
done

PEER_ROOT=${PEER_ROOT:-$HOME/.cache/vault-bench-peer}
RUSTYPASTE=${RUSTYPASTE:-$PEER_ROOT/bin/rustypaste}
if [ ! -x "$RUSTYPASTE" ]; then
  echo "installing rustypaste into $PEER_ROOT (once)" >&2
  CARGO_TARGET_DIR=$PEER_ROOT/target cargo install rustypaste --locked --root "$PEER_ROOT" --quiet
fi

cargo build --release --bins --quiet
BIN=${CARGO_TARGET_DIR:-$PWD/target}/release
VAULT=$BIN/vault
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vault-peer-bench.XXXXXX")
SERVER_PID=
PEER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
  [ -n "$PEER_PID" ] && kill "$PEER_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK"

head -c 200000 /dev/urandom > small.bin
head -c "$((UPLOAD_MIB * 1024 * 1024))" /dev/urandom > big.bin
bench_vault "$VAULT"
CASE=$("$VAULT" case add --team bench --name "Bench")
age-keygen -o age.key 2>/dev/null
RECIPIENT=$(age-keygen -y age.key)

start_server "$BIN/vault-server" "$WORK/data"
# The web form's session: a cookie and its CSRF token.
SIGNED_IN=$(curl -sS -H 'Content-Type: application/json' \
  -d '{"user": "bench", "password": "bench-password-123"}' "$URL/api/v1/session")
COOKIE_TOKEN=$(echo "$SIGNED_IN" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
CSRF=$(echo "$SIGNED_IN" | sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p')
raw_upload() { # FILE NAME: prints the document id
  curl -sS -f -X POST -T "$1" -H "$AUTH" -H 'Content-Type: application/octet-stream' \
    "$URL/api/v1/cases/$CASE/documents?kind=other&filename=$2" |
    sed -n 's/.*"id":"\([0-9a-f]*\)".*/\1/p'
}
SMALL_DOC=$(raw_upload small.bin small.bin)
[ -n "$SMALL_DOC" ] || { echo "could not upload; server log:" >&2; cat server.log >&2; exit 1; }
VAULT_SMALL=$URL/api/v1/documents/$SMALL_DOC/content

mkdir peer-files
cat > peer.toml <<EOF
[server]
address = "127.0.0.1:0"
max_content_length = "$((UPLOAD_MIB * 2))MB"
upload_path = "$WORK/peer-files"
timeout = "300s"

[paste]
random_url = { type = "alphanumeric", length = 8 }
default_extension = "bin"
duplicate_files = true
EOF
# rustypaste does not say which port it took: one is picked here.
PEER_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
sed -i "s/127.0.0.1:0/127.0.0.1:$PEER_PORT/" peer.toml
CONFIG=$WORK/peer.toml "$RUSTYPASTE" > peer.log 2>&1 &
PEER_PID=$!
PEER=http://127.0.0.1:$PEER_PORT
for _ in $(seq 100); do curl -s -o /dev/null "$PEER/" && break; sleep 0.1; done
PEER_SMALL=$(curl -sS -f -F "file=@small.bin" "$PEER/" | tr -d '\r\n')
curl -sS -f -o check.bin "$PEER_SMALL" && cmp small.bin check.bin
curl -sS -f -H "$AUTH" -o check.bin "$VAULT_SMALL" && cmp small.bin check.bin

# load NAME CONNECTIONS URL [HEADER]: one wrk run; appends "NAME req/s p50_ms p99_ms".
load() {
  local name=$1 conns=$2 url=$3; shift 3
  local threads=$(( conns < 2 ? 1 : 2 ))
  wrk -t"$threads" -c"$conns" -d"${DURATION}s" --latency ${1:+-H "$1"} "$url" > "wrk.out"
  grep -q 'Non-2xx\|Socket errors' wrk.out && { cat wrk.out >&2; exit 1; }
  awk -v n="$name" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ {r = $2} $1 == "50%" {p50 = ms($2)} $1 == "99%" {p99 = ms($2)}
    END {print n, r, p50, p99}' wrk.out >> results
}

# settle: writes out what is dirty and, when this user may (root), drops the page cache, so
# that each timed transfer starts from the same state whatever the one before left.
settle() {
  sync
  echo 1 2>/dev/null > /proc/sys/vm/drop_caches || true
}

# cpu PID: user + system time of PID so far, in clock ticks.
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# peak NAME PID CMD...: wall seconds of CMD (then sync), PID's peak RSS (KiB) and the CPU
# seconds PID spent during it; appends "NAME seconds peak_kib cpu_seconds".
peak() {
  local name=$1 pid=$2; shift 2
  settle
  echo 5 > "/proc/$pid/clear_refs"
  local ticks start end; ticks=$(cpu "$pid"); start=$(date +%s.%N)
  "$@" > /dev/null
  sync
  end=$(date +%s.%N)
  echo "$name $(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}') $(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status") $(awk -v t="$(( $(cpu "$pid") - ticks ))" -v hz="$(getconf CLK_TCK)" 'BEGIN {print t / hz}')" >> results
}

# timed NAME CMD...: wall seconds of CMD followed by sync; appends "NAME seconds 0 0".
timed() {
  local name=$1; shift
  settle
  local start end; start=$(date +%s.%N)
  "$@" > /dev/null
  sync
  end=$(date +%s.%N)
  echo "$name $(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}') 0 0" >> results
}

upload_token() {
  curl -sS -f -H "$AUTH" -H 'Content-Type: application/json' \
    -d "{\"max_files\": 1, \"max_bytes\": $(( UPLOAD_MIB * 1024 * 1024 ))}" \
    "$URL/api/v1/cases/$CASE/upload-links" | sed -n 's/.*"url":"[^"]*\/u\/\([^"]*\)".*/\1/p'
}
peer_upload() { curl -sS -f -F "file=@big.bin" "$PEER/"; }
vault_raw() { raw_upload big.bin big.bin > big.id; [ -s big.id ]; }
vault_form() {
  curl -sS -f -o /dev/null -b "vault_session=$COOKIE_TOKEN" -F "csrf=$CSRF" -F kind=other \
    -F "files=@big.bin;type=application/octet-stream" "$URL/cases/$CASE/documents"
}
vault_link() { curl -sS -f -o /dev/null -F "files=@big.bin;type=application/octet-stream" "$URL/u/$1"; }

sync
for i in $(seq "$RUNS"); do
  load peer_16 16 "$PEER_SMALL"
  load vault_16 16 "$VAULT_SMALL" "$AUTH"
  load peer_1 1 "$PEER_SMALL"
  load vault_1 1 "$VAULT_SMALL" "$AUTH"
  peak peer_upload "$PEER_PID" peer_upload
  peak vault_upload "$SERVER_PID" vault_raw
  timed age_encrypt age -r "$RECIPIENT" -o big.age big.bin
  peak vault_form "$SERVER_PID" vault_form
  peak vault_link "$SERVER_PID" vault_link "$(upload_token)"
  find peer-files -type f -size +1M -delete  # the big uploads, not the 200 KB file
done

# `vault doc get` opens the data directory, which the server holds: it is stopped first.
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
for i in $(seq "$RUNS"); do
  timed age_decrypt age -d -i age.key -o big.out big.age
  rm -f big.out
  timed doc_get "$VAULT" doc get "$(cat big.id)" -o big.out
  cmp big.bin big.out
  rm -f big.out
  # The sign-in alone (the password's Argon2id, then the catalogue): a fixed cost of every
  # `vault` command, which age -d with a key file does not pay.
  timed sign_in "$VAULT" case list
done

median() { awk -v n="$1" -v c="$2" '$1 == n {print $c}' results | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
echo "$(nproc) cores; $RUNS interleaved runs, medians; wrk ${DURATION} s per run; rustypaste: $RUSTYPASTE"
echo
echo "200 KB download        req/s    p50 ms   p99 ms"
for n in peer_16 vault_16 peer_1 vault_1; do
  printf '%-18s %9.0f %9.2f %8.2f\n' "$n" "$(median $n 2)" "$(median $n 3)" "$(median $n 4)"
done
echo "vault/rustypaste req/s, 16 connections: $(ratio "$(median vault_16 2)" "$(median peer_16 2)")  (goal >= 1.5)"
echo "vault/rustypaste p50, 1 connection:     $(ratio "$(median vault_1 3)" "$(median peer_1 3)")"
echo
echo "$UPLOAD_MIB MiB upload            seconds  server peak RSS MiB  server CPU s"
for n in peer_upload vault_upload; do
  printf '%-26s %8.2f %12d %15.2f\n' "$n" "$(median $n 2)" "$(( $(median $n 3) / 1024 ))" "$(median $n 4)"
done
echo "vault/rustypaste upload time: $(ratio "$(median vault_upload 2)" "$(median peer_upload 2)")"
echo
printf '%-26s %8.2f\n' "age -r && sync" "$(median age_encrypt 2)"
for n in vault_upload vault_form vault_link; do
  printf '%-26s %8.2f %12d %15.2f\n' "$n" "$(median $n 2)" "$(( $(median $n 3) / 1024 ))" "$(median $n 4)"
done
printf '%-22s %8.2f\n' "age -d && sync" "$(median age_decrypt 2)"
printf '%-22s %8.2f\n' "vault doc get" "$(median doc_get 2)"
printf '%-22s %8.2f\n' "  of which sign-in" "$(median sign_in 2)"
echo "raw upload / age -r:       $(ratio "$(median vault_upload 2)" "$(median age_encrypt 2)")  (goal <= 1.3)"
echo "web form / raw upload:     $(ratio "$(median vault_form 2)" "$(median vault_upload 2)")  (goal <= 1.15; server CPU $(ratio "$(median vault_form 4)" "$(median vault_upload 4)"))"
echo "upload link / raw upload:  $(ratio "$(median vault_link 2)" "$(median vault_upload 2)")  (goal <= 1.15; server CPU $(ratio "$(median vault_link 4)" "$(median vault_upload 4)"))"
echo "vault doc get / age -d:    $(ratio "$(median doc_get 2)" "$(median age_decrypt 2)")  (goal <= 1.15; less the sign-in $(ratio "$(awk -v a="$(median doc_get 2)" -v b="$(median sign_in 2)" 'BEGIN {print a - b}')" "$(median age_decrypt 2)"))"
