#!/usr/bin/env bash
# Builds craft-bench in release mode and runs it; arguments go to craft-bench
# (e.g. `Benchmarks/run.sh --quick`, `Benchmarks/run.sh --filter decode`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
swift build -c release --scratch-path .build-bench --product craft-bench >&2
exec .build-bench/release/craft-bench "$@"
