#!/usr/bin/env bash
# Adding and reading back a large document: `vault` (release build) against the `age` CLI
# (and `rage` when installed), same input, same run. Prints times, ratios and peak RSS.
#
#   bench/ingest.sh [SIZE_MIB]      default 1024 (1 GiB)
#
# Needs: age, /usr/bin/time (GNU time). Uses production argon2 parameters (m=64 MiB).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MIB=${1:-1024}
command -v age >/dev/null || { echo "age is missing: apt-get install age" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time is missing: apt-get install time" >&2; exit 1; }

cargo build --release --bins --quiet
VAULT=$PWD/target/release/vault
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vault-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom > big.bin
head -c 1024 /dev/urandom > small.bin
printf 'bench-password-123\n' > pw
export VAULT_DIR=$WORK/data VAULT_USER=bench VAULT_PASSWORD_FILE=$WORK/pw
"$VAULT" init --admin bench --recovery-key-out recovery.key 2>/dev/null
"$VAULT" team add bench >/dev/null
CASE=$("$VAULT" case add --team bench --name "Bench")
age-keygen -o age.key 2>/dev/null
RECIPIENT=$(age-keygen -y age.key)
sync

# run NAME CMD...: wall seconds and peak RSS (KiB) of CMD, then sync counted in the time.
run() {
  local name=$1; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$WORK/rss.$name" "$@"
  sync
  end=$(date +%s.%N)
  echo "$name $(echo "$end - $start" | bc) $(cat "$WORK/rss.$name")" >> "$WORK/results"
}

run age_encrypt age -r "$RECIPIENT" -o big.age big.bin
run vault_add_small sh -c "\"$VAULT\" doc add $CASE small.bin --kind other > small.id"
run vault_add sh -c "\"$VAULT\" doc add $CASE big.bin --kind other > big.id"
if command -v rage >/dev/null; then run rage_encrypt rage -r "$RECIPIENT" -o big.rage big.bin; fi
run age_decrypt age -d -i age.key -o big.age.out big.age
run vault_get "$VAULT" doc get "$(cat big.id)" -o big.vault.out
run vault_get_small "$VAULT" doc get "$(cat small.id)" -o small.vault.out
cmp big.bin big.vault.out
cmp small.bin small.vault.out

echo "size: ${SIZE_MIB} MiB; $(nproc) cores"
printf '%-16s %9s %12s\n' step seconds peak_rss_MiB
while read -r name secs rss; do
  printf '%-16s %9.2f %12.1f\n' "$name" "$secs" "$(echo "$rss / 1024" | bc -l)"
done < "$WORK/results"
get() { awk -v n="$1" '$1==n {print $'"$2"'}' "$WORK/results"; }
echo "ratio add/age-encrypt: $(echo "$(get vault_add 2) / $(get age_encrypt 2)" | bc -l | cut -c1-5)  (target <= 1.15)"
echo "ratio get/age-decrypt: $(echo "$(get vault_get 2) / $(get age_decrypt 2)" | bc -l | cut -c1-5)  (target <= 1.15)"
echo "peak RSS add big - add 1 KiB: $(( ($(get vault_add 3) - $(get vault_add_small 3)) / 1024 )) MiB  (target <= 16)"
echo "peak RSS get big - get 1 KiB: $(( ($(get vault_get 3) - $(get vault_get_small 3)) / 1024 )) MiB  (target <= 16)"
