#!/usr/bin/env bash
# Access log: append 1,000,000 events, verify the whole log, print times, size on disk and
# peak memory (release build).
#   bench/log.sh [EVENTS]     default 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
EVENTS=${1:-1000000}
cargo build --release --quiet -p vault-core --example log_bench
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vault-log-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
/usr/bin/time -f 'peak RSS: %M KiB, wall: %e s' "${CARGO_TARGET_DIR:-target}/release/examples/log_bench" "$EVENTS" "$WORK"
