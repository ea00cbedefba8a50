#!/usr/bin/env python3
"""metrics.prom, read with Prometheus's own text parser, carries the sample estate's figures.

Tests/Golden/sample/ holds what `make report` writes (GoldenOutputTests pins every byte to the
binary's output, the run duration masked). This test parses the committed metrics.prom with the
prometheus_client package's parser (scripts/ensure_deps.sh --test installs it) and checks every
value against the other reports of the same run: inventory.csv for the per-certificate gauges,
findings.csv for the findings and outages, operations.csv and report.xml for the counts.

    python3 -m unittest discover -s scripts -p 'test_metrics.py'
"""

import collections
import csv
import datetime as dt
import os
import re
import unittest
import xml.etree.ElementTree as ET
from pathlib import Path

try:
    from prometheus_client.parser import text_string_to_metric_families
except ImportError:  # reported by the test, below
    text_string_to_metric_families = None

GOLDEN = Path(__file__).resolve().parent.parent / "Tests" / "Golden" / "sample"
ON_CI = os.environ.get("CI", "").lower() in ("true", "1", "yes")


def rows(name):
    with open(GOLDEN / name, encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def epoch(iso):
    return int(dt.datetime.fromisoformat(iso).timestamp())


class SampleMetricsTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if text_string_to_metric_families is None:
            if ON_CI:
                raise AssertionError("prometheus_client is missing on CI: scripts/ensure_deps.sh --test installs it")
            raise unittest.SkipTest("prometheus_client is not installed (scripts/ensure_deps.sh --test installs it)")
        text = (GOLDEN / "metrics.prom").read_text(encoding="utf-8")
        cls.families = {family.name: family for family in text_string_to_metric_families(text)}
        root = ET.parse(GOLDEN / "report.xml").getroot()
        cls.as_of = dt.datetime.fromisoformat(root.get("as-of"))
        namespace = {"r": root.tag[1:].split("}")[0]}
        cls.counts = {c.get("name"): int(c.get("value")) for c in root.iterfind(".//r:count", namespace)}

    def samples(self, name):
        """{labels as a sorted tuple: value} of one family."""
        family = self.families[name]
        self.assertEqual(family.type, "gauge", name)
        return {tuple(sorted(s.labels.items())): s.value for s in family.samples}

    def by_certificate(self, name):
        return {dict(labels)["certificate"]: value for labels, value in self.samples(name).items()}

    def test_every_family_is_a_documented_gauge(self):
        self.assertEqual(set(self.families), {
            "x509_cert_not_before", "x509_cert_not_after", "x509_cert_expired", "x509_cert_expires_in_seconds",
            "x509_cert_valid_since_seconds", "certaudit_as_of_timestamp_seconds", "certaudit_certificates",
            "certaudit_findings", "certaudit_quarantined_rows", "certaudit_outages_under_way",
            "certaudit_predicted_outages", "certaudit_operations_requested", "certaudit_operations_denied",
            "certaudit_run_duration_seconds"})
        for family in self.families.values():
            self.assertTrue(family.documentation, family.name)

    def test_expiry_gauges_match_the_inventory(self):
        inventory = {row["id"]: row for row in rows("inventory.csv")}
        as_of = int(self.as_of.timestamp())
        self.assertEqual(self.samples("certaudit_as_of_timestamp_seconds"), {(): as_of})
        not_after = self.by_certificate("x509_cert_not_after")
        self.assertEqual(set(not_after), {i for i, row in inventory.items() if row["not-after"]})
        not_before = self.by_certificate("x509_cert_not_before")
        self.assertEqual(set(not_before), {i for i, row in inventory.items() if row["not-before"]})
        for identifier, value in not_after.items():
            expected = epoch(inventory[identifier]["not-after"])
            self.assertEqual(value, expected, identifier)
            self.assertEqual(self.by_certificate("x509_cert_expires_in_seconds")[identifier], expected - as_of)
            self.assertEqual(self.by_certificate("x509_cert_expired")[identifier], 1 if expected < as_of else 0)
        for identifier, value in not_before.items():
            self.assertEqual(value, epoch(inventory[identifier]["not-before"]), identifier)
            self.assertEqual(self.by_certificate("x509_cert_valid_since_seconds")[identifier], as_of - value)
        self.assertIn(1, self.by_certificate("x509_cert_expired").values())
        self.assertIn(0, self.by_certificate("x509_cert_expired").values())

    def test_certificate_labels_are_the_exporters(self):
        inventory = {row["id"]: row for row in rows("inventory.csv")}
        checked = 0
        for labels in self.samples("x509_cert_not_after"):
            labels = dict(labels)
            row = inventory[labels["certificate"]]
            if not row["serial"]:
                self.assertEqual(set(labels), {"certificate"})
                continue
            self.assertEqual(labels["serial_number"], str(int(row["serial"], 16)), row["id"])
            # A plain subject (no escapes) names its common name first, as OpenSSL prints it.
            plain = re.fullmatch(r"CN=([^,\\]+)(,.*)?", row["subject"])
            if plain:
                self.assertEqual(labels["subject_CN"], plain.group(1), row["id"])
                checked += 1
            self.assertIn("issuer_CN", labels)
        self.assertGreater(checked, 10)

    def test_findings_are_counted_by_rule_and_severity(self):
        findings = collections.Counter((row["rule"], row["severity"]) for row in rows("findings.csv"))
        counted = {(dict(k)["rule"], dict(k)["severity"]): v for k, v in self.samples("certaudit_findings").items()}
        self.assertEqual(counted, dict(findings))

    def test_counts_match_the_report(self):
        self.assertEqual(self.samples("certaudit_certificates"), {(): self.counts["certificates"]})
        self.assertEqual(self.samples("certaudit_quarantined_rows"), {(): self.counts["quarantined"]})
        operations = rows("operations.csv")
        self.assertEqual(self.samples("certaudit_operations_requested"), {(): len(operations)})
        denied = sum(1 for row in operations if row["verdict"] == "denied")
        self.assertEqual(self.samples("certaudit_operations_denied"), {(): denied})
        self.assertGreater(denied, 0)

    def test_outages_are_the_expired_binding_findings_by_date(self):
        # Every outage is reported as a RES-EXPIRED-BINDING finding dated its first day out.
        dates = [dt.date.fromisoformat(row["date"]) for row in rows("findings.csv")
                 if row["rule"] == "RES-EXPIRED-BINDING"]
        today = self.as_of.date()
        self.assertEqual(self.samples("certaudit_outages_under_way"), {(): sum(1 for d in dates if d < today)})
        predicted = {dict(k)["within_days"]: v for k, v in self.samples("certaudit_predicted_outages").items()}
        for days in (7, 30):
            expected = sum(1 for d in dates if today <= d < today + dt.timedelta(days=days))
            self.assertEqual(predicted[str(days)], expected, days)
        self.assertGreater(predicted["30"], 0)


if __name__ == "__main__":
    unittest.main()
