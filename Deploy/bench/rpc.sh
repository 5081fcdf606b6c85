#!/usr/bin/env bash
# RPC benchmark: craftd (gRPC on libnghttp2 + SwiftNIO) against grpc-swift-2 2.4.3 on the same
# grpc.testing.TestService workloads, in one run, with h2load as the load generator.
#
#   Deploy/bench/rpc.sh                    build both servers (release), check, measure, print
#   Deploy/bench/rpc.sh --no-build         reuse the existing release binaries
#   Deploy/bench/rpc.sh --only ours        measure one side (ours | baseline); no ratio table
#   Deploy/bench/rpc.sh --no-floor         skip the 1x1 latency floor (nghttpd, below)
#   N_LOAD=100000 N_LAT=5000 Deploy/bench/rpc.sh   fewer requests (defaults 400000 and 20000)
#   EVENT_LOOPS= Deploy/bench/rpc.sh       craftd with its default event loops (default here: 1)
#
# Each server runs pinned to core 0 (`taskset -c 0`), h2load to core 1 (`taskset -c 1`), one
# server at a time. Workloads: EmptyCall, UnaryCall with a 100 B and with a 4 KiB response (the
# request carries a payload of the same size), each at 8 connections x 32 streams (throughput)
# and at 1 x 1 (latency). Per workload it prints:
#   req/s        h2load's "finished in ..., N req/s"
#   p50 / p99    per-request times from h2load --log-file (h2load itself prints min/max/mean only)
#   CPU-us/call  server utime+stime (/proc/PID/stat) over the run / requests
#   RSS          server VmRSS (/proc/PID/status) after the run
# Before any load it checks each workload against each server twice: the exact body file through
# `nghttp -v` (HTTP 200 and trailer grpc-status: 0 -- h2load only counts HTTP statuses) and a
# grpcio call (status OK, response payload of the asked-for size). h2load must report every
# request succeeded with a 2xx, or the script fails.
#
# The floor: before the servers, the same 1x1 request (POST, same headers and body) against
# nghttpd serving a 5-byte file, pinned the same way -- a minimal HTTP/2 round trip on this
# machine, no gRPC and no Swift. craftd's 1x1 p50s are printed as multiples of its p50, which
# says how much of the latency is ours and how much the machine's (loopback, scheduling, h2load).
# nghttpd comes from apt nghttp2-server; installed here when missing (as root).
#
# Needs (all from Deploy/setup.sh): h2load and nghttp (apt nghttp2-client), the project's .venv
# (grpcio, grpcio-tools), /usr/share/grpc-proto (apt grpc-proto); taskset (util-linux).
# Results (bodies, h2load logs, server logs) go to $BENCH_OUT (default .build-bench-rpc/).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"

BUILD=1
ONLY=""
FLOOR=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --only) ONLY="$2"; shift ;;
    --no-floor) FLOOR=0 ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "rpc.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

N_LOAD=${N_LOAD:-400000}     # requests per 8x32 run
N_LAT=${N_LAT:-20000}        # requests per 1x1 run
N_WARM=${N_WARM:-20000}      # warm-up requests per server (not measured)
PORT_OURS=${PORT_OURS:-50161}
PORT_BASE=${PORT_BASE:-50162}
PORT_FLOOR=${PORT_FLOOR:-50164}
SERVER_CPU=${SERVER_CPU:-0}
# craftd's event loops: one, as the server is pinned to one core (empty: craftd's default).
EVENT_LOOPS=${EVENT_LOOPS-1}
LOAD_CPU=${LOAD_CPU:-1}
OUT=${BENCH_OUT:-$ROOT/.build-bench-rpc}
PY="$ROOT/.venv/bin/python"
HELPER="$ROOT/Deploy/bench/grpc_bench.py"
BASE_DIR="$ROOT/Benchmarks/GRPCSwiftBaseline"
OURS_BIN="$ROOT/.build-release/release/craftd"
BASE_BIN="$BASE_DIR/.build-release/release/grpc-swift-baseline"
CLK_TCK=$(getconf CLK_TCK)

for tool in h2load nghttp taskset; do
  command -v "$tool" >/dev/null || { echo "rpc.sh: $tool missing (apt-get install nghttp2-client util-linux)" >&2; exit 1; }
done
[[ -x "$PY" ]] || { echo "rpc.sh: $PY missing; run Deploy/setup.sh first" >&2; exit 1; }
[[ -d /usr/share/grpc-proto/grpc/testing ]] || { echo "rpc.sh: /usr/share/grpc-proto missing" >&2; exit 1; }

SIDES=(ours baseline)
[[ -n "$ONLY" ]] && SIDES=("$ONLY")

if [[ $FLOOR == 1 ]] && ! command -v nghttpd >/dev/null; then
  echo "rpc.sh: installing nghttp2-server (nghttpd, for the latency floor)" >&2
  if [[ $(id -u) -ne 0 ]]; then
    echo "rpc.sh: nghttpd missing and not root: apt-get install nghttp2-server, or --no-floor" >&2
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nghttp2-server >/dev/null
fi

if [[ $BUILD == 1 ]]; then
  for side in "${SIDES[@]}"; do
    if [[ $side == ours ]]; then
      echo "rpc.sh: building craftd (release, .build-release)" >&2
      swift build -c release --scratch-path .build-release --product craftd >&2
    else
      echo "rpc.sh: building grpc-swift-baseline (release, Benchmarks/GRPCSwiftBaseline/.build-release)" >&2
      (cd "$BASE_DIR" && swift build -c release --scratch-path .build-release --product grpc-swift-baseline >&2)
    fi
  done
fi

mkdir -p "$OUT"
"$PY" "$HELPER" bodies "$OUT" 2>/dev/null

# name | method path | body file | connections | streams | requests
WORKLOADS=(
  "EmptyCall 8x32|/grpc.testing.TestService/EmptyCall|empty|8|32|$N_LOAD"
  "Unary 100B 8x32|/grpc.testing.TestService/UnaryCall|unary-100B|8|32|$N_LOAD"
  "Unary 4KiB 8x32|/grpc.testing.TestService/UnaryCall|unary-4KiB|8|32|$N_LOAD"
  "EmptyCall 1x1|/grpc.testing.TestService/EmptyCall|empty|1|1|$N_LAT"
  "Unary 100B 1x1|/grpc.testing.TestService/UnaryCall|unary-100B|1|1|$N_LAT"
  "Unary 4KiB 1x1|/grpc.testing.TestService/UnaryCall|unary-4KiB|1|1|$N_LAT"
)
H2LOAD_HEADERS=(-H 'content-type: application/grpc' -H 'te: trailers')

SERVER_PID=""
stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT

start_server() { # side port
  local side=$1 port=$2
  if [[ $side == ours ]]; then
    taskset -c "$SERVER_CPU" "$OURS_BIN" interop --host 127.0.0.1 --port "$port" --log-level warning \
      ${EVENT_LOOPS:+--event-loops "$EVENT_LOOPS"} >"$OUT/$side.log" 2>&1 &
  else
    taskset -c "$SERVER_CPU" "$BASE_BIN" --host 127.0.0.1 --port "$port" >"$OUT/$side.log" 2>&1 &
  fi
  SERVER_PID=$!
  for _ in $(seq 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "rpc.sh: $side exited; see $OUT/$side.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "rpc.sh: $side did not listen on $port" >&2
  exit 1
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }

check_server() { # side port
  local side=$1 port=$2 w name path body
  for w in "${WORKLOADS[@]:0:3}"; do
    IFS='|' read -r name path body _ <<<"$w"
    nghttp -v "${H2LOAD_HEADERS[@]}" -d "$OUT/$body.body" "http://127.0.0.1:$port$path" \
      >"$OUT/$side-$body.nghttp" 2>&1 || true
    if ! "$PY" "$HELPER" nghttp-check "$OUT/$side-$body.nghttp"; then
      echo "rpc.sh: $side $path with $body.body: no HTTP 200 + grpc-status: 0; see $OUT/$side-$body.nghttp" >&2
      exit 1
    fi
    echo "  $side $body: nghttp HTTP 200, trailer grpc-status: 0" >&2
  done
  "$PY" "$HELPER" check "127.0.0.1:$port" "$OUT" || { echo "rpc.sh: $side failed the grpcio check" >&2; exit 1; }
}

run_h2load() { # port path body conns streams requests logfile -> h2load output on stdout
  local port=$1 path=$2 body=$3 conns=$4 streams=$5 requests=$6 log=$7
  taskset -c "$LOAD_CPU" h2load -t 1 -c "$conns" -m "$streams" -n "$requests" \
    "${H2LOAD_HEADERS[@]}" -d "$OUT/$body.body" ${log:+--log-file "$log"} \
    "http://127.0.0.1:$port$path"
}

declare -A RESULT # "side|workload" -> "rps p50 p99 cpu rss"

# run_measured SIDE NAME PORT PATH BODY CONNS STREAMS REQUESTS: one h2load run against the
# server in $SERVER_PID; checks every request succeeded, records RESULT["SIDE|NAME"], prints it.
run_measured() {
  local side=$1 name=$2 port=$3 path=$4 body=$5 conns=$6 streams=$7 requests=$8
  local tag="$side-$body-${conns}x$streams" before after rss summary succeeded ok2xx rps p50 p99 cpu
  before=$(cpu_ticks "$SERVER_PID")
  run_h2load "$port" "$path" "$body" "$conns" "$streams" "$requests" "$OUT/$tag.log" >"$OUT/$tag.h2load"
  after=$(cpu_ticks "$SERVER_PID")
  rss=$(rss_kib "$SERVER_PID")
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "rpc.sh: $side died during $name" >&2; exit 1; }
  summary=$(grep -E '^requests:' "$OUT/$tag.h2load")
  succeeded=$(sed -E 's/.* ([0-9]+) succeeded.*/\1/' <<<"$summary")
  ok2xx=$(grep -E '^status codes:' "$OUT/$tag.h2load" | sed -E 's/status codes: ([0-9]+) 2xx.*/\1/')
  if [[ "$succeeded" != "$requests" || "$ok2xx" != "$requests" ]]; then
    echo "rpc.sh: $side $name: $summary; see $OUT/$tag.h2load" >&2
    exit 1
  fi
  rps=$(sed -nE 's/^finished in [^,]+, ([0-9.]+) req\/s.*/\1/p' "$OUT/$tag.h2load")
  read -r p50 p99 < <("$PY" "$HELPER" latency "$OUT/$tag.log")
  cpu=$(awk -v d=$((after - before)) -v t="$CLK_TCK" -v n="$requests" 'BEGIN { printf "%.2f", d / t * 1e6 / n }')
  RESULT["$side|$name"]="$rps $p50 $p99 $cpu $rss"
  printf '  %-8s %-16s %10.0f req/s  p50 %s ms  p99 %s ms  %s CPU-us/call  RSS %d KiB\n' \
    "$side" "$name" "$rps" "$p50" "$p99" "$cpu" "$rss" >&2
}

FLOOR_NAME="Floor 1x1"
if [[ $FLOOR == 1 ]]; then
  mkdir -p "$OUT/floor"
  printf 'floor' >"$OUT/floor/tiny"
  echo "rpc.sh: floor: nghttpd serving a 5-byte file on 127.0.0.1:$PORT_FLOOR (cpu $SERVER_CPU)" >&2
  taskset -c "$SERVER_CPU" nghttpd --no-tls --address 127.0.0.1 -d "$OUT/floor" "$PORT_FLOOR" \
    >"$OUT/floor.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT_FLOOR") 2>/dev/null && break
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "rpc.sh: nghttpd exited; see $OUT/floor.log" >&2; exit 1; }
    sleep 0.1
  done
  run_h2load "$PORT_FLOOR" /tiny empty 1 1 "$N_WARM" "" >/dev/null
  run_measured floor "$FLOOR_NAME" "$PORT_FLOOR" /tiny empty 1 1 "$N_LAT"
  stop_server
fi

for side in "${SIDES[@]}"; do
  if [[ $side == ours ]]; then port=$PORT_OURS; bin=$OURS_BIN; else port=$PORT_BASE; bin=$BASE_BIN; fi
  [[ -x "$bin" ]] || { echo "rpc.sh: $bin missing (run without --no-build)" >&2; exit 1; }
  echo "rpc.sh: $side: starting $(basename "$bin") on 127.0.0.1:$port (cpu $SERVER_CPU)" >&2
  start_server "$side" "$port"
  check_server "$side" "$port"
  # Warm-up: connection set-up, allocator and code paths; not measured.
  run_h2load "$port" /grpc.testing.TestService/EmptyCall empty 8 32 "$N_WARM" "" >/dev/null
  run_h2load "$port" /grpc.testing.TestService/UnaryCall unary-4KiB 8 32 "$N_WARM" "" >/dev/null
  for w in "${WORKLOADS[@]}"; do
    IFS='|' read -r name path body conns streams requests <<<"$w"
    run_measured "$side" "$name" "$port" "$path" "$body" "$conns" "$streams" "$requests"
  done
  threads=$(awk '/^Threads:/ { print $2 }' "/proc/$SERVER_PID/status")
  peak=$(awk '/^VmHWM:/ { print $2 }' "/proc/$SERVER_PID/status")
  echo "rpc.sh: $side: $threads threads, peak RSS $peak KiB" >&2
  stop_server
done

echo
echo "RPC benchmark: server pinned to cpu $SERVER_CPU, h2load to cpu $LOAD_CPU; $(nproc) cpus, $(uname -r)"
echo "8x32 runs: $N_LOAD requests; 1x1 runs: $N_LAT requests; latencies in ms from h2load --log-file"
echo
printf '| %-16s | %-15s | %9s | %7s | %7s | %11s | %8s |\n' workload server req/s "p50 ms" "p99 ms" "CPU-us/call" "RSS MiB"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' ------------------ ----------------- ----------- --------- --------- ------------- ----------
for w in "${WORKLOADS[@]}"; do
  IFS='|' read -r name _ <<<"$w"
  for side in "${SIDES[@]}"; do
    read -r rps p50 p99 cpu rss <<<"${RESULT["$side|$name"]}"
    label=$([[ $side == ours ]] && echo craftd || echo grpc-swift-2)
    printf '| %-16s | %-15s | %9.0f | %7s | %7s | %11s | %8.1f |\n' "$name" "$label" "$rps" "$p50" "$p99" "$cpu" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
  done
done

if [[ $FLOOR == 1 ]]; then
  read -r rps p50 p99 cpu rss <<<"${RESULT["floor|$FLOOR_NAME"]}"
  printf '| %-16s | %-15s | %9.0f | %7s | %7s | %11s | %8.1f |\n' "$FLOOR_NAME" "nghttpd (file)" "$rps" "$p50" "$p99" "$cpu" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
  echo
  echo "1x1 p50 as a multiple of the floor (nghttpd answering the same POST with a 5-byte file: $p50 ms)"
  echo
  for w in "${WORKLOADS[@]:3}"; do
    IFS='|' read -r name _ <<<"$w"
    for side in "${SIDES[@]}"; do
      read -r _ s50 _ <<<"${RESULT["$side|$name"]}"
      label=$([[ $side == ours ]] && echo craftd || echo grpc-swift-2)
      awk -v n="$name" -v l="$label" -v a="$s50" -v f="$p50" \
        'BEGIN { printf "  %-16s %-13s p50 %s ms = %.2fx the floor\n", n, l, a, (f > 0 ? a / f : 0) }'
    done
  done
fi

if [[ ${#SIDES[@]} == 2 ]]; then
  echo
  echo "Ratio craftd / grpc-swift-2 (req/s: higher is better; latency, CPU, RSS: lower is better)"
  echo
  printf '| %-16s | %7s | %7s | %7s | %11s | %7s |\n' workload req/s p50 p99 CPU/call RSS
  printf '|%s|%s|%s|%s|%s|%s|\n' ------------------ --------- --------- --------- ------------- ---------
  for w in "${WORKLOADS[@]}"; do
    IFS='|' read -r name _ <<<"$w"
    read -r a_rps a_p50 a_p99 a_cpu a_rss <<<"${RESULT["ours|$name"]}"
    read -r b_rps b_p50 b_p99 b_cpu b_rss <<<"${RESULT["baseline|$name"]}"
    awk -v n="$name" -v r1="$a_rps" -v r2="$b_rps" -v l1="$a_p50" -v l2="$b_p50" -v q1="$a_p99" -v q2="$b_p99" \
      -v c1="$a_cpu" -v c2="$b_cpu" -v m1="$a_rss" -v m2="$b_rss" '
      function ratio(x, y) { return y > 0 ? sprintf("%.2fx", x / y) : "-" }
      BEGIN { printf "| %-16s | %7s | %7s | %7s | %11s | %7s |\n", n, ratio(r1, r2), ratio(l1, l2), ratio(q1, q2), ratio(c1, c2), ratio(m1, m2) }'
  done
fi
