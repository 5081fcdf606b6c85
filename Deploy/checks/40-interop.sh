#!/usr/bin/env bash
# gRPC interop: the stock Python grpcio client suite in Tests/Interop/ (every plaintext case of
# grpc/grpc doc/interop-test-descriptions.md, health, reflection, raw HTTP/2 checks) against
#   .build/debug/craftd interop --host 127.0.0.1 --port PORT
# started and stopped (SIGTERM -> exit 0 within 10 s) by Tests/Interop/conftest.py.
# Stubs come from the upstream protos in /usr/share/grpc-proto (apt package grpc-proto).
# Assumes Deploy/setup.sh has run (.venv/) and `swift build` has built craftd.
#
# Also by hand:
#   Deploy/checks/40-interop.sh                          craftd, as CI runs it
#   INTEROP_SERVER=reference Deploy/checks/40-interop.sh the suite against its Python reference
#   CRAFT_INTEROP_ADDR=127.0.0.1:50051 Deploy/checks/40-interop.sh   an already-running server
# Extra arguments go to pytest (e.g. -k ping_pong -x).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

PY="$ROOT/.venv/bin/python"
[ -x "$PY" ] || { echo "40-interop: $PY missing: run Deploy/setup.sh first" >&2; exit 1; }

if [ "${INTEROP_SERVER:-craftd}" = reference ]; then
  export CRAFT_INTEROP_SERVER="$PY Tests/Interop/reference_server.py --host 127.0.0.1 --port {port}"
elif [ -z "${CRAFT_INTEROP_ADDR:-}" ] && [ -z "${CRAFT_INTEROP_SERVER:-}" ]; then
  if [ ! -x .build/debug/craftd ]; then
    echo "40-interop: .build/debug/craftd missing: run swift build first" >&2
    exit 1
  fi
  export CRAFT_INTEROP_SERVER=".build/debug/craftd interop --host 127.0.0.1 --port {port}"
fi

exec "$PY" -m pytest -q -p no:cacheprovider -rxXfEs Tests/Interop "$@"
