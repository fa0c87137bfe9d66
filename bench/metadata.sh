#!/usr/bin/env bash
# Cleaned copies of large photos through a share link: the server cleans a JPEG carrying
# GPS, author and serial (EXIF, XMP) as the lawyer downloads it. Compared, in the same run,
# with the same download of the original (a share made with `originals`) and with
# `exiftool -all=` stripping the same file (the reference tool). Prints times, ratios and
# the server's peak RSS growth with 1 and with 4 downloads at once.
#
#   bench/metadata.sh [MIB]     default 30 (the cap is 32 MiB)
#
# Needs: exiftool, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
MIB=${1:-30}
for tool in exiftool curl; do
  command -v $tool >/dev/null || { echo "$tool is missing: apt-get install libimage-exiftool-perl curl" >&2; exit 1; }
done

cargo build --release --bins --quiet
BIN=${CARGO_TARGET_DIR:-$PWD/target}/release
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vault-metadata-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

# A JPEG of about MIB MiB: a frame, one scan of random bytes (no 0xFF, so no marker inside)
# and its end; then exiftool writes a GPS position, an author and a serial into it.
{
  printf '\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00'
  printf '\xff\xc0\x00\x0b\x08\x10\x00\x10\x00\x01\x01\x11\x00'
  printf '\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00'
  head -c "$((MIB * 1024 * 1024))" /dev/urandom | tr -d '\377'
  printf '\xff\xd9'
} > photo.jpg
exiftool -q -overwrite_original -GPSLatitude=48.8566 -GPSLatitudeRef=N -GPSLongitude=2.3522 \
  -GPSLongitudeRef=E -Artist="Marie Dupont" -SerialNumber=SN-4815162342 \
  -XMP:Creator="Marie Dupont" photo.jpg
SIZE=$(stat -c %s photo.jpg)
echo "photo.jpg: $((SIZE / 1024 / 1024)) MiB with GPS, author and serial"

cp photo.jpg reference.jpg
start=$(date +%s.%N)
exiftool -q -overwrite_original -all= reference.jpg
end=$(date +%s.%N)
EXIFTOOL_SECS=$(echo "$end $start" | awk '{printf "%.3f", $1 - $2}')
printf '%-40s %7.3f s\n' "exiftool -all= (reference)" "$EXIFTOOL_SECS"

bench_vault "$BIN/vault"
CASE=$("$BIN/vault" case add --team bench --name "Bench")
DOC=$("$BIN/vault" doc add "$CASE" --kind evidence photo.jpg)

SERVER_PID=
trap 'kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
start_server "$BIN/vault-server" "$WORK/data"
# share ORIGINALS: a share of the photo allowing 50 downloads; prints its token.
share() {
  curl -sS -f -H "$AUTH" -H 'Content-Type: application/json' \
    -d "{\"documents\": [\"$DOC\"], \"max_downloads\": 50, \"originals\": $1}" \
    "$URL/api/v1/cases/$CASE/shares" | sed -n 's/.*"url":"[^"]*\/s\/\([^"]*\)".*/\1/p'
}
start=$(date +%s.%N)
CLEANED=$(share false)
end=$(date +%s.%N)
printf '%-40s %7.3f s\n' "share creation (cleans once to list)" "$(echo "$end $start" | awk '{print $1 - $2}')"
ORIGINAL=$(share true)

# served NAME PARALLEL TOKEN: median seconds of 3 rounds of PARALLEL downloads at once, and
# the server's peak RSS growth over them (VmHWM reset by clear_refs).
served() {
  local name=$1 parallel=$2 token=$3
  echo 5 > "/proc/$SERVER_PID/clear_refs"
  local base; base=$(awk '/^VmRSS:/ {print $2}' "/proc/$SERVER_PID/status")
  local times=()
  for round in 1 2 3; do
    local start; start=$(date +%s.%N)
    local pids=()
    for i in $(seq "$parallel"); do
      curl -sS -f -o "out-$i.jpg" -X POST "$URL/s/$token/$DOC" &
      pids+=($!)
    done
    # Not a bare `wait`: the server is a background job too.
    wait "${pids[@]}"
    times+=("$(echo "$(date +%s.%N) $start" | awk '{print $1 - $2}')")
  done
  local peak; peak=$(awk '/^VmHWM:/ {print $2}' "/proc/$SERVER_PID/status")
  local median; median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
  printf '%-40s %7.3f s   server RSS +%d MiB (peak %d MiB)\n' "$name" "$median" \
    "$(((peak - base) / 1024))" "$((peak / 1024))"
  echo "$median" > "secs.$name"
}
served "download, original" 1 "$ORIGINAL"
cmp -s out-1.jpg photo.jpg || { echo "the original changed" >&2; exit 1; }
served "download, cleaned copy" 1 "$CLEANED"
if exiftool -a -G1 -s out-1.jpg | grep -E 'GPS|Marie Dupont|SN-4815162342'; then
  echo "the cleaned copy still carries the above" >&2; exit 1
fi
served "4 downloads at once, cleaned copy" 4 "$CLEANED"
awk -v c="$(cat 'secs.download, cleaned copy')" -v o="$(cat 'secs.download, original')" \
  -v e="$EXIFTOOL_SECS" 'BEGIN {printf "cleaned / original download: %.2f; cleaned download / exiftool -all=: %.2f\n", c / o, c / e}'
