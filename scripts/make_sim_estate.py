#!/usr/bin/env python3
"""Generate a random CSV-only estate that exercises every rule of docs/simulation.md.

    python3 scripts/make_sim_estate.py --seed N [--count 1000] --out DIR [--as-of 2026-11-28]

Writes DIR/{certificates, resources, hosting, accounts, pricing, holidays, alert_policies,
contacts}.csv: `count` certificate rows (no bundles: dates are `not_after` / `issued_at`), dated
relative to the as-of date (run it in Asia/Shanghai, as of 00:00 that day). Every choice comes from
`random.Random(seed)`, so one seed always gives byte-identical files, and it takes milliseconds.

For the differential test (issue 8): the reference model (scripts/sim_reference.py) and certaudit
simulate the same estate and must agree event by event. Every value is valid per spec/INPUTS.md
(bad values are another feature), but spelled in all the accepted ways: booleans
true/false/yes/no/1/0/on/off/是/否, states by name or code, times as a bare date, local
`YYYY-MM-DD HH:MM:SS` or ISO 8601 with `Z` or `+08:00`, `--` and empty for "not given".

What the estate holds, so that each rule has cases on both sides of its boundary:
- certificates of every state, platform-issued (`issued`, CA names) and uploaded (`uploaded`,
  `upload`), AR-eligible brand/product/domain types and not, expiring from ~90 days ago to ~450
  days ahead, with several not_after forms (07:59:59 local, 23:59:59 local, Z, bare date);
- auto-renewal with `auto_renew_enabled_on` not given, long ago, and at the as-of date with 13,
  14, 29, 30 and 31 days left; charges before the as-of date with `renewal_of` successors
  (issued, in review, failed, two rows naming one certificate, none);
- DNS on the platform, `verify_type`, `validation_ready` in every combination;
- accounts whose balance runs out over several charges, some on one date (clusters of
  certificates expiring together), accounts missing from accounts.csv, certificates without an
  account, points payment, a product without a price;
- hosting plans with every lead, resource types covering the bound resources or not, messages
  on/off/not given, every hosting state, automatic association, designated successors issued well
  before, on, or one day after the replacement date, manual `renewal_of` successors, uploaded
  certificates with `successor_product` and `validation_ready` in both files, UPH orders already
  due before the as-of date;
- ignored messages with `ignored_since` before, after or without a date;
- alert policies on `*`, ID lists and `tag:`, `<` and `<=`, once and every N hours (N from 1 to
  48), with contacts that can or cannot be reached;
- the holidays and make-up workdays of 2027 and 2028 (a plausible schedule).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import string
from pathlib import Path

DAY = dt.timedelta(days=1)

CERT_COLUMNS = [
    "certificate_id", "alias", "source", "certificate_type", "standard", "brand", "product",
    "domain_type", "status", "bundle", "project", "tags", "domain", "sans", "not_after",
    "issued_at", "auto_renew", "auto_renew_enabled_on", "account_id", "payment",
    "dns_on_platform", "validation_ready", "verify_type", "ignored", "ignored_since", "free",
    "renewal_of",
]
RESOURCE_COLUMNS = ["resource_id", "resource_type", "region", "certificate_id", "domain"]
HOSTING_COLUMNS = ["certificate_id", "resource_types", "replace_lead", "configured_on",
                   "association", "messages", "status", "successor_product",
                   "validation_method", "validation_ready"]
POLICY_COLUMNS = ["policy_id", "name", "certificates", "threshold_days", "operator",
                  "period_minutes", "repeat", "receivers"]
CONTACT_COLUMNS = ["contact_id", "name", "phone", "email", "wechat_verified", "channels"]

# (brand, product, domain type): the first four renew automatically (AR-ELIGIBLE).
ELIGIBLE = [("DNSPod", "DV", "single"), ("DNSPod", "DV", "wildcard"),
            ("TrustAsia", "DV", "wildcard"), ("WoTrus", "DV", "wildcard"),
            ("DNSPod", "DV_FREE", "single")]
NOT_ELIGIBLE = [("TrustAsia", "DV", "single"), ("TrustAsia", "DV_FREE", "single"),
                ("DNSPod", "DV", "multi"), ("WoTrus", "DV", "single"), ("SecureSite", "OV", "single"),
                ("SecureSite", "EV_PRO", "single"), ("GeoTrust", "OV", "multi"),
                ("GlobalSign", "OV", "wildcard"), ("TrustAsia", "EV", "single"),
                ("DNSPod", "OV_PRO", "wildcard")]
UPLOADED_PRODUCTS = [("GeoTrust", "OV", "multi"), ("GlobalSign", "OV", "single"),
                     ("SecureSite", "EV", "single"), ("Let's Encrypt", "", ""),
                     ("TrustAsia", "DV", "wildcard"), ("other", "DV", "single")]
# Prices: WoTrus DV wildcard has none (its charges are unchecked).
PRICES = [("DNSPod", "DV", "single", "299.00"), ("DNSPod", "DV", "wildcard", "1699.00"),
          ("TrustAsia", "DV", "wildcard", "1999.00"), ("TrustAsia", "OV", "single", "3999.00"),
          ("GeoTrust", "OV", "multi", "8999.00"), ("SecureSite", "OV", "single", "5999.00")]
RESOURCE_TYPES = ["CDN", "CLB", "WAF", "TEO", "LIVE", "APIGATEWAY", "TKE", "DDOS", "VOD", "COS",
                  "ALB", "clb", "cdn", "waf"]
HOSTED_TYPES = ["CDN", "CLB", "WAF", "TEO", "LIVE", "APIGATEWAY", "TKE", "DDOS", "VOD"]
REGIONS = ["ap-guangzhou", "ap-shanghai", "ap-beijing", "ap-chengdu", "ap-hongkong", ""]
PROJECTS = ["官网", "mall", "api", "infra", "marketing", "legacy", "default"]
IN_REVIEW = ["validating", "0", "pending_submission", "5", "13", "dns_auto_added", "4",
             "pending_letter", "8"]
OTHER_STATES = ["validation_failed", "2", "cancelled", "7", "cancelling", "reissuing", "refunded",
                "migrating", "revoked", "10", "revoking", "9", "pending_revocation_letter", "12"]
TRUE = ["true", "yes", "1", "on", "是", "TRUE", "Yes"]
FALSE = ["false", "no", "0", "off", "否", "False"]
NOT_GIVEN = ["", "--"]

# Holidays and make-up workdays (a plausible schedule for 2027 and 2028; make-up days are weekends).
HOLIDAYS = [
    ("2027-01-01", "2027-01-01", "元旦"), ("2027-02-05", "2027-02-12", "春节"),
    ("2027-04-05", "2027-04-05", "清明节"), ("2027-05-01", "2027-05-05", "劳动节"),
    ("2027-06-09", "2027-06-09", "端午节"), ("2027-09-15", "2027-09-15", "中秋节"),
    ("2027-10-01", "2027-10-07", "国庆节"), ("2028-01-01", "2028-01-03", "元旦"),
    ("2028-01-25", "2028-02-01", "春节"), ("2028-04-04", "2028-04-04", "清明节"),
    ("2028-05-01", "2028-05-05", "劳动节"), ("2028-05-29", "2028-05-29", "端午节"),
    ("2028-10-01", "2028-10-08", "国庆节、中秋节"),
]
MAKE_UP_WORKDAYS = ["2027-01-31", "2027-02-20", "2027-04-25", "2027-05-08", "2027-09-26",
                    "2027-10-09", "2028-01-22", "2028-02-05", "2028-04-29", "2028-05-06",
                    "2028-09-24", "2028-10-14"]


class Generator:
    def __init__(self, seed, count, as_of):
        self.rng = random.Random(seed)
        self.count = count
        self.a = as_of
        self.certificates = []
        self.resources = []
        self.hosting = []
        self.ids = set()
        self.accounts = [(f"1000{self.rng.randrange(10**8):08d}", balance)
                         for balance in ("100000.00", "5000.00", "2500.00", "1800.00", "1234.50",
                                         "900.00", "600.00", "300.00", "299.00", "20.00", "0.00")]
        self.missing_accounts = [f"1999{self.rng.randrange(10**8):08d}" for _ in range(2)]
        # Clusters: several certificates of one account expiring on one date (same-day charges).
        self.clusters = [(self.a + dt.timedelta(days=self.rng.randrange(31, 420)),
                          self.rng.choice(self.accounts[3:9])[0]) for _ in range(12)]

    # ---- value spellings -------------------------------------------------------------------

    def pick(self, *choices):
        return self.rng.choice(choices)

    def boolean(self, value):
        """`value` True/False/None spelled one of the accepted ways."""
        if value is None:
            return self.rng.choice(NOT_GIVEN)
        return self.rng.choice(TRUE if value else FALSE)

    def chance(self, p):
        return self.rng.random() < p

    def new_id(self):
        while True:
            text = "".join(self.rng.choice(string.ascii_letters + string.digits) for _ in range(8))
            if text not in self.ids:
                self.ids.add(text)
                return text

    def not_after(self, expiry):
        """notAfter whose local (UTC+8) date is `expiry`, in one of the console's forms."""
        form = self.rng.randrange(10)
        if form < 4:
            return f"{expiry} 07:59:59"
        if form < 6:
            return f"{expiry - DAY}T23:59:59Z"  # the same instant as 07:59:59 local
        if form < 8:
            return f"{expiry} 23:59:59"
        if form == 8:
            return f"{expiry}T15:59:59Z"  # 23:59:59 local
        return f"{expiry}"

    def local_time(self, day, hour=10):
        """An instant whose local date is `day`."""
        form = self.rng.randrange(4)
        if form == 0:
            return f"{day}"
        if form == 1:
            return f"{day} {hour:02d}:00:00"
        if form == 2:
            return f"{day}T{hour - 8:02d}:00:00Z"
        return f"{day}T{hour:02d}:00:00+08:00"

    def expiry(self):
        """Expiry dates from ~90 days ago to ~450 days ahead, some in the next 30 days."""
        roll = self.rng.random()
        if roll < 0.08:
            return self.a - dt.timedelta(days=self.rng.randrange(1, 90))
        if roll < 0.30:
            return self.a + dt.timedelta(days=self.rng.randrange(0, 45))
        return self.a + dt.timedelta(days=self.rng.randrange(45, 450))

    def in_force_status(self):
        return self.pick("issued", "issued", "issued", "1", "", "--")

    # ---- rows ------------------------------------------------------------------------------

    def certificate(self, expiry, brand_product=None, uploaded=False, **columns):
        brand, product, domain_type = brand_product or self.rng.choice(ELIGIBLE + NOT_ELIGIBLE)
        certificate_id = self.new_id()
        domain = f"{certificate_id.lower()}.example.com"
        if domain_type == "wildcard":
            domain = "*." + domain
        lifetime = self.pick(364, 365, 199, 89)
        issued = expiry - dt.timedelta(days=lifetime)
        row = {
            "certificate_id": certificate_id,
            "alias": self.pick("", "", "官网主站", "商城", "开放平台", "api gateway", "活动页"),
            "source": self.pick("uploaded", "upload") if uploaded
            else self.pick("issued", "issued", "trustasia", "sheca", ""),
            "certificate_type": "SVR",
            "standard": "international",
            "brand": brand, "product": product, "domain_type": domain_type,
            "status": self.in_force_status(),
            "bundle": "",
            "project": self.rng.choice(PROJECTS),
            "tags": self.pick("env=prod|team=web", "env=prod|team=api", "env=test",
                              "env=legacy|team=mall", "team=web", ""),
            "domain": domain, "sans": domain,
            "not_after": self.not_after(expiry),
            "issued_at": f"{issued} 08:00:00",
            "auto_renew": self.boolean(self.pick(False, False, None)),
            "auto_renew_enabled_on": "",
            "account_id": self.pick(*[a for a, _ in self.accounts], *self.missing_accounts, ""),
            "payment": self.pick("balance", "balance", "balance", "points", ""),
            "dns_on_platform": self.boolean(self.pick(True, False, None)),
            "validation_ready": self.boolean(self.pick(True, False, None)),
            "verify_type": self.pick("DNS_AUTO", "DNS", "FILE", "DNS_PROXY", "FILE_PROXY", ""),
            "ignored": "", "ignored_since": "",
            "free": self.boolean(product == "DV_FREE") if product else "",
            "renewal_of": "",
        }
        if self.chance(0.12):
            row["ignored"] = self.boolean(True)
            since = self.pick(None, self.a - dt.timedelta(days=40),
                              expiry - dt.timedelta(days=self.rng.randrange(0, 40)))
            row["ignored_since"] = "" if since is None else self.local_time(since, 9)
        elif self.chance(0.05):
            row["ignored"] = self.boolean(False)
        row.update(columns)
        self.certificates.append(row)
        return row

    def bind(self, row, how_many=None):
        """Resources serving `row`; returns their types."""
        types = []
        for _ in range(self.rng.choice([0, 1, 1, 2, 2, 3]) if how_many is None else how_many):
            resource_type = self.rng.choice(RESOURCE_TYPES)
            prefix = {"CLB": "lb", "ALB": "alb", "WAF": "waf", "TEO": "zone"}.get(
                resource_type.upper(), resource_type.lower())
            while True:
                resource_id = f"{prefix}-{''.join(self.rng.choice(string.ascii_lowercase + string.digits) for _ in range(8))}"
                if resource_id not in self.ids:
                    self.ids.add(resource_id)
                    break
            self.resources.append({"resource_id": resource_id, "resource_type": resource_type,
                                   "region": self.rng.choice(REGIONS),
                                   "certificate_id": row["certificate_id"],
                                   "domain": row["domain"].lstrip("*.")})
            types.append(resource_type.upper())
        return types

    def plan(self, row, bound_types, lead=None, **columns):
        """A hosting plan for `row`, naming some of its bound types (or all, or others)."""
        lead = lead or self.pick("immediate", "25", "15", "7", "7", "15")
        named = set(t for t in bound_types if t in HOSTED_TYPES)
        choice = self.rng.random()
        if choice < 0.45:
            types = sorted(named) or ["CDN"]
        elif choice < 0.85 and named:
            types = sorted(self.rng.sample(sorted(named), max(1, len(named) - 1)))
            if self.chance(0.5):
                types.append(self.rng.choice(HOSTED_TYPES))
        else:
            types = sorted(self.rng.sample(HOSTED_TYPES, self.rng.randrange(1, 4)))
        types = [t.lower() if self.chance(0.1) else t for t in dict.fromkeys(types)]
        plan = {
            "certificate_id": row["certificate_id"],
            "resource_types": "|".join(types),
            "replace_lead": lead,
            "configured_on": f"{self.a - dt.timedelta(days=self.rng.randrange(5, 200))}",
            "association": self.pick("auto", "auto", ""),
            "messages": self.boolean(self.pick(True, True, False, None)),
            "status": self.pick("hosting", "hosting", "0", "replacing", "5", "waiting_deploy", "",
                                "hosting", "completed", "10", "not_hosted", "-1"),
            "successor_product": "", "validation_method": "", "validation_ready": "",
        }
        plan.update(columns)
        self.hosting.append(plan)
        return plan

    # ---- profiles: one certificate and what goes with it -----------------------------------

    def plain(self):
        """Any certificate; AR-eligible or not; auto-renewal mostly off."""
        row = self.certificate(self.expiry())
        if self.local_expiry(row) < self.a:
            row["status"] = self.pick("expired", "3", "issued", "revoked", "")
        elif self.chance(0.15):
            row["status"] = self.rng.choice(IN_REVIEW + OTHER_STATES)
        self.bind(row)

    def local_expiry(self, row):
        text = row["not_after"]
        day = dt.date.fromisoformat(text[:10])
        return day + DAY if text.endswith("T23:59:59Z") else day

    def auto_renewing(self):
        """AR-eligible, switched on long ago or not said; charged X - 30 inside the window."""
        expiry = self.a + dt.timedelta(days=self.rng.randrange(30, 450))
        row = self.certificate(expiry, self.rng.choice(ELIGIBLE), auto_renew=self.boolean(True))
        if self.chance(0.5):
            row["auto_renew_enabled_on"] = self.local_time(
                expiry - dt.timedelta(days=self.rng.randrange(30, 300)))
        self.bind(row)
        if self.chance(0.25):
            self.plan(row, self.bound_types(row))

    def bound_types(self, row):
        return [r["resource_type"].upper() for r in self.resources
                if r["certificate_id"] == row["certificate_id"]]

    def boundary(self):
        """Switched on at the as-of date with 13, 14, 29, 30 or 31 days left (or 14..29 ago)."""
        days_left = self.pick(13, 14, 29, 30, 31, 13, 14, 29, 30, 31, 20, 25)
        if self.chance(0.7):
            enabled = self.a
        else:  # switched on some days ago, still inside or outside the 14..29 window
            enabled = self.a - dt.timedelta(days=self.rng.randrange(1, 6))
        expiry = enabled + dt.timedelta(days=days_left)
        if expiry < self.a:
            expiry = self.a
        row = self.certificate(expiry, self.rng.choice(ELIGIBLE), auto_renew=self.boolean(True),
                               auto_renew_enabled_on=self.local_time(enabled, 11))
        self.bind(row)
        if self.chance(0.3):
            self.plan(row, self.bound_types(row), lead=self.pick("7", "15", "immediate"))

    def history(self):
        """Charged before the as-of date: renewal_of successor issued, in review, failed, none."""
        expiry = self.a + dt.timedelta(days=self.rng.randrange(0, 30))
        row = self.certificate(expiry, self.rng.choice(ELIGIBLE), auto_renew=self.boolean(True))
        if expiry - dt.timedelta(days=30) >= self.a - dt.timedelta(days=3) or self.chance(0.3):
            self.bind(row)
        else:
            self.bind(row, 1)
        charge = expiry - dt.timedelta(days=30)
        kind = self.pick("issued", "review", "review", "failed", "none", "two")
        if kind != "none":
            self.follower(row, charge, "review" if kind == "two" else kind)
        if kind == "two":
            self.follower(row, charge, "issued")
        if self.chance(0.4):
            self.plan(row, self.bound_types(row))

    def follower(self, renewed, charge, kind):
        """An inventory row naming `renewed` in renewal_of."""
        expiry = self.local_expiry(renewed)
        brand_product = (renewed["brand"], renewed["product"], renewed["domain_type"])
        follower = self.certificate(expiry + dt.timedelta(days=365), brand_product,
                                    renewal_of=renewed["certificate_id"],
                                    account_id=renewed["account_id"],
                                    auto_renew=self.boolean(self.pick(True, False, None)),
                                    ignored="", ignored_since="")
        follower["issued_at"] = f"{charge + dt.timedelta(days=self.rng.randrange(1, 3))} 09:30:00"
        if kind == "review":
            follower["status"] = self.rng.choice(IN_REVIEW)
        elif kind == "failed":
            follower["status"] = self.pick("validation_failed", "2", "cancelled")
        return follower

    def cluster(self):
        """Several certificates of one account expiring on one date: same-day charges by ID."""
        expiry, account = self.rng.choice(self.clusters)
        for _ in range(self.rng.randrange(2, 5)):
            row = self.certificate(expiry, self.rng.choice(ELIGIBLE[:3]),
                                   auto_renew=self.boolean(True), account_id=account,
                                   payment=self.pick("balance", ""), status=self.in_force_status())
            self.bind(row)

    def hosted(self):
        """A platform certificate under a hosting plan: auto, designated, or manual renewal."""
        expiry = self.a + dt.timedelta(days=self.rng.randrange(10, 420))
        auto_renew = self.chance(0.5)
        brand_product = self.rng.choice(ELIGIBLE if auto_renew else ELIGIBLE + NOT_ELIGIBLE)
        row = self.certificate(expiry, brand_product, auto_renew=self.boolean(auto_renew))
        types = self.bind(row, self.rng.choice([1, 2, 2, 3]))
        plan = self.plan(row, types)
        lead = plan["replace_lead"]
        replace_on = expiry - dt.timedelta(days=0 if lead == "immediate" else int(lead))
        association = self.pick("auto", "designated", "designated", "manual")
        if association == "designated":
            issued_on = replace_on + dt.timedelta(days=self.pick(-60, -1, 0, 0, 1, 1, 3))
            if lead == "immediate":  # issued before the as-of date, before X, or after X
                issued_on = self.pick(self.a - dt.timedelta(days=200), self.a - DAY,
                                      self.a + (expiry - self.a) * self.rng.randrange(0, 100) // 100,
                                      expiry + DAY)
            designated = self.certificate(
                expiry + dt.timedelta(days=self.pick(365, 200, 90)),
                self.rng.choice(ELIGIBLE + NOT_ELIGIBLE), auto_renew=self.boolean(self.chance(0.2)),
                ignored="", ignored_since="")
            designated["issued_at"] = self.local_time(issued_on, 9)
            if self.chance(0.1):
                designated["status"] = self.pick("validating", "revoked")
            plan["association"] = designated["certificate_id"]
        elif association == "manual" and not auto_renew:
            follower = self.follower(row, replace_on - dt.timedelta(days=self.pick(20, 1, -1)),
                                     self.pick("issued", "issued", "review"))
            follower["auto_renew"] = self.boolean(False)

    def uploaded(self):
        """An uploaded certificate, hosted (UPH) or not."""
        roll = self.rng.random()
        if roll < 0.2:  # the order date is already behind the as-of date
            expiry = self.a + dt.timedelta(days=self.rng.randrange(0, 29))
        else:
            expiry = self.a + dt.timedelta(days=self.rng.randrange(29, 430))
        row = self.certificate(expiry, self.rng.choice(UPLOADED_PRODUCTS), uploaded=True,
                               dns_on_platform=self.boolean(self.pick(True, False, None)))
        types = self.bind(row, self.rng.choice([0, 1, 2, 2]))
        if self.chance(0.65):
            plan = self.plan(row, types, successor_product=self.pick(
                "DV", "OV", "OV_PRO", "EV", "EV_PRO", ""),
                validation_method=self.pick("dns", "file", ""),
                validation_ready=self.boolean(self.pick(True, True, False, None)))
            if self.chance(0.1):  # a designated successor wins over the UPH order
                designated = self.certificate(expiry + dt.timedelta(days=365),
                                              self.rng.choice(UPLOADED_PRODUCTS), uploaded=True,
                                              ignored="", ignored_since="")
                designated["issued_at"] = self.local_time(self.a - dt.timedelta(days=5), 9)
                plan["association"] = designated["certificate_id"]
            elif expiry - dt.timedelta(days=29) < self.a and self.chance(0.5):
                self.follower(row, expiry - dt.timedelta(days=29), "issued")

    def troubled(self):
        """Expired, revoked or in review, some still bound to resources."""
        expiry = self.expiry()
        row = self.certificate(expiry)
        if expiry < self.a:
            row["status"] = self.pick("expired", "3", "issued", "")
        else:
            row["status"] = self.rng.choice(IN_REVIEW + OTHER_STATES)
        self.bind(row, self.rng.choice([1, 1, 2]))

    PROFILES = [("plain", 20), ("auto_renewing", 22), ("boundary", 6), ("history", 9),
                ("cluster", 4), ("hosted", 17), ("uploaded", 13), ("troubled", 7)]

    def generate(self):
        names = [name for name, _ in self.PROFILES]
        weights = [weight for _, weight in self.PROFILES]
        while len(self.certificates) < self.count:
            if self.count - len(self.certificates) < 5:
                self.plain()  # one row: the count comes out exact
                continue
            getattr(self, self.rng.choices(names, weights)[0])()
        self.rng.shuffle(self.certificates)

    # ---- the other files -------------------------------------------------------------------

    def contacts(self):
        rows = []
        for index in range(8):
            channels = self.rng.sample(["sms", "email", "wechat", "inbox"], self.rng.randrange(1, 5))
            rows.append({
                "contact_id": f"c-{index + 1:02d}", "name": self.pick("王工", "李工", "张工", "ops"),
                "phone": self.pick(f"1380000{index:04d}", ""),
                "email": self.pick(f"ops{index}@example.com", ""),
                "wechat_verified": self.boolean(self.pick(True, False, None)),
                "channels": "|".join(channels)})
        return rows

    def policies(self, contacts):
        in_force = [row["certificate_id"] for row in self.certificates
                    if row["status"] in ("issued", "1", "", "--")]
        rows = []
        kinds = ["*", "tag", "ids", "tag", "ids", "ids", "*", "tag"]
        repeats = ["once", "1", "5", "once", "6", "12", "24", "48", "7", "once", "24", "once"]
        operators = ["<", "<=", "<", "", "<=", "<"]
        for index in range(16):  # every form cycles, so each estate has each of them
            kind = kinds[index % len(kinds)]
            if kind == "*":
                covered = "*"
            elif kind == "tag":
                covered = self.pick("tag:env=prod", "tag:env=legacy", "tag:team=web", "tag:env=test")
            else:
                covered = "|".join(self.rng.sample(in_force, self.rng.randrange(1, 15)))
            repeat = repeats[index % len(repeats)]
            if kind == "*":
                repeat = "once"  # a repeating `*` policy would drown the timeline in alerts
            rows.append({
                "policy_id": f"p-{index + 1:02d}", "name": f"policy {index + 1}",
                "certificates": covered,
                "threshold_days": self.pick("7", "14", "15", "30", "30", "45", "60", "0"),
                "operator": operators[index % len(operators)],
                "period_minutes": self.pick("1", "5"),
                "repeat": repeat,
                "receivers": "|".join(self.rng.sample([c["contact_id"] for c in contacts],
                                                      self.rng.randrange(1, 4)))})
        return rows

    @staticmethod
    def holidays():
        rows = []
        for first, last, name in HOLIDAYS:
            day = dt.date.fromisoformat(first)
            while day <= dt.date.fromisoformat(last):
                rows.append({"date": day.isoformat(), "kind": "holiday", "name": name})
                day += DAY
        for text in MAKE_UP_WORKDAYS:
            assert dt.date.fromisoformat(text).weekday() >= 5, f"{text} is not a weekend day"
            rows.append({"date": text, "kind": "workday", "name": "调休上班"})
        rows.sort(key=lambda row: row["date"])
        return rows


def write(path, columns, rows):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([row.get(column, "") for column in columns])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--count", type=int, default=1000, help="certificate rows")
    parser.add_argument("--out", required=True, help="folder to write (created if needed)")
    parser.add_argument("--as-of", default="2026-11-28", help="the as-of date (local)")
    options = parser.parse_args(argv)
    if options.count < 1:
        parser.error("--count must be at least 1")
    generator = Generator(options.seed, options.count, dt.date.fromisoformat(options.as_of))
    generator.generate()
    out = Path(options.out)
    out.mkdir(parents=True, exist_ok=True)
    write(out / "certificates.csv", CERT_COLUMNS, generator.certificates)
    write(out / "resources.csv", RESOURCE_COLUMNS, generator.resources)
    write(out / "hosting.csv", HOSTING_COLUMNS, generator.hosting)
    write(out / "accounts.csv", ["account_id", "balance"],
          [{"account_id": a, "balance": b} for a, b in generator.accounts])
    write(out / "pricing.csv", ["brand", "product", "domain_type", "years", "price_cny", "price_points"],
          [{"brand": b, "product": p, "domain_type": d, "years": "1", "price_cny": price,
            "price_points": ""} for b, p, d, price in PRICES]
          + [{"brand": "DNSPod", "product": "DV", "domain_type": "single", "years": "2",
              "price_cny": "549.00", "price_points": "90"}])
    contacts = generator.contacts()
    write(out / "contacts.csv", CONTACT_COLUMNS, contacts)
    write(out / "alert_policies.csv", POLICY_COLUMNS, generator.policies(contacts))
    write(out / "holidays.csv", ["date", "kind", "name"], generator.holidays())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
