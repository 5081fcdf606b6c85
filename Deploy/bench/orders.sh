#!/usr/bin/env bash
# Orders benchmark: CreateOrder throughput and p50/p99 latency with catalogue validation over
# loopback RPC, the catalogue and the orders service in SEPARATE craftd processes (release
# build, durable commits: SQLite WAL with synchronous=FULL, each order acknowledged only after
# its commit). Goal (issue 6): >= 3,000 orders/s.
#
#   Deploy/bench/orders.sh                 build (release), start both servers, measure, print
#   Deploy/bench/orders.sh --no-build      reuse the release binaries
#   COUNT=5000 CONCURRENCY=32 CONNECTIONS=2 LINES=3 Deploy/bench/orders.sh
#   CRAFTD=/path/to/other/craftd Deploy/bench/orders.sh --no-build   another build's servers
#                                          (a before/after comparison with the same client)
#   BEFORE=/path/to/old/craftd RUNS=3 Deploy/bench/orders.sh --no-build   group commit only,
#                                          RUNS rounds alternating an orders server of the
#                                          BEFORE build and one of this build (same catalogue,
#                                          same client), then each round's ratios new ÷ old
#   PERF=1 Deploy/bench/orders.sh --no-build   also `perf record -e cpu-clock -g` both servers
#                                          and the client during the group-commit run, and
#                                          print where each spends its CPU per call
#                                          (Deploy/bench/perf_stages.py; perf slows the run)
#
# It measures the orders service twice against the same catalogue: with each order committed
# on its own (`craftd serve --orders-write-batch 1`, one fsync per order: the "before") and
# with group commit (the default: orders arriving during one fsync share the next commit,
# each answered only after that commit; one that fails leaves nothing of it).
#
# In the same run, with the same callers, Benchmarks/Sources/orders-bench measures as a
# baseline the catalogue's BatchGetListings (the validation call CreateOrder makes; concurrent
# orders share one), then CreateOrder, then re-sends the first request ids and checks they
# come back replayed. It prints calls/s, p50 and p99 of each and CreateOrder/s as a ratio of
# the baseline, and this script adds each server's CPU seconds per call (utime+stime from
# /proc/PID/stat) and the orders server's disk writes per order (write_bytes from
# /proc/PID/io: WAL frames and checkpoints).
#
# Both servers and the client share this machine's cores (nothing is pinned), so the figures
# are for everything on one host. Servers' logs and data go to $BENCH_OUT
# (default .build-bench-orders/), removed at the start of each run.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"

source "$ROOT/Deploy/bench/lib.sh"
bench_parse_args "${BASH_SOURCE[0]}" "$@"

COUNT=${COUNT:-20000}          # orders with group commit
SERIAL_COUNT=${SERIAL_COUNT:-2000}   # orders with one commit each (a few hundred per second)
BATCH=${BATCH:-256}             # craftd's default --orders-write-batch
CONCURRENCY=${CONCURRENCY:-64}
CONNECTIONS=${CONNECTIONS:-4}
LINES=${LINES:-1}
OUT=${BENCH_OUT:-$ROOT/.build-bench-orders}
BIN="$ROOT/Benchmarks/.build-bench/release"
CRAFTD=${CRAFTD:-$BIN/craftd}
CLK_TCK=$(getconf CLK_TCK)

if [[ $BUILD == 1 ]]; then
  echo "orders.sh: building craftd and orders-bench (release, Benchmarks/.build-bench)" >&2
  (cd Benchmarks && swift build -c release --scratch-path .build-bench --product craftd >&2 \
    && swift build -c release --scratch-path .build-bench --product orders-bench >&2)
fi

rm -rf "$OUT"
mkdir -p "$OUT"
# The servers this script started, by the pid files `start` writes (it runs in a subshell).
cleanup() {
  for file in "$OUT"/*.pid; do [[ -f "$file" ]] && kill "$(cat "$file")" 2>/dev/null || true; done
}
trap cleanup EXIT

# Starts craftd ($SERVER, default $CRAFTD) with the given arguments, logging to $OUT/$1.log;
# prints the port it serves on.
start() {
  local name=$1; shift
  "${SERVER:-$CRAFTD}" serve --host 127.0.0.1 --port 0 "$@" >"$OUT/$name.log" 2>&1 &
  echo $! >"$OUT/$name.pid"
  craftd_port "$OUT/$name.log" "$(cat "$OUT/$name.pid")"
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
written_bytes() { awk '/^write_bytes/ {print $2}' "/proc/$1/io"; }

# The processes of one deployment share an auth directory (auth.key, the token registry).
AUTH="$OUT/auth"
CAT_PORT=$(start catalogue --demo --services catalogue --data-dir "$OUT/catalogue" --auth-dir "$AUTH")
CAT_PID=$(cat "$OUT/catalogue.pid")
echo "orders.sh: catalogue on :$CAT_PORT (pid $CAT_PID)"

# One orders server with group commit of up to $1 writes, a fresh database, $2 orders; $3
# names the run (its files in $OUT).
measure() {
  local batch=$1 count=$2 name="orders-batch-$1${3:+-$3}"
  local port pid token
  port=$(start "$name" --services orders --catalogue-addr "127.0.0.1:$CAT_PORT" \
    --orders-write-batch "$batch" --data-dir "$OUT/$name" --auth-dir "$AUTH")
  pid=$(cat "$OUT/$name.pid")
  token=$("$CRAFTD" token issue --data-dir "$AUTH" --role buyer --subject byr-bench 2>/dev/null)
  echo
  echo "== orders service, --orders-write-batch $batch (pid $pid, :$port), $count orders${3:+ [$3]}"
  local cat0 ord0 cat1 ord1 io0 io1
  cat0=$(cpu_ticks "$CAT_PID"); ord0=$(cpu_ticks "$pid"); io0=$(written_bytes "$pid")
  local profile=() perfs=()
  if [[ "${PERF:-0}" == 1 && $batch != 1 ]]; then
    for server in catalogue:$CAT_PID orders:$pid; do
      perf record -q -e cpu-clock -g -o "$OUT/${server%%:*}.perf" -p "${server#*:}" 2>/dev/null &
      perfs+=($!)
    done
    profile=(perf record -q -e cpu-clock -g -o "$OUT/client.perf" --)
  fi
  "${profile[@]}" "$BIN/orders-bench" --orders "127.0.0.1:$port" --catalogue "127.0.0.1:$CAT_PORT" --token "$token" \
    --count "$count" --concurrency "$CONCURRENCY" --connections "$CONNECTIONS" --lines "$LINES" \
    | tee "$OUT/$name.txt"
  cat1=$(cpu_ticks "$CAT_PID"); ord1=$(cpu_ticks "$pid"); io1=$(written_bytes "$pid")
  # Calls in the whole client run: warm-up and timed calls of both phases, the replay check.
  local warm=$(( count / 10 > 100 ? count / 10 : 100 )) check=$(( count < 1000 ? count : 1000 ))
  # The catalogue serves the client's BatchGetListings and the orders' validations (retries
  # too; concurrent orders share a call): its CPU is per direct call or order validated.
  awk -v c=$((cat1 - cat0)) -v o=$((ord1 - ord0)) -v t="$CLK_TCK" -v v=$((2 * (count + warm) + check)) \
    -v orders=$((count + warm + check)) -v w=$((io1 - io0)) 'BEGIN {
    printf "server CPU: catalogue %.1f s (%.0f us per direct BatchGetListings or order validated), orders %.1f s (%.0f us per CreateOrder)\n",
      c / t, c / t / v * 1e6, o / t, o / t / orders * 1e6
    printf "orders disk writes: %.0f MiB (%.1f KiB per CreateOrder)\n", w / 1048576, w / 1024 / orders }'
  if (( ${#perfs[@]} )); then
    kill -INT "${perfs[@]}"; wait "${perfs[@]}" 2>/dev/null || true
    local calls=$((2 * (count + warm) + check))
    for part in "orders:$((count + warm + check))" "catalogue:$calls" "client:$calls"; do
      echo "CPU of the ${part%%:*} (per ${part%%:*} call) by stage:"
      perf script -i "$OUT/${part%%:*}.perf" 2>/dev/null | python3 "$ROOT/Deploy/bench/perf_stages.py" "${part#*:}"
    done
  fi
  kill "$pid"; rm -f "$OUT/$name.pid"
}

if [[ -z "${BEFORE:-}" ]]; then
  # Before: each order its own commit (one fsync each). After: group commit (the default).
  measure 1 "$SERIAL_COUNT"
  measure "$BATCH" "$COUNT"
  exit
fi

# Rounds alternating the BEFORE build's orders server and this build's, then per round:
# CreateOrder/s, p99, orders-server CPU and disk writes per order, as new ÷ old.
for round in $(seq 1 "${RUNS:-3}"); do
  SERVER=$BEFORE measure "$BATCH" "$COUNT" "old-$round"
  measure "$BATCH" "$COUNT" "new-$round"
done 2>&1 | tee "$OUT/rounds.txt"
echo
echo "== new ÷ old, group commit, round by round (old: $BEFORE)"
awk '
  /^== orders service/ { build = ($0 ~ /\[old-/) ? "old" : "new" }
  /^CreateOrder / { rate[build] = $4; p99[build] = $(NF - 1) }
  /^server CPU/ { sub(/.*\(/, ""); cpu[build] = $1 }
  /^orders disk writes/ { sub(/.*\(/, ""); disk[build] = $1
    if (build == "new") {
      printf "round %d: orders/s %.2f (%s vs %s), p99 %.2f, orders CPU per order %.2f, disk writes per order %.2f\n",
        ++n, rate["new"] / rate["old"], rate["new"], rate["old"], p99["new"] / p99["old"],
        cpu["new"] / cpu["old"], disk["new"] / disk["old"]
    }
  }' "$OUT/rounds.txt"
