#!/usr/bin/env bash
# Rich errors end to end (Tests/ErrorDetailsE2E): a stock Python grpcio client reads the
# google.rpc.Status and BadRequest of INVALID_ARGUMENT answers with grpcio-status
# (`grpc_status.rpc_status.from_call`) from `.build/debug/craftd serve --demo` over real HTTP/2,
# one method per service.
# Assumes Deploy/setup.sh has run (.venv/) and `swift build` has built craftd.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PY="$ROOT/.venv/bin/python"
[ -x "$PY" ] || { echo "58-error-details-e2e: $PY missing: run Deploy/setup.sh first" >&2; exit 1; }
[ -x ".build/debug/craftd" ] || { echo "58-error-details-e2e: .build/debug/craftd missing: run swift build" >&2; exit 1; }
exec "$PY" -m pytest -q -rfEs Tests/ErrorDetailsE2E "$@"
