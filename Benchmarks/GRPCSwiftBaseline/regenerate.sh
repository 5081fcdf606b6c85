#!/usr/bin/env bash
# Regenerates Sources/grpc-swift-baseline/Generated/: swift-protobuf 1.39.0's messages and
# grpc-swift-2's server stubs (protoc-gen-grpc-swift-2 from grpc-swift-protobuf 2.4.1) for
# grpc/testing/{empty,messages,test}.proto from /usr/share/grpc-proto (apt grpc-proto). The
# output is committed, so a benchmark build never builds the plugins.
#
#   Benchmarks/GRPCSwiftBaseline/regenerate.sh          regenerate in place
#   Benchmarks/GRPCSwiftBaseline/regenerate.sh --check  exit 1 if the committed files are stale
#
# How it works:
#   1. The plugins: $PROTOC_GEN_SWIFT and $PROTOC_GEN_GRPC_SWIFT if both are set; otherwise a
#      checkout of https://github.com/grpc/grpc-swift-protobuf at tag 2.4.1 (the offline mirror
#      answers for it) in .build-codegen/, whose graph resolves swift-protobuf 1.39.0 and
#      grpc-swift-2 2.4.3; `swift build --product protoc-gen-grpc-swift-2` and
#      `--product protoc-gen-swift` there (debug builds: quicker, and fast enough for 3 files).
#   2. protoc: grpcio-tools' bundled protoc from the project's .venv (Deploy/setup.sh).
#   3. protoc --swift_out / --grpc-swift-2_out with FileNaming=DropPath (empty.pb.swift,
#      messages.pb.swift, test.pb.swift, test.grpc.swift), internal visibility, server stubs
#      only (Client=false).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
HERE=$(pwd)
ROOT=$(cd ../.. && pwd)
GRPC_PROTOBUF_VERSION=2.4.1
SWIFT_PROTOBUF_VERSION=1.39.0
OUT="$HERE/Sources/grpc-swift-baseline/Generated"
PROTO_ROOT=/usr/share/grpc-proto
PROTOS=(grpc/testing/empty.proto grpc/testing/messages.proto grpc/testing/test.proto)

PYTHON="$ROOT/.venv/bin/python"
[[ -x "$PYTHON" ]] || { echo "regenerate.sh: $PYTHON missing; run Deploy/setup.sh first" >&2; exit 1; }
[[ -d "$PROTO_ROOT/grpc/testing" ]] || { echo "regenerate.sh: $PROTO_ROOT missing (apt grpc-proto)" >&2; exit 1; }

swift_plugin="${PROTOC_GEN_SWIFT:-}"
grpc_plugin="${PROTOC_GEN_GRPC_SWIFT:-}"
if [[ -z "$swift_plugin" || -z "$grpc_plugin" ]]; then
  work="$HERE/.build-codegen"
  if [[ ! -d "$work/grpc-swift-protobuf" ]]; then
    mkdir -p "$work"
    git clone --quiet https://github.com/grpc/grpc-swift-protobuf "$work/grpc-swift-protobuf"
  fi
  git -C "$work/grpc-swift-protobuf" checkout --quiet "$GRPC_PROTOBUF_VERSION"
  echo "regenerate.sh: building protoc-gen-grpc-swift-2 and protoc-gen-swift (slow the first time)" >&2
  (cd "$work/grpc-swift-protobuf" \
    && swift build --product protoc-gen-grpc-swift-2 >&2 \
    && swift build --product protoc-gen-swift >&2)
  bin=$(cd "$work/grpc-swift-protobuf" && swift build --show-bin-path)
  swift_plugin="$bin/protoc-gen-swift"
  grpc_plugin="$bin/protoc-gen-grpc-swift-2"
fi
reported=$("$swift_plugin" --version)
[[ "$reported" == *"$SWIFT_PROTOBUF_VERSION"* ]] \
  || { echo "regenerate.sh: $swift_plugin is '$reported', want $SWIFT_PROTOBUF_VERSION" >&2; exit 1; }
reported_grpc=$("$grpc_plugin" --version)
[[ "$reported_grpc" == *"$GRPC_PROTOBUF_VERSION"* ]] \
  || { echo "regenerate.sh: $grpc_plugin is '$reported_grpc', want $GRPC_PROTOBUF_VERSION" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$PYTHON" -m grpc_tools.protoc -I "$PROTO_ROOT" \
  --plugin=protoc-gen-swift="$swift_plugin" \
  --plugin=protoc-gen-grpc-swift-2="$grpc_plugin" \
  --swift_out="$tmp" --swift_opt=Visibility=Internal --swift_opt=FileNaming=DropPath \
  --grpc-swift-2_out="$tmp" \
  --grpc-swift-2_opt=Visibility=Internal,FileNaming=DropPath,Client=false,Server=true \
  "${PROTOS[@]}"

if [[ "${1:-}" == "--check" ]]; then
  status=0
  for file in "$tmp"/*.swift; do
    if ! cmp -s "$file" "$OUT/$(basename "$file")"; then
      echo "stale: Benchmarks/GRPCSwiftBaseline/Sources/grpc-swift-baseline/Generated/$(basename "$file")" >&2
      status=1
    fi
  done
  exit $status
fi
mkdir -p "$OUT"
rm -f "$OUT"/*.swift
cp "$tmp"/*.swift "$OUT/"
echo "regenerate.sh: wrote $(cd "$OUT" && ls *.swift | tr '\n' ' ')with $reported, $reported_grpc" >&2
