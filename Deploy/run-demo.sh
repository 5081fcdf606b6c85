#!/usr/bin/env bash
# Runs the server with demo data on 127.0.0.1:50051 (data under .data/demo).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash Deploy/setup.sh
exec swift run craftd serve --demo --data-dir .data/demo --host 127.0.0.1 --port 50051
