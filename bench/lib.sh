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
