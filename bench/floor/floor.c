/*
 * The floor for issue 10's speed target: the least CPU any correct audit can spend on a bundle with
 * OpenSSL 3.0, measured rather than argued. It does what the reference (bench/reference/) does per
 * bundle but never lets OpenSSL decode a leaf:
 *
 *     floor [-t THREADS] BUNDLES_DIR
 *
 * For every regular file under BUNDLES_DIR (bench/harness.h: the walk, the threads and the line
 * printed, shared with the reference):
 *   - read the file, base64-decode its first two PEM certificates (EVP_DecodeUpdate);
 *   - the leaf's SHA-256 fingerprint (EVP_Digest over its DER);
 *   - its notAfter, SAN count and public-key algorithm read by walking the DER by hand, no copies;
 *   - its signature checked with the issuer's key: the issuer is decoded by OpenSSL once per thread
 *     and distinct issuer (a bundle's second certificate, compared byte for byte), its
 *     EVP_PKEY_CTX made once, so a leaf costs one SHA-256 of its TBSCertificate and one
 *     EVP_PKEY_verify — OpenSSL's signature arithmetic and nothing else.
 * No chain building, no trust store, no name or policy checks, no CSV, no report: a real audit does
 * all of that too, so its time can only be above this program's. Its checksum differs from the
 * reference's: it folds other facts.
 *
 * Built with -DFLOOR_FIELDS (`floor-fields`, also run by `make bench`), it also reads every field of
 * the leaf but its public key with OpenSSL's own decoder for that field, as an audit that must report
 * exactly what OpenSSL reads would: the serial (to hex), the signature algorithm, both names (the
 * subject printed in RFC 2253 form), both times (to calendar fields), and every extension (decoded by
 * X509V3_EXT_d2i). What it adds to the floor is what an ingest that splits the leaf's DER itself and
 * hands OpenSSL each field — everything d2i_X509 does but the public key's decoder framework — costs.
 */
#include "../harness.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#ifdef FLOOR_FIELDS
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/x509v3.h>
#endif

struct issuer {
    unsigned char *der;
    int length;
    EVP_PKEY *key;
    EVP_PKEY_CTX *verifier;
};

/* A thread's worker: the harness's, then the issuers this thread has decoded. */
struct floor_worker {
    struct worker base;
    struct issuer issuers[16];
    int issuer_count;
};

/* One DER element at *cursor (before end): its tag, its contents and where the next one starts. */
struct element {
    int tag;
    const unsigned char *start, *contents, *next;
    size_t length;
};

static int read_element(const unsigned char *cursor, const unsigned char *end, struct element *element) {
    if (end - cursor < 2) return 0;
    element->start = cursor;
    element->tag = *cursor++;
    size_t length = *cursor++;
    if (length & 0x80) {
        int octets = length & 0x7f;
        if (octets == 0 || octets > 4 || end - cursor < octets) return 0;
        length = 0;
        while (octets--) length = (length << 8) | *cursor++;
    }
    if ((size_t)(end - cursor) < length) return 0;
    element->contents = cursor;
    element->length = length;
    element->next = cursor + length;
    return 1;
}

/* The n-th PEM certificate's DER (malloc'd), or NULL. */
static unsigned char *pem_certificate(const unsigned char *text, long length, int nth, int *der_length) {
    static const char begin[] = "-----BEGIN CERTIFICATE-----", end_marker[] = "-----END CERTIFICATE-----";
    const unsigned char *cursor = text, *limit = text + length;
    for (int index = 0;; index++) {
        const unsigned char *start = memmem(cursor, limit - cursor, begin, sizeof begin - 1);
        if (!start) return NULL;
        start += sizeof begin - 1;
        const unsigned char *stop = memmem(start, limit - start, end_marker, sizeof end_marker - 1);
        if (!stop) return NULL;
        if (index == nth) {
            unsigned char *der = malloc((stop - start) * 3 / 4 + 4);
            EVP_ENCODE_CTX *context = EVP_ENCODE_CTX_new();
            int written = 0, tail = 0;
            EVP_DecodeInit(context);
            if (EVP_DecodeUpdate(context, der, &written, start, (int)(stop - start)) < 0 ||
                EVP_DecodeFinal(context, der + written, &tail) != 1) {
                EVP_ENCODE_CTX_free(context);
                free(der);
                return NULL;
            }
            EVP_ENCODE_CTX_free(context);
            *der_length = written + tail;
            return der;
        }
        cursor = stop + sizeof end_marker - 1;
    }
}

static struct issuer *issuer_for(struct floor_worker *worker, unsigned char *der, int length) {
    for (int index = 0; index < worker->issuer_count; index++) {
        struct issuer *known = &worker->issuers[index];
        if (known->length == length && memcmp(known->der, der, length) == 0) return known;
    }
    if (worker->issuer_count == 16) return NULL;
    const unsigned char *cursor = der;
    X509 *certificate = d2i_X509(NULL, &cursor, length);
    if (!certificate) return NULL;
    struct issuer *issuer = &worker->issuers[worker->issuer_count++];
    issuer->der = malloc(length);
    memcpy(issuer->der, der, length);
    issuer->length = length;
    issuer->key = X509_get_pubkey(certificate);
    X509_free(certificate);
    issuer->verifier = EVP_PKEY_CTX_new(issuer->key, NULL);
    EVP_PKEY_verify_init(issuer->verifier);
    EVP_PKEY_CTX_set_signature_md(issuer->verifier, EVP_sha256());
    return issuer;
}

#ifdef FLOOR_FIELDS
/* An ASN.1 time at element as calendar fields, as OpenSSL reads it; 0 when it does not decode. */
static uint64_t time_fields(const struct element *element) {
    const unsigned char *cursor = element->start;
    ASN1_TIME *time = d2i_ASN1_TIME(NULL, &cursor, element->next - element->start);
    struct tm parts;
    uint64_t folded = time && ASN1_TIME_to_tm(time, &parts) == 1 ? (uint64_t)parts.tm_year * 400 + parts.tm_yday : 0;
    ASN1_TIME_free(time);
    return folded;
}

/* Every TBSCertificate field but the public key, each decoded by OpenSSL's decoder for that field. */
static uint64_t read_fields(const struct element *tbs, uint64_t facts) {
    struct element field;
    int index = 0;
    for (const unsigned char *cursor = tbs->contents; cursor < tbs->next && read_element(cursor, tbs->next, &field);
         cursor = field.next, index++) {
        const unsigned char *at = field.start;
        long length = field.next - field.start;
        if (index == 0 && field.tag != 0xa0) index = 1;
        if (index == 1) { /* serial, to hex as a report shows it */
            ASN1_INTEGER *serial = d2i_ASN1_INTEGER(NULL, &at, length);
            BIGNUM *number = serial ? ASN1_INTEGER_to_BN(serial, NULL) : NULL;
            char *hex = number ? BN_bn2hex(number) : NULL;
            if (hex) facts = fold(facts, strlen(hex));
            OPENSSL_free(hex);
            BN_free(number);
            ASN1_INTEGER_free(serial);
        } else if (index == 2) { /* signature algorithm */
            X509_ALGOR *algorithm = d2i_X509_ALGOR(NULL, &at, length);
            if (algorithm) facts = fold(facts, OBJ_obj2nid(algorithm->algorithm));
            X509_ALGOR_free(algorithm);
        } else if (index == 3 || index == 5) { /* issuer, subject: the subject printed */
            X509_NAME *name = d2i_X509_NAME(NULL, &at, length);
            BIO *bio = name && index == 5 ? BIO_new(BIO_s_mem()) : NULL;
            if (bio && X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) >= 0) {
                facts = fold(facts, BIO_number_written(bio));
            }
            BIO_free(bio);
            X509_NAME_free(name);
        } else if (index == 4) { /* validity */
            struct element not_before, not_after;
            if (read_element(field.contents, field.next, &not_before) &&
                read_element(not_before.next, field.next, &not_after)) {
                facts = fold(fold(facts, time_fields(&not_before)), time_fields(&not_after));
            }
        } else if (field.tag == 0xa3) { /* extensions, each decoded */
            const unsigned char *list = field.contents;
            X509_EXTENSIONS *extensions = d2i_X509_EXTENSIONS(NULL, &list, field.next - field.contents);
            for (int at_extension = 0; extensions && at_extension < sk_X509_EXTENSION_num(extensions);
                 at_extension++) {
                X509_EXTENSION *extension = sk_X509_EXTENSION_value(extensions, at_extension);
                const X509V3_EXT_METHOD *method = X509V3_EXT_get(extension);
                void *decoded = method ? X509V3_EXT_d2i(extension) : NULL;
                if (!decoded) continue;
                facts = fold(facts, OBJ_obj2nid(X509_EXTENSION_get_object(extension)));
                if (method->it) {
                    ASN1_item_free(decoded, ASN1_ITEM_ptr(method->it));
                } else if (method->ext_free) {
                    method->ext_free(decoded);
                }
            }
            sk_X509_EXTENSION_pop_free(extensions, X509_EXTENSION_free);
        }
    }
    return facts;
}
#endif

static void audit(struct worker *base, const unsigned char *bytes, long length) {
    struct floor_worker *worker = (struct floor_worker *)base;
    struct tally *tally = &base->tally;
    int leaf_length = 0, issuer_length = 0;
    unsigned char *leaf = pem_certificate(bytes, length, 0, &leaf_length);
    unsigned char *issuer_der = leaf ? pem_certificate(bytes, length, 1, &issuer_length) : NULL;
    if (!leaf) {
        tally->unreadable++;
        return;
    }
    tally->certificates += issuer_der ? 2 : 1;
    uint64_t facts = 0xcbf29ce484222325ULL;
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digest_length = 0;
    if (EVP_Digest(leaf, leaf_length, digest, &digest_length, EVP_sha256(), NULL) == 1) {
        uint64_t head;
        memcpy(&head, digest, sizeof head);
        facts = fold(facts, head);
    }
    /* Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING } */
    struct element certificate, tbs, algorithm, signature, field;
    const unsigned char *end = leaf + leaf_length;
    if (read_element(leaf, end, &certificate) && read_element(certificate.contents, certificate.next, &tbs) &&
        read_element(tbs.next, certificate.next, &algorithm) &&
        read_element(algorithm.next, certificate.next, &signature) && signature.length > 1) {
        /* TBSCertificate: [0] version, serial, signature, issuer, validity, subject, spki, ... [3] */
        const unsigned char *cursor = tbs.contents;
        int index = 0;
        while (cursor < tbs.next && read_element(cursor, tbs.next, &field)) {
            if (index == 0 && field.tag != 0xa0) index = 1;
            if (index == 4) { /* validity: notBefore, notAfter */
                struct element not_before, not_after;
                if (read_element(field.contents, field.next, &not_before) &&
                    read_element(not_before.next, field.next, &not_after)) {
                    uint64_t stamp = 0;
                    for (size_t at = 0; at < not_after.length; at++) stamp = stamp * 10 + not_after.contents[at];
                    facts = fold(facts, stamp);
                }
            } else if (index == 6) { /* spki: algorithm OID and parameters */
                struct element spki_algorithm;
                if (read_element(field.contents, field.next, &spki_algorithm)) {
                    facts = fold(facts, spki_algorithm.length);
                }
            } else if (field.tag == 0xa3) { /* extensions: count the SAN extension's names */
                struct element list, extension, oid, value;
                if (read_element(field.contents, field.next, &list)) {
                    for (const unsigned char *at = list.contents;
                         at < list.next && read_element(at, list.next, &extension); at = extension.next) {
                        if (!read_element(extension.contents, extension.next, &oid)) break;
                        if (oid.length == 3 && memcmp(oid.contents, "\x55\x1d\x11", 3) == 0) {
                            const unsigned char *inner = oid.next;
                            while (read_element(inner, extension.next, &value) && value.tag != 0x04) {
                                inner = value.next;
                            }
                            struct element names, name;
                            if (value.tag == 0x04 && read_element(value.contents, value.next, &names)) {
                                for (const unsigned char *n = names.contents;
                                     n < names.next && read_element(n, names.next, &name); n = name.next) {
                                    facts = fold(facts, name.length);
                                }
                            }
                        }
                    }
                }
            }
            cursor = field.next;
            index++;
        }
#ifdef FLOOR_FIELDS
        facts = read_fields(&tbs, facts);
#endif
        struct issuer *issuer = issuer_der ? issuer_for(worker, issuer_der, issuer_length) : NULL;
        unsigned char tbs_digest[EVP_MAX_MD_SIZE];
        unsigned int tbs_digest_length = 0;
        if (issuer && issuer->verifier &&
            EVP_Digest(tbs.start, tbs.next - tbs.start, tbs_digest, &tbs_digest_length, EVP_sha256(), NULL) == 1 &&
            EVP_PKEY_verify(issuer->verifier, signature.contents + 1, signature.length - 1, tbs_digest,
                            tbs_digest_length) == 1) {
            tally->verified++;
        }
        ERR_clear_error();
    }
    tally->checksum += facts;
    free(leaf);
    free(issuer_der);
}

static void release(struct worker *base) {
    struct floor_worker *worker = (struct floor_worker *)base;
    for (int index = 0; index < worker->issuer_count; index++) {
        EVP_PKEY_CTX_free(worker->issuers[index].verifier);
        EVP_PKEY_free(worker->issuers[index].key);
        free(worker->issuers[index].der);
    }
}

int main(int argc, char **argv) { return bench_main(argc, argv, sizeof(struct floor_worker), audit, release); }
