#!/usr/bin/env bash
# Builds a benchmark in release mode and runs it; the remaining arguments go to it.
#   Benchmarks/run.sh [ARGS]            craft-bench: our codec against swift-protobuf
#                                       (e.g. `--quick`, `--filter decode`)
#   Benchmarks/run.sh catalogue [ARGS]  catalogue-bench: search latency and import rate on
#                                       100,000 listings (e.g. `--quick`, `--db /tmp/cat.sqlite`)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
product=craft-bench
if [[ "${1:-}" == "catalogue" ]]; then
  product=catalogue-bench
  shift
fi
swift build -c release --scratch-path .build-bench --product "$product" >&2
exec ".build-bench/release/$product" "$@"
