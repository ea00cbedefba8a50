#ifndef CERTAUDIT_SHIMS_H
#define CERTAUDIT_SHIMS_H
/// Thin wrappers over OpenSSL and libxml2 macros and function-like accessors that Swift cannot call.
/// Each is named after what it wraps, prefixed with `ca_`.
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/pkcs7.h>
#include <openssl/pkcs12.h>

int ca_sk_X509_num(const STACK_OF(X509) *stack);
X509 *ca_sk_X509_value(const STACK_OF(X509) *stack, int index);
STACK_OF(X509) *ca_sk_X509_new_null(void);
int ca_sk_X509_push(STACK_OF(X509) *stack, X509 *cert);
void ca_sk_X509_free(STACK_OF(X509) *stack);
void ca_sk_X509_pop_free(STACK_OF(X509) *stack);
int ca_sk_GENERAL_NAME_num(const GENERAL_NAMES *names);
GENERAL_NAME *ca_sk_GENERAL_NAME_value(const GENERAL_NAMES *names, int index);
void ca_GENERAL_NAMES_free(GENERAL_NAMES *names);
int ca_sk_ASN1_OBJECT_num(const STACK_OF(ASN1_OBJECT) *stack);
ASN1_OBJECT *ca_sk_ASN1_OBJECT_value(const STACK_OF(ASN1_OBJECT) *stack, int index);
long ca_BIO_get_mem_data(BIO *bio, char **data);
void ca_OPENSSL_free(void *pointer);

/// XN_FLAG_RFC2253 without ASN1_STRFLGS_ESC_MSB: RFC 2253 names with UTF-8 left as UTF-8.
unsigned long ca_name_flags_rfc2253_utf8(void);
void ca_EXTENDED_KEY_USAGE_free(EXTENDED_KEY_USAGE *usage);
/// A decoded extension list (`d2i_X509_EXTENSIONS`): its size, an extension, and freeing it whole.
int ca_sk_X509_EXTENSION_num(const STACK_OF(X509_EXTENSION) *extensions);
X509_EXTENSION *ca_sk_X509_EXTENSION_value(const STACK_OF(X509_EXTENSION) *extensions, int index);
void ca_X509_EXTENSIONS_free(STACK_OF(X509_EXTENSION) *extensions);
/// Whether OpenSSL decodes `extension`'s value (X509V3_EXT_d2i) when it knows the extension (1), or
/// knows it and cannot decode it (0); 1 for an extension OpenSSL has no decoder for.
int ca_extension_decodes(X509_EXTENSION *extension);
void ca_AUTHORITY_KEYID_free(AUTHORITY_KEYID *identifier);
/// Whether a CRL distribution points extension has a point OpenSSL's extension cache would reject
/// (`setup_dp`: one with neither a name nor a CRL issuer) or complete from the issuer's name (a
/// name relative to the CRL issuer): 1 when it has, 0 when every point is a plain full name.
int ca_crl_distribution_points_are_unusual(const CRL_DIST_POINTS *points);
void ca_ASN1_OCTET_STRING_free(ASN1_OCTET_STRING *string);
void ca_ASN1_BIT_STRING_free(ASN1_BIT_STRING *string);
void ca_BASIC_CONSTRAINTS_free(BASIC_CONSTRAINTS *constraints);
/// The verify callback certaudit uses for bundles: time errors (expired, not yet valid) on any chain
/// member are accepted, because CERT-EXPIRED and CHAIN-EXPIRING report them with their dates.
int ca_verify_callback_ignoring_time(int ok, X509_STORE_CTX *context);
/// A PEM password callback that never supplies a password, so OpenSSL never prompts on a terminal.
int ca_no_password_callback(char *buffer, int size, int rwflag, void *userdata);
/// A PEM password callback that supplies the NUL-terminated string in userdata.
int ca_string_password_callback(char *buffer, int size, int rwflag, void *userdata);
/// GENERAL_NAME's type and its string/octet value (dNSName, rfc822Name, URI, iPAddress), or NULL.
int ca_GENERAL_NAME_type(const GENERAL_NAME *name);
const ASN1_STRING *ca_GENERAL_NAME_string(const GENERAL_NAME *name);
/// The certificates of a PKCS#7 signed-data structure (a `.p7b`), or NULL for any other type.
STACK_OF(X509) *ca_PKCS7_certificates(PKCS7 *p7);
/// Loads OpenSSL's default and legacy providers once, so PKCS#12 files protected with RC2 or 3DES
/// (what IIS and older Windows export) can be opened. Returns 1 when the legacy provider loaded.
int ca_load_legacy_provider(void);

/// The (certificate, issuer) signatures one ingest worker has verified, so that the signature of
/// the intermediate every bundle repeats is checked once, not once per bundle. Entries hold a
/// reference to both certificates, so an address in the cache always means the same certificate.
/// Not thread-safe: one per worker.
typedef struct ca_signature_cache ca_signature_cache;
ca_signature_cache *ca_signature_cache_new(int capacity);
void ca_signature_cache_free(ca_signature_cache *cache);
/// Pairs kept, and signature checks the cache answered.
int ca_signature_cache_count(const ca_signature_cache *cache);
long ca_signature_cache_hits(const ca_signature_cache *cache);
/// Makes `context` check its chain's signatures and validity periods as OpenSSL 3.0's own
/// `internal_verify` does — the same checks in the same order, the same errors at the same depths
/// through the same verify callback — except that a (certificate, issuer) pair above the leaf whose
/// signature `cache` has seen verify is not verified again. Call after `X509_STORE_CTX_init`.
void ca_verify_with_signature_cache(X509_STORE_CTX *context, ca_signature_cache *cache);

/// A P-256 public key with a table of its multiples, so that each ECDSA signature checked with it
/// costs two fixed-base multiplications (u1·G from OpenSSL's table of the curve's generator, u2·Q
/// from this one) instead of one fixed-base and one variable-base: an issuer key that signs thousands
/// of leaves pays 21 ms once for its table and checks each signature in about 19 µs (C timing; 34 in a
/// run before s⁻¹ and the comparison were made faster) instead of 65.
/// The check is OpenSSL 3.0's own (`ossl_ecdsa_verify`, `ossl_ecdsa_simple_verify_sig`) step for step
/// on OpenSSL's arithmetic (s⁻¹ aside: `ca_inverse_mod`, checked by OpenSSL's multiplication): strict
/// DER, 0 < r, s < n, the digest truncated to the order's bits, and x(u1·G + u2·Q) mod n = r, compared
/// in Jacobian coordinates (X ≡ r·Z², or (r + n)·Z² when r + n < p) rather than after inverting Z.
/// Read-only once made: safe to share between threads.
typedef struct ca_ec_key_table ca_ec_key_table;
/// The table of `key`'s multiples, or NULL unless it is an EC key on P-256 (prime256v1).
ca_ec_key_table *ca_ec_key_table_new(EVP_PKEY *key);
void ca_ec_key_table_free(ca_ec_key_table *table);
/// 1 when `signature` (DER) is the key's ECDSA signature of `digest`, 0 otherwise.
int ca_ec_key_table_verify(const ca_ec_key_table *table, const unsigned char *digest, size_t digest_length,
                           const unsigned char *signature, size_t signature_length);
/// a⁻¹ mod n for 0 < a < n and an odd n of 256 bits at most (Pornin's optimized binary GCD on four
/// 64-bit words: about 1.6 µs, where a bit-at-a-time binary Euclid took 7 and BN_mod_inverse 12); 0
/// when it cannot. The table's check takes it only after checking a·a⁻¹ ≡ 1 (mod n) with OpenSSL's
/// arithmetic.
int ca_inverse_mod(BIGNUM *inverse, const BIGNUM *a, const BIGNUM *n);
#endif
