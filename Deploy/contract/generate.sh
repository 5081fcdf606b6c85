#!/usr/bin/env bash
# Regenerates the committed contract artefacts from Protos/:
#   (a) Sources/craftd/Resources/descriptors.binpb        FileDescriptorSet of every .proto under Protos/
#                                       (--include_imports, files in sorted order); reflection
#                                       serves it
#   (b) Tests/ContractTests/Vectors/    shared test vectors (Deploy/contract/make_vectors.py) for
#                                       every message of Protos/, of Tests/ContractTests/Protos/
#                                       (if present) and of the well-known types ProtoWire
#                                       implements (Timestamp, Duration, Any)
#   (c) a check that grpc_tools.protoc generates Python messages and gRPC stubs for all of
#       Protos/ cleanly (into a temporary directory; nothing is kept)
#
# Usage: Deploy/contract/generate.sh [--out-root DIR]
#   --out-root DIR   write (a) and (b) under DIR instead of the repository (used by
#                    Deploy/checks/10-contract-fresh.sh to compare with the committed files)
# Needs .venv/ (Deploy/setup.sh). Output is byte-stable: run it twice, nothing changes.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PY="$ROOT/.venv/bin/python"
OUT_ROOT="$ROOT"
while [ $# -gt 0 ]; do
  case "$1" in
    --out-root) OUT_ROOT="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    *) echo "generate.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ -x "$PY" ] || { echo "generate.sh: $PY missing; run Deploy/setup.sh first" >&2; exit 1; }

cd "$ROOT"
log() { printf 'generate: %s\n' "$*"; }
TMP="$(mktemp -d "${TMPDIR:-/tmp}/contract-generate.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

# Reproducible output whatever the caller's environment.
export LC_ALL=C PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1

# (a) descriptors ------------------------------------------------------------------------------
mkdir -p "$OUT_ROOT/Sources/craftd/Resources"
"$PY" Deploy/contract/make_vectors.py --proto-root Protos \
  --descriptor-out "$OUT_ROOT/Sources/craftd/Resources/descriptors.binpb"
log "Sources/craftd/Resources/descriptors.binpb: $(wc -c < "$OUT_ROOT/Sources/craftd/Resources/descriptors.binpb") bytes"

# (b) vectors ----------------------------------------------------------------------------------
roots=(--proto-root Protos)
if [ -d Tests/ContractTests/Protos ]; then
  roots+=(--proto-root Tests/ContractTests/Protos)
fi
VECTORS="$OUT_ROOT/Tests/ContractTests/Vectors"
rm -rf "$VECTORS"
mkdir -p "$(dirname "$VECTORS")"
"$PY" Deploy/contract/make_vectors.py "${roots[@]}" --out "$VECTORS" \
  --extra-file google/protobuf/timestamp.proto --extra-file google/protobuf/duration.proto \
  --extra-file google/protobuf/any.proto

# (c) Python stubs -----------------------------------------------------------------------------
INCLUDE="$("$PY" -c 'import grpc_tools, os; print(os.path.join(os.path.dirname(grpc_tools.__file__), "_proto"))')"
mapfile -t protos < <(cd Protos && find . -name '*.proto' -printf '%P\n' | sort)
mkdir -p "$TMP/py"
if ! "$PY" -m grpc_tools.protoc -I Protos -I "$INCLUDE" \
    --python_out="$TMP/py" --grpc_python_out="$TMP/py" "${protos[@]}" 2> "$TMP/protoc.err" \
    || [ -s "$TMP/protoc.err" ]; then
  cat "$TMP/protoc.err" >&2
  echo "generate.sh: grpc_tools.protoc did not generate Python stubs for Protos/ cleanly" >&2
  exit 1
fi
"$PY" -m py_compile $(find "$TMP/py" -name '*.py' | sort)
log "python stubs: $(find "$TMP/py" -name '*_pb2.py' | wc -l) _pb2, $(find "$TMP/py" -name '*_pb2_grpc.py' | wc -l) _pb2_grpc modules generated cleanly for ${#protos[@]} files"
