#!/usr/bin/env bash
# Builds the three fuzzers (release, libFuzzer + ASan) and runs each briefly from its seeds, so
# the targets keep building and known inputs keep passing. Long runs: `Fuzz/run.sh all 600`
# (see README, "Fuzzing").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
Fuzz/run.sh all "${FUZZ_SMOKE_SECONDS:-20}"
