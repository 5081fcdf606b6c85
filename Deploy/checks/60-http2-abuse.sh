#!/usr/bin/env bash
# Hostile HTTP/2 peers (Tests/Hardening): rapid reset, CONTINUATION flood, PING and SETTINGS
# floods, a huge header list, WINDOW_UPDATE abuse, a slowloris preface, 2,000 idle connections,
# and a client that never reads — each against its own `.build/debug/craftd interop`, which must
# stay up, keep serving a grpcio client and keep its memory bounded. Run with -s to see the
# figures each test prints. Assumes Deploy/setup.sh (.venv/) and `swift build`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PY="$ROOT/.venv/bin/python"
[ -x "$PY" ] || { echo "60-http2-abuse: $PY missing: run Deploy/setup.sh first" >&2; exit 1; }
[ -x .build/debug/craftd ] || { echo "60-http2-abuse: .build/debug/craftd missing: run swift build" >&2; exit 1; }
exec "$PY" -m pytest -q -s -p no:cacheprovider -rfEs Tests/Hardening "$@"
