#!/usr/bin/env python3
"""Generates Tests/CertAuditX509Tests/Fixtures/profiles/: leaves under one intermediate that differ
from a base leaf in one part each, for LeafVerdictTests (a kept chain verdict must be taken by a leaf
that differs only where OpenSSL's verification does not look, and by no other).

    root.pem                     the trust anchor
    base.pem                     leaf (key usage digitalSignature, AKID of the intermediate) + intermediate
    masked.pem                   another key, serial, subject, names and dates (expired): same verdict
    key-usage-cert-sign.pem      key usage digitalSignature + keyCertSign on an end entity
    authority-key-other.pem      an authority key identifier that is not the intermediate's
    crl-relative-name.pem        a CRL distribution point named relative to the CRL issuer (OpenSSL
                                 completes it from the issuer's name: certaudit decodes such a leaf whole)

Keys and signatures differ on each run; names, dates and structure do not.
Usage: python3 scripts/make_profile_fixtures.py
"""
import datetime
import pathlib
import random

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "CertAuditX509Tests" / "Fixtures" / "profiles"
UTC = datetime.timezone.utc
rng = random.Random(20261130)


def name(cn):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "certaudit profile fixtures")])


def when(text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=UTC)


def usage(cert_sign=False, digital_signature=True, crl_sign=False):
    return x509.KeyUsage(digital_signature=digital_signature, content_commitment=False, key_encipherment=False,
                         data_encipherment=False, key_agreement=False, key_cert_sign=cert_sign, crl_sign=crl_sign,
                         encipher_only=False, decipher_only=False)


def build(subject, issuer, public_key, signer, not_before, not_after, extensions):
    builder = (x509.CertificateBuilder().subject_name(name(subject)).issuer_name(name(issuer))
               .public_key(public_key).serial_number(rng.getrandbits(63) + 1)
               .not_valid_before(when(not_before)).not_valid_after(when(not_after)))
    for extension, critical in extensions:
        builder = builder.add_extension(extension, critical=critical)
    return builder.sign(signer, hashes.SHA256())


def pem(*certificates):
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certificates)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    root_key = ec.generate_private_key(ec.SECP256R1())
    inter_key = ec.generate_private_key(ec.SECP256R1())
    ca = [(x509.BasicConstraints(ca=True, path_length=None), True),
          (usage(cert_sign=True, crl_sign=True), True)]
    root = build("Profile Root CA", "Profile Root CA", root_key.public_key(), root_key, "2021-01-01", "2035-01-01",
                 ca + [(x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), False)])
    inter = build("Profile Intermediate CA", "Profile Root CA", inter_key.public_key(), root_key, "2021-01-01",
                  "2035-01-01",
                  ca + [(x509.SubjectKeyIdentifier.from_public_key(inter_key.public_key()), False),
                        (x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), False)])

    def leaf(host, not_before="2026-03-20", not_after="2026-09-30", key_usage=None, authority=None, extra=()):
        key = ec.generate_private_key(ec.SECP256R1())
        return build(host, "Profile Intermediate CA", key.public_key(), inter_key, not_before, not_after, [
            (x509.BasicConstraints(ca=False, path_length=None), True),
            (key_usage or usage(), True),
            (x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False),
            (x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False),
            (authority or x509.AuthorityKeyIdentifier.from_issuer_public_key(inter_key.public_key()), False),
            (x509.SubjectAlternativeName([x509.DNSName(host), x509.DNSName("www." + host)]), False),
            *extra,
        ])

    other = ec.generate_private_key(ec.SECP256R1())
    (OUT / "root.pem").write_bytes(pem(root))
    (OUT / "base.pem").write_bytes(pem(leaf("base.example.com"), inter))
    (OUT / "masked.pem").write_bytes(pem(leaf("masked.example.net", "2024-01-01", "2024-12-31"), inter))
    (OUT / "key-usage-cert-sign.pem").write_bytes(
        pem(leaf("cert-sign.example.com", key_usage=usage(cert_sign=True)), inter))
    relative = x509.CRLDistributionPoints([x509.DistributionPoint(
        full_name=None, relative_name=x509.RelativeDistinguishedName(
            [x509.NameAttribute(NameOID.COMMON_NAME, "CRL1")]), reasons=None, crl_issuer=None)])
    (OUT / "crl-relative-name.pem").write_bytes(
        pem(leaf("crl.example.com", extra=[(relative, False)]), inter))
    (OUT / "authority-key-other.pem").write_bytes(pem(
        leaf("authority.example.com",
             authority=x509.AuthorityKeyIdentifier.from_issuer_public_key(other.public_key())), inter))


if __name__ == "__main__":
    main()
