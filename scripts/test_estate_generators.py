#!/usr/bin/env python3
"""Tests for the estate generators: `python3 scripts/test_estate_generators.py` (about 30 s).

They pin what the rest of the project relies on: the committed `inputs/` is exactly what the script
writes (so nobody edits it by hand), both generators are deterministic, the CSVs have the shape the
README promises, and neither script deletes a folder it did not write.
"""

from __future__ import annotations

import csv
import filecmp
import json
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
REPO = SCRIPTS.parent


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True)


def checked(test: unittest.TestCase, result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    """`result`, after failing `test` unless the command exited 0 (with its stderr as the message)."""
    test.assertEqual(result.returncode, 0, f"{result.args}: {result.stderr}")
    return result


def same_tree(left: Path, right: Path) -> bool:
    comparison = filecmp.dircmp(left, right)
    if comparison.left_only or comparison.right_only or comparison.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(left, right, comparison.common_files, shallow=False)
    if mismatch or errors:
        return False
    return all(same_tree(left / d, right / d) for d in comparison.common_dirs)


class SampleEstateTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.output = Path(cls.tmp.name, "inputs")
        result = run(str(SCRIPTS / "make_sample_estate.py"), "--output", str(cls.output))
        assert result.returncode == 0, result.stderr

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_committed_inputs_are_what_the_script_writes(self):
        self.assertTrue(same_tree(self.output, REPO / "inputs"), "inputs/ differs: re-run the script")

    def test_every_row_but_the_malformed_one_has_the_header_field_count(self):
        with open(self.output / "certificates.csv", encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        header, body = rows[0], rows[1:]
        short = [row for row in body if len(row) != len(header)]
        self.assertEqual(len(short), 1)
        self.assertEqual(len(short[0]), 5)
        self.assertEqual(len(body), 55)

    def test_main_files_are_utf8_lf_without_bom(self):
        for name in ("certificates.csv", "resources.csv", "README.md"):
            data = (self.output / name).read_bytes()
            self.assertFalse(data.startswith(b"\xef\xbb\xbf"), name)
            self.assertNotIn(b"\r\n", data, name)
            data.decode("utf-8")

    def test_hostile_aliases_are_present_and_quoted(self):
        text = (self.output / "certificates.csv").read_text(encoding="utf-8")
        self.assertIn('"<script>alert(""x"")</script>"', text)
        self.assertIn('"=HYPERLINK(', text)

    def test_expectations_are_the_readme_tables(self):
        document = json.loads((self.output / "expectations.json").read_text(encoding="utf-8"))
        self.assertEqual(len(document["certificates"]), 55)
        self.assertEqual(sum(row["quarantined"] for row in document["certificates"]), 4)
        self.assertEqual(len(document["hosting"]), 8)
        self.assertEqual(len(document["operations"]), 34)
        by_line = {row["line"]: row for row in document["operations"]}
        self.assertEqual(by_line[14]["denies"], ["RI-WINDOW", "RI-ONE-PER-DOMAIN"])
        self.assertEqual(by_line[9]["requires"], ["RVK-DV-VALIDATION", "RVK-EFFECT"])

    def test_cells_the_tests_cannot_read_are_refused(self):
        sys.path.insert(0, str(SCRIPTS))
        import make_sample_estate as sample

        self.assertEqual(sample.expectations("BR-MAX-VALIDITY SHOULD (a, b), all CERT/BR rules, UPH-*")["families"],
                         ["CERT", "BR", "UPH"])
        self.assertEqual(sample.expectations("BR-MAX-VALIDITY SHOULD (a, b)")["rules"],
                         [{"rule": "BR-MAX-VALIDITY", "severity": "low"}])
        with self.assertRaises(ValueError):
            sample.expectations("chain `untrusted`")
        with self.assertRaises(ValueError):
            sample.operation_expectation("allowed, though RI-WINDOW denies it")
        with self.assertRaises(ValueError):
            sample.operation_expectation("denied; condition RI-VALIDATION")

    def test_refuses_to_delete_a_foreign_folder(self):
        with tempfile.TemporaryDirectory() as tmp:
            Path(tmp, "precious.txt").write_text("keep me")
            result = run(str(SCRIPTS / "make_sample_estate.py"), "--output", tmp)
            self.assertEqual(result.returncode, 2)
            self.assertTrue(Path(tmp, "precious.txt").exists())


class BenchEstateTests(unittest.TestCase):
    def test_deterministic_and_independent_of_process_count(self):
        with tempfile.TemporaryDirectory() as tmp:
            one, two = Path(tmp, "one"), Path(tmp, "two")
            checked(self, run(str(SCRIPTS / "make_bench_estate.py"), "1000", str(one)))
            checked(self, run(str(SCRIPTS / "make_bench_estate.py"), "2500", str(two)))
            self.assertTrue(same_tree(one / "bundles" / "0000", two / "bundles" / "0000"))
            first = (one / "certificates.csv").read_text(encoding="utf-8").splitlines()
            second = (two / "certificates.csv").read_text(encoding="utf-8").splitlines()
            self.assertEqual(first, second[: len(first)])
            self.assertEqual(len(second), 2501)
            self.assertEqual(len((two / "resources.csv").read_text().splitlines()), 1251)
            bundles = sorted((two / "bundles").rglob("*.pem"))
            self.assertEqual(len(bundles), 2500)
            with_key = [b for b in bundles if b"PRIVATE KEY" in b.read_bytes()]
            self.assertEqual(len(with_key), 25)

    def test_stamp_reuses_and_size_change_regenerates(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp, "estate")
            checked(self, run(str(SCRIPTS / "make_bench_estate.py"), "10", str(out)))
            reused = checked(self, run(str(SCRIPTS / "make_bench_estate.py"), "10", str(out)))
            self.assertIn("reused", reused.stdout)
            bigger = checked(self, run(str(SCRIPTS / "make_bench_estate.py"), "20", str(out)))
            self.assertIn("generated 20", bigger.stdout)
            self.assertEqual(len((out / "certificates.csv").read_text().splitlines()), 21)

    def test_chain_verifies_against_the_bench_root(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp, "estate")
            checked(self, run(str(SCRIPTS / "make_bench_estate.py"), "10", str(out)))
            bundle = out / "bundles" / "0000" / "bench00000003.pem"
            result = subprocess.run(
                ["openssl", "verify", "-no_check_time", "-CAfile", str(out / "trust" / "root.pem"),
                 "-untrusted", str(bundle), str(bundle)],
                capture_output=True, text=True,
            )
            checked(self, result)
            self.assertIn(": OK", result.stdout)

    def test_refuses_to_delete_a_foreign_folder(self):
        with tempfile.TemporaryDirectory() as tmp:
            Path(tmp, "precious.txt").write_text("keep me")
            result = run(str(SCRIPTS / "make_bench_estate.py"), "10", tmp)
            self.assertEqual(result.returncode, 2)
            self.assertTrue(Path(tmp, "precious.txt").exists())


if __name__ == "__main__":
    unittest.main(verbosity=2)
