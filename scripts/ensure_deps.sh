#!/usr/bin/env bash
# Installs what the build and tests need when it is missing: pkg-config, OpenSSL 3, libxml2 and
# mimalloc headers, the openssl command line, and man (make test reads the installed man page with man -l).
# Runs before every build so that a fresh Debian machine with Swift needs nothing else.
#
# With --test (make test, .ci/run) it also installs what only the tests use: headless Chromium
# (chromium-headless-shell, or chromium where that package does not exist) and a Chinese font
# (fonts-wqy-microhei, 1.6 MB, named in the pages' font stack) and poppler-utils (pdftotext reads
# the printed PDF) for the browser test, and the prometheus_client Python package whose parser reads
# metrics.prom. make report never asks for them.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
updated=""
apt_install() {
    if [ -z "$updated" ]; then $SUDO apt-get update -qq; updated=1; fi
    $SUDO apt-get install -y -qq "$@" >/dev/null
}

# The openssl command line is used by the sample-estate generator's self-check (make test).
if ! { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists openssl libxml-2.0 && command -v openssl >/dev/null 2>&1 \
    && command -v man >/dev/null 2>&1; }; then
    echo "certaudit: installing pkg-config libssl-dev libxml2-dev openssl man-db" >&2
    apt_install pkg-config libssl-dev libxml2-dev openssl man-db
    pkg-config --exists openssl libxml-2.0
fi

# mimalloc, which the executable links as the process's allocator (Sources/certaudit/Allocator.swift).
if [ ! -f /usr/include/mimalloc.h ]; then
    echo "certaudit: installing libmimalloc-dev" >&2
    apt_install libmimalloc-dev
fi

if [ "${1:-}" = "--test" ]; then
    if ! command -v chromium-headless-shell >/dev/null 2>&1 && ! command -v chromium >/dev/null 2>&1; then
        echo "certaudit: installing chromium-headless-shell (the browser test)" >&2
        apt_install chromium-headless-shell || apt_install chromium
    fi
    if ! fc-list :lang=zh family 2>/dev/null | grep -q .; then
        echo "certaudit: installing fonts-wqy-microhei (Chinese text in the browser test)" >&2
        apt_install fonts-wqy-microhei fontconfig
    fi
    if ! command -v pdftotext >/dev/null 2>&1; then
        echo "certaudit: installing poppler-utils (the browser test reads the printed PDF)" >&2
        apt_install poppler-utils
    fi
    if ! python3 -c "import prometheus_client" >/dev/null 2>&1; then
        echo "certaudit: installing prometheus_client (the metrics.prom parser test)" >&2
        # Debian's python3 refuses pip outside a virtual environment; its own package serves it.
        python3 -m pip install --quiet --disable-pip-version-check prometheus-client 2>/dev/null \
            || apt_install python3-prometheus-client
        python3 -c "import prometheus_client"
    fi
fi
