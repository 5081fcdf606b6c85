#!/usr/bin/env bash
# CSV import benchmark, end to end: `craftctl products import FILE.csv` (CSV parsing, one
# client-streaming BulkImport call over HTTP/2) into a release `craftd serve --demo` with durable
# commits (WAL, synchronous=FULL). Issue 4's goal: >= 20,000 rows/s for a 10,000-row CSV.
#
#   Deploy/bench/import.sh                 build (release), start the server, measure, print
#   Deploy/bench/import.sh --no-build      reuse the release binaries
#   ROWS=20000 Deploy/bench/import.sh
#
# Same-run baselines: `--dry-run` of the same file (the client reading and checking the CSV,
# nothing sent) and the import of a file whose rows all fail on the server (an admin's rows for a
# producer that does not exist: the same stream, validation and producer lookup, no write). Then the real import (all
# inserts), and the same file again (all updates). It prints rows/s of each, the import as a ratio
# of the rejected-rows baseline, and the server's CPU microseconds per row (utime+stime from
# /proc/PID/stat). Client and server share the machine's cores (nothing is pinned).
# Data and logs go to $BENCH_OUT (default .build-bench-import/), removed at the start of each run.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"

source "$ROOT/Deploy/bench/lib.sh"
bench_parse_args "${BASH_SOURCE[0]}" "$@"

ROWS=${ROWS:-10000}
OUT=${BENCH_OUT:-$ROOT/.build-bench-import}
BIN="$ROOT/Benchmarks/.build-bench/release"
CLK_TCK=$(getconf CLK_TCK)
PRODUCER=prd-import-bench

if [[ $BUILD == 1 ]]; then
  echo "import.sh: building craftd and craftctl (release, Benchmarks/.build-bench)" >&2
  (cd Benchmarks && swift build -c release --scratch-path .build-bench --product craftd >&2 \
    && swift build -c release --scratch-path .build-bench --product craftctl >&2)
fi

rm -rf "$OUT"
mkdir -p "$OUT"
SERVER_PID=
trap '[[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null || true' EXIT

"$BIN/craftd" serve --demo --services catalogue --host 127.0.0.1 --port 0 --data-dir "$OUT/data" \
  >"$OUT/craftd.log" 2>&1 &
SERVER_PID=$!
PORT=$(craftd_port "$OUT/craftd.log" "$SERVER_PID")
export CRAFTCTL_ADDR="127.0.0.1:$PORT"
export CRAFTCTL_TOKEN
CRAFTCTL_TOKEN=$("$BIN/craftd" token --data-dir "$OUT/data" --role admin 2>/dev/null)
"$BIN/craftctl" producers add --id "$PRODUCER" --village "Ninh So" --kind cooperative \
  --name-vi "HTX Mây tre đan thử nghiệm" --name-en "Import benchmark cooperative" >/dev/null

# Deterministic rows of realistic listings; `$1` is the producer of every row.
generate() {
  python3 - "$ROWS" "$1" <<'PY'
import csv, random, sys
rows, producer = int(sys.argv[1]), sys.argv[2]
rng = random.Random(4602)
crafts = [
    ("rattan-bamboo", "4602.12", "rattan;bamboo", "Giỏ mây đan tay", "Hand-woven rattan basket"),
    ("rattan-bamboo", "4602.11", "bamboo", "Khay tre ép", "Pressed bamboo tray"),
    ("ceramics", "6912.00", "stoneware", "Bình gốm men lam", "Blue-glazed stoneware vase"),
    ("silk-textiles", "5007.20", "silk", "Khăn lụa tơ tằm", "Mulberry silk scarf"),
    ("incense", "3307.41", "bamboo;agarwood", "Hương trầm nụ", "Agarwood incense cones"),
]
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["producer_id", "sku", "title_vi", "title_en", "description_vi", "description_en",
              "category", "hs_code", "materials", "unit", "moq", "currency", "price_tiers",
              "incoterm", "incoterm_place", "lead_time_days", "monthly_capacity"])
for n in range(rows):
    category, hs, materials, vi, en = crafts[n % len(crafts)]
    size = rng.choice([20, 25, 30, 35, 40])
    price = rng.randint(150, 4000) / 100
    out.writerow([producer, f"BENCH-{n:06d}", f"{vi} {size} cm, mẫu {n}", f"{en} {size} cm, model {n}",
                  f"{vi} làm thủ công tại làng nghề, kích thước {size} cm.\nĐóng thùng xuất khẩu.",
                  f"{en}, handmade in a craft village, {size} cm.\nExport cartons.",
                  category, hs, materials, "piece", rng.choice([50, 100, 200, 300]), "USD",
                  f"100:{price:.2f};500:{price * 0.9:.2f};1000:{price * 0.82:.2f}",
                  "fob", "Hải Phòng", rng.randint(15, 60), rng.choice([2000, 5000, 10000])])
PY
}
generate "$PRODUCER" >"$OUT/listings.csv"
generate prd-does-not-exist >"$OUT/rejected.csv"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# Runs craftctl with the given arguments; prints "label rows/s server-µs-per-row seconds".
timed() {
  local label=$1 expect=$2; shift 2
  local c0 c1 t0 t1 status=0
  c0=$(cpu_ticks "$SERVER_PID"); t0=$(date +%s.%N)
  "$BIN/craftctl" --json products import "$@" >"$OUT/$label.json" 2>"$OUT/$label.err" || status=$?
  t1=$(date +%s.%N); c1=$(cpu_ticks "$SERVER_PID")
  [[ $status == "$expect" ]] || { echo "import.sh: $label exited $status, expected $expect" >&2; cat "$OUT/$label.err" >&2; exit 1; }
  awk -v l="$label" -v r="$ROWS" -v a="$t0" -v b="$t1" -v c=$((c1 - c0)) -v t="$CLK_TCK" \
    'BEGIN { printf "%s %.0f %.1f %.3f\n", l, r / (b - a), c / t / r * 1e6, b - a }'
}

accepted() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(int(d.get("accepted", 0)), int(d.get("rejected", 0)))' "$1"; }

echo "import.sh: $ROWS rows, craftd (release, pid $SERVER_PID) on :$PORT"
{
  timed dry-run 0 "$OUT/listings.csv" --dry-run
  timed rejected-rows 3 "$OUT/rejected.csv"
  timed import 0 "$OUT/listings.csv"
  timed re-import 0 "$OUT/listings.csv"
} >"$OUT/results.txt"
read -r ok bad < <(accepted "$OUT/import.json")
[[ $ok == "$ROWS" && $bad == 0 ]] || { echo "import.sh: import accepted $ok, rejected $bad of $ROWS" >&2; exit 1; }
read -r ok bad < <(accepted "$OUT/re-import.json")
[[ $ok == "$ROWS" && $bad == 0 ]] || { echo "import.sh: re-import accepted $ok, rejected $bad of $ROWS" >&2; exit 1; }
read -r ok bad < <(accepted "$OUT/rejected-rows.json")
[[ $ok == 0 && $bad == "$ROWS" ]] || { echo "import.sh: rejected-rows accepted $ok, rejected $bad" >&2; exit 1; }

awk -v rows="$ROWS" '
  { rate[$1] = $2; cpu[$1] = $3; secs[$1] = $4; order[NR] = $1 }
  END {
    printf "%-15s %10s %9s %22s\n", "case", "rows/s", "seconds", "server CPU us per row"
    for (i = 1; i <= NR; i++) { k = order[i]; printf "%-15s %10d %9.2f %22.1f\n", k, rate[k], secs[k], cpu[k] }
    printf "import = %.2f x the rejected-rows baseline (same stream, no writes); re-import %.2f x\n",
      rate["import"] / rate["rejected-rows"], rate["re-import"] / rate["rejected-rows"]
    printf "goal (issue 4): >= 20,000 rows/s: %s\n", (rate["import"] >= 20000 ? "met" : "MISSED")
  }' "$OUT/results.txt"
