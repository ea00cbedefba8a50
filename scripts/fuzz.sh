#!/usr/bin/env bash
# Runs the libFuzzer targets (CSV reader, bundle reader, whole static pipeline) for SECONDS each, with
# AddressSanitizer.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]   (make fuzz SECONDS=N; targets: csv bundle estate, default all)
#
# Seeds come from the test fixtures, the sample estate and ../shared/corpus/zlint when present; the
# growing corpus lives in .build-fuzz/corpus/ (ignored by git). A crashing input is written to
# Fuzz/crashes/<target>/ — commit it: Tests/CertAuditX509Tests/FuzzRegressionTests.swift and
# Tests/CertAuditCSVTests/FuzzRegressionTests.swift replay every file there.
set -euo pipefail
SECONDS_EACH="${1:-60}"
shift || true
[ $# -gt 0 ] && TARGETS=("$@") || TARGETS=(csv bundle estate)
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
SCRATCH=.build-fuzz
CERTAUDIT_FUZZ=1 swift build --scratch-path "$SCRATCH" -c debug -Xswiftc -sanitize=fuzzer,address \
    --product CSVFuzzer 2>&1 | grep -v "Cannot export local symbol" >&2
CERTAUDIT_FUZZ=1 swift build --scratch-path "$SCRATCH" -c debug -Xswiftc -sanitize=fuzzer,address \
    --product BundleFuzzer 2>&1 | grep -v "Cannot export local symbol" >&2
CERTAUDIT_FUZZ=1 swift build --scratch-path "$SCRATCH" -c debug -Xswiftc -sanitize=fuzzer,address \
    --product EstateFuzzer 2>&1 | grep -v "Cannot export local symbol" >&2

seed() { # target, files...
    local dir="$SCRATCH/seeds/$1"; shift
    rm -rf "$dir"; mkdir -p "$dir"
    for file in "$@"; do [ -f "$file" ] && cp "$file" "$dir/$(echo "$file" | tr '/' '_')"; done
}
seed csv inputs/*.csv
# The estate target's input is one selector byte (which table, in EstateFuzzer's order) and that
# table's rows without their header: the sample estate's tables, cut that way.
rm -rf "$SCRATCH/seeds/estate"; mkdir -p "$SCRATCH/seeds/estate"
python3 - "$SCRATCH/seeds/estate" <<'PY'
import pathlib, sys
order = ["certificates", "resources", "hosting", "accounts", "pricing", "contacts", "alert_policies", "operations", "holidays",
         "packages", "points_ledger"]
for index, name in enumerate(order):
    path = pathlib.Path("inputs") / f"{name}.csv"
    if path.exists():
        body = path.read_bytes().split(b"\n", 1)[1]
        (pathlib.Path(sys.argv[1]) / name).write_bytes(bytes([index]) + body)
PY
seed bundle $(find Tests/CertAuditX509Tests/Fixtures -type f | sort) \
    $(ls ../shared/corpus/zlint/*.pem 2>/dev/null | head -300)

status=0
for target in "${TARGETS[@]}"; do
    case $target in
        csv) binary="$SCRATCH/debug/CSVFuzzer" ;;
        bundle) binary="$SCRATCH/debug/BundleFuzzer" ;;
        estate) binary="$SCRATCH/debug/EstateFuzzer" ;;
        *) echo "unknown target $target (csv, bundle, estate)" >&2; exit 2 ;;
    esac
    corpus="$SCRATCH/corpus/$target"
    crashes="Fuzz/crashes/$target/"
    mkdir -p "$corpus" "$crashes"
    echo "== $target: $SECONDS_EACH s" >&2
    started=$(date +%s)
    if SWIFT_BACKTRACE=enable=no LSAN_OPTIONS="suppressions=$REPO/Fuzz/lsan.supp:print_suppressions=0" "$binary" "$corpus" "$SCRATCH/seeds/$target" -max_total_time="$SECONDS_EACH" -timeout=10 \
        -rss_limit_mb=4096 -max_len=65536 -artifact_prefix="$crashes" -print_final_stats=1 \
        >"$SCRATCH/$target.log" 2>&1; then
        runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$SCRATCH/$target.log" | grep -o '[0-9]*$' || echo "?")
        echo "$target: ran clean for $(( $(date +%s) - started )) s, $runs inputs" >&2
    else
        echo "$target: FINDING — see $SCRATCH/$target.log and $crashes" >&2
        tail -40 "$SCRATCH/$target.log" >&2
        status=1
    fi
done
exit $status
