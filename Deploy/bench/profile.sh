#!/usr/bin/env bash
# Profiles the release craftd under h2load with valgrind's callgrind (instruction counts: the
# same for the same binary and load whatever else the machine runs), and summarises where the
# instructions go (Deploy/bench/callgrind_groups.py).
#
#   Deploy/bench/profile.sh                       EmptyCall, 8 connections x 32 streams, 20000 calls
#   Deploy/bench/profile.sh unary-4KiB 20000      UnaryCall with a 4 KiB response
#   Deploy/bench/profile.sh empty 20000 1 1       1 x 1
#   SERVER=baseline Deploy/bench/profile.sh       the same for grpc-swift-baseline
#   CRAFTD=path/to/craftd Deploy/bench/profile.sh another craftd build (e.g. main's, for before/after)
#   PERF=1 Deploy/bench/profile.sh                also `perf record -e cpu-clock -g` a normal
#                                                 (not valgrind) run of 400000 calls
#
# Uses the binary Deploy/bench/rpc.sh builds (.build-release/release/craftd); run that first.
# valgrind 3.19 (Debian 12) cannot run it as built: it gives up on the DWARF 5 debug info
# ("ensure_valid failed ... Possibly corrupted debuginfo file"), so callgrind runs a copy with
# the debug info stripped (symbols kept: `objcopy --strip-debug`); and it dies in rt_sigsuspend
# on libdispatch's read-only signal mask, so valgrind_sigsuspend_shim.c is LD_PRELOADed.
# Start-up, shutdown and a warm-up of $WARM calls (default 2000) are left out of the counts
# (callgrind_control --zero, then --dump). Output: $BENCH_OUT (default .build-bench-rpc/).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
BODY=${1:-empty}
N=${2:-20000}
C=${3:-8}
M=${4:-32}
WARM=${WARM:-2000}
PORT=${PORT:-50163}
OUT=${BENCH_OUT:-$ROOT/.build-bench-rpc}
PY="$ROOT/.venv/bin/python"
# SERVER=baseline profiles grpc-swift-baseline instead (same load; compare instructions per call).
SERVER=${SERVER:-ours}
if [[ $SERVER == baseline ]]; then
  BIN="$ROOT/Benchmarks/GRPCSwiftBaseline/.build-release/release/grpc-swift-baseline"
  SERVER_ARGS=(--host 127.0.0.1 --port "$PORT")
else
  BIN=${CRAFTD:-$ROOT/.build-release/release/craftd}
  SERVER_ARGS=(interop --host 127.0.0.1 --port "$PORT" --log-level warning)
  # One event loop, as rpc.sh runs it (EVENT_LOOPS= for craftd's default).
  EVENT_LOOPS=${EVENT_LOOPS-1}
  [[ -n "$EVENT_LOOPS" ]] && SERVER_ARGS+=(--event-loops "$EVENT_LOOPS")
fi
[[ -x "$BIN" ]] || { echo "profile.sh: $BIN missing; run Deploy/bench/rpc.sh first" >&2; exit 1; }
case "$BODY" in
  empty) METHOD=/grpc.testing.TestService/EmptyCall ;;
  unary-*) METHOD=/grpc.testing.TestService/UnaryCall ;;
  *) echo "profile.sh: body is empty, unary-100B or unary-4KiB" >&2; exit 2 ;;
esac
mkdir -p "$OUT"
"$PY" "$ROOT/Deploy/bench/grpc_bench.py" bodies "$OUT" 2>/dev/null
VG_BIN="$OUT/$(basename "$BIN")-nodebug"
objcopy --strip-debug "$BIN" "$VG_BIN"
SHIM="$OUT/sigsuspend_shim.so"
gcc -O2 -shared -fPIC -o "$SHIM" "$ROOT/Deploy/bench/valgrind_sigsuspend_shim.c" -ldl

SERVER_PID=""
stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 300); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}
trap stop_server EXIT

wait_listening() {
  for _ in $(seq 600); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then return 0; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "profile.sh: server exited" >&2; exit 1; }
    sleep 0.1
  done
  echo "profile.sh: server did not listen" >&2; exit 1
}

load() { # requests
  taskset -c 1 h2load -t 1 -c "$C" -m "$M" -n "$1" -H 'content-type: application/grpc' \
    -H 'te: trailers' -d "$OUT/$BODY.body" "http://127.0.0.1:$PORT$METHOD" | grep -E '^(finished|requests|status)'
}

# Under callgrind: warm up (connections, first-call paths, valgrind's translations), zero the
# counters, run the measured load, dump. The dump then holds exactly the measured calls.
echo "profile.sh: callgrind, $BODY, ${C}x$M, $N calls after $WARM warm-up calls" >&2
rm -f "$OUT/callgrind.$SERVER.$BODY.out"*
LD_PRELOAD="$SHIM" taskset -c 0 valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.$SERVER.$BODY.out" \
  "$VG_BIN" "${SERVER_ARGS[@]}" >"$OUT/callgrind.$SERVER.log" 2>&1 &
SERVER_PID=$!
wait_listening
load "$WARM" >&2
callgrind_control --zero "$SERVER_PID" >/dev/null
load "$N" >&2
callgrind_control --dump=measured "$SERVER_PID" >/dev/null
stop_server
dump=$(ls -t "$OUT/callgrind.$SERVER.$BODY.out".* | head -1)
total=$(callgrind_annotate "$dump" | sed -n 's/^\([0-9,]*\) .*PROGRAM TOTALS.*/\1/p' | tr -d ,)
echo
echo "callgrind: $SERVER $BODY ${C}x$M: $total instructions for $N calls ($dump)"
awk -v t="$total" -v n="$N" 'BEGIN { printf "=> %.0f instructions per call\n\n", t / n }'
"$PY" "$ROOT/Deploy/bench/callgrind_groups.py" "$dump" "$N" 30

if [[ "${PERF:-0}" == 1 ]]; then
  echo
  echo "perf record -e cpu-clock -g: $BODY ${C}x$M, 400000 calls, no valgrind"
  taskset -c 0 "$BIN" "${SERVER_ARGS[@]}" >"$OUT/perf.$SERVER.log" 2>&1 &
  SERVER_PID=$!
  wait_listening
  load 20000 >/dev/null
  perf record -e cpu-clock -g -p "$SERVER_PID" -o "$OUT/perf.$SERVER.data" 2>/dev/null &
  perf_pid=$!
  load 400000
  kill -INT "$perf_pid"; wait "$perf_pid" 2>/dev/null || true
  stop_server
  perf report -i "$OUT/perf.$SERVER.data" --no-children --sort dso,symbol --stdio 2>/dev/null \
    | swift demangle --simplified | grep -v '^#' | grep -E '^ +[0-9]' | head -40
fi
