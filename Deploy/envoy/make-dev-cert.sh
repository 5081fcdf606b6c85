#!/usr/bin/env bash
# A self-signed certificate for Envoy in local use (Deploy/compose.yaml mounts envoy/certs).
# In production, mount a real certificate (e.g. from cert-manager or your CA) at the same paths.
set -euo pipefail
DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/certs"
mkdir -p "$DIR"
openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$DIR/tls.key" -out "$DIR/tls.crt"
chmod 0600 "$DIR/tls.key"
echo "wrote $DIR/tls.crt and $DIR/tls.key"
