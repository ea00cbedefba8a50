#!/usr/bin/env python3
"""Generates the certificate, key and bundle fixtures of Tests/CertAuditX509Tests/Fixtures/.

A small PKI with fixed dates (verification in the tests happens at 2026-06-01T00:00:00Z): a root,
an intermediate, leaves with every key type, and bundles that are complete, out of order,
incomplete, untrusted, broken, or carry an intermediate that expires before the leaf; keys in
PKCS#8, PKCS#1, SEC1, encrypted and broken forms; garbage, empty and CRL files. SM2 comes from the
openssl command line (the Python library has no SM2). Keys and signatures differ on each run; names,
dates and structure do not. Usage: python3 scripts/make_x509_fixtures.py
"""
import datetime
import pathlib
import random
import shutil
import subprocess

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "CertAuditX509Tests" / "Fixtures"
UTC = datetime.timezone.utc
rng = random.Random(20260601)


def name(cn):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn), x509.NameAttribute(NameOID.ORGANIZATION_NAME, "certaudit fixtures")])


def when(text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=UTC)


def certificate(subject, issuer_name, public_key, signer, not_before, not_after, ca=False, sans=None,
                issuer_key=None, path_length=None, hash_algorithm=hashes.SHA256()):
    builder = (
        x509.CertificateBuilder()
        .subject_name(name(subject))
        .issuer_name(name(issuer_name))
        .public_key(public_key)
        .serial_number(rng.getrandbits(63) + 1)
        .not_valid_before(when(not_before))
        .not_valid_after(when(not_after))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=path_length), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key or public_key), critical=False)
    )
    if ca:
        builder = builder.add_extension(
            x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                          data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                          encipher_only=False, decipher_only=False), critical=True)
    else:
        builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        names = []
        for san in sans or [subject]:
            if san.startswith("ip:"):
                import ipaddress
                names.append(x509.IPAddress(ipaddress.ip_address(san[3:])))
            elif san.startswith("email:"):
                names.append(x509.RFC822Name(san[6:]))
            elif san.startswith("uri:"):
                names.append(x509.UniformResourceIdentifier(san[4:]))
            else:
                names.append(x509.DNSName(san))
        builder = builder.add_extension(x509.SubjectAlternativeName(names), critical=False)
    algorithm = None if isinstance(signer, ed25519.Ed25519PrivateKey) else hash_algorithm
    return builder.sign(signer, algorithm)


def pem(cert):
    return cert.public_bytes(serialization.Encoding.PEM)


def write(relative, data):
    path = OUT / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def key_pem(key, form="pkcs8", password=None):
    formats = {"pkcs8": serialization.PrivateFormat.PKCS8, "traditional": serialization.PrivateFormat.TraditionalOpenSSL}
    encryption = serialization.BestAvailableEncryption(password) if password else serialization.NoEncryption()
    return key.private_bytes(serialization.Encoding.PEM, formats[form], encryption)


def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root = certificate("Fixture Root CA", "Fixture Root CA", root_key.public_key(), root_key,
                       "2020-01-01", "2040-01-01", ca=True)
    inter_key = ec.generate_private_key(ec.SECP256R1())
    inter = certificate("Fixture Intermediate CA", "Fixture Root CA", inter_key.public_key(), root_key,
                        "2021-01-01", "2035-01-01", ca=True, issuer_key=root_key.public_key(), path_length=0)
    short_inter = certificate("Fixture Intermediate CA", "Fixture Root CA", inter_key.public_key(), root_key,
                              "2021-01-01", "2026-09-01T00:00:00", ca=True, issuer_key=root_key.public_key(), path_length=0)
    impostor_key = ec.generate_private_key(ec.SECP256R1())
    # Same name and same key identifier as the real intermediate, another key: it claims to have
    # issued the leaf, and the signature check is what fails (a "broken" chain).
    impostor = (
        x509.CertificateBuilder().subject_name(name("Fixture Intermediate CA")).issuer_name(name("Fixture Root CA"))
        .public_key(impostor_key.public_key()).serial_number(rng.getrandbits(63) + 1)
        .not_valid_before(when("2021-01-01")).not_valid_after(when("2035-01-01"))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(inter_key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(root_key.public_key()), critical=False)
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                                     encipher_only=False, decipher_only=False), critical=True)
        .sign(root_key, hashes.SHA256()))
    other_root_key = ec.generate_private_key(ec.SECP384R1())
    other_root = certificate("Untrusted Root CA", "Untrusted Root CA", other_root_key.public_key(), other_root_key,
                             "2020-01-01", "2040-01-01", ca=True)
    write("trust/root.pem", pem(root))
    write("roots/untrusted-root.pem", pem(other_root))
    write("intermediate.pem", pem(inter))

    keys = {
        "rsa2048": rsa.generate_private_key(public_exponent=65537, key_size=2048),
        "rsa1024": rsa.generate_private_key(public_exponent=65537, key_size=1024),
        "p256": ec.generate_private_key(ec.SECP256R1()),
        "p384": ec.generate_private_key(ec.SECP384R1()),
        "p521": ec.generate_private_key(ec.SECP521R1()),
        "ed25519": ed25519.Ed25519PrivateKey.generate(),
        # One bit short of the BR minimum: CRYPTO-WEAK-KEY's boundary (2048 passes).
        "rsa2047": rsa.generate_private_key(public_exponent=65537, key_size=2047),
    }
    leaves = {}
    for label, key in keys.items():
        host = f"{label}.example.com"
        leaf = certificate(host, "Fixture Intermediate CA", key.public_key(), inter_key,
                           "2026-03-20T00:00:00", "2026-09-30T23:59:59", sans=[host, f"www.{host}"],
                           issuer_key=inter_key.public_key())
        leaves[label] = leaf
        write(f"leaf-{label}.pem", pem(leaf) + pem(inter))
        write(f"leaf-{label}.key", key_pem(key))

    base = leaves["p256"]
    base_key = keys["p256"]
    write("chain-ordered.pem", pem(base) + pem(inter))
    write("chain-out-of-order.pem", pem(inter) + pem(base))
    write("chain-with-root.pem", pem(base) + pem(inter) + pem(root))
    write("chain-leaf-only.pem", pem(base))
    write("chain-broken.pem", pem(base) + pem(impostor))
    write("chain-extra.pem", pem(base) + pem(inter) + pem(other_root))
    write("chain-short-intermediate.pem", pem(base) + pem(short_inter))
    self_key = ec.generate_private_key(ec.SECP256R1())
    self_signed = certificate("self.example.com", "self.example.com", self_key.public_key(), self_key,
                              "2026-01-01", "2026-12-31", sans=["self.example.com"])
    write("self-signed.pem", pem(self_signed))
    untrusted_leaf = certificate("untrusted.example.com", "Untrusted Root CA", base_key.public_key(), other_root_key,
                                 "2026-01-01", "2026-12-31", sans=["untrusted.example.com"], issuer_key=other_root_key.public_key())
    write("chain-untrusted.pem", pem(untrusted_leaf) + pem(other_root))
    expired = certificate("expired.example.com", "Fixture Intermediate CA", base_key.public_key(), inter_key,
                          "2025-01-01", "2025-12-31T23:59:59", sans=["expired.example.com"], issuer_key=inter_key.public_key())
    write("chain-expired-leaf.pem", pem(expired) + pem(inter))
    multi = certificate("multi.example.com", "Fixture Intermediate CA", base_key.public_key(), inter_key,
                        "2026-03-20", "2026-09-30", issuer_key=inter_key.public_key(),
                        sans=["multi.example.com", "ip:192.0.2.7", "ip:2001:db8::1", "email:ops@example.com",
                              "uri:https://example.com/x"])
    write("sans-every-kind.pem", pem(multi) + pem(inter))
    text_dump = subprocess.run(["openssl", "x509", "-text"], input=pem(base), capture_output=True, check=True).stdout
    write("with-text-dump.pem", text_dump + pem(inter))
    write("leaf.der", base.public_bytes(serialization.Encoding.DER))

    write("keys/p256-pkcs8.key", key_pem(base_key, "pkcs8"))
    write("keys/p256-sec1.key", key_pem(base_key, "traditional"))
    write("keys/rsa2048-pkcs1.key", key_pem(keys["rsa2048"], "traditional"))
    write("keys/p256-encrypted-pkcs8.key", key_pem(base_key, "pkcs8", b"fixture-password"))
    legacy = subprocess.run(["openssl", "ec", "-aes256", "-passout", "pass:fixture-password"],
                            input=key_pem(base_key, "traditional"), capture_output=True, check=True).stdout
    write("keys/p256-encrypted-legacy.key", legacy)
    write("keys/mismatched.key", key_pem(ec.generate_private_key(ec.SECP256R1())))
    good = key_pem(base_key).decode().splitlines()
    good[2] = "!!!!" + good[2][4:]
    write("keys/broken-base64.key", ("\n".join(good) + "\n").encode())
    write("bundle-with-key.pem", pem(base) + pem(inter) + key_pem(base_key))

    garbage = bytes(rng.getrandbits(8) for _ in range(2048))
    write("garbage.pem", garbage)
    write("empty.pem", b"")
    broken_cert = pem(base).decode().splitlines()
    broken_cert[3] = "%%%%" + broken_cert[3][4:]
    write("broken-base64.pem", ("\n".join(broken_cert) + "\n").encode())
    write("unterminated.pem", pem(base)[:-30])
    crl = (x509.CertificateRevocationListBuilder().issuer_name(name("Fixture Intermediate CA"))
           .last_update(when("2026-01-01")).next_update(when("2026-02-01")).sign(inter_key, hashes.SHA256()))
    write("revocation-list.pem", crl.public_bytes(serialization.Encoding.PEM))

    # Bundle forms users download: PKCS#7 (PEM and DER), PKCS#12 with keystorePass.txt (modern and
    # legacy RC2/3DES encryption, as IIS exports), a wrong password, a folder, a password file.
    chain_pem = OUT / "chain-ordered.pem"
    for form, target in (("PEM", "chain.p7b"), ("DER", "chain-der.p7b")):
        subprocess.run(["openssl", "crl2pkcs7", "-nocrl", "-certfile", str(chain_pem), "-outform", form,
                        "-out", str(OUT / target)], check=True)
    key_file = OUT / "keys" / "p256-pkcs8.key"
    for folder, extra, password in (("pfx", [], "fixture-password"), ("pfx-legacy", ["-legacy"], "fixture-password"),
                                    ("pfx-wrong", [], "fixture-password")):
        (OUT / folder).mkdir()
        subprocess.run(["openssl", "pkcs12", "-export", *extra, "-in", str(chain_pem), "-inkey", str(key_file),
                        "-passout", f"pass:{password}", "-out", str(OUT / folder / "server.pfx")], check=True)
        written = "not-the-password" if folder == "pfx-wrong" else password
        (OUT / folder / "keystorePass.txt").write_text(written + "\n", encoding="utf-8")
    (OUT / "pfx-nopass").mkdir()
    shutil.copy(OUT / "pfx" / "server.pfx", OUT / "pfx-nopass" / "server.pfx")
    write("keys/password.txt", b"fixture-password\n")
    write("keys/wrong-password.txt", b"guess\n")
    write("folder/server.crt", pem(base) + pem(inter))
    write("folder/server.key", key_pem(base_key))
    write("folder/readme.txt", b"Certificate download: server.crt and server.key.\n")
    write("folder/keystore.jks", bytes(rng.getrandbits(8) for _ in range(64)))

    # The console's ZIP download: one folder per server type, as the console names them.
    import zipfile
    crt, key_bytes = pem(base) + pem(inter), key_pem(base_key)
    pfx = (OUT / "pfx" / "server.pfx").read_bytes()
    other_pfx_dir = OUT / "pfx-other"
    other_pfx_dir.mkdir()
    (other_pfx_dir / "leaf.pem").write_bytes(pem(leaves["rsa2048"]) + pem(inter))
    subprocess.run(["openssl", "pkcs12", "-export", "-in", str(other_pfx_dir / "leaf.pem"), "-inkey",
                    str(OUT / "leaf-rsa2048.key"), "-passout", "pass:fixture-password", "-out",
                    str(other_pfx_dir / "server.pfx")], check=True)
    other_pfx = (other_pfx_dir / "server.pfx").read_bytes()
    shutil.rmtree(other_pfx_dir)

    def console_zip(name, iis_pfx, extra=()):
        with zipfile.ZipFile(OUT / "zip" / name, "w", zipfile.ZIP_DEFLATED) as archive:
            d = "p256.example.com"
            archive.writestr(f"{d}_nginx/{d}_bundle.crt", crt)
            archive.writestr(f"{d}_nginx/{d}.key", key_bytes)
            archive.writestr(f"{d}_Apache/{d}.crt", pem(base))
            archive.writestr(f"{d}_Apache/root_bundle.crt", pem(inter))
            archive.writestr(f"{d}_Apache/{d}.key", key_bytes)
            archive.writestr(f"{d}_IIS/{d}.pfx", iis_pfx)
            archive.writestr(f"{d}_IIS/keystorePass.txt", "fixture-password")
            archive.writestr(f"{d}_Tomcat/{d}.jks", bytes(rng.getrandbits(8) for _ in range(128)))
            archive.writestr(f"{d}_Tomcat/keystorePass.txt", "fixture-password")
            archive.writestr(f"{d}_Other/{d}.pem", crt)
            archive.writestr(f"{d}_Other/{d}.key", key_bytes)
            for entry, data in extra:
                archive.writestr(entry, data)

    (OUT / "zip").mkdir()
    console_zip("console.zip", pfx)
    console_zip("forms-differ.zip", other_pfx)
    console_zip("zip-slip.zip", pfx, [("../escape.pem", crt)])
    with zipfile.ZipFile(OUT / "zip" / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("p_nginx/huge.pem", bytes(9 * 1024 * 1024))
    with zipfile.ZipFile(OUT / "zip" / "many.zip", "w", zipfile.ZIP_STORED) as archive:
        for index in range(300):
            archive.writestr(f"p_other/{index}.txt", b"x")
    with zipfile.ZipFile(OUT / "zip" / "pfx-only.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("p_iis/p.pfx", pfx)
        archive.writestr("p_iis/keystorePass.txt", "fixture-password\n")

    # SM2 (国密): a root in trust/, a signing and an encryption certificate with their keys, all
    # signed SM2-with-SM3 through the openssl command line (the Python library has no SM2).
    sm2 = OUT / "sm2"
    sm2.mkdir()

    def openssl(*arguments):
        subprocess.run(["openssl", *arguments], check=True, capture_output=True)

    for key in ("root", "sign", "enc"):
        openssl("ecparam", "-name", "SM2", "-genkey", "-noout", "-out", str(sm2 / f"{key}.key"))
    openssl("req", "-new", "-x509", "-key", str(sm2 / "root.key"), "-sm3", "-subj", "/CN=Fixture SM2 Root CA",
            "-days", "7300", "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign", "-out", str(OUT / "trust" / "sm2-root.pem"))
    for key, usage in (("sign", "digitalSignature"), ("enc", "keyEncipherment,dataEncipherment,keyAgreement")):
        openssl("req", "-new", "-key", str(sm2 / f"{key}.key"), "-sm3", "-subj", "/CN=sm2.example.com",
                "-out", str(sm2 / f"{key}.csr"))
        (sm2 / f"{key}.ext").write_text(
            "subjectAltName=DNS:sm2.example.com\nbasicConstraints=critical,CA:FALSE\n"
            f"keyUsage=critical,{usage}\nauthorityKeyIdentifier=keyid\nsubjectKeyIdentifier=hash\n")
        openssl("x509", "-req", "-in", str(sm2 / f"{key}.csr"), "-CA", str(OUT / "trust" / "sm2-root.pem"),
                "-CAkey", str(sm2 / "root.key"), "-sm3", "-days", "3650", "-extfile", str(sm2 / f"{key}.ext"),
                "-out", str(sm2 / f"{key}.pem"))
        (sm2 / f"{key}.csr").unlink()
        (sm2 / f"{key}.ext").unlink()
    (sm2 / "root.key").unlink()
    # A vendor shipping one key for both slots: the signing key is written as both.
    shutil.copy(sm2 / "sign.key", sm2 / "both.key")
    openssl("req", "-new", "-x509", "-key", str(sm2 / "sign.key"), "-sm3", "-subj", "/CN=sm2.example.com",
            "-days", "3650", "-addext", "subjectAltName=DNS:sm2.example.com", "-out", str(sm2 / "sm2.pem"))
    shutil.copy(sm2 / "sign.key", sm2 / "sm2.key")
    print(f"fixtures written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
