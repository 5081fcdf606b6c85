#!/usr/bin/env bash
# Builds the fuzzers (release, libFuzzer + AddressSanitizer), seeds their corpora and runs them.
#   Fuzz/run.sh [TARGET] [SECONDS] [extra libFuzzer flags]
# TARGET: proto (every protobuf message decoder; seeds from the contract's test vectors),
# http2 (the HTTP/2 server path, bytes in → one connection), framing (gRPC message framing and
# decompression), or all (each for SECONDS). The committed seeds are in Fuzz/seeds/; what the
# fuzzers find grows Fuzz/corpus/TARGET (not committed). Crashes land in Fuzz/artifacts/.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TARGET="${1:-all}"; shift || true
SECONDS_TO_RUN="${1:-600}"; shift || true
cd "$HERE"

if [ "$TARGET" = all ]; then
  for target in proto framing http2; do "$HERE/run.sh" "$target" "$SECONDS_TO_RUN" "$@"; done
  exit 0
fi
case "$TARGET" in
  proto) PRODUCT=craft-fuzz ;;
  http2) PRODUCT=craft-fuzz-http2 ;;
  framing) PRODUCT=craft-fuzz-framing ;;
  *) echo "unknown fuzz target '$TARGET' (proto, http2, framing, all)" >&2; exit 2 ;;
esac
# gold trips over ASan's debug info here (internal error in format_file_lineno): link with lld.
swift build -c release -Xswiftc -sanitize=fuzzer,address --scratch-path "$HERE/.build" \
  -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld --product "$PRODUCT" >&2
BIN="$HERE/.build/release/$PRODUCT"
# Crashes are reported by libFuzzer and ASan; the Swift runtime's own backtracer would trip ASan.
export SWIFT_BACKTRACE=enable=no
CORPUS="$HERE/corpus/$TARGET"
mkdir -p "$CORPUS" "$HERE/artifacts"
if [ "$TARGET" = proto ]; then
  # Seeds: every vector of Tests/ContractTests/Vectors, prefixed with its type's selector byte.
  CRAFT_FUZZ_LIST_TYPES=1 "$BIN" | while read -r index name; do
    dir="$HERE/../Tests/ContractTests/Vectors/$name"
    [ -d "$dir" ] || continue
    for vector in "$dir"/*.bin; do
      out="$CORPUS/seed-$name-$(basename "$vector" .bin)"
      [ -f "$out" ] || { printf "\\x$(printf %02x "$index")"; cat "$vector"; } > "$out"
    done
  done
  SEEDS=()
else
  SEEDS=("$HERE/seeds/$TARGET")
fi
echo "fuzz $TARGET: $(ls "$CORPUS" | wc -l) corpus files; running ${SECONDS_TO_RUN}s" >&2
"$BIN" "$CORPUS" "${SEEDS[@]}" -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -rss_limit_mb=2048 \
  -artifact_prefix="$HERE/artifacts/$TARGET-" -print_final_stats=1 "$@"
