#!/usr/bin/env bash
# Operations end to end (Tests/OperationsE2E): JSON logs carry the caller's W3C trace id;
# `craftd health` answers by exit status; `craftd backup` of a demo craftd while concurrent
# grpcio clients create listings and orders; `craftd restore` refuses the live data directory and
# restores into a new one; a craftd on the copy passes integrity_check, has every write
# acknowledged before the backup began, nothing half-written, and feeds (catalogue, orders,
# matching's read model) carry on with strictly increasing seqs.
# Assumes Deploy/setup.sh has run (.venv/) and `swift build` has built craftd.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PY="$ROOT/.venv/bin/python"
[ -x "$PY" ] || { echo "70-operations-e2e: $PY missing: run Deploy/setup.sh first" >&2; exit 1; }
[ -x ".build/debug/craftd" ] || { echo "70-operations-e2e: .build/debug/craftd missing: run swift build" >&2; exit 1; }
exec "$PY" -m pytest -q -rfEs Tests/OperationsE2E "$@"
