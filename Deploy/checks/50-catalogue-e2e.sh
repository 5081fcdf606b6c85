#!/usr/bin/env bash
# The catalogue end to end (Tests/CatalogueE2E): a stock Python grpcio client, with stubs
# generated from Protos/, against `.build/debug/craftd serve --demo` over real HTTP/2, with
# tokens from `craftd token`: producer-owned writes, search without diacritics,
# PERMISSION_DENIED / UNAUTHENTICATED, revocation, a CSV import through craftctl, the change feed
# across a restart, and acknowledged writes surviving SIGKILL (integrity_check included).
# Assumes Deploy/setup.sh has run (.venv/) and `swift build` has built craftd and craftctl.
# Extra arguments go to pytest (e.g. -k kill -x).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PY="$ROOT/.venv/bin/python"
[ -x "$PY" ] || { echo "50-catalogue-e2e: $PY missing: run Deploy/setup.sh first" >&2; exit 1; }
for bin in craftd craftctl; do
  [ -x ".build/debug/$bin" ] || { echo "50-catalogue-e2e: .build/debug/$bin missing: run swift build" >&2; exit 1; }
done
exec "$PY" -m pytest -q -rfEs Tests/CatalogueE2E "$@"
