#!/usr/bin/env bash
# Matching end to end (Tests/MatchingE2E): a stock Python grpcio client, with stubs generated
# from Protos/, against `.build/debug/craftd serve --demo` over real HTTP/2, with tokens from
# `craftd token`: the demo market (200 buyers, ~500 open RFQs), a buyer's RFQ ranked with nine
# bilingual reasons, an introduction whose contacts appear only after the producer accepts, a
# producer asking for new buyers, and `craftctl match rfq` as a table and as JSON.
# Assumes Deploy/setup.sh has run (.venv/) and `swift build` has built craftd and craftctl.
# Extra arguments go to pytest (e.g. -k introduction -x).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PY="$ROOT/.venv/bin/python"
[ -x "$PY" ] || { echo "55-matching-e2e: $PY missing: run Deploy/setup.sh first" >&2; exit 1; }
for bin in craftd craftctl; do
  [ -x ".build/debug/$bin" ] || { echo "55-matching-e2e: .build/debug/$bin missing: run swift build" >&2; exit 1; }
done
exec "$PY" -m pytest -q -rfEs Tests/MatchingE2E "$@"
