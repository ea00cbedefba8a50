#!/usr/bin/env python3
"""Generate a large synthetic estate for benchmarking certaudit.

    python3 scripts/make_bench_estate.py [N] [OUTDIR]      (defaults: 100000, bench/work/estate-N)

Writes OUTDIR/{certificates.csv, resources.csv, trust/root.pem, bundles/<shard>/<id>.pem} with N
certificates; shard = index // 1000 keeps folders small. Speed comes from reusing ONE EC P-256 leaf
key for every leaf (subjects, serials, SANs and dates differ) and one EC P-256 intermediate, and from
generating shards in parallel (one process per core). Every shard draws from its own
`random.Random(SEED, shard)` and ECDSA signs deterministically (RFC 6979), so the output is byte for
byte the same on every run and with any number of processes.

About 1% of bundles also carry the (shared) leaf key in PKCS#8 form after the chain, so key parsing
and matching show up in the profile without a key file per bundle.

Beside them, the lifecycle inputs the console rules and the operation verdicts read, so that the
benchmark measures them too: hosting.csv (one plan per 10 certificates), contacts.csv (50),
alert_policies.csv (100, by tag), holidays.csv and operations.csv (one request per 20 certificates,
every kind). They are cheap, and rewritten on every call.

OUTDIR/.bench-estate-stamp records what was generated; when it matches the request the bundles and
certificates.csv are reused and not rewritten. An OUTDIR that exists without a stamp is refused,
never deleted.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import multiprocessing
import os
import random
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import estate_pki as pki  # noqa: E402

SEED = 20261128
SHARD_SIZE = 1000
FORMAT_VERSION = 1
STAMP = ".bench-estate-stamp"
UTC = pki.UTC
LOCAL = dt.timezone(dt.timedelta(hours=8))
AS_OF = dt.datetime(2026, 11, 28, tzinfo=LOCAL)

CERT_COLUMNS = [
    "certificate_id", "alias", "source", "package_type", "certificate_type", "standard", "brand",
    "product", "domain_type", "status", "bundle", "key", "project", "tags", "domain", "sans",
    "not_after", "issued_at", "auto_renew", "account_id", "payment", "dns_on_platform",
    "verify_type", "allow_download", "allow_duplicate",
]
RESOURCE_COLUMNS = ["resource_id", "resource_type", "region", "certificate_id", "domain"]
RESOURCE_TYPES = ["CDN", "CLB", "WAF", "TEO", "LIVE", "APIGATEWAY", "clb", "cdn"]
REGIONS = ["ap-guangzhou", "ap-shanghai", "ap-beijing", "ap-chengdu", "ap-hongkong", "ap-singapore"]
PROJECTS = ["官网", "mall", "api", "infra", "marketing", "legacy", "default"]
ALIASES = ["官网主站", "商城", "开放平台", "支付网关", "活动页", "直播推流", "", "", "", "www", "cdn origin"]
# (package_type, brand, product, domain_type) drawn from spec/package_types.tsv.
PACKAGES = [
    ("48", "DNSPod", "DV", "single"), ("49", "DNSPod", "DV", "wildcard"), ("2", "TrustAsia", "DV_FREE", "single"),
    ("14", "TrustAsia", "OV", "single"), ("12", "TrustAsia", "DV", "wildcard"), ("9", "GeoTrust", "OV", "single"),
]
ZONES = ["example.com", "example.net", "example.org", "example.cn"]


def cert_id(index: int) -> str:
    return f"bench{index:08d}"


def local_text(moment: dt.datetime) -> str:
    return moment.astimezone(LOCAL).strftime("%Y-%m-%d %H:%M:%S")


class Authority:
    """The shared root, intermediate and leaf key, derived from the seed in every process."""

    def __init__(self) -> None:
        rng = random.Random(SEED)
        root_key = pki.ec_key(rng)
        root = pki.build(
            subject=pki.name("certaudit Bench Root CA", "certaudit Bench", "CN"),
            public_key=root_key.public_key(), issuer=None, signing_key=root_key,
            not_before=dt.datetime(2020, 1, 1, tzinfo=UTC), not_after=dt.datetime(2045, 1, 1, tzinfo=UTC),
            serial_number=pki.serial(rng), is_ca=True,
        )
        self.root = pki.Issuer(pki.sign(root, None, root_key), root_key)
        issuing_key = pki.ec_key(rng)
        issuing = pki.build(
            subject=pki.name("certaudit Bench Issuing CA", "certaudit Bench", "CN"),
            public_key=issuing_key.public_key(), issuer=self.root, signing_key=None,
            not_before=dt.datetime(2024, 1, 1, tzinfo=UTC), not_after=dt.datetime(2034, 1, 1, tzinfo=UTC),
            serial_number=pki.serial(rng), is_ca=True, path_length=0,
        )
        self.issuing = pki.Issuer(pki.sign(issuing, self.root, issuing_key), issuing_key)
        self.issuing_pem = pki.pem(self.issuing.certificate)
        self.leaf_key = pki.ec_key(rng)
        self.leaf_key_pem = pki.key_pem(self.leaf_key, "pkcs8")


_authority: Authority | None = None


def _init_worker() -> None:
    global _authority
    _authority = Authority()


def make_shard(job: tuple[str, int, int]) -> tuple[int, str]:
    """Writes one shard's bundles; returns (shard, its certificates.csv rows as text)."""
    outdir, shard, total = job
    authority = _authority or Authority()
    rng = random.Random(SEED * 1_000_003 + shard)
    folder = Path(outdir, "bundles", f"{shard:04d}")
    folder.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    start = shard * SHARD_SIZE
    for index in range(start, min(total, start + SHARD_SIZE)):
        ident = cert_id(index)
        zone = ZONES[index % len(ZONES)]
        host = f"h{index}.{zone}"
        package_type, brand, product, domain_type = rng.choice(PACKAGES)
        if domain_type == "wildcard":
            cn, sans = f"*.w{index}.{zone}", [f"*.w{index}.{zone}", f"w{index}.{zone}"]
        else:
            cn, sans = host, [host] + ([f"www.{host}"] if rng.random() < 0.3 else [])
        # Issued between 2026-01-01 and 2026-12-10: some expired, some expiring, some not yet valid.
        not_before = dt.datetime(2026, 1, 1, tzinfo=UTC) + dt.timedelta(days=rng.randrange(0, 343))
        validity = rng.choices([90, 199, 200, 365, 398], weights=[30, 50, 5, 10, 5])[0]
        not_after = not_before + dt.timedelta(days=validity) - pki.SECOND
        builder = pki.build(
            subject=pki.name(cn), public_key=authority.leaf_key.public_key(), issuer=authority.issuing,
            signing_key=None, not_before=not_before, not_after=not_after,
            serial_number=pki.serial(rng), sans=sans,
        )
        leaf = pki.sign(builder, authority.issuing, None)
        with_key = index % 100 == 7
        content = pki.pem(leaf) + authority.issuing_pem + (authority.leaf_key_pem if with_key else b"")
        (folder / f"{ident}.pem").write_bytes(content)
        source = "issued" if rng.random() < 0.6 else rng.choice(["uploaded", "upload"])
        status = "issued" if not_after > AS_OF else rng.choice(["expired", "3"])
        claimed_not_after = not_after + (dt.timedelta(days=1) if rng.random() < 0.005 else dt.timedelta())
        writer.writerow([
            ident, rng.choice(ALIASES), source, package_type if source == "issued" else "", "SVR",
            "international", brand if source != "issued" else "", product if source != "issued" else "",
            domain_type if source != "issued" else "", status, f"{shard:04d}/{ident}.pem", "",
            rng.choice(PROJECTS), f"env={rng.choice(['prod', 'test'])}|team=t{index % 37}", cn, "|".join(sans),
            local_text(claimed_not_after), local_text(not_before),
            rng.choice(["true", "false", ""]) if source == "issued" else "",
            f"1000{index % 20:08d}", rng.choice(["balance", "points"]), rng.choice(["true", "false"]),
            rng.choice(["DNS_AUTO", "DNS", "FILE"]), rng.choice(["true", "false"]),
            "true" if rng.random() < 0.01 else "",
        ])
    return shard, buffer.getvalue()


def resources_csv(total: int) -> str:
    rng = random.Random(SEED + 7)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(RESOURCE_COLUMNS)
    for number in range(total // 2):
        index = rng.randrange(total)
        kind = rng.choice(RESOURCE_TYPES)
        host = f"h{index}.{ZONES[index % len(ZONES)]}"
        region = "" if kind.upper() in ("CDN", "TEO") else rng.choice(REGIONS)
        writer.writerow([f"res-{number:08d}", kind, region, cert_id(index), host])
    return buffer.getvalue()


OPERATION_KINDS = [
    "revoke", "delete", "reissue", "urge_review", "enable_auto_renew", "disable_auto_renew",
    "ignore_messages", "follow_messages", "host", "upload",
]


def write_lifecycle(outdir: Path, total: int) -> None:
    """hosting.csv, contacts.csv, alert_policies.csv, holidays.csv, accounts.csv, pricing.csv,
    packages.csv, points_ledger.csv and operations.csv."""
    rng = random.Random(SEED + 11)

    def table(name: str, header: list[str], rows: list[list[str]]) -> None:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        (outdir / name).write_text(buffer.getvalue(), encoding="utf-8")

    table("hosting.csv",
          ["certificate_id", "resource_types", "replace_lead", "configured_on", "association", "messages", "status",
           "validation_ready"],
          [[cert_id(index), rng.choice(["CDN|CLB", "CDN", "CLB|WAF|TEO"]), rng.choice(["immediate", "25", "15", "7"]),
            f"2026-{rng.randrange(7, 12):02d}-{rng.randrange(1, 29):02d}", "auto", rng.choice(["true", "false"]),
            "hosting", rng.choice(["true", "false", ""])]
           for index in range(0, total, 10)])
    table("contacts.csv", ["contact_id", "name", "phone", "email", "wechat_verified", "channels"],
          [[f"c{n:03d}", f"联系人{n}", "13800000000" if n % 3 else "", f"c{n}@example.com" if n % 4 else "",
            rng.choice(["true", "false"]), rng.choice(["sms|email", "wechat", "inbox|email", "sms"])]
           for n in range(50)])
    table("alert_policies.csv",
          ["policy_id", "name", "certificates", "threshold_days", "operator", "period_minutes", "repeat", "receivers"],
          [[f"p{n:03d}", f"策略{n}", f"tag:team=t{n % 37}", str(rng.choice([7, 15, 30])), rng.choice(["<", "<="]),
            rng.choice(["1", "5"]), rng.choice(["once", "24"]), f"c{n % 50:03d}|c{(n * 7) % 50:03d}"]
           for n in range(100)])
    table("holidays.csv", ["date", "kind", "name"],
          [["2026-10-01", "holiday", "国庆节"], ["2026-10-02", "holiday", "国庆节"], ["2026-10-10", "workday", "调休"],
           ["2027-01-01", "holiday", "元旦"], ["2027-02-17", "holiday", "春节"]])
    # Money and points (issue 9), so the bench runs the forecast's charges and draws: the 20 accounts
    # certificates name, a price per product, total // 100 packages with ledgers that reconcile.
    accounts = [f"1000{n:08d}" for n in range(20)]
    table("accounts.csv", ["account_id", "balance"],
          [[account, f"{rng.randrange(0, 200_000)}.{rng.randrange(100):02d}"] for account in accounts])
    table("pricing.csv", ["brand", "product", "domain_type", "years", "price_cny", "price_points"],
          [[brand, product, domain_type, "1", f"{rng.randrange(0, 3000)}.00", str(rng.randrange(0, 300))]
           for brand, product, domain_type in sorted({package[1:] for package in PACKAGES})])
    packages, ledger = [], []
    for number in range(max(1, total // 100)):
        package, account = f"pkg-{number:06d}", accounts[number % len(accounts)]
        acquired = AS_OF - dt.timedelta(days=rng.randrange(30, 300))
        total_points = rng.choice([100, 500, 1000])
        consumed = [rng.randrange(0, total_points // 5) for _ in range(rng.randrange(0, 5))]
        remaining = total_points - sum(consumed)
        expires = AS_OF + dt.timedelta(days=rng.randrange(-30, 700))
        status = ("used_up" if remaining == 0 else "expired") if expires < AS_OF else (
            "used_up" if remaining == 0 else "usable")
        packages.append([package, "ssl_" + str(total_points), account, str(total_points), str(remaining),
                         expires.strftime("%Y-%m-%d 23:59:59"), status, "purchase",
                         acquired.strftime("%Y-%m-%d %H:%M:%S")])
        ledger.append([acquired.strftime("%Y-%m-%d %H:%M:%S"), package, "purchase", str(total_points), "", "", "", ""])
        for step, points in enumerate(consumed):
            at = acquired + dt.timedelta(days=step + 1)
            ledger.append([at.strftime("%Y-%m-%d %H:%M:%S"), package, "consume", str(points), "", "",
                           cert_id(rng.randrange(total)), ""])
    table("packages.csv", ["package_id", "name", "account_id", "total_points", "remaining_points", "expires_at",
                           "status", "source", "acquired_at"], packages)
    table("points_ledger.csv", ["at", "package_id", "kind", "points", "counterparty", "code", "certificate_id",
                                "transfer_status"], ledger)
    operations = []
    for number in range(max(1, total // 20)):
        index = rng.randrange(total)
        kind = rng.choice(OPERATION_KINDS)
        at = AS_OF + dt.timedelta(minutes=rng.randrange(0, 30 * 24 * 60))
        params = {"revoke": "reason=业务下线", "reissue": rng.choice(["", "csr=online", "csr=paste|key_password=yes"]),
                  "host": rng.choice(["types=CDN|lead=7", "lead=25", ""])}.get(kind, "")
        operations.append([at.strftime("%Y-%m-%d %H:%M:%S"), cert_id(index), kind, params, f"user{number % 13}"])
    table("operations.csv", ["requested_at", "certificate_id", "operation", "params", "requested_by"], operations)


def stamp_text(total: int) -> str:
    return f"certaudit bench estate format={FORMAT_VERSION} seed={SEED} certificates={total}\n"


def main(argv: list[str]) -> int:
    repo = Path(__file__).resolve().parent.parent
    if len(argv) > 2 or (argv and argv[0] in ("-h", "--help")):
        print(__doc__)
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    try:
        total = int(argv[0]) if argv else 100_000
    except ValueError:
        print(f"N must be a whole number, got {argv[0]!r}", file=sys.stderr)
        return 2
    if total < 1:
        print("N must be at least 1", file=sys.stderr)
        return 2
    outdir = Path(argv[1]) if len(argv) > 1 else repo / "bench" / "work" / f"estate-{total}"
    stamp = outdir / STAMP
    if stamp.exists() and stamp.read_text() == stamp_text(total):
        write_lifecycle(outdir, total)
        print(f"{outdir}: estate of {total} certificates already generated (stamp matches), reused")
        return 0
    if outdir.exists():
        if not stamp.exists() and any(outdir.iterdir()):
            print(f"refusing to delete {outdir}: no {STAMP} in it, so it is not a bench estate", file=sys.stderr)
            return 2
        shutil.rmtree(outdir)
    outdir.mkdir(parents=True)
    started = time.monotonic()

    authority = Authority()
    (outdir / "trust").mkdir()
    (outdir / "trust" / "root.pem").write_bytes(pki.pem(authority.root.certificate))
    shards = (total + SHARD_SIZE - 1) // SHARD_SIZE
    jobs = [(str(outdir), shard, total) for shard in range(shards)]
    processes = min(os.cpu_count() or 1, shards)
    parts: dict[int, str] = {}
    if processes > 1:
        # spawn, not fork: a forked worker can inherit a lock held at fork time and wait for ever
        # (seen once under the test suite); each worker builds its own state in _init_worker.
        with multiprocessing.get_context("spawn").Pool(processes, initializer=_init_worker) as pool:
            for shard, text in pool.imap_unordered(make_shard, jobs):
                parts[shard] = text
    else:
        _init_worker()
        for job in jobs:
            shard, text = make_shard(job)
            parts[shard] = text
    with open(outdir / "certificates.csv", "w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(CERT_COLUMNS) + "\n")
        for shard in range(shards):
            handle.write(parts[shard])
    (outdir / "resources.csv").write_text(resources_csv(total), encoding="utf-8")
    write_lifecycle(outdir, total)
    stamp.write_text(stamp_text(total))  # last: an interrupted run leaves no stamp and is redone
    elapsed = time.monotonic() - started
    print(f"{outdir}: generated {total} certificates in {elapsed:.1f} s with {processes} processes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
