#!/usr/bin/env bash
# Fails when the committed contract artefacts do not match Protos/: Sources/craftd/Resources/descriptors.binpb and
# Tests/ContractTests/Vectors/ are regenerated into a temporary directory and compared byte for
# byte. Also fails when grpc_tools.protoc cannot generate Python stubs for Protos/.
# Assumes Deploy/setup.sh has run (.venv/).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/contract-fresh.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

bash Deploy/contract/generate.sh --out-root "$TMP" > "$TMP/generate.log" 2>&1 || {
  cat "$TMP/generate.log" >&2
  echo "10-contract-fresh: Deploy/contract/generate.sh failed (see above)" >&2
  exit 1
}

stale=0
if ! cmp -s "$TMP/Sources/craftd/Resources/descriptors.binpb" Sources/craftd/Resources/descriptors.binpb; then
  echo "10-contract-fresh: Sources/craftd/Resources/descriptors.binpb is missing or stale" >&2
  stale=1
fi
if ! diff -rq "$TMP/Tests/ContractTests/Vectors" Tests/ContractTests/Vectors > "$TMP/vectors.diff" 2>&1; then
  echo "10-contract-fresh: Tests/ContractTests/Vectors/ is stale ($(wc -l < "$TMP/vectors.diff") files differ):" >&2
  sed "s|$TMP/|(regenerated) |g" "$TMP/vectors.diff" | head -n 20 >&2
  diff "$TMP/Tests/ContractTests/Vectors/MANIFEST.txt" Tests/ContractTests/Vectors/MANIFEST.txt >&2 || true
  stale=1
fi
if [ "$stale" -ne 0 ]; then
  echo "10-contract-fresh: STALE — run Deploy/contract/generate.sh and commit the result" >&2
  exit 1
fi
echo "10-contract-fresh: descriptors and $(sed -n 's/^# \([0-9]* types, [0-9]* vectors\)$/\1/p' Tests/ContractTests/Vectors/MANIFEST.txt) are fresh"
