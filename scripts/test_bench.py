#!/usr/bin/env python3
"""Tests for `make bench`'s parts that run without a release build: the naive C reference
(bench/reference/reference.c) and the floor (bench/floor/floor.c) on a small generated estate, the summary of the alternating runs
(scripts/bench_summary.py) and scripts/bench.sh's argument checks."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
REPO = SCRIPTS.parent
sys.path.insert(0, str(SCRIPTS))
import bench_summary  # noqa: E402


@unittest.skipUnless(shutil.which("cc") and shutil.which("pkg-config"), "needs cc and pkg-config")
class ReferenceProgramTests(unittest.TestCase):
    """The reference; `FloorProgramTests` runs the same tests on the floor, which reads the same
    facts another way and must count, verify and refuse alike."""

    source = REPO / "bench" / "reference" / "reference.c"
    defines: list[str] = []

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        work = Path(cls.tmp.name)
        flags = subprocess.run(["pkg-config", "--cflags", "--libs", "openssl"], capture_output=True, text=True,
                               check=True).stdout.split()
        cls.binary = work / cls.source.stem
        subprocess.run(["cc", "-O2", "-Wall", "-Wextra", "-Werror", *cls.defines, "-o", str(cls.binary),
                        str(cls.source), *flags, "-lpthread"], check=True)
        cls.estate = work / "estate"
        subprocess.run([sys.executable, str(SCRIPTS / "make_bench_estate.py"), "13", str(cls.estate)], check=True,
                       capture_output=True)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def reference(self, *args: str) -> dict[str, str]:
        result = subprocess.run([str(self.binary), *args], capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        fields = result.stdout.split()
        return dict(zip(fields[0::2], fields[1::2]))

    def test_reads_every_bundle_and_verifies_every_leaf(self):
        counts = self.reference("-t", "1", str(self.estate / "bundles"))
        self.assertEqual((counts["files"], counts["certificates"], counts["verified"], counts["unreadable"]),
                         ("13", "26", "13", "0"))

    def test_checksum_does_not_depend_on_the_thread_count(self):
        one = self.reference("-t", "1", str(self.estate / "bundles"))
        three = self.reference("-t", "3", str(self.estate / "bundles"))
        self.assertRegex(one["checksum"], r"^[0-9a-f]{16}$")
        self.assertEqual(one["checksum"], three["checksum"])
        self.assertEqual(three["threads"], "3")

    def test_a_tampered_leaf_is_counted_unverified(self):
        with tempfile.TemporaryDirectory() as tmp:
            bundle = next((self.estate / "bundles").rglob("*.pem")).read_text()
            leaf, rest = bundle.split("-----END CERTIFICATE-----\n", 1)
            lines = leaf.splitlines()
            # Flip one base64 character well inside the signed part (not the signature, not padding).
            body = lines[5]
            lines[5] = body[:10] + ("A" if body[10] != "A" else "B") + body[11:]
            Path(tmp, "tampered.pem").write_text("\n".join(lines) + "\n-----END CERTIFICATE-----\n" + rest)
            counts = self.reference(tmp)
        self.assertEqual((counts["files"], counts["certificates"], counts["verified"]), ("1", "2", "0"))

    def test_bad_usage_exits_2(self):
        for args in ([], ["-t", "0", "x"], ["/nonexistent/folder"]):
            result = subprocess.run([str(self.binary), *args], capture_output=True, text=True)
            self.assertEqual(result.returncode, 2, args)


class FloorProgramTests(ReferenceProgramTests):
    source = REPO / "bench" / "floor" / "floor.c"

    def test_a_bundle_without_its_issuer_is_read_but_not_verified(self):
        with tempfile.TemporaryDirectory() as tmp:
            bundle = next((self.estate / "bundles").rglob("*.pem")).read_text()
            leaf = bundle.split("-----END CERTIFICATE-----\n", 1)[0] + "-----END CERTIFICATE-----\n"
            Path(tmp, "leaf.pem").write_text(leaf)
            Path(tmp, "notes.txt").write_text("no certificate here\n")
            counts = self.reference(tmp)
        self.assertEqual((counts["files"], counts["certificates"], counts["verified"], counts["unreadable"]),
                         ("2", "1", "0", "1"))


class FloorFieldsProgramTests(FloorProgramTests):
    """The floor built to decode every leaf field with OpenSSL: it counts, verifies and refuses as the
    floor does, and reads more of each leaf."""
    defines = ["-DFLOOR_FIELDS"]

    def test_it_folds_more_facts_than_the_floor(self):
        fields = self.reference("-t", "1", str(self.estate / "bundles"))
        work = Path(self.tmp.name)
        flags = subprocess.run(["pkg-config", "--cflags", "--libs", "openssl"], capture_output=True, text=True,
                               check=True).stdout.split()
        plain = work / "floor-plain"
        subprocess.run(["cc", "-O2", "-o", str(plain), str(FloorProgramTests.source), *flags, "-lpthread"], check=True)
        result = subprocess.run([str(plain), "-t", "1", str(self.estate / "bundles")], capture_output=True,
                                text=True, check=True).stdout.split()
        self.assertNotEqual(fields["checksum"], dict(zip(result[0::2], result[1::2]))["checksum"])


class SummaryTests(unittest.TestCase):
    def write(self, text: str) -> str:
        handle = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False)
        handle.write(text)
        handle.close()
        self.addCleanup(os.unlink, handle.name)
        return handle.name

    def test_medians_ratio_and_largest_peak(self):
        runs = [bench_summary.Run("reference", wall, 1000, 0) for wall in (21.0, 19.0, 30.0)]
        runs += [bench_summary.Run("certaudit", wall, kib, 1) for wall, kib in ((12.0, 2048), (9.0, 4096), (10.0, 1024))]
        lines = "\n".join(bench_summary.summary(runs, 1000, 2, "test machine"))
        self.assertIn("reference median s:       21.00", lines)
        self.assertIn("certaudit median s:       10.00", lines)
        self.assertIn("ratio certaudit/reference: 0.48", lines)
        self.assertIn("certaudit peak RSS MiB:   4.0", lines)
        self.assertIn("certaudit certificates/s: 100", lines)
        self.assertIn("machine:                  test machine", lines)
        self.assertNotIn("floor", lines)

    def test_the_floor_fields_median_after_the_floor_when_it_ran(self):
        runs = [bench_summary.Run("reference", 20.0, 900, 0), bench_summary.Run("certaudit", 30.0, 400_000, 0),
                bench_summary.Run("floor", 4.0, 900, 0), bench_summary.Run("fields", 4.5, 900, 0),
                bench_summary.Run("fields", 4.25, 900, 0)]
        lines = bench_summary.summary(runs, 100_000, 2, "test machine")
        fields = next(line for line in lines if line.startswith("floor-fields"))
        self.assertIn("4.38  (2 threads; 4.50, 4.25;", fields)
        self.assertEqual(lines.index(fields), lines.index(next(line for line in lines if line.startswith("floor ")))
                         + 1)

    def test_the_floor_median_when_the_floor_ran(self):
        runs = [bench_summary.Run("reference", 20.0, 1000, 0), bench_summary.Run("certaudit", 30.0, 2048, 0)]
        runs += [bench_summary.Run("floor", wall, 900, 0) for wall in (4.0, 3.5, 3.75)]
        lines = bench_summary.summary(runs, 1000, 2, "m")
        self.assertIn("floor median s:           3.75  (2 threads; 4.00, 3.50, 3.75; no X.509 decoding: bench/floor/)",
                      lines)
        self.assertLess(lines.index(next(line for line in lines if line.startswith("floor"))),
                        lines.index(next(line for line in lines if line.startswith("certaudit median"))))

    def test_reads_what_bench_sh_writes_and_refuses_a_missing_program(self):
        path = self.write("reference 20.5 5000 0\ncertaudit 8.25 900000 1\n")
        runs = bench_summary.read_runs(path)
        self.assertEqual(runs, [bench_summary.Run("reference", 20.5, 5000, 0),
                                bench_summary.Run("certaudit", 8.25, 900000, 1)])
        only_reference = self.write("reference 20.5 5000 0\n")
        result = subprocess.run([sys.executable, str(SCRIPTS / "bench_summary.py"), only_reference,
                                 "--certificates", "1", "--reference-threads", "2", "--machine", "m"],
                                capture_output=True, text=True)
        self.assertEqual(result.returncode, 3)
        self.assertIn("at least one reference run and one certaudit run", result.stderr)

    def test_cpu_medians_and_ratio_when_every_run_recorded_it(self):
        path = self.write("reference 20.0 900 0 38.0\nreference 24.0 900 0 40.0\nreference 22.0 900 0 39.0\n"
                          "certaudit 15.0 4096 0 19.5\ncertaudit 16.0 4096 0 20.0\ncertaudit 14.0 4096 0 19.0\n")
        runs = bench_summary.read_runs(path)
        self.assertEqual(runs[0], bench_summary.Run("reference", 20.0, 900, 0, 38.0))
        lines = bench_summary.summary(runs, 1000, 2, "m")
        self.assertIn("reference CPU median s:   39.00  (user + system; 38.00, 40.00, 39.00)", lines)
        self.assertIn("certaudit CPU median s:   19.50  (19.50, 20.00, 19.00)", lines)
        self.assertIn("CPU ratio:                0.50  (certaudit's CPU over the reference's)", lines)
        older = bench_summary.read_runs(self.write("reference 20.0 900 0 38.0\ncertaudit 15.0 4096 0\n"))
        self.assertFalse(any("CPU" in line for line in bench_summary.summary(older, 1000, 2, "m")))

    def test_a_malformed_line_is_an_error_naming_it(self):
        path = self.write("reference 20.5\n")
        with self.assertRaisesRegex(ValueError, re.escape(f"{path}:1")):
            bench_summary.read_runs(path)


class BenchScriptTests(unittest.TestCase):
    def test_bad_arguments_exit_2_before_any_work(self):
        for args, env in ((["abc"], {}), (["10", "20"], {}), (["10"], {"BENCH_RUNS": "0"}),
                          (["10"], {"BENCH_REFERENCE_THREADS": "two"}), (["10"], {"BENCH_COLD": "yes"})):
            result = subprocess.run(["bash", str(SCRIPTS / "bench.sh"), *args], capture_output=True, text=True,
                                    env={**os.environ, **env})
            self.assertEqual(result.returncode, 2, (args, env))
            self.assertIn("usage", result.stderr)

    def test_a_cold_bench_that_cannot_empty_the_cache_exits_2_before_any_work(self):
        with tempfile.TemporaryDirectory() as folder:
            missing = os.path.join(folder, "no-such-folder", "drop_caches")
            result = subprocess.run(["bash", str(SCRIPTS / "bench.sh"), "10"], capture_output=True, text=True,
                                    env={**os.environ, "BENCH_COLD": "1", "BENCH_DROP_CACHES": missing})
            self.assertEqual(result.returncode, 2)
            self.assertIn(f"BENCH_COLD=1 needs to write {missing}", result.stderr)
            self.assertNotIn("== estate", result.stderr)


if __name__ == "__main__":
    unittest.main()
