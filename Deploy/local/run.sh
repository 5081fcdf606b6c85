#!/usr/bin/env bash
# Runs the three services as separate craftd processes on loopback, each with its own data
# directory and all sharing one auth directory (auth.key and the token registry), and stops
# them cleanly on Ctrl-C / SIGTERM.
#
#   Deploy/local/run.sh [--demo] [--dir DIR] [--port BASE]   start and stay in the foreground
#   Deploy/local/run.sh stop [--dir DIR]                     stop the processes a run in DIR started
#
# Ports: catalogue BASE, orders BASE+1, matching BASE+2 (default 50061-50063); data under DIR
# (default .data/local): DIR/catalogue, DIR/orders, DIR/matching, DIR/auth, logs DIR/*.log.
# --demo seeds the demo catalogue and the demo market. The binary is .build/debug/craftd
# (run `swift build` first) or $CRAFTD.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CRAFTD="${CRAFTD:-$ROOT/.build/debug/craftd}"
DIR="$ROOT/.data/local"
BASE=50061
DEMO=()
COMMAND=start
SERVICES=(catalogue orders matching)

usage() { sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

while [ $# -gt 0 ]; do
  case "$1" in
    stop) COMMAND=stop ;;
    --demo) DEMO=(--demo) ;;
    --dir) DIR="$2"; shift ;;
    --port) BASE="$2"; shift ;;
    -h|--help) usage 0 ;;
    *) echo "run.sh: unknown argument: $1" >&2; usage 64 >&2 ;;
  esac
  shift
done
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
RUN="$DIR/run"

port_of() {
  case "$1" in catalogue) echo "$BASE" ;; orders) echo $((BASE + 1)) ;; matching) echo $((BASE + 2)) ;; esac
}

# The pid in DIR/run/SERVICE.pid if that process is still a craftd.
live_pid() {
  local file="$RUN/$1.pid" pid
  [ -f "$file" ] || return 1
  pid="$(cat "$file")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q craftd \
    && echo "$pid"
}

# SIGTERM to each service (matching first: it follows the others), then wait for each to exit.
stop_all() {
  local service pid waited
  for service in matching orders catalogue; do
    if pid="$(live_pid "$service")"; then kill -TERM "$pid" 2>/dev/null || true; fi
  done
  for service in matching orders catalogue; do
    if pid="$(live_pid "$service")"; then
      waited=0
      while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 300 ]; do sleep 0.1; waited=$((waited + 1)); done
      if kill -0 "$pid" 2>/dev/null; then
        echo "run.sh: $service ($pid) did not stop in 30 s; killing it" >&2
        kill -KILL "$pid" 2>/dev/null || true
      fi
    fi
    rm -f "$RUN/$service.pid"
  done
}

if [ "$COMMAND" = stop ]; then
  mkdir -p "$RUN" && touch "$RUN/stopping"  # tells a foreground run.sh the exits are asked for
  stop_all
  echo "stopped the services in $DIR"
  exit 0
fi

[ -x "$CRAFTD" ] || { echo "run.sh: $CRAFTD missing: run 'swift build' first" >&2; exit 1; }
for service in "${SERVICES[@]}"; do
  if pid="$(live_pid "$service")"; then
    echo "run.sh: $service is already running from $DIR (pid $pid): Deploy/local/run.sh stop --dir $DIR" >&2
    exit 1
  fi
done
mkdir -p "$RUN" "$DIR/auth"
rm -f "$RUN/stopping"

CHILDREN=()
cleanup() {
  trap - INT TERM EXIT
  echo
  echo "stopping…"
  stop_all
  echo "stopped"
  exit "${1:-0}"
}
trap 'cleanup 0' INT TERM
trap 'cleanup $?' EXIT

ADDR_CATALOGUE="127.0.0.1:$(port_of catalogue)"
ADDR_ORDERS="127.0.0.1:$(port_of orders)"
ADDR_MATCHING="127.0.0.1:$(port_of matching)"
for service in "${SERVICES[@]}"; do
  args=(serve --services "$service" --host 127.0.0.1 --port "$(port_of "$service")"
    --data-dir "$DIR/$service" --auth-dir "$DIR/auth")
  case "$service" in
    catalogue) args+=("${DEMO[@]}") ;;
    orders) args+=(--catalogue-addr "$ADDR_CATALOGUE") ;;
    matching) args+=(--catalogue-addr "$ADDR_CATALOGUE" --orders-addr "$ADDR_ORDERS" "${DEMO[@]}") ;;
  esac
  # Its own process group, so a Ctrl-C reaches the services only through cleanup (SIGTERM).
  setsid "$CRAFTD" "${args[@]}" >>"$DIR/$service.log" 2>&1 </dev/null &
  echo $! >"$RUN/$service.pid"
  CHILDREN+=($!)
done

# Ready when every service answers SERVING to grpc.health.v1 (the demo seeds for ~30 s).
for service in "${SERVICES[@]}"; do
  addr="127.0.0.1:$(port_of "$service")"
  deadline=$((SECONDS + 180))
  until "$CRAFTD" health --addr "$addr" >/dev/null 2>&1; do
    if ! live_pid "$service" >/dev/null; then
      echo "run.sh: $service exited; the end of $DIR/$service.log:" >&2
      tail -n 20 "$DIR/$service.log" >&2
      cleanup 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "run.sh: $service is not healthy after 180 s (see $DIR/$service.log)" >&2
      cleanup 1
    fi
    sleep 0.2
  done
done

CRAFTD_REL="${CRAFTD#"$ROOT"/}"
cat <<READY
ready: three craftd processes on loopback (logs in $DIR/*.log)
  catalogue  $ADDR_CATALOGUE   data $DIR/catalogue
  orders     $ADDR_ORDERS   data $DIR/orders
  matching   $ADDR_MATCHING   data $DIR/matching
  auth       $DIR/auth (shared: one token works on all three)

tokens (from another shell, in $ROOT):
  ADMIN=\$($CRAFTD_REL token --auth-dir $DIR/auth --role admin)
  BUYER=\$($CRAFTD_REL token --auth-dir $DIR/auth --role buyer --subject my-buyer)
  PRODUCER=\$($CRAFTD_REL token --auth-dir $DIR/auth --role producer --subject prd-ninh-so-003)
  .build/debug/craftctl --addr $ADDR_CATALOGUE products search "may tre dan"
  .build/debug/craftctl --addr $ADDR_MATCHING --token "\$ADMIN" match rfq rfq-demo-0002   # with --demo

Ctrl-C (or Deploy/local/run.sh stop --dir $DIR) stops them.
READY

# Stay in the foreground until a signal, or until a service exits on its own.
set +e
wait -n "${CHILDREN[@]}"
status=$?
set -e
if [ -f "$RUN/stopping" ]; then
  wait
  trap - INT TERM EXIT
  exit 0
fi
echo "run.sh: a service exited (status $status); stopping the others" >&2
cleanup 1
