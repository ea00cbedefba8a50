#!/usr/bin/env python3
"""Independent reference model of certaudit's simulation, for the differential test (issue 8).

    python3 scripts/sim_reference.py --inputs DIR --as-of 2026-11-28T00:00:00+08:00
        [--timezone Asia/Shanghai|UTC] [--horizon 365] [--review worst|typical]
        [--successor-validity cabf|one-year] [--output timeline.csv]

Written from ../shared/spec/RULES.md §0 and docs/simulation.md alone (no Swift code), as plainly as
possible: every event is put on one agenda, the agenda is worked through in date order and, within a
date, in the documented order, and every event dated inside the window is written as a CSV row
`date,kind,certificate,resource` (header included), sorted as docs/simulation.md says. Only the
Python standard library is used, and every date is a `datetime.date`.

Inputs: the CSV files of an inputs folder (certificates.csv without bundles: dates come from
`not_after` and `issued_at`; resources, hosting, accounts, pricing, holidays, alert_policies,
contacts). Column names are matched ignoring case, `_`, `-` and spaces; the API's alias names,
packages and operations are not read; a known `package_type` (spec/package_types.tsv, found beside
the repository as ../shared/spec/, or --package-types) fills brand, product and domain type. A
value that does not parse is "not given".

SETTLED after the first comparison with the engine (docs/simulation.md now says so; where an item
below disagrees, this wins): D1 a free DV_FREE certificate does not auto-renew; D2/D3 a replacement
by an inventory certificate (designated or `renewal_of`) ends the plan (A8's and A9's carrying on is
no longer done); successor validity is counted in whole local days and the BR stage is the one of
the local issue date.

AMBIGUITIES: where RULES.md §0 or docs/simulation.md leaves room, the reading this model takes.
 A1  Certificate IDs (and every other sort key) are compared by Unicode code point.
 A2  Several `account-shortfall` events on one date (different accounts) have the same
     certificate, kind, resource and policy; they are ordered by account ID.
 A3  A charge dated in the window is simulated even when an inventory row already names the
     certificate in `renewal_of`: `renewal_of` is read for a charge before the as-of date, and for
     the hosting successor of a certificate without an auto-renewal successor.
 A4  An in-review `renewal_of` row (history charge) becomes a simulated successor created on the
     charge date with that row's validation columns and product; events carry the renewed
     certificate's ID, and its validity follows AR-SUCCESSOR-VALIDITY from the renewed
     certificate's notAfter (the row's own `not_after` is not used for it). The row itself still
     gets its own `expiry` event on its own `not_after` ("expiry for every certificate with
     dates"), so two expiries may appear: one under each ID. An issued `renewal_of` row is an
     inventory certificate in its own right (its own auto-renewal, under its own ID); the renewed
     certificate's chain ends with it.
 A5  A simulated successor's later generations keep the account, price and payment of the
     charge that created the chain, and the validation columns, product and message settings
     (`ignored`, `ignored_since`) of the row they descend from (the inventory certificate, or the
     in-review `renewal_of` row of A4). MSG-IGNORE for a simulated successor therefore follows
     that row: normally the inventory certificate whose ID it carries.
 A6  An `renewal_of` row that is neither in force nor in review (validation failed, cancelled,
     expired, ...) is no successor. For the hosting successor of a certificate that has no
     auto-renewal successor, an in-review `renewal_of` row never issues.
 A7  A successor in force without `issued_at` counts as issued long before the as-of date
     (ready for any replacement date; an `immediate` plan replaced before the as-of date).
 A8  A designated association wins over UPH: an uploaded certificate whose plan designates a
     successor gets no UPH order. After a replacement the plan goes on with `auto` association for
     the new hosted certificate (the designation names one certificate only).
 A9  The hosted certificate after a replacement by an inventory certificate (designated or
     `renewal_of`) is that inventory certificate: its own auto-renewal successor (events under its
     own ID) or its own UPH order follows; UPH events (`uph-order-submitted`, validation) carry the
     ID of the hosted inventory certificate, as docs/simulation.md's table says ("the inventory
     certificate"), not the hosting record's as REPORTS.md says; the two differ only here.
 A10 UPH: no `successor-created` event (the order submission stands for it). A UPH order dated
     before the as-of date is history: only an in-force `renewal_of` row is its successor.
 A11 `immediate`: the replacement is on the successor's issue date only when that is on or before
     X; a successor not issued by X (none, failed, or issued later) gives `hosting-failed` on X.
     When the successor was issued before the plan started hosting the current certificate, the
     replacement is on the day the plan started hosting it.
 A12 A replacement date before the as-of date (history) moves no resource and emits nothing; when
     the successor was ready by then, the plan carries on with it; otherwise the plan ends. After a
     failed replacement the plan ends (it does not try again).
 A13 A later generation whose `X' − L` is before the day the plan started hosting it (a designated
     successor that expires within the lead of the replacement, as in the sample estate's
     irkKVmxY -> bWI1lF4O) ends the plan without an event: its replacement time has passed. A
     designated successor counts as ready when it is in force at the as-of date (even if it
     expires before R); the resources moved onto it are then out from the day of the move. A
     reminder dated before the day the plan took the certificate over is not sent.
 A14 "Revoked (or being revoked)" is the states `revoked` and `revoking`; such a resource is out
     from the earlier of the as-of date and its expiry outage date. `pending_revocation_letter`
     does not count.
 A15 Alerts every N hours with N > 24: an `alert` only on the dates with at least one firing.
 A16 A policy's `certificates` is a `|` list whose items are `*`, `tag:key=value` or IDs, and a
     certificate is covered when any item matches (tags exactly, case-sensitive). A policy
     without a readable `threshold_days` fires nothing.
 A17 A hosting plan without a readable `replace_lead` (e.g. 10) replaces nothing and emits
     nothing; one without `resource_types` emits its events but moves no resource.
 A18 UPH does not depend on `configured_on` (UPH-WINDOW is a static finding), and `source` not
     given means platform-issued.
 A19 Several rows for one key: the first row in file order counts (certificates, resources,
     hosting and accounts by ID, pricing by brand+product+domain type among `years` = 1 rows,
     holidays by date).
 A20 AR-ELIGIBLE compares brand case-insensitively and ignores `standard`; a successor inherits
     its predecessor's eligibility.
 A21 A certificate status that does not parse is "not given", and so counts as issued (in
     force); likewise an unknown hosting status counts as in force.
 A22 Edge cases no realistic estate reaches, settled only so the model always ends: a certificate
     the plan has hosted before is no successor (renewal_of cycles, a plan designating its own
     certificate); a resource moved onto a successor that has already expired is out from the day
     of the move; a UPH order date that passed before the plan took the certificate over is not
     submitted; a `renewal_of` naming the row itself is ignored.
 A23 `payment=points` is always taken to succeed unchecked (no `amount`), also when the inputs
     hold no packages.csv at all; points and packages are not modelled (the generator writes no
     packages.csv).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import heapq
import io
import re
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

ONE_DAY = dt.timedelta(days=1)
ONE_SECOND = dt.timedelta(seconds=1)
TIME_ZONES = {
    "Asia/Shanghai": dt.timezone(dt.timedelta(hours=8)),
    "UTC": dt.timezone.utc,
}

# Same-day order of docs/simulation.md.
ORDER = {
    "renewal-charge": 0,
    "renewal-charge-failed": 0,
    "uph-order-submitted": 0,
    "account-shortfall": 1,
    "successor-created": 2,
    "successor-issued": 3,
    "validation-deadline": 4,
    "validation-failed": 4,
    "hosting-reminder": 5,
    "hosting-replaced": 5,
    "hosting-failed": 5,
    "expiry": 6,
    "resource-expired": 7,
    "alert": 8,
}
ALL_KINDS = tuple(ORDER)

STATUS_CODES = {
    "0": "validating", "1": "issued", "2": "validation_failed", "3": "expired",
    "4": "dns_auto_added", "5": "pending_submission", "13": "pending_submission",
    "6": "cancelling", "7": "cancelled", "8": "pending_letter", "9": "revoking", "10": "revoked",
    "11": "reissuing", "12": "pending_revocation_letter", "14": "refunded", "15": "migrating",
}
STATUS_NAMES = set(STATUS_CODES.values())
IN_REVIEW = {"validating", "pending_submission", "dns_auto_added", "pending_letter"}
REVOKED = {"revoked", "revoking"}
PRODUCTS = {"DV", "DV_FREE", "OV", "OV_PRO", "EV", "EV_PRO"}
HOSTING_STATUS_CODES = {"0": "hosting", "5": "replacing", "10": "completed", "-1": "not_hosted"}
HOSTING_IN_FORCE = {"hosting", "replacing", "waiting_deploy", None}
# (brand lower case, domain type) pairs that AR-ELIGIBLE allows, for products DV and DV_FREE.
AR_ELIGIBLE = {("dnspod", "single"), ("dnspod", "wildcard"), ("trustasia", "wildcard"),
               ("wotrus", "wildcard")}
# BR-MAX-VALIDITY stages: (first local issue date, maximum days), newest first.
MAX_VALIDITY = [(dt.date(2029, 3, 15), 47), (dt.date(2027, 3, 15), 100),
                (dt.date(2026, 3, 15), 200), (dt.date(2020, 9, 1), 398)]
LONG_AGO = dt.date.min  # A7: the issue date of a successor in force without `issued_at`


# --------------------------------------------------------------------------------------------
# Reading values (INPUTS.md conventions)
# --------------------------------------------------------------------------------------------

def given(text):
    """The field's text, or None for an empty field and the API's placeholders `""` and `--`."""
    if text is None:
        return None
    text = text.strip()
    if text in ("", '""', "--"):
        return None
    return text


def parse_bool(text):
    text = given(text)
    if text is None:
        return None
    lowered = text.lower()
    if lowered in ("true", "yes", "1", "on", "是"):
        return True
    if lowered in ("false", "no", "0", "off", "否"):
        return False
    return None


DATE_ONLY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
LOCAL_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$")
ISO_TIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def parse_time(text, tz):
    """An aware datetime, or None. A bare date is 00:00 local; fractions of a second are dropped."""
    text = given(text)
    if text is None:
        return None
    try:
        match = DATE_ONLY.match(text)
        if match:
            y, m, d = (int(g) for g in match.groups())
            return dt.datetime(y, m, d, tzinfo=tz)
        match = LOCAL_TIME.match(text)
        if match:
            y, mo, d, h, mi, s = (int(g) for g in match.groups())
            return dt.datetime(y, mo, d, h, mi, s, tzinfo=tz)
        match = ISO_TIME.match(text)
        if match:
            y, mo, d, h, mi, s = (int(g) for g in match.groups()[:6])
            offset_text = match.group(7)
            if offset_text == "Z":
                offset = dt.timezone.utc
            else:
                sign = 1 if offset_text[0] == "+" else -1
                hours, minutes = int(offset_text[1:3]), int(offset_text[4:6])
                offset = dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))
            return dt.datetime(y, mo, d, h, mi, s, tzinfo=offset)
    except ValueError:
        return None
    return None


def parse_decimal(text):
    text = given(text)
    if text is None:
        return None
    if not re.match(r"^-?\d+(\.\d+)?$", text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def parse_int(text):
    text = given(text)
    if text is None or not re.match(r"^-?\d+$", text):
        return None
    return int(text)


def parse_list(text):
    text = given(text)
    if text is None:
        return []
    return [item.strip() for item in text.split("|") if item.strip()]


def parse_tags(text):
    """`key=value|...`; a tag without `=` makes the whole field a bad value (not given)."""
    tags = {}
    for item in parse_list(text):
        if "=" not in item:
            return {}
        key, value = item.split("=", 1)
        tags[key] = value
    return tags


def normalise_column(name):
    return re.sub(r"[_\- ]", "", name.strip().lstrip("\ufeff")).lower()


def read_table(path, key=None):
    """Rows of a CSV file as dicts keyed by normalised column name; malformed rows are left out.

    A row with a different number of fields than the header is quarantined, and so is a row whose
    key (`key(row)`, a tuple) has an empty part or repeats an earlier row's (A19: the first counts).
    """
    if not path.exists():
        return []
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = [row for row in csv.reader(handle) if row]
    if not rows:
        return []
    header = [normalise_column(name) for name in rows[0]]
    result, seen = [], set()
    for fields in rows[1:]:
        if len(fields) != len(header):
            continue
        row = dict(zip(header, fields))
        if key is not None:
            row_key = key(row)
            if any(part is None for part in row_key) or row_key in seen:
                continue
            seen.add(row_key)
        result.append(row)
    return result


def by_column(*columns):
    """A row key made of the given columns' values (None when not given)."""
    return lambda row: tuple(given(row.get(column)) for column in columns)


# --------------------------------------------------------------------------------------------
# The estate
# --------------------------------------------------------------------------------------------

class CertificateRow:
    """One usable row of certificates.csv."""

    def __init__(self, row, tz, index, package_types):
        self.index = index
        self.id = given(row.get("certificateid"))
        source = (given(row.get("source")) or "issued").lower()
        self.uploaded = source in ("uploaded", "upload")
        status = (given(row.get("status")) or "").lower()
        status = STATUS_CODES.get(status, status)
        self.status = status if status in STATUS_NAMES else None  # A21
        self.brand = (given(row.get("brand")) or "").lower() or None
        product = (given(row.get("product")) or "").upper()
        self.product = product if product in PRODUCTS else None
        domain_type = (given(row.get("domaintype")) or "").lower()
        self.domain_type = domain_type if domain_type in ("single", "multi", "wildcard") else None
        known = package_types.get(given(row.get("packagetype")) or "")
        if known is not None:  # the product code fills brand, product and domain type
            self.brand, self.product, self.domain_type = known
        self.tags = parse_tags(row.get("tags"))
        self.not_after = parse_time(row.get("notafter"), tz)
        self.issued_at = parse_time(row.get("issuedat"), tz)
        self.auto_renew = parse_bool(row.get("autorenew"))
        self.auto_renew_enabled_on = parse_time(row.get("autorenewenabledon"), tz)
        self.account_id = given(row.get("accountid"))
        payment = (given(row.get("payment")) or "").lower()
        self.payment = payment if payment in ("balance", "points") else None
        self.dns_on_platform = parse_bool(row.get("dnsonplatform"))
        self.validation_ready = parse_bool(row.get("validationready"))
        verify_type = (given(row.get("verifytype")) or "").upper()
        self.verify_type = verify_type or None
        self.ignored = parse_bool(row.get("ignored"))
        self.ignored_since = parse_time(row.get("ignoredsince"), tz)
        self.renewal_of = given(row.get("renewalof"))


class HostingPlanRow:
    def __init__(self, row, tz):
        self.certificate_id = given(row.get("certificateid"))
        self.resource_types = {t.upper() for t in parse_list(row.get("resourcetypes"))}
        lead = (given(row.get("replacelead")) or "").lower()
        if lead == "immediate":
            self.lead = "immediate"
        elif lead in ("25", "15", "7"):
            self.lead = int(lead)
        else:
            self.lead = None  # A17
        association = given(row.get("association"))
        self.designated = None if association is None or association.lower() == "auto" else association
        messages = parse_bool(row.get("messages"))
        self.messages = True if messages is None else messages
        status = (given(row.get("status")) or "").lower()
        status = HOSTING_STATUS_CODES.get(status, status)
        known = {"hosting", "completed", "waiting_deploy", "replacing", "not_hosted"}
        self.status = status if status in known else None
        product = (given(row.get("successorproduct")) or "").upper()
        self.successor_product = product if product in PRODUCTS else None
        self.validation_ready = parse_bool(row.get("validationready"))


DEFAULT_PACKAGE_TYPES = Path(__file__).resolve().parents[2] / "shared" / "spec" / "package_types.tsv"


def read_package_types(path):
    """spec/package_types.tsv: product code -> (brand, product, domain type); {} without the file."""
    if path is None or not Path(path).is_file():
        return {}
    table = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            table[row["package_type"].strip()] = (row["brand"].strip().lower(),
                                                  row["product"].strip().upper(),
                                                  row["domain_type"].strip().lower())
    return table


class Estate:
    """Everything the simulation reads, from one inputs folder."""

    def __init__(self, folder, tz, package_types_file=None):
        folder = Path(folder)
        package_types = read_package_types(package_types_file)
        self.certificates = {}
        rows = read_table(folder / "certificates.csv", by_column("certificateid"))
        for index, row in enumerate(rows):
            certificate = CertificateRow(row, tz, index, package_types)
            if certificate.not_after is None:
                continue  # quarantined: a CSV-only certificate needs a readable not_after
            self.certificates[certificate.id] = certificate
        self.renewal_of = {}  # renewed ID -> first row (file order) naming it
        for certificate in sorted(self.certificates.values(), key=lambda c: c.index):
            renewed = certificate.renewal_of
            if renewed and renewed != certificate.id and renewed not in self.renewal_of:
                self.renewal_of[renewed] = certificate
        self.resources = []
        for row in read_table(folder / "resources.csv", by_column("resourceid")):
            self.resources.append((given(row.get("resourceid")),
                                   (given(row.get("resourcetype")) or "").upper(),
                                   given(row.get("certificateid"))))
        self.hosting = [HostingPlanRow(row, tz)
                        for row in read_table(folder / "hosting.csv", by_column("certificateid"))]
        self.balances = {}
        for row in read_table(folder / "accounts.csv", by_column("accountid")):
            balance = parse_decimal(row.get("balance"))
            if balance is not None:
                self.balances[given(row.get("accountid"))] = balance
        self.prices = {}
        for row in read_table(folder / "pricing.csv"):
            if parse_int(row.get("years")) != 1:
                continue
            price = parse_decimal(row.get("pricecny"))
            key = ((given(row.get("brand")) or "").lower(), (given(row.get("product")) or "").upper(),
                   (given(row.get("domaintype")) or "").lower())
            if price is not None and key not in self.prices:
                self.prices[key] = price
        self.holidays, self.workdays = set(), set()
        for row in read_table(folder / "holidays.csv"):
            when = parse_time(row.get("date"), tz)
            kind = (given(row.get("kind")) or "").lower()
            if when is None or when.astimezone(tz).date() in self.holidays | self.workdays:
                continue  # A19: the first row for a date counts
            if kind == "holiday":
                self.holidays.add(when.astimezone(tz).date())
            elif kind == "workday":
                self.workdays.add(when.astimezone(tz).date())
        self.contacts = {}
        for row in read_table(folder / "contacts.csv", by_column("contactid")):
            self.contacts[given(row.get("contactid"))] = {
                "phone": given(row.get("phone")),
                "email": given(row.get("email")),
                "wechat_verified": parse_bool(row.get("wechatverified")) is True,
                "channels": [c.lower() for c in parse_list(row.get("channels"))],
            }
        self.policies = []
        for row in read_table(folder / "alert_policies.csv", by_column("policyid")):
            operator = given(row.get("operator"))
            repeat = (given(row.get("repeat")) or "once").lower()
            hours = parse_int(repeat)
            self.policies.append({
                "id": given(row.get("policyid")),
                "certificates": parse_list(row.get("certificates")),
                "threshold": parse_int(row.get("thresholddays")),
                "operator": operator if operator in ("<", "<=") else "<",
                "every_hours": hours if hours is not None and hours > 0 else None,
                "receivers": parse_list(row.get("receivers")),
            })


# --------------------------------------------------------------------------------------------
# The simulation
# --------------------------------------------------------------------------------------------

class Certificate:
    """One certificate of a renewal chain: an inventory row, or a successor the simulation creates."""

    def __init__(self, subject, row, inventory):
        self.subject = subject      # the ID every event about it carries
        self.row = row              # the inventory row whose columns apply to it (A5)
        self.inventory = inventory  # an inventory certificate (True) or a simulated successor
        self.state = "pending"      # pending, issued, failed (inventory: issued = in force)
        self.not_after = None
        self.issue_date = None
        self.uph = False            # a successor bought by uploaded-certificate hosting
        self.predecessor = None
        self.created = None         # creation date of a simulated successor
        self.billing = None         # (account, price, payment) of an auto-renewing chain
        self.ar_successor = None
        self.uph_successor = None


class Plan:
    """A hosting record in force, and the certificate it currently hosts."""

    def __init__(self, row):
        self.row = row
        self.hosted = None
        self.first = True
        self.active = True
        self.generation = 0
        self.hosted_before = []       # every certificate it has hosted (A22: no cycles)
        self.waiting_since = None     # immediate: the day the current certificate became hosted
        self.replacement_on = None    # immediate: the date a replacement has been scheduled for


class Event:
    def __init__(self, date, kind, certificate="", resource="", policy="", **attributes):
        self.date = date
        self.kind = kind
        self.certificate = certificate or ""
        self.resource = resource or ""
        self.policy = policy or ""
        self.attributes = attributes

    def sort_key(self):
        return (self.date, ORDER[self.kind], self.certificate, self.kind, self.resource,
                self.policy, self.attributes.get("account") or "")

    def row(self):
        return [self.date.isoformat(), self.kind, self.certificate, self.resource]


class Simulation:
    def __init__(self, estate, as_of, tz, horizon_days, review="worst", successor_validity="cabf"):
        self.estate = estate
        self.tz = tz
        self.start = as_of.astimezone(tz).date()  # `a`
        self.end = self.start + dt.timedelta(days=horizon_days)
        self.review = review
        self.successor_validity = successor_validity
        self.balances = dict(estate.balances)
        self.shortfalls = set()
        self.events = []
        self.agenda = []
        self.sequence = 0
        self.now = None
        self.certificates = {}
        self.resources = []  # [id, type, served Certificate or None, out]
        self.plans = []

    # ---- small helpers ---------------------------------------------------------------------

    def local_date(self, instant):
        return instant.astimezone(self.tz).date()

    def expiry_date(self, certificate):
        return self.local_date(certificate.not_after)

    def emit(self, date, kind, certificate="", resource="", policy="", **attributes):
        if self.start <= date <= self.end:
            self.events.append(Event(date, kind, certificate, resource, policy, **attributes))

    def schedule(self, date, order, key, action, *arguments):
        if self.now is not None:
            assert (date, order) >= self.now, f"{action.__name__} scheduled in the past"
        self.sequence += 1
        heapq.heappush(self.agenda, (date, order, key, self.sequence, action, arguments))

    def is_working_day(self, day):
        if day in self.estate.workdays:
            return True
        if day in self.estate.holidays:
            return False
        return day.weekday() < 5

    def working_days_after(self, day, count):
        """WD(D, n): the n-th working day after D (D itself never counts)."""
        while count > 0:
            day += ONE_DAY
            if self.is_working_day(day):
                count -= 1
        return day

    def review_days(self, product):
        worst = self.review == "worst"
        if product in ("OV", "OV_PRO"):
            return 5 if worst else 3
        if product in ("EV", "EV_PRO"):
            return 7 if worst else 5
        return 1  # DV, DV_FREE, or not given

    def successor_not_after(self, old_not_after, issue_date):
        """AR-SUCCESSOR-VALIDITY, in whole local days (docs/simulation.md): valid through the end of
        X' = old expiry date + 1 year, capped under cabf at issue date + M - 1, with M the
        BR-MAX-VALIDITY maximum on the local issue date."""
        old_day = self.local_date(old_not_after)
        try:
            last_day = old_day.replace(year=old_day.year + 1)
        except ValueError:  # 29 February
            last_day = old_day.replace(year=old_day.year + 1, day=28)
        if self.successor_validity == "cabf":
            for first_day, days in MAX_VALIDITY:
                if issue_date >= first_day:
                    last_day = min(last_day, issue_date + dt.timedelta(days=days - 1))
                    break
        return dt.datetime.combine(last_day, dt.time(23, 59, 59), self.tz)

    def in_force(self, row):
        return (row.status in (None, "issued")
                and self.local_date(row.not_after) >= self.start)

    def ignored_on(self, row, day):
        if row.ignored is not True:
            return False
        return row.ignored_since is None or self.local_date(row.ignored_since) <= day

    @staticmethod
    def ready(successor, day):
        """Issued on or before `day` (HOST-NEW-CERT-READY)."""
        return (successor is not None and successor.state == "issued"
                and successor.issue_date <= day)

    # ---- set-up ----------------------------------------------------------------------------

    def run(self):
        estate = self.estate
        for row in estate.certificates.values():
            certificate = Certificate(row.id, row, inventory=True)
            certificate.not_after = row.not_after
            if self.in_force(row):
                certificate.state = "issued"
                certificate.issue_date = (self.local_date(row.issued_at) if row.issued_at
                                          else LONG_AGO)
            self.certificates[row.id] = certificate
            self.emit(self.local_date(row.not_after), "expiry", row.id)

        for row in estate.certificates.values():
            if self.renews_automatically(row):
                enabled_on = None
                if row.auto_renew_enabled_on is not None:
                    enabled_on = self.local_date(row.auto_renew_enabled_on)
                self.start_auto_renewal(self.certificates[row.id], enabled_on)

        for resource_id, resource_type, certificate_id in estate.resources:
            served = self.certificates.get(certificate_id)
            resource = [resource_id, resource_type, served, False]
            self.resources.append(resource)
            if served is not None:
                self.watch(resource, served)

        for row in estate.hosting:
            hosted = self.certificates.get(row.certificate_id)
            if (row.status in HOSTING_IN_FORCE and row.lead is not None and hosted is not None
                    and hosted.state == "issued"):
                plan = Plan(row)
                self.plans.append(plan)
                self.host(plan, hosted, since=None)

        self.alerts()

        while self.agenda and self.agenda[0][0] <= self.end:
            date, order, _key, _sequence, action, arguments = heapq.heappop(self.agenda)
            self.now = (date, order)
            action(date, *arguments)
        self.events.sort(key=Event.sort_key)
        return self.events

    # ---- auto-renewal ----------------------------------------------------------------------

    def renews_automatically(self, row):
        return (self.in_force(row) and row.auto_renew is True and not row.uploaded
                and row.product == "DV"  # D1: free certificates are not sold with auto-renewal
                and (row.brand, row.domain_type) in AR_ELIGIBLE)

    @staticmethod
    def charge_date(expiry, enabled_on):
        """AR-CHARGE-DATE; None when the switch could not have happened (AR-ENABLE-WINDOW)."""
        if enabled_on is None:
            return expiry - dt.timedelta(days=30)
        days_before = (expiry - enabled_on).days
        if days_before >= 30:
            return expiry - dt.timedelta(days=30)
        if days_before >= 14:
            return enabled_on
        return None

    def start_auto_renewal(self, certificate, enabled_on):
        if certificate.billing is None:  # an inventory certificate: its own account and price
            row = certificate.row
            product = "DV" if row.product == "DV_FREE" else row.product
            price = self.estate.prices.get((row.brand, product, row.domain_type))
            certificate.billing = (row.account_id, price, row.payment)
        charge_on = self.charge_date(self.expiry_date(certificate), enabled_on)
        if charge_on is None:
            return
        if self.now is not None and charge_on < self.now[0]:
            return  # a successor valid for under 14 days: cannot happen with BR's 47-day floor
        if charge_on >= self.start:
            self.schedule(charge_on, 0, certificate.subject, self.charge, certificate)
            return
        # A charge before the as-of date is history.
        if not certificate.inventory:
            return
        follower = self.estate.renewal_of.get(certificate.subject)
        if follower is None:
            return
        if self.in_force(follower):
            certificate.ar_successor = self.certificates[follower.id]
        elif follower.status in IN_REVIEW:  # A4
            self.create_successor(certificate, charge_on, follower)

    def charge(self, day, certificate):
        account, price, payment = certificate.billing
        checked = payment != "points" and account in self.balances and price is not None
        if checked and self.balances[account] < price:
            self.emit(day, "renewal-charge-failed", certificate.subject, account=account,
                      amount=price)
            if (account, day) not in self.shortfalls:
                self.shortfalls.add((account, day))
                self.emit(day, "account-shortfall", account=account)
            return
        if checked:
            self.balances[account] -= price
        self.emit(day, "renewal-charge", certificate.subject, account=account,
                  amount=price if checked else None)
        self.create_successor(certificate, day, certificate.row)

    def create_successor(self, predecessor, day, row):
        successor = Certificate(predecessor.subject, row, inventory=False)
        successor.predecessor = predecessor
        successor.created = day
        successor.billing = predecessor.billing
        predecessor.ar_successor = successor
        self.emit(day, "successor-created", successor.subject)
        in_place = (row.dns_on_platform is True or row.verify_type == "DNS_AUTO"
                    or row.validation_ready is True)
        if in_place:
            issue_on = self.working_days_after(day, self.review_days(row.product))
            self.schedule(issue_on, 3, successor.subject, self.issue, successor)
        else:
            self.schedule(day + dt.timedelta(days=3), 4, successor.subject,
                          self.fail_validation, successor)

    def fail_validation(self, day, successor):
        successor.state = "failed"
        self.emit(day, "validation-deadline", successor.subject)
        self.emit(day, "validation-failed", successor.subject)

    def issue(self, day, successor):
        successor.state = "issued"
        successor.issue_date = day
        successor.not_after = self.successor_not_after(successor.predecessor.not_after, day)
        self.emit(day, "successor-issued", successor.subject)
        self.emit(self.expiry_date(successor), "expiry", successor.subject)
        if not successor.uph:
            self.start_auto_renewal(successor, successor.created)
        for plan in self.plans:  # an `immediate` plan waiting for this successor
            if (plan.active and plan.row.lead == "immediate"
                    and plan.hosted is successor.predecessor and plan.replacement_on is None
                    and self.successor_of(plan) is successor
                    and day <= self.expiry_date(plan.hosted)):
                self.schedule_immediate(plan, max(day, plan.waiting_since or day))

    # ---- hosting ---------------------------------------------------------------------------

    def successor_of(self, plan):
        successor = self.plain_successor_of(plan)
        if any(successor is earlier for earlier in plan.hosted_before):
            return None  # A22
        return successor

    def plain_successor_of(self, plan):
        hosted = plan.hosted
        if plan.first and plan.row.designated is not None:  # A8
            return self.certificates.get(plan.row.designated)
        if self.is_uploaded(hosted):
            return hosted.uph_successor
        if hosted.ar_successor is not None:
            return hosted.ar_successor
        if hosted.inventory:
            follower = self.estate.renewal_of.get(hosted.subject)
            if follower is not None:
                return self.certificates[follower.id]  # A6: issued only when in force
        return None

    @staticmethod
    def is_uploaded(certificate):
        return certificate.uph or (certificate.inventory and certificate.row.uploaded)

    def host(self, plan, certificate, since):
        """The plan hosts `certificate` from `since` (None: from before the as-of time)."""
        plan.hosted = certificate
        plan.hosted_before.append(certificate)
        plan.generation += 1
        plan.replacement_on = None
        generation = plan.generation
        expiry = self.expiry_date(certificate)
        key = plan.row.certificate_id
        if self.is_uploaded(certificate) and not (plan.first and plan.row.designated):
            self.start_uph(plan, certificate, since)
        if plan.row.lead == "immediate":
            plan.waiting_since = since
            successor = self.successor_of(plan)
            if successor is not None and successor.state == "issued":
                if successor.issue_date <= expiry:
                    self.schedule_immediate(plan, max(successor.issue_date, since or LONG_AGO))
            self.schedule(max(expiry, since or expiry), 5, key, self.immediate_deadline, plan,
                          generation)
            return
        replace_on = expiry - dt.timedelta(days=plan.row.lead)
        if since is not None and replace_on < since:  # A13: its replacement time has passed
            plan.active = False
            return
        reminder_on = replace_on - dt.timedelta(days=3)
        if since is None or reminder_on >= since:
            self.schedule(reminder_on, 5, key, self.remind, plan, generation)
        self.schedule(replace_on, 5, key, self.replace, plan, generation)

    def start_uph(self, plan, certificate, since):
        order_on = self.expiry_date(certificate) - dt.timedelta(days=29)
        if order_on < self.start:  # A10: history
            if certificate.inventory:
                follower = self.estate.renewal_of.get(certificate.subject)
                if follower is not None and self.in_force(follower):
                    certificate.uph_successor = self.certificates[follower.id]
            return
        if since is not None and order_on <= since:
            return  # A13: the order date passed before the plan took this certificate over
        self.schedule(order_on, 0, certificate.subject, self.submit_uph_order, plan, certificate)

    def submit_uph_order(self, day, plan, certificate):
        self.emit(day, "uph-order-submitted", certificate.subject)
        successor = Certificate(certificate.subject, certificate.row, inventory=False)
        successor.uph = True
        successor.predecessor = certificate
        successor.created = day
        certificate.uph_successor = successor
        ready = plan.row.validation_ready
        if ready is None:
            ready = certificate.row.validation_ready
        if ready is True:
            product = plan.row.successor_product or certificate.row.product
            self.schedule(self.working_days_after(day, self.review_days(product)), 3,
                          successor.subject, self.issue, successor)
        else:
            self.schedule(day, 4, successor.subject, self.fail_validation, successor)

    def messages_sent(self, plan, day):
        return plan.row.messages and not self.ignored_on(plan.hosted.row, day)

    def remind(self, day, plan, generation):
        if plan.active and plan.generation == generation and self.messages_sent(plan, day):
            self.emit(day, "hosting-reminder", plan.row.certificate_id)

    def replace(self, day, plan, generation):
        if not plan.active or plan.generation != generation:
            return
        successor = self.successor_of(plan)
        if self.ready(successor, day):
            self.replaced(day, plan, successor)
        else:
            self.failed(day, plan)

    def schedule_immediate(self, plan, day):
        plan.replacement_on = day
        self.schedule(day, 5, plan.row.certificate_id, self.replace_immediately, plan,
                      plan.generation, self.successor_of(plan))

    def replace_immediately(self, day, plan, generation, successor):
        if plan.active and plan.generation == generation:
            self.replaced(day, plan, successor)

    def immediate_deadline(self, day, plan, generation):
        if plan.active and plan.generation == generation and plan.replacement_on is None:
            self.failed(day, plan)

    def replaced(self, day, plan, successor):
        message = "sent" if self.messages_sent(plan, day) else "not sent"
        self.emit(day, "hosting-replaced", plan.row.certificate_id, message=message)
        if day >= self.start:  # A12: a replacement before the as-of date moves nothing
            for resource in self.resources:
                if (resource[2] is plan.hosted and not resource[3]
                        and resource[1] in plan.row.resource_types):
                    resource[2] = successor
                    self.watch(resource, successor)
        plan.first = False
        if successor.inventory:  # D2, D3: an inventory certificate goes its own way; the plan ends
            plan.active = False
            return
        self.host(plan, successor, since=day)

    def failed(self, day, plan):
        message = "sent" if self.messages_sent(plan, day) else "not sent"
        self.emit(day, "hosting-failed", plan.row.certificate_id, message=message)
        plan.active = False

    # ---- outages ---------------------------------------------------------------------------

    def watch(self, resource, certificate):
        """Schedules the day `resource` goes out if it still serves `certificate` then."""
        not_after = certificate.not_after
        if certificate.inventory:
            not_after = min(not_after, getattr(self, "served_until", {}).get(certificate.row.id, not_after))
        out_on = self.local_date(not_after + ONE_SECOND)
        if certificate.inventory and certificate.row.status in REVOKED:  # A14
            out_on = min(out_on, self.start)
        if self.now is not None:  # moved onto a certificate that has already expired
            out_on = max(out_on, self.now[0])
        if out_on < self.start:
            resource[3] = True  # an outage under way: a finding, not an event
            return
        self.schedule(out_on, 7, certificate.subject, self.resource_out, resource, certificate)

    def resource_out(self, day, resource, certificate):
        if resource[2] is certificate and not resource[3]:
            resource[3] = True
            self.emit(day, "resource-expired", certificate.subject, resource=resource[0])

    # ---- alerts ----------------------------------------------------------------------------

    def covers(self, policy, row):
        for item in policy["certificates"]:
            if item == "*" or item == row.id:
                return True
            if item.startswith("tag:") and "=" in item:
                key, value = item[4:].split("=", 1)
                if row.tags.get(key) == value:
                    return True
        return False

    def deliveries(self, policy):
        result = []
        for receiver in policy["receivers"]:
            contact = self.estate.contacts.get(receiver)
            channels = contact["channels"] if contact else []
            for channel in channels:
                deliverable = {"sms": contact["phone"] is not None,
                               "email": contact["email"] is not None,
                               "wechat": contact["wechat_verified"],
                               "inbox": True}.get(channel, False)
                result.append((receiver, channel, deliverable))
            if not channels:
                result.append((receiver, "", False))
        return result

    def alerts(self):
        for policy in self.estate.policies:
            threshold = policy["threshold"]
            if threshold is None:  # A16
                continue
            for row in self.estate.certificates.values():
                if not self.in_force(row) or not self.covers(policy, row):
                    continue
                expiry = self.local_date(row.not_after)
                lead = threshold - 1 if policy["operator"] == "<" else threshold
                first = max(self.start, expiry - dt.timedelta(days=lead))
                if first > expiry:
                    continue
                deliveries = self.deliveries(policy)
                hours = policy["every_hours"]
                if hours is None:
                    self.emit(first, "alert", row.id, policy=policy["id"], times=1,
                              deliveries=deliveries)
                    continue
                day, i = first, 0
                while day <= expiry and day <= self.end:
                    times = -(-24 * (i + 1) // hours) - -(-24 * i // hours)  # ceil - ceil
                    if times > 0:  # A15
                        self.emit(day, "alert", row.id, policy=policy["id"], times=times,
                                  deliveries=deliveries)
                    day += ONE_DAY
                    i += 1


def simulate(inputs, as_of, tz_name="Asia/Shanghai", horizon_days=365, review="worst",
             successor_validity="cabf", package_types=DEFAULT_PACKAGE_TYPES, served_until=None):
    """The events of docs/simulation.md, sorted; `as_of` is text in any INPUTS.md time form.
    `served_until` gives, by certificate ID, when a certificate's served chain stops working when
    that is before its own notAfter (CHAIN-EXPIRING: the model reads no bundles, its caller may)."""
    tz = TIME_ZONES[tz_name]
    instant = parse_time(as_of, tz) if isinstance(as_of, str) else as_of
    if instant is None:
        raise ValueError(f"unreadable as-of time: {as_of!r}")
    estate = Estate(inputs, tz, package_types)
    simulation = Simulation(estate, instant, tz, horizon_days, review, successor_validity)
    simulation.served_until = served_until or {}
    return simulation.run()


def write_csv(events, handle):
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(["date", "kind", "certificate", "resource"])
    for event in events:
        writer.writerow(event.row())


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", required=True, help="the inputs folder (CSV files)")
    parser.add_argument("--as-of", required=True, help="as-of time, e.g. 2026-11-28T00:00:00+08:00")
    parser.add_argument("--timezone", default="Asia/Shanghai", choices=sorted(TIME_ZONES))
    parser.add_argument("--horizon", type=int, default=365, help="days after the as-of date")
    parser.add_argument("--review", default="worst", choices=["worst", "typical"])
    parser.add_argument("--successor-validity", default="cabf", choices=["cabf", "one-year"])
    parser.add_argument("--output", help="CSV file to write (default: standard output)")
    parser.add_argument("--package-types", default=str(DEFAULT_PACKAGE_TYPES),
                        help="the spec's package_types.tsv, for rows that give `package_type`")
    options = parser.parse_args(argv)
    if options.horizon < 0:
        parser.error("--horizon must be 0 or more")
    if parse_time(options.as_of, TIME_ZONES[options.timezone]) is None:
        parser.error(f"unreadable --as-of {options.as_of!r}")
    if not Path(options.inputs, "certificates.csv").is_file():
        parser.error(f"no certificates.csv in {options.inputs}")
    events = simulate(options.inputs, options.as_of, options.timezone, options.horizon,
                      options.review, options.successor_validity, options.package_types)
    if options.output:
        with open(options.output, "w", encoding="utf-8", newline="") as handle:
            write_csv(events, handle)
    else:
        buffer = io.StringIO()
        write_csv(events, buffer)
        sys.stdout.write(buffer.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
