#!/usr/bin/env bash
# Benchmark certaudit on a synthetic estate of N certificates (default 100000).
#
#   scripts/bench.sh [N]
#
# The run simulates BENCH_HORIZON days (default 1095: three years, issue 8); BENCH_HORIZON=0
# simulates the as-of date alone, so the two timings show what the simulation adds.
# 1. generates (or reuses, see the stamp in scripts/make_bench_estate.py) bench/work/estate-N,
# 2. builds the release binary (swift build -c release),
# 3. runs `certaudit run` on it under /usr/bin/time -v and prints certificates, wall seconds,
#    certificates per second, peak RSS and the machine.
#
# Exit status: that of certaudit, except that 1 ("findings at or above --fail-on") counts as a
# completed run and gives 0: a benchmark estate is full of findings on purpose.
# Peak RSS comes from GNU time; when /usr/bin/time is missing the script installs Debian's `time`
# package if it runs as root with apt-get, and otherwise measures with a small Python wrapper
# (getrusage(RUSAGE_CHILDREN).ru_maxrss, the same number GNU time reports); BENCH_NO_GNU_TIME=1
# forces that wrapper (to test it). A run that exits 0/1 but writes no output folder is reported
# as a failure (exit 4): timing a command that did nothing would be a lie.
set -euo pipefail

usage() { echo "usage: scripts/bench.sh [N]   (N = number of certificates, default 100000)" >&2; }

N="${1:-100000}"
if [[ $# -gt 1 || ! "$N" =~ ^[1-9][0-9]*$ ]]; then
    usage
    exit 2
fi

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$REPO/bench/work"
ESTATE="$WORK/estate-$N"
OUTPUT="$WORK/output-$N"
AS_OF="2026-11-28T00:00:00+08:00"
HORIZON="${BENCH_HORIZON:-1095}"
mkdir -p "$WORK"

echo "== estate: $ESTATE" >&2
python3 "$REPO/scripts/make_bench_estate.py" "$N" "$ESTATE" >&2

echo "== build: swift build -c release" >&2
(cd "$REPO" && swift build -c release >&2)
BINARY="$REPO/.build/release/certaudit"

if [[ ! -x /usr/bin/time && "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    echo "== /usr/bin/time missing: installing Debian package 'time'" >&2
    apt-get install -y time >&2 || true
fi

TIMING="$WORK/time-$N.txt"
LOG="$WORK/run-$N.log"
rm -rf "$OUTPUT"
COMMAND=("$BINARY" run --inputs "$ESTATE" --output "$OUTPUT" --as-of "$AS_OF" --timezone Asia/Shanghai
    --horizon "$HORIZON")
echo "== run: ${COMMAND[*]}" >&2
set +e
if [[ -x /usr/bin/time && "${BENCH_NO_GNU_TIME:-}" != 1 ]]; then
    /usr/bin/time -v -o "$TIMING" "${COMMAND[@]}" >"$LOG" 2>&1
    STATUS=$?
    WALL="$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$TIMING" |
        awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')"
    PEAK_KIB="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$TIMING")"
else
    python3 - "$TIMING" "${COMMAND[@]}" >"$LOG" 2>&1 <<'PY'
import resource, subprocess, sys, time
started = time.monotonic()
status = subprocess.call(sys.argv[2:])
wall = time.monotonic() - started
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
with open(sys.argv[1], "w") as out:
    out.write(f"wall {wall:.2f}\npeak_kib {peak}\nstatus {status}\n")
sys.exit(status)
PY
    STATUS=$?
    WALL="$(awk '/^wall/ { print $2 }' "$TIMING")"
    PEAK_KIB="$(awk '/^peak_kib/ { print $2 }' "$TIMING")"
fi
set -e

CPU="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
awk -v n="$N" -v wall="$WALL" -v kib="$PEAK_KIB" -v cores="$(nproc)" -v cpu="${CPU:-unknown}" \
    -v status="$STATUS" 'BEGIN {
    printf "certificates:       %d\n", n
    printf "wall seconds:       %.2f\n", wall
    if (wall > 0) printf "certificates/s:     %.0f\n", n / wall
    printf "peak RSS MiB:       %.1f\n", kib / 1024
    printf "machine:            %d cores (nproc), %s\n", cores, cpu
    printf "certaudit exit:     %d\n", status
}'
if [[ $STATUS -ne 0 && $STATUS -ne 1 ]]; then
    echo "certaudit failed (exit $STATUS); the last lines of $LOG:" >&2
    tail -n 20 "$LOG" >&2
    exit "$STATUS"
fi
if [[ ! -d "$OUTPUT" ]]; then
    echo "certaudit exited $STATUS but wrote no $OUTPUT: the timing above measured nothing" >&2
    exit 4
fi
exit 0
