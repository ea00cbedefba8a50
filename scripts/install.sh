#!/usr/bin/env bash
# Installs certaudit like a Unix tool: the release binary, a man page generated from the command
# definitions (swift-argument-parser's generate-manual plugin, which builds and runs offline) and the
# bash, zsh and fish completion scripts the binary emits.
#
#   scripts/install.sh PREFIX            (make install [PREFIX=/usr/local] [DESTDIR=...])
#   scripts/install.sh --uninstall PREFIX  (make uninstall): removes exactly those files
#
# Layout under PREFIX: bin/certaudit, share/man/man1/certaudit.1,
# share/bash-completion/completions/certaudit, share/zsh/site-functions/_certaudit,
# share/fish/vendor_completions.d/certaudit.fish. Expects `swift build -c release` to have run.
set -euo pipefail
uninstall=0
if [ "${1:-}" = "--uninstall" ]; then uninstall=1; shift; fi
prefix="${1:?usage: scripts/install.sh [--uninstall] PREFIX}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
files=(
    "bin/certaudit"
    "share/man/man1/certaudit.1"
    "share/bash-completion/completions/certaudit"
    "share/zsh/site-functions/_certaudit"
    "share/fish/vendor_completions.d/certaudit.fish"
)
if [ "$uninstall" = 1 ]; then
    for file in "${files[@]}"; do rm -f "$prefix/$file"; done
    echo "certaudit: removed from $prefix" >&2
    exit 0
fi

cd "$repo"
binary=.build/release/certaudit
[ -x "$binary" ] || { echo "certaudit: $binary is not built (run make build)" >&2; exit 1; }
# The man page's date is the last commit's, so that the page is the same wherever it is built.
date="$(git log -1 --format=%cs 2>/dev/null || date -u +%F)"
swift package plugin generate-manual --date "$date" >&2
manual=.build/plugins/GenerateManual/outputs/certaudit/certaudit.1
[ -s "$manual" ] || { echo "certaudit: the generate-manual plugin wrote no $manual" >&2; exit 1; }

install -d "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
    "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 0755 "$binary" "$prefix/bin/certaudit"
install -m 0644 "$manual" "$prefix/share/man/man1/certaudit.1"
for shell in bash zsh fish; do
    case "$shell" in
    bash) target="share/bash-completion/completions/certaudit" ;;
    zsh) target="share/zsh/site-functions/_certaudit" ;;
    fish) target="share/fish/vendor_completions.d/certaudit.fish" ;;
    esac
    "$binary" --generate-completion-script "$shell" >"$prefix/$target"
    chmod 0644 "$prefix/$target"
done
echo "certaudit: installed into $prefix" >&2
