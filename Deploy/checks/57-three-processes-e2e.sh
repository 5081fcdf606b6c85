#!/usr/bin/env bash
# The three services as separate processes (Tests/ThreeProcessE2E), issue 7 item 1: a stock
# Python grpcio client against three `craftd serve --services X` processes on loopback sharing
# one auth directory — an RFQ in matching proposing producers from the catalogue process, an
# introduction accepted, a quote, an order completed in the orders process, with the matching,
# catalogue and orders processes killed or stopped and restarted on their ports mid-flow; a
# registered --service-token used and its revocation honoured; clear errors for missing or
# wrong addresses; and Deploy/local/run.sh started, checked healthy and stopped (SIGTERM and
# `run.sh stop`).
# Assumes Deploy/setup.sh has run (.venv/) and `swift build` has built craftd.
# Extra arguments go to pytest (e.g. -k run_sh -x).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PY="$ROOT/.venv/bin/python"
[ -x "$PY" ] || { echo "57-three-processes-e2e: $PY missing: run Deploy/setup.sh first" >&2; exit 1; }
[ -x ".build/debug/craftd" ] || { echo "57-three-processes-e2e: .build/debug/craftd missing: run swift build" >&2; exit 1; }
exec "$PY" -m pytest -q -rfEs Tests/ThreeProcessE2E "$@"
