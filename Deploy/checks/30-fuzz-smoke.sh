#!/usr/bin/env bash
# Builds the protobuf decoder fuzzer (release, libFuzzer + ASan) and runs it briefly from the
# seed corpus, so the fuzz target keeps building and known inputs keep passing. Long runs:
# `Fuzz/run.sh 600` (see README, "Fuzzing").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
Fuzz/run.sh "${FUZZ_SMOKE_SECONDS:-30}"
