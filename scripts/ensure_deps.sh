#!/usr/bin/env bash
# Installs what the build and tests need when it is missing: pkg-config, OpenSSL 3 and libxml2
# headers, the openssl command line, and man (make test reads the installed man page with man -l).
# Runs before every build so that a fresh Debian machine with Swift needs nothing else.
set -euo pipefail
# The openssl command line is used by the sample-estate generator's self-check (make test).
if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists openssl libxml-2.0 && command -v openssl >/dev/null 2>&1 \
    && command -v man >/dev/null 2>&1; then
    exit 0
fi
echo "certaudit: installing pkg-config libssl-dev libxml2-dev openssl man-db" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq pkg-config libssl-dev libxml2-dev openssl man-db >/dev/null
pkg-config --exists openssl libxml-2.0
