#!/usr/bin/env bash
# The orders service end to end (Tests/OrdersE2E): a stock Python grpcio client, with stubs
# generated from Protos/, against `.build/debug/craftd serve --demo` over real HTTP/2, with buyer
# and producer tokens from `craftd token`: a quote walked to a completed order, the wrong party
# refused (PERMISSION_DENIED) at each step, and CreateOrder retried by request id across a
# SIGKILL: every acknowledged purchase exactly once, nothing half-written.
# Assumes Deploy/setup.sh has run (.venv/) and `swift build` has built craftd.
# Extra arguments go to pytest (e.g. -k sigkill -x).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PY="$ROOT/.venv/bin/python"
[ -x "$PY" ] || { echo "60-orders-e2e: $PY missing: run Deploy/setup.sh first" >&2; exit 1; }
[ -x ".build/debug/craftd" ] || { echo "60-orders-e2e: .build/debug/craftd missing: run swift build" >&2; exit 1; }
exec "$PY" -m pytest -q -rfEs Tests/OrdersE2E "$@"
