#!/usr/bin/env bash
# Starts and stops a throwaway local Garage S3 cluster for tests.
#
#   garage.sh start DIR NODES   # NODES = 1 or 3; writes DIR/env and prints it
#   garage.sh stop DIR          # SIGKILL every node of DIR
#   garage.sh kill DIR K        # SIGKILL node K only, wait until the others notice
#   garage.sh restart DIR K     # start node K again (same config/ports), wait until it answers
#
# The binary is $GARAGE_BIN if set, else `garage` on PATH (exit 3 if neither).
# start gives up after 20 s, restart after 30 s ($GARAGE_SH_TIMEOUT overrides both); on
# failure the last log lines of the nodes go to stderr and what was started is killed.
# Layout per node K: DIR/nodeK/{garage.toml,ports,pid,log,meta/,data/}.
# Needs python3 (free ports), curl >= 7.75 (signed S3 probe) and openssl or python3 (secret).
set -eEuo pipefail

BUCKET=vault
KEY_NAME=vault-key
REGION=garage
# time_limit SECS: all waits of this command must end within SECS (or $GARAGE_SH_TIMEOUT).
time_limit() { DEADLINE=$((SECONDS + ${GARAGE_SH_TIMEOUT:-$1})); }

exec 3>&2 # the real stderr, for messages from inside silenced commands
trap 'echo "garage.sh: line $LINENO: failed: $BASH_COMMAND" >&3' ERR
die() { echo "garage.sh: $*" >&3; exit 1; }

usage() {
    sed -n '4,7p' "$0" | sed 's/^# *//' >&2
    exit 2
}

find_garage() {
    if [[ -n "${GARAGE_BIN:-}" ]]; then
        [[ -x "$GARAGE_BIN" ]] || { echo "garage.sh: GARAGE_BIN=$GARAGE_BIN is not executable" >&2; exit 3; }
        GARAGE=$GARAGE_BIN
    elif GARAGE=$(command -v garage); then
        :
    else
        echo "garage.sh: no Garage binary: set GARAGE_BIN or put \`garage\` on PATH" >&2
        exit 3
    fi
}

# g K ARGS...: run the garage CLI against node K.
g() { local k=$1; shift; "$GARAGE" -c "$DIR/node$k/garage.toml" "$@"; }

# Node numbers present in DIR, in order.
nodes_of() {
    local d
    for d in "$DIR"/node*; do
        if [[ -d $d ]]; then echo "${d##*node}"; fi
    done | sort -n
}

# Ports are recorded in DIR/nodeK/ports as "RPC S3 ADMIN".
port() { # port K rpc|s3|admin
    local rpc s3 admin
    read -r rpc s3 admin <"$DIR/node$1/ports"
    case $2 in rpc) echo "$rpc" ;; s3) echo "$s3" ;; admin) echo "$admin" ;; esac
}

# N distinct free loopback ports (all bound at once, so no duplicates).
free_ports() {
    python3 - "$1" <<'EOF'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
EOF
}

random_secret() {
    openssl rand -hex 32 2>/dev/null || python3 -c 'import secrets; print(secrets.token_hex(32))'
}

write_config() { # write_config K NODES SECRET
    local k=$1 n=$2 secret=$3 d="$DIR/node$1"
    cat >"$d/garage.toml" <<EOF
metadata_dir = "$d/meta"
data_dir = "$d/data"
db_engine = "sqlite"
replication_factor = $n

rpc_bind_addr = "127.0.0.1:$(port "$k" rpc)"
rpc_public_addr = "127.0.0.1:$(port "$k" rpc)"
rpc_secret = "$secret"

[s3_api]
s3_region = "$REGION"
api_bind_addr = "127.0.0.1:$(port "$k" s3)"
root_domain = ".s3.garage.localhost"

[admin]
api_bind_addr = "127.0.0.1:$(port "$k" admin)"
EOF
}

# Launch node K in the background. No fd of the caller's may stay open in it (fd 3
# too), or a caller reading our stdout/stderr to EOF would wait for the node to exit.
declare -A LOG_START # node -> size of its log before this launch
launch() {
    local d="$DIR/node$1"
    touch "$d/log"
    LOG_START[$1]=$(wc -c <"$d/log")
    NO_COLOR=1 "$GARAGE" -c "$d/garage.toml" server </dev/null >>"$d/log" 2>&1 3>&- &
    echo $! >"$d/pid"
    disown # no "Killed" job notices from bash
}

# running PID: true if PID exists and is not a zombie (a SIGKILLed node is reparented
# to init, which may reap it only later).
running() {
    local state
    if [[ -r /proc/$1/stat ]]; then
        state=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) || return 1
        [[ $state != Z ]]
    else
        kill -0 "$1" 2>/dev/null
    fi
}

# PID of node K if it is running, else nothing. On Linux it also checks the command
# line is this node's `garage -c .../nodeK/garage.toml server`, so a recycled pid is
# never killed.
node_pid() {
    local f="$DIR/node$1/pid" pid cmd
    [[ -f $f ]] || return 0
    pid=$(cat "$f")
    running "$pid" || return 0
    if [[ -r /proc/$pid/cmdline ]]; then
        cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline")
        [[ $cmd == *"/node$1/garage.toml server "* ]] || return 0
    fi
    echo "$pid"
}

alive() { [[ -n $(node_pid "$1") ]]; }

kill_node() {
    local k=$1 pid i
    pid=$(node_pid "$k")
    if [[ -n $pid ]]; then
        kill -KILL "$pid" 2>/dev/null || true
        for ((i = 0; i < 100; i++)); do running "$pid" || break; sleep 0.05; done
        running "$pid" && die "node $k (pid $pid) survived SIGKILL"
    fi
    rm -f "$DIR/node$k/pid"
}

# wait_for DESC CMD...: retry CMD (silenced) every 0.1 s until it succeeds or DEADLINE.
wait_for() {
    local desc=$1; shift
    until "$@" >/dev/null 2>&1; do
        ((SECONDS < DEADLINE)) || die "timed out waiting for $desc"
        sleep 0.1
    done
}

# Node K is running, no server of it failed (Garage keeps running when e.g. the S3 port
# is taken, only logging "ERROR garage::server: S3 API server exited with error"), and
# it answers CLI RPC. (`node id` proves nothing: it works offline, from metadata_dir.)
rpc_up() {
    local errors
    alive "$1" || die "node $1 died"
    errors=$(tail -c +$((${LOG_START[$1]:-0} + 1)) "$DIR/node$1/log" | grep 'ERROR garage::server' || true)
    [[ -z $errors ]] || die "node $1: $errors"
    g "$1" status >/dev/null
}

# Node K answers RPC and its admin /health says every partition has quorum.
healthy() {
    rpc_up "$1" && curl -fsS -m 5 -o /dev/null "http://127.0.0.1:$(port "$1" admin)/health"
}

# Node K's `status` lists exactly WANT healthy (connected) nodes.
sees_nodes() {
    local out
    out=$(g "$1" status 2>/dev/null) || return 1
    [[ $(sed -n '/HEALTHY NODES/,/^$/p' <<<"$out" | grep -c '127\.0\.0\.1:') -eq $2 ]]
}

# The S3 API of node K answers (an anonymous request gets an S3 error document).
s3_answers() {
    local out
    out=$(curl -sS -m 5 "http://127.0.0.1:$(port "$1" s3)/") && [[ $out == *"<Error>"* ]]
}

# Signed S3 PUT + GET + DELETE of a small object through node K (curl's SigV4).
s3_probe() {
    local url="http://127.0.0.1:$(port "$1" s3)/$BUCKET/.garage-sh-probe"
    local c=(curl -fsS -m 5 --aws-sigv4 "aws:amz:$REGION:s3" --user "$KEY_ID:$KEY_SECRET"
        -H "x-amz-content-sha256: UNSIGNED-PAYLOAD")
    "${c[@]}" -X PUT --data-binary probe "$url" -o /dev/null &&
        [[ $("${c[@]}" "$url") == probe ]] &&
        "${c[@]}" -X DELETE "$url" -o /dev/null
}

# Last lines of every node log, on the real stderr (fd 3: this may run from inside a
# silenced wait_for when a node dies).
dump_logs() {
    local k
    for k in $(nodes_of); do
        [[ -f "$DIR/node$k/log" ]] || continue
        echo "---- last lines of $DIR/node$k/log ----"
        tail -n 20 "$DIR/node$k/log"
    done >&3
}

# On any failure during start: show logs, kill what was started.
on_start_exit() {
    local rc=$? k
    ((rc == 0)) && return
    echo "garage.sh: start failed (exit $rc), stopping its nodes" >&3
    dump_logs
    for k in $(nodes_of); do kill_node "$k"; done
    exit "$rc"
}

# On failure during restart: show logs, kill the half-started node.
on_restart_exit() {
    local rc=$?
    ((rc == 0)) && return
    echo "garage.sh: restart of node $RESTARTING failed (exit $rc), killing it" >&3
    dump_logs
    kill_node "$RESTARTING"
    exit "$rc"
}

cmd_start() {
    local n=$1 k ids=() secret ports
    [[ $n == 1 || $n == 3 ]] || die "NODES must be 1 or 3, not $n"
    if [[ -e $DIR ]]; then
        [[ -d $DIR && -z $(ls -A "$DIR") ]] || die "$DIR exists and is not an empty directory"
    fi
    mkdir -p "$DIR"
    DIR=$(cd "$DIR" && pwd) # absolute paths in the configs
    trap on_start_exit EXIT
    time_limit 20 # a healthy start takes ~1 s (1 node) or ~3 s (3 nodes)

    secret=$(random_secret)
    read -r -a ports <<<"$(free_ports $((3 * n)))"
    for ((k = 1; k <= n; k++)); do
        mkdir -p "$DIR/node$k"
        echo "${ports[@]:$((3 * (k - 1))):3}" >"$DIR/node$k/ports"
        write_config "$k" "$n" "$secret"
        launch "$k"
    done

    # Node ids are "<hex>@127.0.0.1:<rpc port>".
    for ((k = 1; k <= n; k++)); do
        wait_for "node $k RPC" rpc_up "$k"
        ids[k]=$(g "$k" node id -q)
    done

    # Connect node 1 to the others, then wait until every node sees all of them.
    for ((k = 2; k <= n; k++)); do wait_for "node 1 to connect to node $k" g 1 node connect "${ids[k]}"; done
    for ((k = 1; k <= n; k++)); do wait_for "node $k to see $n nodes" sees_nodes "$k" "$n"; done

    # One role per node in a single zone, then apply layout version 1.
    for ((k = 1; k <= n; k++)); do g 1 layout assign -z dc1 -c 1G "${ids[k]%@*}" >/dev/null; done
    g 1 layout apply --version 1 >/dev/null
    for ((k = 1; k <= n; k++)); do wait_for "node $k health" healthy "$k"; done

    # Bucket, key, permissions. `key create` prints the secret once ("Secret key: ...").
    g 1 bucket create "$BUCKET" >/dev/null
    local info
    info=$(g 1 key create "$KEY_NAME")
    KEY_ID=$(awk '/^Key ID:/ {print $3}' <<<"$info")
    KEY_SECRET=$(awk '/^Secret key:/ {print $3}' <<<"$info")
    [[ $KEY_ID == GK* && ${#KEY_SECRET} -eq 64 ]] || die "cannot parse key create output: $info"
    g 1 bucket allow --read --write --owner "$BUCKET" --key "$KEY_NAME" >/dev/null

    # Real S3 round trip through every node (bucket/key tables may lag slightly).
    for ((k = 1; k <= n; k++)); do wait_for "S3 on node $k" s3_probe "$k"; done

    local endpoints=()
    for ((k = 1; k <= n; k++)); do endpoints+=("http://127.0.0.1:$(port "$k" s3)"); done
    cat >"$DIR/env" <<EOF
S3_ENDPOINT=${endpoints[0]}
S3_ENDPOINTS=${endpoints[*]}
S3_REGION=$REGION
S3_BUCKET=$BUCKET
AWS_ACCESS_KEY_ID=$KEY_ID
AWS_SECRET_ACCESS_KEY=$KEY_SECRET
EOF
    cat "$DIR/env"
    trap - EXIT
}

cmd_stop() {
    local k
    for k in $(nodes_of); do kill_node "$k"; done
}

# Garage notices a SIGKILLed peer only at its next ping (every 15 s; 3-10 s seen);
# until then requests through the survivors can stall for seconds. So wait for the
# survivors to mark node K as failed: after `kill`, the cluster is in a settled state.
cmd_kill() {
    local k=$1 j up=()
    [[ -f "$DIR/node$k/garage.toml" ]] || die "no node $k in $DIR"
    kill_node "$k"
    time_limit 30
    for j in $(nodes_of); do alive "$j" && up+=("$j"); done
    for j in "${up[@]}"; do wait_for "node $j to notice node $k is down" sees_nodes "$j" "${#up[@]}"; done
}

cmd_restart() {
    local k=$1 j id up=()
    [[ -f "$DIR/node$k/garage.toml" ]] || die "no node $k in $DIR"
    alive "$k" && die "node $k is still running"
    RESTARTING=$k
    trap on_restart_exit EXIT
    time_limit 30 # up to 15 s just for the peers to notice a fresh death, see below
    for j in $(nodes_of); do [[ $j != "$k" ]] && alive "$j" && up+=("$j"); done

    # Peers must have noticed the old process is gone (`kill` waits for that; a crash or
    # `stop` need not have): until then they keep its dead connection, ignore `node
    # connect` and report the new process as up.
    for j in "${up[@]}"; do wait_for "node $j to notice node $k is down" sees_nodes "$j" "${#up[@]}"; done

    launch "$k"
    wait_for "node $k RPC" rpc_up "$k"
    id=$(g "$k" node id -q)
    # Connect both ways: node K's saved peer list may be stale, and the peers would
    # otherwise dial back only after their retry backoff (~15 s).
    for j in "${up[@]}"; do
        wait_for "node $k to connect to node $j" g "$k" node connect "$(g "$j" node id -q)"
        wait_for "node $j to connect to node $k" g "$j" node connect "$id"
    done
    for j in "${up[@]}" "$k"; do wait_for "node $j to see all live nodes" sees_nodes "$j" $((${#up[@]} + 1)); done
    # With a quorum of live nodes (1 of 1, 2 of 3): /health OK and a real S3 round trip;
    # without one, only that its S3 API answers at all.
    if ((${#up[@]} + 1 > $(nodes_of | wc -l) / 2)); then
        wait_for "node $k health" healthy "$k"
        KEY_ID=$(sed -n 's/^AWS_ACCESS_KEY_ID=//p' "$DIR/env")
        KEY_SECRET=$(sed -n 's/^AWS_SECRET_ACCESS_KEY=//p' "$DIR/env")
        wait_for "S3 on node $k" s3_probe "$k"
    else
        wait_for "S3 on node $k" s3_answers "$k"
    fi
    trap - EXIT
}

[[ $# -ge 2 ]] || usage
find_garage
DIR=$2
if [[ $1 != start ]]; then
    [[ -d $DIR || $1 != stop ]] || exit 0 # nothing to stop
    [[ -d $DIR ]] || die "no such directory: $DIR"
    DIR=$(cd "$DIR" && pwd)
fi
case $1 in
start) [[ $# -eq 3 ]] || usage; cmd_start "$3" ;;
stop) [[ $# -eq 2 ]] || usage; cmd_stop ;;
kill) [[ $# -eq 3 ]] || usage; cmd_kill "$3" ;;
restart) [[ $# -eq 3 ]] || usage; cmd_restart "$3" ;;
*) usage ;;
esac
