#!/usr/bin/env bash
# Runs every test, set-up included. Exits non-zero on any failure.
#   1. Deploy/setup.sh      (apt packages, .venv/)
#   2. swift build --build-tests, swift test   (debug)
#   3. extra checks: every Deploy/checks/*.sh, in sorted order
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

step() { printf '\n==> %s\n' "$*"; }

step "setup"
bash Deploy/setup.sh

# Checks and scripts below find the project's Python tools first.
export PATH="$ROOT/.venv/bin:$PATH"
export VIRTUAL_ENV="$ROOT/.venv"

step "swift build --build-tests"
swift build --build-tests

step "swift test"
swift test

# --- extra checks --------------------------------------------------------------
# To add a check, drop an executable-or-not bash script into Deploy/checks/, named
# NN-what.sh (e.g. 10-test-vectors-fresh.sh, 20-descriptors-fresh.sh, 30-interop.sh).
# Each runs from the repository root with .venv/bin first on PATH and must exit 0.
# All are run; the run fails if any failed.
failed=()
shopt -s nullglob
for check in Deploy/checks/*.sh; do
  step "check $check"
  if bash "$check"; then
    printf '==> ok: %s\n' "$check"
  else
    printf '==> FAILED (exit %s): %s\n' "$?" "$check"
    failed+=("$check")
  fi
done
shopt -u nullglob

if [ "${#failed[@]}" -gt 0 ]; then
  printf '\n==> failed checks: %s\n' "${failed[*]}" >&2
  exit 1
fi
printf '\n==> all tests and checks passed\n'
