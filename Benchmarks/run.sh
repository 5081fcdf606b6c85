#!/usr/bin/env bash
# Builds a benchmark in release mode and runs it; the remaining arguments go to it.
#   Benchmarks/run.sh [ARGS]            craft-bench: our codec against swift-protobuf
#                                       (e.g. `--quick`, `--filter decode`)
#   Benchmarks/run.sh catalogue [ARGS]  catalogue-bench: search latency and import rate on
#                                       100,000 listings (e.g. `--quick`, `--db /tmp/cat.sqlite`)
#   Benchmarks/run.sh matching [ARGS]   matching-bench: ranking latency over 50,000 listings /
#                                       5,000 producers (e.g. `--quick`, `--filter rfq`)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
product=craft-bench
case "${1:-}" in
  catalogue) product=catalogue-bench; shift ;;
  matching) product=matching-bench; shift ;;
esac
swift build -c release --scratch-path .build-bench --product "$product" >&2
exec ".build-bench/release/$product" "$@"
