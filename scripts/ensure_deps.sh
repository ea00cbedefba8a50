#!/usr/bin/env bash
# Installs what the build needs when it is missing: pkg-config, OpenSSL 3 and libxml2 headers.
# Runs before every build so that a fresh Debian machine with Swift needs nothing else.
set -euo pipefail
if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists openssl libxml-2.0; then
    exit 0
fi
echo "certaudit: installing pkg-config libssl-dev libxml2-dev" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq pkg-config libssl-dev libxml2-dev >/dev/null
pkg-config --exists openssl libxml-2.0
