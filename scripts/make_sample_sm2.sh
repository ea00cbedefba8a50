#!/usr/bin/env bash
# Generates the SM2 (国密) material of the sample estate into scripts/sample-sm2/: an SM2 root and a
# signing and an encryption certificate with their keys, all SM2-with-SM3, with fixed validity dates.
# Python's cryptography has no SM2, so this uses the openssl command line; SM2 signatures and keys
# are random, so the output is generated once and committed, and make_sample_estate.py copies it
# (keeping inputs/ byte-for-byte reproducible). Usage: scripts/make_sample_sm2.sh
set -euo pipefail
out="$(cd "$(dirname "$0")" && pwd)/sample-sm2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rm -rf "$out"
mkdir -p "$out" "$work/newcerts"
touch "$work/index.txt"
echo 1000 > "$work/serial"
cat > "$work/ca.cnf" <<CNF
[ ca ]
default_ca = sample
[ sample ]
dir = $work
database = $work/index.txt
new_certs_dir = $work/newcerts
serial = $work/serial
default_md = sm3
policy = anything
unique_subject = no
copy_extensions = none
[ anything ]
commonName = supplied
organizationName = optional
[ root ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[ sign ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
subjectAltName = DNS:gm.example.com
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[ enc ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,keyEncipherment,dataEncipherment,keyAgreement
subjectAltName = DNS:gm.example.com
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF
for key in root sign enc; do openssl ecparam -name SM2 -genkey -noout -out "$work/$key.key"; done
openssl req -new -key "$work/root.key" -sm3 -subj "/O=certaudit sample/CN=certaudit Sample SM2 Root CA" -out "$work/root.csr"
openssl ca -batch -config "$work/ca.cnf" -selfsign -keyfile "$work/root.key" -in "$work/root.csr" -extensions root \
    -startdate 20260101000000Z -enddate 20451231235959Z -out "$out/sm2-root.pem" 2>/dev/null
for key in sign enc; do
    openssl req -new -key "$work/$key.key" -sm3 -subj "/O=certaudit sample/CN=gm.example.com" -out "$work/$key.csr"
    openssl ca -batch -config "$work/ca.cnf" -cert "$out/sm2-root.pem" -keyfile "$work/root.key" -in "$work/$key.csr" \
        -extensions "$key" -startdate 20260801000000Z -enddate 20270215235959Z -out "$work/$key.pem" 2>/dev/null
    openssl x509 -in "$work/$key.pem" -out "$out/$key.pem"
    cp "$work/$key.key" "$out/$key.key"
done
openssl verify -x509_strict -CAfile "$out/sm2-root.pem" "$out/sign.pem" "$out/enc.pem"
