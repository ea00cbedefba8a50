#!/usr/bin/env bash
# Run by make test: make install into a temporary PREFIX, then use what was installed as a person
# would — the binary's help and a run from another folder without --templates, the man page through
# man -l, the bash completion sourced and asked for completions (zsh and fish checked for syntax when
# those shells are present) — and make uninstall, which must leave no file behind.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
fail() { echo "test_install: $*" >&2; exit 1; }

make -C "$repo" --no-print-directory install PREFIX="$prefix" >/dev/null
"$prefix/bin/certaudit" --help | grep -q "USAGE: certaudit" || fail "certaudit --help"
"$prefix/bin/certaudit" templates export --help | grep -q "built-in templates" || fail "templates export --help"

# The installed binary from a folder that is not the repository, with no --templates.
work="$prefix/work"
mkdir -p "$work" && cp -R "$repo/inputs" "$work/inputs"
(cd "$work" && "$prefix/bin/certaudit" run --inputs inputs --output out --as-of 2026-11-28T00:00:00+08:00 \
    --no-system-trust 2>/dev/null) || fail "the installed binary's run from $work"
(cd "$work/out" && sha256sum --check --strict --quiet SHA256SUMS) || fail "sha256sum -c in the output folder"

page="$prefix/share/man/man1/certaudit.1"
MANWIDTH=100 man -l "$page" 2>/dev/null | grep -q "templates" || fail "man -l $page"
MANWIDTH=100 man -l "$page" 2>/dev/null | grep -q -- "--schema" || fail "man -l $page lacks run's --schema"

completion="$prefix/share/bash-completion/completions/certaudit"
bash -n "$completion" || fail "$completion does not parse"
words="$(bash -c 'source "$1"; COMP_WORDS=(certaudit te); COMP_CWORD=1; COMP_LINE="certaudit te"; COMP_POINT=${#COMP_LINE}
    _certaudit; printf "%s\n" "${COMPREPLY[@]}"' _ "$completion")"
grep -qx "templates" <<<"$words" || fail "bash completion of 'certaudit te' gave: $words"
grep -qx "#compdef certaudit" "$prefix/share/zsh/site-functions/_certaudit" || fail "zsh completion"
grep -q "complete -c 'certaudit' .*-fa 'templates'" "$prefix/share/fish/vendor_completions.d/certaudit.fish" || fail "fish completion"
if command -v zsh >/dev/null; then zsh -n "$prefix/share/zsh/site-functions/_certaudit" || fail "zsh syntax"; fi
if command -v fish >/dev/null; then fish -n "$prefix/share/fish/vendor_completions.d/certaudit.fish" || fail "fish syntax"; fi

make -C "$repo" --no-print-directory uninstall PREFIX="$prefix" >/dev/null
rm -rf "$work"
left="$(find "$prefix" -type f)"
[ -z "$left" ] || fail "make uninstall left: $left"
echo "test_install: make install, the installed binary, its man page and completions, make uninstall: all good"
