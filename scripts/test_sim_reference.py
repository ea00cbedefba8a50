#!/usr/bin/env python3
"""Hand-computed cases for the simulation's reference model (scripts/sim_reference.py).

Each case builds a tiny CSV-only estate in a temporary folder with `Estate.write` (generated, never
typed as files), runs the model as of Saturday 2026-11-28 00:00 in Asia/Shanghai unless it says
otherwise, and checks the events against dates worked out by hand in the comments. The last class
runs the estate generator (scripts/make_sim_estate.py) and checks that the model handles its
estates quickly and that they exercise every event kind.

    python3 -m unittest discover -s scripts -p 'test_sim*.py'
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS))
import sim_reference as ref  # noqa: E402

AS_OF = "2026-11-28T00:00:00+08:00"  # a Saturday
SHANGHAI = ref.TIME_ZONES["Asia/Shanghai"]


def day(text):
    return dt.date.fromisoformat(text)


def certificate(certificate_id, not_after, **columns):
    """A platform-issued DNSPod DV single certificate in force; keyword arguments override."""
    row = {
        "certificate_id": certificate_id, "source": "issued", "brand": "DNSPod", "product": "DV",
        "domain_type": "single", "status": "issued", "not_after": not_after,
        "issued_at": "2026-01-01 08:00:00", "auto_renew": "false", "account_id": "",
        "dns_on_platform": "true",
    }
    row.update(columns)
    return row


def auto_renewing(certificate_id, not_after, **columns):
    """A certificate that renews automatically, its DNS on the platform."""
    columns.setdefault("auto_renew", "true")
    return certificate(certificate_id, not_after, **columns)


class Estate:
    """A tiny inputs folder: `Estate(certificates=[...], hosting=[...]).run()` -> events."""

    def __init__(self, **tables):
        self.tables = tables

    def write(self, folder):
        for name, rows in self.tables.items():
            columns = []
            for row in rows:
                columns += [column for column in row if column not in columns]
            with open(Path(folder, f"{name}.csv"), "w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle, lineterminator="\n")
                writer.writerow(columns)
                for row in rows:
                    writer.writerow([row.get(column, "") for column in columns])

    def run(self, as_of=AS_OF, horizon=365, timezone="Asia/Shanghai", **options):
        with tempfile.TemporaryDirectory() as folder:
            self.write(folder)
            return ref.simulate(folder, as_of, timezone, horizon, **options)


def rows(events, kind=None, certificate=None):
    """(date, kind, certificate, resource) tuples, optionally only one kind or certificate."""
    return [(e.date.isoformat(), e.kind, e.certificate, e.resource) for e in events
            if (kind is None or e.kind == kind) and (certificate is None or e.certificate == certificate)]


def dates(events, kind, certificate=None):
    return [e.date.isoformat() for e in events
            if e.kind == kind and (certificate is None or e.certificate == certificate)]


def simulation(review="worst", validity="cabf", holidays=(), workdays=(), tz=SHANGHAI):
    """A Simulation over an empty estate, to call its date functions directly."""
    with tempfile.TemporaryDirectory() as folder:
        rows_ = [{"date": d, "kind": "holiday"} for d in holidays]
        rows_ += [{"date": d, "kind": "workday"} for d in workdays]
        Estate(certificates=[], holidays=rows_).write(folder)
        estate = ref.Estate(folder, tz)
    as_of = dt.datetime(2026, 11, 28, tzinfo=tz)
    return ref.Simulation(estate, as_of, tz, 365, review, validity)


class SuccessorValidityTests(unittest.TestCase):
    """AR-SUCCESSOR-VALIDITY and BR-MAX-VALIDITY."""

    def test_worked_example_under_one_year(self):
        # Old expiry 2021-11-01, successor issued 2021-10-01 -> valid until 2022-11-01.
        old = dt.datetime(2021, 11, 1, 23, 59, 59, tzinfo=SHANGHAI)
        not_after = simulation(validity="one-year").successor_not_after(old, day("2021-10-01"))
        self.assertEqual(not_after, dt.datetime(2022, 11, 1, 23, 59, 59, tzinfo=SHANGHAI))

    def test_worked_example_under_cabf_is_not_capped(self):
        # 398 days from 2021-10-01 00:00 end 2022-11-03 23:59:59, later than the one-year date.
        old = dt.datetime(2021, 11, 1, 23, 59, 59, tzinfo=SHANGHAI)
        not_after = simulation(validity="cabf").successor_not_after(old, day("2021-10-01"))
        self.assertEqual(not_after, dt.datetime(2022, 11, 1, 23, 59, 59, tzinfo=SHANGHAI))

    def test_cabf_caps_at_200_days_from_2026_03_15(self):
        # Issued 2026-12-01: 2026-12-01 00:00 + 200 days - 1 s = 2027-06-18 23:59:59.
        old = dt.datetime(2026, 12, 30, 7, 59, 59, tzinfo=SHANGHAI)
        not_after = simulation().successor_not_after(old, day("2026-12-01"))
        self.assertEqual(not_after, dt.datetime(2027, 6, 18, 23, 59, 59, tzinfo=SHANGHAI))

    def test_the_stage_is_the_one_of_the_local_issue_date(self):
        # docs/simulation.md: whole local days, the stage in force on the local issue date. Issued
        # 2027-03-14: the 200-day stage (until 2027-09-29); issued 2027-03-15: the 100-day stage.
        old = dt.datetime(2027, 4, 1, 7, 59, 59, tzinfo=SHANGHAI)
        before = simulation().successor_not_after(old, day("2027-03-14"))
        self.assertEqual(before.date(), day("2027-09-29"))  # 03-14 + 199 days
        on = simulation().successor_not_after(old, day("2027-03-15"))
        self.assertEqual(on.date(), day("2027-06-22"))  # 03-15 + 99 days

    def test_29_february_plus_one_year_is_28_february(self):
        old = dt.datetime(2028, 2, 29, 7, 59, 59, tzinfo=SHANGHAI)
        not_after = simulation(validity="one-year").successor_not_after(old, day("2028-02-01"))
        # Valid in whole local days: through the end of 2029-02-28.
        self.assertEqual(not_after, dt.datetime(2029, 2, 28, 23, 59, 59, tzinfo=SHANGHAI))

    def test_end_to_end_successor_expiry_follows_the_rule(self):
        # Charged 2026-11-30 (X - 30), issued Tuesday 2026-12-01: under cabf it expires
        # 2027-06-18 (200 days), under one-year on 2027-12-30; the expiry carries the old ID.
        # The successor renews again 30 days before its own expiry (cabf: 2027-05-19, issued
        # Thursday 05-20, 100-day stage: expires 05-20 + 99 = 2027-08-27, and so on).
        estate = Estate(certificates=[auto_renewing("c1", "2026-12-30 23:59:59")])
        cabf = estate.run(horizon=400)
        self.assertEqual(dates(cabf, "expiry", "c1")[:3], ["2026-12-30", "2027-06-18", "2027-08-27"])
        self.assertEqual(dates(cabf, "renewal-charge", "c1")[:2], ["2026-11-30", "2027-05-19"])
        one_year = estate.run(horizon=400, successor_validity="one-year")
        self.assertEqual(dates(one_year, "expiry", "c1"), ["2026-12-30", "2027-12-30"])
        self.assertEqual(dates(one_year, "renewal-charge", "c1"), ["2026-11-30", "2027-11-30"])


class WorkingDayTests(unittest.TestCase):
    """REV-DURATION in working days (RULES.md §0)."""

    def test_a_review_started_on_friday_ends_on_monday(self):
        # X = 2027-01-03, charged X - 30 = Friday 2026-12-04: DV issued Monday 2026-12-07.
        events = Estate(certificates=[auto_renewing("c1", "2027-01-03 23:59:59")]).run()
        self.assertEqual(rows(events, certificate="c1")[:3], [
            ("2026-12-04", "renewal-charge", "c1", ""),
            ("2026-12-04", "successor-created", "c1", ""),
            ("2026-12-07", "successor-issued", "c1", ""),
        ])

    def test_uph_ov_review_started_on_friday(self):
        # Uploaded, X = 2027-01-02: order on X - 29 = Friday 2026-12-04; OV worst 5 working days
        # -> Friday 2026-12-11, typical 3 -> Wednesday 2026-12-09.
        estate = Estate(
            certificates=[certificate("u1", "2027-01-02 23:59:59", source="uploaded",
                                      brand="GeoTrust", product="OV", validation_ready="true")],
            hosting=[{"certificate_id": "u1", "resource_types": "CDN", "replace_lead": "7"}])
        self.assertEqual(dates(estate.run(), "successor-issued")[:1], ["2026-12-11"])
        self.assertEqual(dates(estate.run(review="typical"), "successor-issued")[:1], ["2026-12-09"])
        self.assertEqual(dates(estate.run(), "uph-order-submitted")[:1], ["2026-12-04"])

    def test_a_review_started_on_the_eve_of_a_holiday(self):
        # Charged Thursday 2026-12-31 (X = 2027-01-30); 2027-01-01 is a holiday, then a weekend:
        # issued Monday 2027-01-04. Without the holiday: Friday 2027-01-01.
        cert = auto_renewing("c1", "2027-01-30 23:59:59")
        with_holiday = Estate(certificates=[cert], holidays=[
            {"date": "2027-01-01", "kind": "holiday", "name": "元旦"}]).run()
        self.assertEqual(dates(with_holiday, "successor-issued")[:1], ["2027-01-04"])
        without = Estate(certificates=[cert]).run()
        self.assertEqual(dates(without, "successor-issued")[:1], ["2027-01-01"])

    def test_a_review_across_a_make_up_workday(self):
        # Charged Friday 2027-02-12 (X = 2027-03-14); 02-15..02-19 are holidays and Saturday
        # 02-20 is a make-up workday: DV issued Saturday 2027-02-20.
        holidays = [{"date": f"2027-02-{d}", "kind": "holiday", "name": "春节"} for d in range(15, 20)]
        holidays.append({"date": "2027-02-20", "kind": "workday", "name": "补班"})
        events = Estate(certificates=[auto_renewing("c1", "2027-03-14 23:59:59")],
                        holidays=holidays).run()
        self.assertEqual(dates(events, "successor-issued")[:1], ["2027-02-20"])

    def test_working_days_after_counts_from_the_next_day(self):
        sim = simulation(holidays=["2027-02-15", "2027-02-16", "2027-02-17", "2027-02-18",
                                   "2027-02-19"], workdays=["2027-02-20"])
        self.assertEqual(sim.working_days_after(day("2026-12-01"), 1), day("2026-12-02"))  # Tue
        self.assertEqual(sim.working_days_after(day("2026-12-05"), 1), day("2026-12-07"))  # Sat
        self.assertEqual(sim.working_days_after(day("2027-02-12"), 5), day("2027-02-25"))
        self.assertEqual(sim.working_days_after(day("2027-02-12"), 7), day("2027-03-01"))


class ChargeTests(unittest.TestCase):
    """AR-CHARGE-DATE, AR-ENABLE-WINDOW and AR-CHARGE-FAILED."""

    def test_charge_date_boundaries(self):
        x = day("2027-01-31")
        for days_before, expected in [(13, None), (14, x - dt.timedelta(days=14)),
                                      (29, x - dt.timedelta(days=29)),
                                      (30, x - dt.timedelta(days=30)),
                                      (31, x - dt.timedelta(days=30)), (None, x - dt.timedelta(30))]:
            enabled = None if days_before is None else x - dt.timedelta(days=days_before)
            self.assertEqual(ref.Simulation.charge_date(x, enabled), expected, days_before)

    def test_switched_on_14_days_before_is_charged_that_day_13_never(self):
        # Switched on at the as-of date 2026-11-28.
        estate = Estate(certificates=[
            auto_renewing("d14", "2026-12-12 23:59:59", auto_renew_enabled_on="2026-11-28"),
            auto_renewing("d13", "2026-12-11 23:59:59", auto_renew_enabled_on="2026-11-28"),
        ])
        events = estate.run(horizon=60)
        self.assertEqual(dates(events, "renewal-charge", "d14"), ["2026-11-28"])
        self.assertEqual(rows(events, certificate="d13"), [("2026-12-11", "expiry", "d13", "")])

    def test_switched_on_29_days_before_is_charged_that_day_30_or_more_at_x_minus_30(self):
        estate = Estate(certificates=[
            auto_renewing("d29", "2026-12-27 23:59:59", auto_renew_enabled_on="2026-11-28"),
            auto_renewing("d30", "2026-12-28 23:59:59", auto_renew_enabled_on="2026-11-28"),
            auto_renewing("d31", "2026-12-29 23:59:59", auto_renew_enabled_on="2026-11-28"),
        ])
        events = estate.run(horizon=60)
        self.assertEqual(dates(events, "renewal-charge", "d29"), ["2026-11-28"])
        self.assertEqual(dates(events, "renewal-charge", "d30"), ["2026-11-28"])
        self.assertEqual(dates(events, "renewal-charge", "d31"), ["2026-11-29"])

    def test_an_earlier_charge_on_the_same_account_uses_the_balance(self):
        # Balance 400.00, price 299.00: a1 (charged 12-04) succeeds, b2 (charged 12-10) fails.
        estate = Estate(
            certificates=[auto_renewing("b2", "2027-01-09 23:59:59", account_id="acc"),
                          auto_renewing("a1", "2027-01-03 23:59:59", account_id="acc")],
            accounts=[{"account_id": "acc", "balance": "400.00"}],
            pricing=[{"brand": "DNSPod", "product": "DV", "domain_type": "single", "years": "1",
                      "price_cny": "299.00"}])
        events = estate.run(horizon=60)
        charges = rows(events, "renewal-charge") + rows(events, "renewal-charge-failed")
        self.assertEqual(charges, [("2026-12-04", "renewal-charge", "a1", ""),
                                   ("2026-12-10", "renewal-charge-failed", "b2", "")])
        self.assertEqual(dates(events, "account-shortfall"), ["2026-12-10"])
        self.assertEqual(rows(events, "successor-created"), [("2026-12-04", "successor-created", "a1", "")])
        failed_charge = [e for e in events if e.kind == "renewal-charge-failed"][0]
        self.assertEqual(failed_charge.attributes["amount"], ref.Decimal("299.00"))

    def test_a_failed_charge_draws_nothing(self):
        # Balance 400.00: a1 299.00 on 12-04 passes (101.00 left), b2 299.00 on 12-10 fails and
        # draws nothing, so c3 (TrustAsia wildcard, 100.00) on 12-12 still passes (1.00 left).
        estate = Estate(
            certificates=[auto_renewing("a1", "2027-01-03 23:59:59", account_id="acc"),
                          auto_renewing("b2", "2027-01-09 23:59:59", account_id="acc"),
                          auto_renewing("c3", "2027-01-11 23:59:59", account_id="acc",
                                        brand="TrustAsia", domain_type="wildcard")],
            accounts=[{"account_id": "acc", "balance": "400.00"}],
            pricing=[{"brand": "DNSPod", "product": "DV", "domain_type": "single", "years": "1",
                      "price_cny": "299.00"},
                     {"brand": "TrustAsia", "product": "DV", "domain_type": "wildcard",
                      "years": "1", "price_cny": "100.00"}])
        events = estate.run(horizon=20)
        self.assertEqual([(e.date.isoformat(), e.kind, e.certificate) for e in events
                          if e.kind.startswith("renewal")], [
            ("2026-12-04", "renewal-charge", "a1"), ("2026-12-10", "renewal-charge-failed", "b2"),
            ("2026-12-12", "renewal-charge", "c3")])

    def test_same_day_charges_draw_in_certificate_id_order_with_one_shortfall(self):
        # Four charges on 2026-12-04 from a balance of 598.00; by code point "B" < "C" < "Z" < "a":
        # B (299.00) and C (299.00) pass, Z (1.00) finds 0.00 left and fails, a fails; one shortfall.
        estate = Estate(
            certificates=[auto_renewing(i, "2027-01-03 23:59:59", account_id="acc")
                          for i in ("a", "C", "B")]
            + [auto_renewing("Z", "2027-01-03 23:59:59", account_id="acc",
                             brand="TrustAsia", domain_type="wildcard")],
            accounts=[{"account_id": "acc", "balance": "598.00"}],
            pricing=[{"brand": "dnspod", "product": "DV", "domain_type": "single", "years": "1",
                      "price_cny": "299.00"},
                     {"brand": "TrustAsia", "product": "DV", "domain_type": "wildcard",
                      "years": "1", "price_cny": "1.00"}])
        events = estate.run(horizon=10)
        self.assertEqual([(e.kind, e.certificate) for e in events if e.date == day("2026-12-04")
                          and e.kind.startswith(("renewal", "account"))], [
            ("renewal-charge", "B"), ("renewal-charge", "C"), ("renewal-charge-failed", "Z"),
            ("renewal-charge-failed", "a"), ("account-shortfall", "")])

    def test_without_account_row_or_price_the_charge_succeeds_unchecked(self):
        estate = Estate(certificates=[
            auto_renewing("noacc", "2027-01-03 23:59:59", account_id="ghost"),
            auto_renewing("noprice", "2027-01-03 23:59:59", account_id="acc", domain_type="wildcard"),
            auto_renewing("points", "2027-01-03 23:59:59", account_id="acc", payment="points",
                          brand="WoTrus", domain_type="wildcard")],
            accounts=[{"account_id": "acc", "balance": "0.00"}],
            pricing=[{"brand": "WoTrus", "product": "DV", "domain_type": "wildcard", "years": "1",
                      "price_cny": "99.00"}])
        events = estate.run(horizon=10)
        charged = [e for e in events if e.kind == "renewal-charge"]
        self.assertEqual([e.certificate for e in charged], ["noacc", "noprice", "points"])
        self.assertTrue(all(e.attributes["amount"] is None for e in charged))

    def test_free_dv_certificates_do_not_auto_renew(self):
        # D1 (docs/simulation.md): AR-ELIGIBLE's products are paid DV; a DV_FREE row does nothing.
        estate = Estate(
            certificates=[auto_renewing("f", "2027-01-03 23:59:59", account_id="acc",
                                        product="DV_FREE")],
            accounts=[{"account_id": "acc", "balance": "10.00"}],
            pricing=[{"brand": "DNSPod", "product": "DV", "domain_type": "single", "years": "1",
                      "price_cny": "299.00"}])
        events = estate.run(horizon=10)
        self.assertEqual([e.kind for e in events if e.kind.startswith("renewal")], [])

    def test_not_eligible_certificates_do_not_renew(self):
        estate = Estate(certificates=[
            auto_renewing("multi", "2027-01-03 23:59:59", domain_type="multi"),
            auto_renewing("ta-single", "2027-01-03 23:59:59", brand="TrustAsia"),
            auto_renewing("ov", "2027-01-03 23:59:59", product="OV"),
            auto_renewing("up", "2027-01-03 23:59:59", source="upload"),
            auto_renewing("expired", "2026-11-27 23:59:59"),
            auto_renewing("review", "2027-01-03 23:59:59", status="validating"),
            auto_renewing("ok", "2027-01-03 23:59:59", brand="WoTrus", domain_type="wildcard",
                          status="1", source="wosign")])
        self.assertEqual([e.certificate for e in estate.run(horizon=60)
                          if e.kind == "renewal-charge"], ["ok"])

    def test_validation_missing_fails_three_days_after_creation(self):
        estate = Estate(certificates=[
            auto_renewing("v", "2027-01-03 23:59:59", dns_on_platform="false", verify_type="DNS"),
            auto_renewing("auto", "2027-01-03 23:59:59", dns_on_platform="no",
                          verify_type="DNS_AUTO"),
            auto_renewing("ready", "2027-01-03 23:59:59", dns_on_platform="", validation_ready="是")])
        events = estate.run(horizon=40)
        self.assertEqual(rows(events, certificate="v")[:4], [
            ("2026-12-04", "renewal-charge", "v", ""), ("2026-12-04", "successor-created", "v", ""),
            ("2026-12-07", "validation-deadline", "v", ""), ("2026-12-07", "validation-failed", "v", "")])
        self.assertEqual(dates(events, "successor-issued"), ["2026-12-07", "2026-12-07"])
        self.assertEqual(dates(events, "successor-issued", "v"), [])

    def test_history_charge_with_an_in_review_successor_carries_on(self):
        # X = 2026-12-10: charged 2026-11-10 (history). The in-review row r1 names it: a successor
        # created 2026-11-10, validation record from r1 -> issued WD(11-10, 1) = 11-11 (history).
        # Its expiry (cabf, notBefore 2026-11-11): min(2027-12-10, 11-11 + 199 d) = 2027-05-29.
        # Without validation the successor failed on 2026-11-13: no event, nothing more.
        estate = Estate(certificates=[
            auto_renewing("c1", "2026-12-10 23:59:59"),
            certificate("r1", "2027-12-10 23:59:59", status="validating", renewal_of="c1",
                        dns_on_platform="false", validation_ready="true"),
            auto_renewing("c2", "2026-12-10 23:59:59"),
            certificate("r2", "2027-12-10 23:59:59", status="validating", renewal_of="c2",
                        dns_on_platform="false", validation_ready="false"),
            auto_renewing("c3", "2026-12-10 23:59:59")])
        events = estate.run(horizon=400)
        self.assertEqual(dates(events, "expiry", "c1")[:2], ["2026-12-10", "2027-05-29"])
        self.assertEqual(dates(events, "renewal-charge", "c1")[:1], ["2027-04-29"])
        self.assertEqual(dates(events, "successor-issued", "c1")[:1], ["2027-04-30"])
        self.assertEqual(dates(events, "expiry", "r1"), ["2027-12-10"])  # A4
        self.assertEqual(rows(events, certificate="c2"), [("2026-12-10", "expiry", "c2", "")])
        self.assertEqual(rows(events, certificate="c3"), [("2026-12-10", "expiry", "c3", "")])

    def test_a_successor_created_in_the_window_fails_validation_inside_it(self):
        # Charge 2026-11-28 (switched on today, 20 days before X); successor fails 12-01.
        events = Estate(certificates=[auto_renewing(
            "c", "2026-12-18 23:59:59", auto_renew_enabled_on="2026-11-28",
            dns_on_platform="off")]).run(horizon=30)
        self.assertEqual(dates(events, "validation-failed"), ["2026-12-01"])


class HostingTests(unittest.TestCase):
    """HOST-LEAD, HOST-NEW-CERT-READY, HOST-RESOURCE-TYPES, HOST-MESSAGES, UPH."""

    def test_plan_covering_cdn_but_not_the_load_balancer(self):
        # X = 2027-01-03: charged 12-04, issued 12-07, replaced at X - 15 = 2026-12-19 on the CDN;
        # the CLB keeps the old certificate and is out from 2027-01-04. The CDN moves on with the
        # successor (12-07 + 200 days - 1 s: X' = 2027-06-24), charged 05-25, issued 05-26 and
        # replaced at 06-24 - 15 = 06-09 (reminder 06-06), and so on: never out.
        estate = Estate(
            certificates=[auto_renewing("c1", "2027-01-03 23:59:59")],
            hosting=[{"certificate_id": "c1", "resource_types": "cdn", "replace_lead": "15",
                      "association": "auto", "messages": "true", "status": "hosting"}],
            resources=[{"resource_id": "cdn-1", "resource_type": "CDN", "certificate_id": "c1"},
                       {"resource_id": "lb-1", "resource_type": "CLB", "certificate_id": "c1"}])
        events = estate.run(horizon=730)
        self.assertEqual(rows(events, "resource-expired"),
                         [("2027-01-04", "resource-expired", "c1", "lb-1")])
        self.assertEqual(dates(events, "hosting-replaced")[:2], ["2026-12-19", "2027-06-09"])
        self.assertEqual(dates(events, "hosting-reminder")[:2], ["2026-12-16", "2027-06-06"])
        self.assertEqual(dates(events, "hosting-failed"), [])

    def test_designated_successor_issued_one_day_too_late(self):
        # X = 2027-01-03, lead 7: R = 2026-12-27. d-late issued 12-28: hosting-failed, the CDN is
        # out from 2027-01-04; d-ok issued 12-27 (same day): replaced.
        def estate(issued_at):
            return Estate(
                certificates=[certificate("c1", "2027-01-03 23:59:59"),
                              certificate("d1", "2028-01-03 23:59:59", issued_at=issued_at)],
                hosting=[{"certificate_id": "c1", "resource_types": "CDN", "replace_lead": "7",
                          "association": "d1", "messages": "on"}],
                resources=[{"resource_id": "cdn-1", "resource_type": "CDN",
                            "certificate_id": "c1"}])
        late = estate("2026-12-28 10:00:00").run(horizon=60)
        self.assertEqual(rows(late, kind="hosting-failed"), [("2026-12-27", "hosting-failed", "c1", "")])
        self.assertEqual(rows(late, kind="resource-expired"),
                         [("2027-01-04", "resource-expired", "c1", "cdn-1")])
        on_time = estate("2026-12-27T00:00:00+08:00").run(horizon=60)
        self.assertEqual(dates(on_time, "hosting-replaced"), ["2026-12-27"])
        self.assertEqual(dates(on_time, "resource-expired"), [])

    def test_messages_off_or_ignored_suppress_the_reminder(self):
        # R = 2026-12-27, reminder 2026-12-24.
        def plan(certificate_id, **columns):
            row = {"certificate_id": certificate_id, "resource_types": "CDN", "replace_lead": "7"}
            row.update(columns)
            return row
        estate = Estate(
            certificates=[certificate("on", "2027-01-03 23:59:59"),
                          certificate("off", "2027-01-03 23:59:59"),
                          certificate("ign", "2027-01-03 23:59:59", ignored="true"),
                          certificate("later", "2027-01-03 23:59:59", ignored="true",
                                      ignored_since="2026-12-25"),
                          certificate("since", "2027-01-03 23:59:59", ignored="true",
                                      ignored_since="2026-12-24 10:00:00"),
                          certificate("done", "2027-01-03 23:59:59")],
            hosting=[plan("on"), plan("off", messages="off"), plan("ign"), plan("later"),
                     plan("since"), plan("done", status="completed")])
        events = estate.run(horizon=60)
        self.assertEqual(rows(events, "hosting-reminder"),
                         [("2026-12-24", "hosting-reminder", "later", ""),
                          ("2026-12-24", "hosting-reminder", "on", "")])
        messages = {e.certificate: e.attributes["message"] for e in events if e.kind == "hosting-failed"}
        self.assertEqual(messages, {"on": "sent", "off": "not sent", "ign": "not sent",
                                    "later": "not sent", "since": "not sent"})

    def test_immediate_replaces_on_the_issue_date_without_reminder(self):
        # Charged 12-04 (Friday), issued Monday 12-07: replaced the same day, after the issue.
        estate = Estate(
            certificates=[auto_renewing("c1", "2027-01-03 23:59:59")],
            hosting=[{"certificate_id": "c1", "resource_types": "CLB", "replace_lead": "immediate"}],
            resources=[{"resource_id": "lb", "resource_type": "clb", "certificate_id": "c1"}])
        events = estate.run(horizon=60)
        self.assertEqual([r for r in rows(events) if r[0] == "2026-12-07"], [
            ("2026-12-07", "successor-issued", "c1", ""), ("2026-12-07", "hosting-replaced", "c1", "")])
        self.assertEqual(dates(events, "hosting-reminder"), [])
        self.assertEqual(dates(events, "resource-expired"), [])

    def test_immediate_without_successor_fails_on_the_expiry_date(self):
        estate = Estate(certificates=[certificate("c1", "2027-01-03 23:59:59")],
                        hosting=[{"certificate_id": "c1", "resource_types": "CLB",
                                  "replace_lead": "immediate"}])
        self.assertEqual(rows(estate.run(horizon=60), "hosting-failed"),
                         [("2027-01-03", "hosting-failed", "c1", "")])

    def test_charge_failure_means_no_successor_and_a_failed_replacement(self):
        estate = Estate(
            certificates=[auto_renewing("c1", "2027-01-03 23:59:59", account_id="poor")],
            accounts=[{"account_id": "poor", "balance": "20.00"}],
            pricing=[{"brand": "DNSPod", "product": "DV", "domain_type": "single", "years": "1",
                      "price_cny": "299.00"}],
            hosting=[{"certificate_id": "c1", "resource_types": "CDN", "replace_lead": "25"}],
            resources=[{"resource_id": "cdn", "resource_type": "CDN", "certificate_id": "c1"}])
        self.assertEqual(rows(estate.run(horizon=60)), [
            ("2026-12-04", "renewal-charge-failed", "c1", ""),
            ("2026-12-04", "account-shortfall", "", ""),
            ("2026-12-06", "hosting-reminder", "c1", ""),
            ("2026-12-09", "hosting-failed", "c1", ""),
            ("2027-01-03", "expiry", "c1", ""),
            ("2027-01-04", "resource-expired", "c1", "cdn"),
        ])

    def test_uploaded_hosting_without_validation_record(self):
        # X = 2027-01-02: order 2026-12-04, validation fails that day (hosting.csv's false wins
        # over certificates.csv's true); the replacement at X - 7 = 12-26 fails.
        estate = Estate(
            certificates=[certificate("u1", "2027-01-02 23:59:59", source="uploaded",
                                      brand="GeoTrust", product="OV", validation_ready="true")],
            hosting=[{"certificate_id": "u1", "resource_types": "CDN", "replace_lead": "7",
                      "successor_product": "DV", "validation_ready": "false", "messages": "no"}])
        self.assertEqual(rows(estate.run(horizon=60)), [
            ("2026-12-04", "uph-order-submitted", "u1", ""),
            ("2026-12-04", "validation-deadline", "u1", ""),
            ("2026-12-04", "validation-failed", "u1", ""),
            ("2026-12-26", "hosting-failed", "u1", ""),
            ("2027-01-02", "expiry", "u1", ""),
        ])

    def test_uploaded_hosting_issues_per_successor_product_and_replaces(self):
        # Order 12-04 (Friday); successor_product DV: issued Monday 12-07; replaced 12-26;
        # the successor (cabf, from 12-07) expires 2027-06-24, is ordered again on 05-26,
        # issued 05-27 and replaces it on 06-24 - 7 = 06-17.
        estate = Estate(
            certificates=[certificate("u1", "2027-01-02 23:59:59", source="uploaded",
                                      brand="GeoTrust", product="OV", dns_on_platform="true")],
            hosting=[{"certificate_id": "u1", "resource_types": "CDN", "replace_lead": "7",
                      "successor_product": "DV", "validation_ready": "yes"}],
            resources=[{"resource_id": "cdn", "resource_type": "CDN", "certificate_id": "u1"}])
        events = estate.run(horizon=220)
        self.assertEqual(dates(events, "successor-issued"), ["2026-12-07", "2027-05-27"])
        self.assertEqual(dates(events, "hosting-replaced"), ["2026-12-26", "2027-06-17"])
        self.assertEqual(dates(events, "expiry"), ["2027-01-02", "2027-06-24"])
        self.assertEqual(dates(events, "uph-order-submitted"), ["2026-12-04", "2027-05-26"])
        self.assertEqual(dates(events, "successor-created"), [])  # A10

    def test_uploaded_hosting_ignores_dns_on_the_platform(self):
        estate = Estate(
            certificates=[certificate("u1", "2027-01-02 23:59:59", source="upload",
                                      dns_on_platform="true", verify_type="DNS_AUTO")],
            hosting=[{"certificate_id": "u1", "resource_types": "CDN", "replace_lead": "7"}])
        self.assertEqual(dates(estate.run(horizon=60), "validation-failed"), ["2026-12-04"])

    def test_replacement_before_the_as_of_date_is_history(self):
        # X = 2026-12-10, lead 25: R = 2026-11-15 < a. The renewal_of successor s1 was issued
        # 2026-11-12: the replacement is history, so the resource stays on c1 and is out from
        # 2026-12-11; s1 is an inventory certificate, so the plan ends with it (D3).
        estate = Estate(
            certificates=[certificate("c1", "2026-12-10 23:59:59"),
                          certificate("s1", "2027-12-10 23:59:59", renewal_of="c1",
                                      issued_at="2026-11-12 09:00:00")],
            hosting=[{"certificate_id": "c1", "resource_types": "CDN", "replace_lead": "25"}],
            resources=[{"resource_id": "cdn", "resource_type": "CDN", "certificate_id": "c1"}])
        events = estate.run(horizon=365)
        self.assertEqual(rows(events, "resource-expired"), [("2026-12-11", "resource-expired", "c1", "cdn")])
        self.assertEqual(rows(events, "hosting-reminder"), [])
        self.assertEqual(rows(events, "hosting-failed"), [])


class OutageTests(unittest.TestCase):
    def test_outage_date_follows_the_time_of_day_of_not_after(self):
        # 07:59:59 local: out from X itself; 23:59:59 local: from X + 1. In UTC the local text
        # means 07:59:59Z (out 12-30) and 15:59:59Z is still 12-30 (out 12-30).
        estate = Estate(
            certificates=[certificate("morning", "2026-12-30 07:59:59"),
                          certificate("night", "2026-12-30T15:59:59Z")],
            resources=[{"resource_id": "r1", "resource_type": "CDN", "certificate_id": "morning"},
                       {"resource_id": "r2", "resource_type": "CDN", "certificate_id": "night"}])
        self.assertEqual(rows(estate.run(horizon=60), "resource-expired"), [
            ("2026-12-30", "resource-expired", "morning", "r1"),
            ("2026-12-31", "resource-expired", "night", "r2")])
        self.assertEqual(rows(estate.run(horizon=60, timezone="UTC"), "resource-expired"), [
            ("2026-12-30", "resource-expired", "morning", "r1"),
            ("2026-12-30", "resource-expired", "night", "r2")])

    def test_revoked_is_out_from_the_as_of_date_and_past_outages_are_not_events(self):
        estate = Estate(
            certificates=[certificate("rev", "2027-06-30 23:59:59", status="revoked"),
                          certificate("ing", "2027-06-30 23:59:59", status="9"),
                          certificate("letter", "2027-06-30 23:59:59",
                                      status="pending_revocation_letter"),
                          certificate("old", "2026-10-01 23:59:59", status="expired"),
                          certificate("today", "2026-11-27T23:59:59Z")],
            resources=[{"resource_id": f"r-{c}", "resource_type": "CLB", "certificate_id": c}
                       for c in ("rev", "ing", "letter", "old", "today", "ghost")])
        self.assertEqual(rows(estate.run(horizon=30), "resource-expired"), [
            ("2026-11-28", "resource-expired", "ing", "r-ing"),
            ("2026-11-28", "resource-expired", "rev", "r-rev"),
            ("2026-11-28", "resource-expired", "today", "r-today")])


class AlertTests(unittest.TestCase):
    """ALERT-POLICY firing dates and counts."""

    def policy(self, policy_id, repeat, operator="<", threshold="30", certificates="*"):
        return {"policy_id": policy_id, "certificates": certificates, "threshold_days": threshold,
                "operator": operator, "period_minutes": "5", "repeat": repeat, "receivers": "c-1"}

    def test_once_fires_one_day_and_repeat_every_day_through_expiry(self):
        # X = 2027-01-07: `< 30` first fires on X - 29 = 2026-12-09, `<= 30` on 12-08.
        estate = Estate(
            certificates=[certificate("c1", "2027-01-07 23:59:59")],
            alert_policies=[self.policy("once-lt", "once"), self.policy("once-le", "once", "<="),
                            self.policy("daily", "24")],
            contacts=[{"contact_id": "c-1", "phone": "1380000", "channels": "sms|wechat",
                       "wechat_verified": "否"}])
        events = estate.run(horizon=60)
        def fired(policy):
            return [e.date.isoformat() for e in events if e.kind == "alert" and e.policy == policy]

        self.assertEqual(fired("once-lt"), ["2026-12-09"])
        self.assertEqual(fired("once-le"), ["2026-12-08"])
        daily = fired("daily")
        self.assertEqual(len(daily), 30)
        self.assertEqual((daily[0], daily[-1]), ("2026-12-09", "2027-01-07"))
        alert = [e for e in events if e.policy == "daily"][0]
        self.assertEqual(alert.attributes["deliveries"], [("c-1", "sms", True), ("c-1", "wechat", False)])

    def test_times_per_day_every_n_hours(self):
        # Every 5 h from 00:00 of the first day: 5, 5, 5, 5, 4 firings, then again 5, ...
        # Every 48 h: every other day (A15). Already inside the threshold: from the as-of date.
        estate = Estate(certificates=[certificate("c1", "2026-12-07 23:59:59")],
                        alert_policies=[self.policy("five", "5"), self.policy("two-days", "48")])
        events = estate.run(horizon=60)
        five = [e.attributes["times"] for e in events if e.policy == "five"]
        self.assertEqual(five, [5, 5, 5, 5, 4, 5, 5, 5, 5, 4])
        self.assertEqual([e.date.isoformat() for e in events if e.policy == "five"][0], "2026-11-28")
        self.assertEqual(dates([e for e in events if e.policy == "two-days"], "alert"),
                         ["2026-11-28", "2026-11-30", "2026-12-02", "2026-12-04", "2026-12-06"])

    def test_coverage_by_id_and_tag_not_successors_not_out_of_force(self):
        estate = Estate(
            certificates=[auto_renewing("c1", "2027-01-03 23:59:59", tags="env=prod|team=web"),
                          certificate("c2", "2027-01-03 23:59:59", tags="env=test"),
                          certificate("c3", "2027-01-03 23:59:59", ignored="true"),
                          certificate("gone", "2027-01-03 23:59:59", status="revoked")],
            alert_policies=[self.policy("p-tag", "once", certificates="tag:env=prod"),
                            self.policy("p-ids", "once", certificates="c2|c3|gone")])
        events = estate.run(horizon=400)
        self.assertEqual([(e.date.isoformat(), e.certificate, e.policy)
                          for e in events if e.kind == "alert"],
                         [("2026-12-05", "c1", "p-tag"), ("2026-12-05", "c2", "p-ids"),
                          ("2026-12-05", "c3", "p-ids")])

    def test_nothing_fires_after_expiry_or_outside_the_window(self):
        estate = Estate(certificates=[certificate("c1", "2027-06-30 23:59:59")],
                        alert_policies=[self.policy("p", "24", threshold="10")])
        self.assertEqual(dates(estate.run(horizon=30), "alert"), [])


class OutputTests(unittest.TestCase):
    def test_window_is_inclusive_and_csv_has_four_columns(self):
        estate = Estate(certificates=[certificate("first", "2026-11-28 10:00:00"),
                                      certificate("last", "2026-12-28 10:00:00"),
                                      certificate("after", "2026-12-29 10:00:00")])
        events = estate.run(horizon=30)
        buffer = io.StringIO()
        ref.write_csv(events, buffer)
        self.assertEqual(buffer.getvalue(), "date,kind,certificate,resource\n"
                         "2026-11-28,expiry,first,\n2026-12-28,expiry,last,\n")

    def test_command_line_writes_the_same_rows(self):
        with tempfile.TemporaryDirectory() as folder:
            Estate(certificates=[auto_renewing("c1", "2027-01-03 23:59:59")]).write(folder)
            result = subprocess.run(
                [sys.executable, str(SCRIPTS / "sim_reference.py"), "--inputs", folder,
                 "--as-of", "2026-11-28", "--horizon", "40", "--review", "typical",
                 "--successor-validity", "one-year"], capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.splitlines(), [
            "date,kind,certificate,resource", "2026-12-04,renewal-charge,c1,",
            "2026-12-04,successor-created,c1,", "2026-12-07,successor-issued,c1,",
            "2027-01-03,expiry,c1,"])

    def test_unreadable_values_are_not_given(self):
        # A bad not_after quarantines the row; a bad auto_renew is "not given" (no renewal);
        # "--" and '""' are not given.
        estate = Estate(certificates=[
            certificate("bad-date", "2026-13-01"),
            auto_renewing("bad-flag", "2027-01-03 23:59:59", auto_renew="maybe"),
            auto_renewing("dashes", "2027-01-03 23:59:59", auto_renew_enabled_on="--",
                          account_id='""')])
        events = estate.run(horizon=60)
        self.assertEqual(rows(events, "expiry"), [("2027-01-03", "expiry", "bad-flag", ""),
                                                  ("2027-01-03", "expiry", "dashes", "")])
        self.assertEqual(dates(events, "renewal-charge"), ["2026-12-04"])


class GeneratedEstateTests(unittest.TestCase):
    """scripts/make_sim_estate.py: deterministic, fast, and the model handles it fast."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.folder = Path(cls.tmp.name, "estate")
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(SCRIPTS / "make_sim_estate.py"), "--seed", "7",
                                 "--count", "1000", "--out", str(cls.folder)],
                                capture_output=True, text=True)
        cls.generation_seconds = time.perf_counter() - started
        assert result.returncode == 0, result.stderr
        started = time.perf_counter()
        cls.events = ref.simulate(cls.folder, AS_OF, horizon_days=730)
        cls.model_seconds = time.perf_counter() - started

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_generation_is_deterministic(self):
        with tempfile.TemporaryDirectory() as other:
            subprocess.run([sys.executable, str(SCRIPTS / "make_sim_estate.py"), "--seed", "7",
                            "--count", "1000", "--out", other], check=True)
            names = sorted(p.name for p in self.folder.iterdir())
            self.assertEqual(names, sorted(p.name for p in Path(other).iterdir()))
            for name in names:
                self.assertEqual(Path(other, name).read_bytes(), (self.folder / name).read_bytes(), name)

    def test_another_seed_gives_another_estate(self):
        with tempfile.TemporaryDirectory() as other:
            subprocess.run([sys.executable, str(SCRIPTS / "make_sim_estate.py"), "--seed", "8",
                            "--count", "1000", "--out", other], check=True)
            self.assertNotEqual(Path(other, "certificates.csv").read_bytes(),
                                (self.folder / "certificates.csv").read_bytes())

    def test_the_estate_has_the_requested_certificates(self):
        with open(self.folder / "certificates.csv", encoding="utf-8", newline="") as handle:
            certificates = list(csv.DictReader(handle))
        self.assertGreaterEqual(len(certificates), 1000)
        self.assertEqual(len({row["certificate_id"] for row in certificates}), len(certificates))

    def test_every_event_kind_occurs(self):
        kinds = {event.kind for event in self.events}
        self.assertEqual(sorted(set(ref.ALL_KINDS) - kinds), [])

    def test_the_estate_reaches_each_rule_boundary(self):
        estate = ref.Estate(self.folder, SHANGHAI)
        a = day("2026-11-28")
        local = lambda instant: instant.astimezone(SHANGHAI).date()  # noqa: E731
        # AR-CHARGE-DATE / AR-ENABLE-WINDOW: switched on at the as-of date with 13, 14, 29, 30 left.
        switched_today = {(local(c.not_after) - a).days for c in estate.certificates.values()
                          if c.auto_renew and c.auto_renew_enabled_on
                          and local(c.auto_renew_enabled_on) == a}
        self.assertLessEqual({13, 14, 29, 30}, switched_today)
        # AR-CHARGE-FAILED: on one account and date, a charge passes and a later one fails.
        outcomes = {}
        for event in self.events:
            if event.kind.startswith("renewal-charge") and event.attributes["amount"] is not None:
                outcomes.setdefault((event.date, event.attributes["account"]), set()).add(event.kind)
        self.assertTrue(any(len(kinds) == 2 for kinds in outcomes.values()))
        # HOST-NEW-CERT-READY: designated successors issued on R and on R + 1.
        offsets = set()
        for plan in estate.hosting:
            designated = estate.certificates.get(plan.designated or "")
            hosted = estate.certificates.get(plan.certificate_id)
            if designated and hosted and designated.issued_at and isinstance(plan.lead, int):
                replace_on = local(hosted.not_after) - dt.timedelta(days=plan.lead)
                offsets.add((local(designated.issued_at) - replace_on).days)
        self.assertLessEqual({0, 1}, offsets)
        # HOST-RESOURCE-TYPES: a certificate replaced on some resources, another one out.
        replaced = {e.certificate for e in self.events if e.kind == "hosting-replaced"}
        self.assertTrue(any(e.kind == "resource-expired" and e.certificate in replaced
                            for e in self.events))
        # AR history: in-review and issued renewal_of rows.
        states = {row.status for row in estate.certificates.values() if row.renewal_of}
        self.assertTrue(states & ref.IN_REVIEW and states & {"issued", None})
        # Alerts: once and repeating, both operators.
        self.assertEqual({p["operator"] for p in estate.policies}, {"<", "<="})
        self.assertTrue({None, 1, 48} <= {p["every_hours"] for p in estate.policies})

    def test_it_is_fast(self):
        self.assertLess(self.generation_seconds, 3.0)  # a subprocess: interpreter start included
        self.assertLess(self.model_seconds, 5.0)

    def test_the_model_is_deterministic(self):
        again = ref.simulate(self.folder, AS_OF, horizon_days=730)
        self.assertEqual([e.row() for e in again], [e.row() for e in self.events])


if __name__ == "__main__":
    unittest.main()
