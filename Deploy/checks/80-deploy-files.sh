#!/usr/bin/env bash
# The deployment files (Deploy/Dockerfile, compose.yaml, envoy/, k8s/, systemd/, README.md)
# parsed and checked against each other, Protos/ and the built craftd's --help (Tests/Deploy):
# a renamed flag or variable, a moved port or a service without a route fails here.
# `systemd-analyze verify` runs on the units when it is installed. No Docker engine needed.
# Assumes Deploy/setup.sh has run (.venv/ with PyYAML) and `swift build` has built craftd.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
PY="$ROOT/.venv/bin/python"
[ -x "$PY" ] || { echo "80-deploy-files: $PY missing: run Deploy/setup.sh first" >&2; exit 1; }
[ -x ".build/debug/craftd" ] || { echo "80-deploy-files: .build/debug/craftd missing: run swift build" >&2; exit 1; }
exec "$PY" -m pytest -q -rfEs Tests/Deploy "$@"
