#!/usr/bin/env bash
# Uploading and downloading a large document through vault-server with curl, against the
# `age` CLI encrypting and decrypting the same file, in the same run: through the API, and
# through the links (a lawyer's download from a share link, a beneficiary's multipart upload
# through an upload link). Prints times, throughputs, ratios and the server's RSS growth
# during each transfer.
#
#   bench/http.sh [SIZE_MIB]      default 1024 (1 GiB)
#
# Needs: age, curl, bc. Production argon2 parameters. RUNS=N interleaved runs (default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
SIZE_MIB=${1:-1024}
for tool in age curl bc; do
  command -v $tool >/dev/null || { echo "$tool is missing: apt-get install $tool" >&2; exit 1; }
done

cargo build --release --bins --quiet
BIN=${CARGO_TARGET_DIR:-$PWD/target}/release
VAULT=$BIN/vault
SERVER=$BIN/vault-server
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vault-http-bench.XXXXXX")
SERVER_PID=
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
cd "$WORK"

head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom > big.bin
bench_vault "$VAULT"
age-keygen -o age.key 2>/dev/null
RECIPIENT=$(age-keygen -y age.key)

"$SERVER" --data-dir "$WORK/data" --listen 127.0.0.1:0 2> server.log &
SERVER_PID=$!
for _ in $(seq 300); do grep -q 'address=' server.log && break; sleep 0.1; done
ADDRESS=$(sed -n 's/.*address=\([0-9.:]*\).*/\1/p' server.log | head -1)
URL=http://$ADDRESS
SIGNED_IN=$(curl -sS -H 'Content-Type: application/json' \
  -d '{"user": "bench", "password": "bench-password-123"}' "$URL/api/v1/session")
TOKEN=$(echo "$SIGNED_IN" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
CSRF=$(echo "$SIGNED_IN" | sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p')
AUTH="Authorization: Bearer $TOKEN"
CASE=$(curl -sS -H "$AUTH" -H 'Content-Type: application/json' \
  -d '{"team": "bench", "profile": {"name": "Bench"}}' "$URL/api/v1/cases" |
  sed -n 's/.*"id":"\([0-9a-f]*\)".*/\1/p')
[ -n "$CASE" ] || { echo "could not create a case; server log:" >&2; cat server.log >&2; exit 1; }
sync

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$SERVER_PID/status"; }

# run NAME CMD...: appends "NAME seconds rss_growth_kib" to results. The server's RSS is
# sampled every 20 ms while CMD runs; the growth is the highest sample minus the one before.
run() {
  local name=$1; shift
  local base peak start end
  base=$(rss_kib)
  ( peak=$base; while :; do r=$(rss_kib); [ "$r" -gt "$peak" ] && peak=$r && echo "$peak" > peak; sleep 0.02; done ) &
  local sampler=$!
  echo "$base" > peak
  start=$(date +%s.%N)
  "$@" > /dev/null
  sync
  end=$(date +%s.%N)
  kill "$sampler"; wait "$sampler" 2>/dev/null || true
  echo "$name $(echo "$end - $start" | bc) $(( $(cat peak) - base ))" >> results
}

upload() {
  curl -sS -f -X POST -T big.bin -H "$AUTH" -H 'Content-Type: application/octet-stream' \
    "$URL/api/v1/cases/$CASE/documents?kind=other&filename=big.bin" |
    sed -n 's/.*"id":"\([0-9a-f]*\)".*/\1/p' > doc.id
}
download() { curl -sS -f -H "$AUTH" -o big.out "$URL/api/v1/documents/$(cat doc.id)/content"; }
# A share link for the document just uploaded; only the token of its address is kept, and
# the download goes to this server whatever public_url says.
share_token() {
  curl -sS -f -H "$AUTH" -H 'Content-Type: application/json' \
    -d "{\"documents\": [\"$(cat doc.id)\"], \"max_downloads\": 1}" \
    "$URL/api/v1/cases/$CASE/shares" | sed -n 's/.*"url":"[^"]*\/s\/\([^"]*\)".*/\1/p' > share.token
}
share_download() { curl -sS -f -X POST -o big.out "$URL/s/$(cat share.token)/$(cat doc.id)"; }
upload_token() {
  curl -sS -f -H "$AUTH" -H 'Content-Type: application/json' \
    -d "{\"max_files\": 1, \"max_bytes\": $(( SIZE_MIB * 1024 * 1024 ))}" \
    "$URL/api/v1/cases/$CASE/upload-links" | sed -n 's/.*"url":"[^"]*\/u\/\([^"]*\)".*/\1/p' > upload.token
}
# The web interface's form: the same session as a cookie, its CSRF token as the first part.
web_upload() {
  curl -sS -f -o /dev/null -b "vault_session=$TOKEN" -F "csrf=$CSRF" -F kind=other \
    -F "files=@big.bin;type=application/octet-stream" "$URL/cases/$CASE/documents"
}
link_upload() { curl -sS -f -F "files=@big.bin;type=application/octet-stream" "$URL/u/$(cat upload.token)"; }

RUNS=${RUNS:-3}
for i in $(seq "$RUNS"); do
  run age_encrypt age -r "$RECIPIENT" -o big.age big.bin
  run http_upload upload
  run age_decrypt age -d -i age.key -o big.age.out big.age
  run http_download download
  cmp big.bin big.out
  rm -f big.out
  share_token
  run share_download share_download
  cmp big.bin big.out
  upload_token
  run link_upload link_upload
  run web_upload web_upload
  rm -f big.age.out big.out
done

median() { awk -v n="$1" -v c="$2" '$1==n {print $c}' results | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "size: ${SIZE_MIB} MiB; $(nproc) cores; $RUNS interleaved runs (medians)"
printf '%-14s %9s %8s %17s\n' step seconds MiB/s server_RSS_+MiB
for name in age_encrypt http_upload link_upload web_upload age_decrypt http_download share_download; do
  s=$(median $name 2)
  printf '%-14s %9.2f %8.0f %17s\n' "$name" "$s" "$(echo "$SIZE_MIB / $s" | bc -l)" \
    "$( [ "${name#age}" = "$name" ] && echo $(( $(median $name 3) / 1024 )) || echo -)"
done
echo "ratio upload/age-encrypt:   $(echo "$(median http_upload 2) / $(median age_encrypt 2)" | bc -l | cut -c1-5)"
echo "ratio download/age-decrypt: $(echo "$(median http_download 2) / $(median age_decrypt 2)" | bc -l | cut -c1-5)"
echo "ratio upload-link/age-encrypt:    $(echo "$(median link_upload 2) / $(median age_encrypt 2)" | bc -l | cut -c1-5)"
echo "ratio web-upload/age-encrypt:     $(echo "$(median web_upload 2) / $(median age_encrypt 2)" | bc -l | cut -c1-5)"
echo "ratio share-download/age-decrypt: $(echo "$(median share_download 2) / $(median age_decrypt 2)" | bc -l | cut -c1-5)"
echo "server RSS growth: upload $(( $(median http_upload 3) / 1024 )) MiB, download $(( $(median http_download 3) / 1024 )) MiB, upload link $(( $(median link_upload 3) / 1024 )) MiB, web form $(( $(median web_upload 3) / 1024 )) MiB, share link $(( $(median share_download 3) / 1024 )) MiB  (goal <= 64)"
