#!/usr/bin/env bash
# Brings a Debian 12 machine (run as root) to a state where the project builds and
# its tests run: system packages via apt, and a Python virtual environment at .venv/
# with the pinned packages of Deploy/requirements.txt.
# Idempotent: a re-run on a ready machine needs no network and does no apt/pip work.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
REQUIREMENTS="$ROOT/Deploy/requirements.txt"
STAMP="$VENV/.requirements.sha256"

APT_PACKAGES=(
  libnghttp2-dev libsqlite3-dev zlib1g-dev  # system-library targets
  pkg-config                                # SwiftPM's pkgConfig lookups
  nghttp2-client                            # nghttp / h2load for HTTP/2 checks
  nghttp2-server                            # nghttpd: the 1x1 latency floor in Deploy/bench/rpc.sh
  grpc-proto                                # reference .proto files (/usr/share/grpc-proto)
  valgrind                                  # memory checks
)

log() { printf 'setup: %s\n' "$*"; }

APT_UPDATED=0
apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    log "need root to install: $*" >&2
    exit 1
  fi
  if [ "$APT_UPDATED" -eq 0 ]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    APT_UPDATED=1
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

is_installed() {
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]
}

# --- apt packages -----------------------------------------------------------
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  is_installed "$pkg" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  apt_install "${missing[@]}"
else
  log "apt packages present"
fi

# --- Python virtual environment ----------------------------------------------
command -v python3 >/dev/null 2>&1 || apt_install python3

venv_works() {
  [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -m pip --version >/dev/null 2>&1
}

if ! venv_works; then
  rm -rf "$VENV"
  log "creating $VENV"
  # Debian's own python3 needs python3-venv (ensurepip) to create a venv with pip;
  # pyenv's python has it built in. Install the package only if creation fails.
  if ! python3 -m venv "$VENV" >/dev/null 2>&1; then
    rm -rf "$VENV"
    is_installed python3-venv && { log "python3 -m venv fails although python3-venv is installed" >&2; exit 1; }
    apt_install python3-venv
    python3 -m venv "$VENV"
  fi
fi

want="$(sha256sum "$REQUIREMENTS" | cut -d' ' -f1) $("$VENV/bin/python" -c 'import sys; print(sys.version.split()[0])')"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then
  log "venv up to date ($VENV)"
else
  log "pip install -r Deploy/requirements.txt"
  "$VENV/bin/python" -m pip install --quiet --no-input --disable-pip-version-check \
    --require-virtualenv -r "$REQUIREMENTS"
  printf '%s\n' "$want" > "$STAMP"
  log "venv ready ($VENV)"
fi
