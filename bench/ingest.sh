#!/usr/bin/env bash
# Adding and reading back a large document: `vault` (release build) against the `age` CLI
# (and `rage` when installed), same input, same run. Prints times, ratios and peak RSS.
#
#   bench/ingest.sh [SIZE_MIB]      default 1024 (1 GiB)
#
# Needs: age, /usr/bin/time (GNU time), bc. Production argon2 parameters (m=64 MiB).
# RUNS=N sets the number of interleaved runs (default 3); medians are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
SIZE_MIB=${1:-1024}
command -v age >/dev/null || { echo "age is missing: apt-get install age" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time is missing: apt-get install time" >&2; exit 1; }

cargo build --release --bins --quiet
VAULT=${CARGO_TARGET_DIR:-$PWD/target}/release/vault
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vault-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom > big.bin
head -c 1024 /dev/urandom > small.bin
bench_vault "$VAULT"
CASE=$("$VAULT" case add --team bench --name "Bench")
age-keygen -o age.key 2>/dev/null
RECIPIENT=$(age-keygen -y age.key)
sync

# run NAME CMD...: appends "NAME seconds peak_rss_kib" to results; sync is counted in the time.
run() {
  local name=$1; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -v -o "$WORK/time.out" "$@" > /dev/null
  sync
  end=$(date +%s.%N)
  local rss
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.out")
  echo "$name $(echo "$end - $start" | bc) $rss" >> "$WORK/results"
}

RUNS=${RUNS:-3}
run vault_add_small sh -c "\"$VAULT\" doc add $CASE small.bin --kind other > small.id"
run vault_get_small "$VAULT" doc get "$(cat small.id)" -o small.vault.out
cmp small.bin small.vault.out
# Interleaved: each run does all four, so drifts of the machine hit every tool alike.
for i in $(seq "$RUNS"); do
  run age_encrypt age -r "$RECIPIENT" -o big.age big.bin
  run vault_add sh -c "\"$VAULT\" doc add $CASE big.bin --kind other > big.id"
  if command -v rage >/dev/null; then run rage_encrypt rage -r "$RECIPIENT" -o big.rage big.bin; fi
  run age_decrypt age -d -i age.key -o big.age.out big.age
  run vault_get "$VAULT" doc get "$(cat big.id)" -o big.vault.out
  cmp big.bin big.vault.out
  rm -f big.age.out big.vault.out
done

median() { awk -v n="$1" -v c="$2" '$1==n {print $c}' "$WORK/results" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "size: ${SIZE_MIB} MiB; $(nproc) cores; $RUNS interleaved runs (medians)"
printf '%-16s %9s %14s\n' step seconds peak_rss_MiB
for name in age_encrypt vault_add rage_encrypt age_decrypt vault_get vault_add_small vault_get_small; do
  grep -q "^$name " "$WORK/results" || continue
  printf '%-16s %9.2f %14.1f\n' "$name" "$(median $name 2)" "$(echo "$(median $name 3) / 1024" | bc -l)"
done
echo "ratio add/age-encrypt: $(echo "$(median vault_add 2) / $(median age_encrypt 2)" | bc -l | cut -c1-5)  (target <= 1.15)"
echo "ratio get/age-decrypt: $(echo "$(median vault_get 2) / $(median age_decrypt 2)" | bc -l | cut -c1-5)  (target <= 1.15)"
echo "peak RSS add 1 GiB - add 1 KiB: $(( ($(median vault_add 3) - $(median vault_add_small 3)) / 1024 )) MiB  (target <= 16)"
echo "peak RSS get 1 GiB - get 1 KiB: $(( ($(median vault_get 3) - $(median vault_get_small 3)) / 1024 )) MiB  (target <= 16)"
