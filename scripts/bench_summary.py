#!/usr/bin/env python3
"""Summarise `make bench`'s alternating runs: both medians, their ratio, certaudit's peak memory.

    python3 scripts/bench_summary.py RESULTS --certificates N --reference-threads T --machine TEXT

RESULTS has one line per run, as scripts/bench.sh writes them: `NAME WALL_SECONDS PEAK_KIB STATUS
[CPU_SECONDS]` (CPU is user plus system time; results written before it was recorded have none), with NAME `reference` (the naive C loop of bench/reference/), `floor` (bench/floor/: the least any
audit spends per bundle on OpenSSL 3.0; optional, older results have none), `fields` (the floor
built with -DFLOOR_FIELDS: every leaf field but the key decoded by OpenSSL; optional) or `certaudit`. The
ratio is certaudit's median over the reference's; issue 10 asks for at most 0.5. Peak RSS is the
largest of certaudit's runs (the one that decides whether the machine has room). When every run of
both recorded its CPU time, their CPU medians and ratio follow: on a shared VM whose speed drifts
from minute to minute, CPU time moves less than wall time, and the pair shows which of the two
moved. Exits 3 when the reference or certaudit has no run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    name: str
    wall: float
    peak_kib: int
    status: int
    cpu: float | None = None


def read_runs(path: str) -> list[Run]:
    runs = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            fields = line.split()
            if not fields:
                continue
            if len(fields) not in (4, 5):
                raise ValueError(f"{path}:{number}: expected NAME WALL PEAK_KIB STATUS [CPU], got {line.strip()!r}")
            cpu = float(fields[4]) if len(fields) == 5 else None
            runs.append(Run(fields[0], float(fields[1]), int(fields[2]), int(fields[3]), cpu))
    return runs


def summary(runs: list[Run], certificates: int, reference_threads: int, machine: str) -> list[str]:
    """The lines to print; raises ValueError when a program has no run."""
    reference = [run.wall for run in runs if run.name == "reference"]
    certaudit = [run for run in runs if run.name == "certaudit"]
    if not reference or not certaudit:
        raise ValueError("the results need at least one reference run and one certaudit run")
    reference_median = statistics.median(reference)
    certaudit_median = statistics.median(run.wall for run in certaudit)
    peak_mib = max(run.peak_kib for run in certaudit) / 1024
    ratio = certaudit_median / reference_median if reference_median > 0 else float("inf")
    floor = [run.wall for run in runs if run.name == "floor"]
    floor_lines = [
        f"floor median s:           {statistics.median(floor):.2f}  ({reference_threads} threads; "
        + ", ".join(f"{wall:.2f}" for wall in floor) + "; no X.509 decoding: bench/floor/)"
    ] if floor else []
    fields = [run.wall for run in runs if run.name == "fields"]
    fields_lines = [
        f"floor-fields median s:    {statistics.median(fields):.2f}  ({reference_threads} threads; "
        + ", ".join(f"{wall:.2f}" for wall in fields) + "; the floor plus every leaf field but the key "
        "decoded by OpenSSL)"
    ] if fields else []
    reference_cpu = [run.cpu for run in runs if run.name == "reference"]
    certaudit_cpu = [run.cpu for run in certaudit]
    cpu_lines = []
    if None not in reference_cpu and None not in certaudit_cpu:
        reference_cpu_median = statistics.median(reference_cpu)
        certaudit_cpu_median = statistics.median(certaudit_cpu)
        cpu_ratio = certaudit_cpu_median / reference_cpu_median if reference_cpu_median > 0 else float("inf")
        cpu_lines = [
            f"reference CPU median s:   {reference_cpu_median:.2f}  (user + system; "
            + ", ".join(f"{cpu:.2f}" for cpu in reference_cpu) + ")",
            f"certaudit CPU median s:   {certaudit_cpu_median:.2f}  ("
            + ", ".join(f"{cpu:.2f}" for cpu in certaudit_cpu) + ")",
            f"CPU ratio:                {cpu_ratio:.2f}  (certaudit's CPU over the reference's)",
        ]
    return [
        f"certificates:             {certificates}",
        f"runs (alternating):       {len(reference)} reference, {len(certaudit)} certaudit",
        f"reference median s:       {reference_median:.2f}  ({reference_threads} threads; "
        + ", ".join(f"{wall:.2f}" for wall in reference) + ")",
        *floor_lines,
        *fields_lines,
        f"certaudit median s:       {certaudit_median:.2f}  ("
        + ", ".join(f"{run.wall:.2f}" for run in certaudit) + ")",
        f"ratio certaudit/reference: {ratio:.2f}  (issue 10's target: at most 0.50)",
        *cpu_lines,
        f"certaudit certificates/s: {certificates / certaudit_median:.0f}" if certaudit_median > 0 else
        "certaudit certificates/s: n/a",
        f"certaudit peak RSS MiB:   {peak_mib:.1f}",
        f"machine:                  {machine}",
    ]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results")
    parser.add_argument("--certificates", type=int, required=True)
    parser.add_argument("--reference-threads", type=int, required=True)
    parser.add_argument("--machine", required=True)
    arguments = parser.parse_args(argv)
    try:
        lines = summary(read_runs(arguments.results), arguments.certificates, arguments.reference_threads,
                        arguments.machine)
    except ValueError as error:
        print(f"bench_summary: {error}", file=sys.stderr)
        return 3
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
