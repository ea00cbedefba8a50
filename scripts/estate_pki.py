"""Small, deterministic X.509 helpers shared by the sample and the benchmark estate generators.

Everything here draws its randomness from a `random.Random` the caller passes in, so that a fixed
seed gives the same keys, serials and certificates on every run: RSA primes are searched with that
generator, EC and Ed25519 keys are derived from its bytes, ECDSA signs deterministically (RFC 6979)
and RSA PKCS#1 v1.5 and Ed25519 signatures are deterministic by construction. The keys are therefore
public knowledge: they exist only to exercise certaudit and must never protect anything.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

UTC = dt.timezone.utc
DAY = dt.timedelta(days=1)
SECOND = dt.timedelta(seconds=1)

_SMALL_PRIMES = [p for p in range(3, 3000) if all(p % q for q in range(2, int(p**0.5) + 1))]
_P256_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551


def _is_probable_prime(candidate: int, rng: random.Random) -> bool:
    """Miller-Rabin with 40 rounds after trial division (error below 2^-80)."""
    for p in _SMALL_PRIMES:
        if candidate % p == 0:
            return candidate == p
    d, s = candidate - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for _ in range(40):
        a = rng.randrange(2, candidate - 2)
        x = pow(a, d, candidate)
        if x in (1, candidate - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, candidate)
            if x == candidate - 1:
                break
        else:
            return False
    return True


def _prime(bits: int, rng: random.Random, exponent: int) -> int:
    while True:
        candidate = rng.getrandbits(bits) | (1 << (bits - 1)) | (1 << (bits - 2)) | 1
        if (candidate - 1) % exponent != 0 and _is_probable_prime(candidate, rng):
            return candidate


def rsa_key(bits: int, rng: random.Random) -> rsa.RSAPrivateKey:
    """An RSA key whose primes come from `rng` (so a fixed seed gives a fixed key)."""
    e = 65537
    while True:
        p = _prime(bits // 2, rng, e)
        q = _prime(bits // 2, rng, e)
        if p != q and (p * q).bit_length() == bits:
            break
    if p < q:
        p, q = q, p
    d = pow(e, -1, (p - 1) * (q - 1))
    public = rsa.RSAPublicNumbers(e, p * q)
    numbers = rsa.RSAPrivateNumbers(
        p, q, d, rsa.rsa_crt_dmp1(d, p), rsa.rsa_crt_dmq1(d, q), rsa.rsa_crt_iqmp(p, q), public
    )
    return numbers.private_key()


def ec_key(rng: random.Random) -> ec.EllipticCurvePrivateKey:
    """An EC P-256 key whose scalar comes from `rng`."""
    return ec.derive_private_key(rng.randrange(1, _P256_ORDER), ec.SECP256R1())


def ed25519_key(rng: random.Random) -> ed25519.Ed25519PrivateKey:
    return ed25519.Ed25519PrivateKey.from_private_bytes(rng.randbytes(32))


def serial(rng: random.Random) -> int:
    """A positive 127-bit serial, as CAs use (BR: at least 64 bits of entropy)."""
    return rng.getrandbits(126) | (1 << 126)


def name(common_name: str | None, organization: str | None = None, country: str | None = None) -> x509.Name:
    parts = []
    if country:
        parts.append(x509.NameAttribute(NameOID.COUNTRY_NAME, country))
    if organization:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization))
    if common_name:
        parts.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name))
    return x509.Name(parts)


@dataclass
class Issuer:
    """A CA that signs: its certificate and its private key."""

    certificate: x509.Certificate
    key: object


def _sign(builder: x509.CertificateBuilder, key) -> x509.Certificate:
    if isinstance(key, ec.EllipticCurvePrivateKey):
        return builder.sign(key, hashes.SHA256(), ecdsa_deterministic=True)
    if isinstance(key, ed25519.Ed25519PrivateKey):
        return builder.sign(key, None)
    return builder.sign(key, hashes.SHA256())


def build(
    *,
    subject: x509.Name,
    public_key,
    issuer: Issuer | None,
    signing_key,
    not_before: dt.datetime,
    not_after: dt.datetime,
    serial_number: int,
    sans: list[str] | None = None,
    is_ca: bool = False,
    path_length: int | None = None,
) -> x509.CertificateBuilder:
    """A builder with the extensions a CA would put in (BR profile), not yet signed.

    `issuer` None means self-signed. `sans` None means no subjectAltName extension at all.
    """
    issuer_name = issuer.certificate.subject if issuer else subject
    issuer_public = issuer.certificate.public_key() if issuer else public_key
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_name)
        .public_key(public_key)
        .serial_number(serial_number)
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=is_ca, path_length=path_length if is_ca else None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_public), critical=False)
    )
    if is_ca:
        usage = dict(
            digital_signature=True, key_cert_sign=True, crl_sign=True, content_commitment=False,
            key_encipherment=False, data_encipherment=False, key_agreement=False,
            encipher_only=False, decipher_only=False,
        )
        builder = builder.add_extension(x509.KeyUsage(**usage), critical=True)
    else:
        usage = dict(
            digital_signature=True, key_cert_sign=False, crl_sign=False, content_commitment=False,
            key_encipherment=isinstance(public_key, rsa.RSAPublicKey), data_encipherment=False,
            key_agreement=False, encipher_only=False, decipher_only=False,
        )
        builder = builder.add_extension(x509.KeyUsage(**usage), critical=True)
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH]),
            critical=False,
        )
    if sans is not None:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.DNSName(s) for s in sans]), critical=False
        )
    return builder


def sign(builder: x509.CertificateBuilder, issuer: Issuer | None, own_key) -> x509.Certificate:
    return _sign(builder, issuer.key if issuer else own_key)


# DER pieces for the SHA-1 re-signing below.
_OID_SHA256_RSA = bytes.fromhex("06092a864886f70d01010b")
_OID_SHA1_RSA = bytes.fromhex("06092a864886f70d010105")


def _der_length(length: int) -> bytes:
    if length < 0x80:
        return bytes([length])
    body = length.to_bytes((length.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def _der(tag: int, content: bytes) -> bytes:
    return bytes([tag]) + _der_length(len(content)) + content


def sign_sha1_rsa(builder: x509.CertificateBuilder, issuer: Issuer) -> x509.Certificate:
    """Sign with sha1WithRSAEncryption, which `cryptography` refuses for certificates.

    The certificate is first built with SHA-256 (to get a correct TBSCertificate), then the
    signature algorithm OID inside the TBS is swapped for SHA-1's (same length, so no DER length
    changes), the TBS is signed with SHA-1, and the outer Certificate SEQUENCE is assembled by hand.
    """
    if not isinstance(issuer.key, rsa.RSAPrivateKey):
        raise ValueError("SHA-1 re-signing needs an RSA issuer")
    draft = builder.sign(issuer.key, hashes.SHA256())
    tbs = draft.tbs_certificate_bytes
    if tbs.count(_OID_SHA256_RSA) != 1:
        raise ValueError("unexpected TBS layout while re-signing with SHA-1")
    tbs = tbs.replace(_OID_SHA256_RSA, _OID_SHA1_RSA)
    signature = issuer.key.sign(tbs, padding.PKCS1v15(), hashes.SHA1())
    algorithm = _der(0x30, _OID_SHA1_RSA + b"\x05\x00")
    der = _der(0x30, tbs + algorithm + _der(0x03, b"\x00" + signature))
    return x509.load_der_x509_certificate(der)


def pem(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.PEM)


def key_pem(key, form: str) -> bytes:
    """`form`: `pkcs8` (PRIVATE KEY), `pkcs1` (RSA PRIVATE KEY) or `sec1` (EC PRIVATE KEY)."""
    fmt = {
        "pkcs8": serialization.PrivateFormat.PKCS8,
        "pkcs1": serialization.PrivateFormat.TraditionalOpenSSL,
        "sec1": serialization.PrivateFormat.TraditionalOpenSSL,
    }[form]
    if form == "pkcs1" and not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("PKCS#1 is for RSA keys")
    if form == "sec1" and not isinstance(key, ec.EllipticCurvePrivateKey):
        raise ValueError("SEC1 is for EC keys")
    return key.private_bytes(serialization.Encoding.PEM, fmt, serialization.NoEncryption())
