# Shared by the bench scripts (sourced, not run).

# start_server SERVER DATA_DIR [EXTRA...]: starts SERVER (vault-server) on a free port with its
# log in server.log, and signs in as "bench" (password bench-password-123). Sets SERVER_PID,
# URL, TOKEN and AUTH (the header for curl). The caller's EXIT trap should kill SERVER_PID.
start_server() {
  local server=$1 data=$2; shift 2
  "$server" --data-dir "$data" --listen 127.0.0.1:0 "$@" 2> server.log &
  SERVER_PID=$!
  for _ in $(seq 300); do grep -q 'address=' server.log && break; sleep 0.1; done
  URL=http://$(sed -n 's/.*address=\([0-9.:]*\).*/\1/p' server.log | head -1)
  TOKEN=$(curl -sS -H 'Content-Type: application/json' \
    -d '{"user": "bench", "password": "bench-password-123"}' "$URL/api/v1/session" |
    sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
  [ -n "$TOKEN" ] || { echo "could not sign in; server log:" >&2; cat server.log >&2; exit 1; }
  AUTH="Authorization: Bearer $TOKEN"
}

# bench_vault VAULT: in the current folder, a vault in ./data with the admin "bench"
# (password bench-password-123, in ./pw) and its team "bench". Exports VAULT_DIR, VAULT_USER
# and VAULT_PASSWORD_FILE for the `vault` commands that follow.
bench_vault() {
  local vault=$1
  printf 'bench-password-123\n' > pw
  export VAULT_DIR=$PWD/data VAULT_USER=bench VAULT_PASSWORD_FILE=$PWD/pw
  "$vault" init --admin bench --recovery-key-out recovery.key 2>/dev/null
  "$vault" team add bench >/dev/null
}
