/*
 * The naive reference for `make bench` (issue 10): what a user would write in C straight on
 * OpenSSL 3 instead of running certaudit — the least an audit needs per bundle, and nothing more.
 *
 *     reference [-t THREADS] BUNDLES_DIR
 *
 * For every regular file under BUNDLES_DIR (bench/harness.h: the walk, the threads and the line
 * printed, shared with the floor in bench/floor/):
 *   - read the file and every PEM certificate in it (PEM_read_bio_X509 until none is left);
 *   - take the first one as the leaf: its notAfter (ASN1_TIME_to_tm), its DNS/IP SANs, its key's
 *     type and size, its SHA-256 fingerprint (X509_digest);
 *   - verify the leaf's signature with the next certificate's public key (X509_verify).
 *
 * Deliberately naive, as a user would write it: the default library context shared by all threads
 * (no OSSL_LIB_CTX per thread), every certificate decoded every time (the intermediate each bundle
 * repeats is decoded and its key parsed 100,000 times), no chain building against a trust store, no
 * private keys, no CSV. certaudit does all of that and much more per certificate; the target
 * is that it still takes at most half this program's time with two threads.
 *
 * A file that holds no certificate or does not verify is counted, not fatal.
 */
#include "../harness.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

static void audit(struct worker *worker, const unsigned char *bytes, long length) {
    struct tally *tally = &worker->tally;
    BIO *bio = BIO_new_mem_buf(bytes, (int)length);
    X509 *chain[16];
    int count = 0;
    while (count < 16) {
        X509 *certificate = PEM_read_bio_X509(bio, NULL, NULL, NULL);
        if (!certificate) break;
        chain[count++] = certificate;
    }
    ERR_clear_error(); /* the end of the file (or a key block) leaves "no start line" behind */
    BIO_free(bio);
    tally->certificates += count;
    if (count == 0) {
        tally->unreadable++;
        return;
    }
    X509 *leaf = chain[0];
    uint64_t facts = 0xcbf29ce484222325ULL; /* this bundle's facts, folded in order */
    struct tm expiry;
    if (ASN1_TIME_to_tm(X509_get0_notAfter(leaf), &expiry) == 1) {
        facts = fold(facts, (uint64_t)timegm(&expiry));
    }
    GENERAL_NAMES *names = X509_get_ext_d2i(leaf, NID_subject_alt_name, NULL, NULL);
    if (names) {
        for (int index = 0; index < sk_GENERAL_NAME_num(names); index++) {
            GENERAL_NAME *name = sk_GENERAL_NAME_value(names, index);
            if (name->type == GEN_DNS || name->type == GEN_IPADD) {
                ASN1_STRING *value = name->type == GEN_DNS ? name->d.dNSName : name->d.iPAddress;
                facts = fold(facts, (uint64_t)ASN1_STRING_length(value));
            }
        }
        GENERAL_NAMES_free(names);
    }
    EVP_PKEY *key = X509_get0_pubkey(leaf);
    if (key) {
        facts = fold(facts, (uint64_t)EVP_PKEY_get_base_id(key));
        facts = fold(facts, (uint64_t)EVP_PKEY_get_bits(key));
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digest_length = 0;
    if (X509_digest(leaf, EVP_sha256(), digest, &digest_length) == 1) {
        uint64_t head;
        memcpy(&head, digest, sizeof head);
        facts = fold(facts, head);
    }
    if (count > 1) {
        EVP_PKEY *issuer_key = X509_get0_pubkey(chain[1]);
        if (issuer_key && X509_verify(leaf, issuer_key) == 1) tally->verified++;
        ERR_clear_error();
    }
    tally->checksum += facts; /* a sum: the same whatever thread saw which bundle */
    for (int index = 0; index < count; index++) X509_free(chain[index]);
}

int main(int argc, char **argv) { return bench_main(argc, argv, sizeof(struct worker), audit, NULL); }
