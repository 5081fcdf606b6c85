#!/usr/bin/env bash
# Builds the protobuf decoder fuzzer (release, libFuzzer + AddressSanitizer), seeds a corpus from
# the contract's test vectors, and runs it. Usage: Fuzz/run.sh [SECONDS] [extra libFuzzer flags]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SECONDS_TO_RUN="${1:-600}"; shift || true
cd "$HERE"
# gold trips over ASan's debug info here (internal error in format_file_lineno): link with lld.
swift build -c release -Xswiftc -sanitize=fuzzer,address --scratch-path "$HERE/.build" \
  -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld >&2
BIN="$HERE/.build/release/craft-fuzz"
CORPUS="$HERE/corpus"
mkdir -p "$CORPUS" "$HERE/artifacts"
# Seeds: every vector of Tests/ContractTests/Vectors, prefixed with its type's selector byte.
CRAFT_FUZZ_LIST_TYPES=1 "$BIN" | while read -r index name; do
  dir="$HERE/../Tests/ContractTests/Vectors/$name"
  [ -d "$dir" ] || continue
  for vector in "$dir"/*.bin; do
    out="$CORPUS/seed-$name-$(basename "$vector" .bin)"
    [ -f "$out" ] || { printf "\\x$(printf %02x "$index")"; cat "$vector"; } > "$out"
  done
done
echo "fuzz: $(ls "$CORPUS" | wc -l) corpus files; running ${SECONDS_TO_RUN}s" >&2
exec "$BIN" "$CORPUS" -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -rss_limit_mb=2048 \
  -artifact_prefix="$HERE/artifacts/" -print_final_stats=1 "$@"
