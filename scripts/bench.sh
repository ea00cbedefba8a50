#!/usr/bin/env bash
# Benchmark certaudit against the naive C reference (bench/reference/) on one synthetic estate.
#
#   scripts/bench.sh [N]          (N certificates, default 100000)
#
# 1. generates (or reuses, see the stamp in scripts/make_bench_estate.py) bench/work/estate-N,
# 2. builds the release binary (swift build -c release) and the reference (cc -O2, pkg-config openssl),
# 3. runs, alternately BENCH_RUNS times (default 3), the reference with BENCH_REFERENCE_THREADS threads
#    (default 2) on the estate's bundles, the floor (bench/floor/: OpenSSL's signature arithmetic
#    and SHA-256 alone, no X.509 decoding; the same threads) on them, the floor built with
#    -DFLOOR_FIELDS (every leaf field but the key also decoded by OpenSSL), and the full `certaudit run`
#    (all cores) on the estate, each under /usr/bin/time -v, so all see the same machine at nearly
#    the same moment,
# 4. prints the medians, certaudit's ratio to the reference (the target of issue 10: at most 0.5),
#    certaudit's peak RSS and the machine (scripts/bench_summary.py reads bench/work/results-N.txt).
#
# BENCH_COLD=1 empties the kernel's caches (`sync`, then 3 into /proc/sys/vm/drop_caches: root
# only: the page cache, and the file system's cached names and inodes) before every timed run, so
# that each program reads the estate from storage, as a nightly job
# does with an estate exported hours before; without it the reference's first run warms the cache
# for all the others. BENCH_DROP_CACHES names another file to write (the tests use it).
#
# The run simulates BENCH_HORIZON days (default 1095: three years, issue 8); BENCH_HORIZON=0
# simulates the as-of date alone, so the two timings show what the simulation adds.
#
# Exit status: 0 when every run completed; certaudit's exit 1 ("findings at or above --fail-on")
# counts as completed: a benchmark estate is full of findings on purpose. Any other failure stops
# the script with that status. Peak RSS comes from GNU time; when /usr/bin/time is missing the script
# installs Debian's `time` package if it runs as root with apt-get, and otherwise measures with a
# small Python wrapper (getrusage(RUSAGE_CHILDREN).ru_maxrss, the same number GNU time reports);
# BENCH_NO_GNU_TIME=1 forces that wrapper (to test it). A certaudit run that exits 0/1 but writes no
# output folder is reported as a failure (exit 4): timing a command that did nothing would be a lie.
set -euo pipefail

usage() { echo "usage: [BENCH_COLD=1] scripts/bench.sh [N]   (N = number of certificates, default 100000)" >&2; }

N="${1:-100000}"
RUNS="${BENCH_RUNS:-3}"
REFERENCE_THREADS="${BENCH_REFERENCE_THREADS:-2}"
if [[ $# -gt 1 || ! "$N" =~ ^[1-9][0-9]*$ || ! "$RUNS" =~ ^[1-9][0-9]*$ || ! "$REFERENCE_THREADS" =~ ^[1-9][0-9]*$ ]]
then
    usage
    exit 2
fi

COLD="${BENCH_COLD:-0}"
DROP_CACHES="${BENCH_DROP_CACHES:-/proc/sys/vm/drop_caches}"
if [[ "$COLD" != 0 && "$COLD" != 1 ]]; then
    usage
    exit 2
fi
if [[ "$COLD" == 1 && ! -w "$DROP_CACHES" ]]; then
    echo "BENCH_COLD=1 needs to write $DROP_CACHES (run as root, outside a container that hides it)" >&2
    exit 2
fi

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$REPO/bench/work"
ESTATE="$WORK/estate-$N"
OUTPUT="$WORK/output-$N"
RESULTS="$WORK/results-$N.txt"
AS_OF="2026-11-28T00:00:00+08:00"
HORIZON="${BENCH_HORIZON:-1095}"
mkdir -p "$WORK"

echo "== estate: $ESTATE" >&2
python3 "$REPO/scripts/make_bench_estate.py" "$N" "$ESTATE" >&2

echo "== build: swift build -c release" >&2
(cd "$REPO" && swift build -c release --product certaudit >&2)
BINARY="$REPO/.build/release/certaudit"

REFERENCE="$WORK/reference"
echo "== build: ${CC:-cc} -O2 bench/reference/reference.c" >&2
# shellcheck disable=SC2046  # pkg-config's flags are meant to split
"${CC:-cc}" -O2 -Wall -o "$REFERENCE" "$REPO/bench/reference/reference.c" $(pkg-config --cflags --libs openssl) -lpthread

FLOOR="$WORK/floor"
echo "== build: ${CC:-cc} -O2 bench/floor/floor.c" >&2
# shellcheck disable=SC2046
"${CC:-cc}" -O2 -Wall -o "$FLOOR" "$REPO/bench/floor/floor.c" $(pkg-config --cflags --libs openssl) -lpthread
FIELDS="$WORK/floor-fields"
echo "== build: ${CC:-cc} -O2 -DFLOOR_FIELDS bench/floor/floor.c" >&2
# shellcheck disable=SC2046
"${CC:-cc}" -O2 -Wall -DFLOOR_FIELDS -o "$FIELDS" "$REPO/bench/floor/floor.c" $(pkg-config --cflags --libs openssl) \
    -lpthread

if [[ ! -x /usr/bin/time && "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    echo "== /usr/bin/time missing: installing Debian package 'time'" >&2
    apt-get install -y time >&2 || true
fi

# timed NAME LOG COMMAND...: runs COMMAND with its output in LOG and appends
# "NAME WALL_SECONDS PEAK_KIB STATUS CPU_SECONDS" (CPU: user + system) to the results file.
timed() {
    local name="$1" log="$2" timing="$WORK/time-$N.txt" status wall peak cpu
    shift 2
    if [[ "$COLD" == 1 ]]; then
        sync
        echo 3 >"$DROP_CACHES"
    fi
    set +e
    if [[ -x /usr/bin/time && "${BENCH_NO_GNU_TIME:-}" != 1 ]]; then
        /usr/bin/time -v -o "$timing" "$@" >"$log" 2>&1
        status=$?
        wall="$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$timing" |
            awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')"
        peak="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$timing")"
        cpu="$(awk -F': ' '/User time \(seconds\)|System time \(seconds\)/ { s += $2 } END { printf "%.2f", s }' \
            "$timing")"
    else
        python3 - "$timing" "$@" >"$log" 2>&1 <<'PY'
import resource, subprocess, sys, time
started = time.monotonic()
status = subprocess.call(sys.argv[2:])
wall = time.monotonic() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as out:
    out.write(f"wall {wall:.2f}\npeak_kib {usage.ru_maxrss}\nstatus {status}\n"
              f"cpu {usage.ru_utime + usage.ru_stime:.2f}\n")
sys.exit(status)
PY
        status=$?
        wall="$(awk '/^wall/ { print $2 }' "$timing")"
        peak="$(awk '/^peak_kib/ { print $2 }' "$timing")"
        cpu="$(awk '/^cpu/ { print $2 }' "$timing")"
    fi
    set -e
    echo "$name $wall $peak $status $cpu" >>"$RESULTS"
    echo "   $name: ${wall} s, ${cpu} s CPU, $((peak / 1024)) MiB, exit $status" >&2
    if [[ "$name" == certaudit && $status -ne 0 && $status -ne 1 ]] || [[ "$name" != certaudit && $status -ne 0 ]]
    then
        echo "$name failed (exit $status); the last lines of $log:" >&2
        tail -n 20 "$log" >&2
        exit "$status"
    fi
}

: >"$RESULTS"
for run in $(seq 1 "$RUNS"); do
    echo "== run $run of $RUNS: reference, floor, floor-fields (-t $REFERENCE_THREADS each), then certaudit" >&2
    timed reference "$WORK/reference-$N.log" "$REFERENCE" -t "$REFERENCE_THREADS" "$ESTATE/bundles"
    timed floor "$WORK/floor-$N.log" "$FLOOR" -t "$REFERENCE_THREADS" "$ESTATE/bundles"
    timed fields "$WORK/floor-fields-$N.log" "$FIELDS" -t "$REFERENCE_THREADS" "$ESTATE/bundles"
    rm -rf "$OUTPUT"
    timed certaudit "$WORK/run-$N.log" "$BINARY" run --inputs "$ESTATE" --output "$OUTPUT" --as-of "$AS_OF" \
        --timezone Asia/Shanghai --horizon "$HORIZON"
    if [[ ! -d "$OUTPUT" ]]; then
        echo "certaudit completed but wrote no $OUTPUT: the timing above measured nothing" >&2
        exit 4
    fi
done

CPU="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
python3 "$REPO/scripts/bench_summary.py" "$RESULTS" --certificates "$N" --reference-threads "$REFERENCE_THREADS" \
    --machine "$(nproc) cores (nproc), ${CPU:-unknown}$([[ "$COLD" == 1 ]] && echo ', caches emptied before every run (drop_caches 3)')"
