#!/usr/bin/env bash
# Regenerates Sources/SwiftProtobufMessages/*.pb.swift: swift-protobuf 1.39.0's code for
# Protos/craft/common/v1/common.proto and Protos/craft/catalogue/v1/catalogue.proto, used only
# by craft-bench as the comparison. The output is committed, so a normal benchmark build never
# builds the plugin (a first build of protoc-gen-swift takes about 10 minutes on 2 cores).
#
#   Benchmarks/regenerate.sh          regenerate in place
#   Benchmarks/regenerate.sh --check  exit 1 if the committed files are stale
#
# How it works:
#   1. protoc-gen-swift 1.39.0: $PROTOC_GEN_SWIFT if set; otherwise a checkout of
#      https://github.com/apple/swift-protobuf at tag 1.39.0 (the offline mirror answers for it)
#      in Benchmarks/.build-protoc-gen-swift/, built with `swift build -c release`.
#   2. protoc: grpcio-tools' bundled protoc (libprotoc 31.1) from the project's .venv
#      (Deploy/setup.sh makes it), with its include dir for google/protobuf/timestamp.proto.
#   3. protoc --swift_out with Visibility=Public and FileNaming=DropPath, so the files are
#      common.pb.swift and catalogue.pb.swift; the header comment of each names its source file.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
BENCH_DIR=$(pwd)
ROOT=$(cd .. && pwd)
VERSION=1.39.0
OUT="$BENCH_DIR/Sources/SwiftProtobufMessages"
PROTOS=(craft/common/v1/common.proto craft/catalogue/v1/catalogue.proto)

PYTHON="$ROOT/.venv/bin/python"
[[ -x "$PYTHON" ]] || { echo "regenerate.sh: $PYTHON missing; run Deploy/setup.sh first" >&2; exit 1; }

plugin="${PROTOC_GEN_SWIFT:-}"
if [[ -z "$plugin" ]]; then
  work="$BENCH_DIR/.build-protoc-gen-swift"
  if [[ ! -d "$work/swift-protobuf" ]]; then
    mkdir -p "$work"
    git clone --quiet https://github.com/apple/swift-protobuf "$work/swift-protobuf"
  fi
  git -C "$work/swift-protobuf" checkout --quiet "$VERSION"
  echo "regenerate.sh: building protoc-gen-swift $VERSION (slow the first time)" >&2
  (cd "$work/swift-protobuf" && swift build -c release --product protoc-gen-swift >&2)
  plugin="$work/swift-protobuf/.build/release/protoc-gen-swift"
fi
reported=$("$plugin" --version)
[[ "$reported" == *"$VERSION"* ]] || { echo "regenerate.sh: $plugin is '$reported', want $VERSION" >&2; exit 1; }

include=$("$PYTHON" -c "import grpc_tools, os; print(os.path.join(os.path.dirname(grpc_tools.__file__), '_proto'))")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$ROOT/Protos" && "$PYTHON" -m grpc_tools.protoc -I . -I "$include" \
  --plugin=protoc-gen-swift="$plugin" \
  --swift_out="$tmp" --swift_opt=Visibility=Public --swift_opt=FileNaming=DropPath \
  "${PROTOS[@]}")

if [[ "${1:-}" == "--check" ]]; then
  status=0
  for file in "$tmp"/*.pb.swift; do
    if ! cmp -s "$file" "$OUT/$(basename "$file")"; then
      echo "stale: Benchmarks/Sources/SwiftProtobufMessages/$(basename "$file") (run Benchmarks/regenerate.sh)" >&2
      status=1
    fi
  done
  exit $status
fi
rm -f "$OUT"/*.pb.swift
cp "$tmp"/*.pb.swift "$OUT/"
echo "regenerate.sh: wrote $(cd "$OUT" && ls *.pb.swift | tr '\n' ' ')with $reported" >&2
