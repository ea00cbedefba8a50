#include "CertAuditShims.h"
#include <string.h>

int ca_sk_X509_num(const STACK_OF(X509) *stack) { return sk_X509_num(stack); }
X509 *ca_sk_X509_value(const STACK_OF(X509) *stack, int index) { return sk_X509_value(stack, index); }
STACK_OF(X509) *ca_sk_X509_new_null(void) { return sk_X509_new_null(); }
int ca_sk_X509_push(STACK_OF(X509) *stack, X509 *cert) { return sk_X509_push(stack, cert); }
void ca_sk_X509_free(STACK_OF(X509) *stack) { sk_X509_free(stack); }
void ca_sk_X509_pop_free(STACK_OF(X509) *stack) { sk_X509_pop_free(stack, X509_free); }
int ca_sk_GENERAL_NAME_num(const GENERAL_NAMES *names) { return sk_GENERAL_NAME_num(names); }
GENERAL_NAME *ca_sk_GENERAL_NAME_value(const GENERAL_NAMES *names, int index) {
    return sk_GENERAL_NAME_value(names, index);
}
void ca_GENERAL_NAMES_free(GENERAL_NAMES *names) { GENERAL_NAMES_free(names); }
int ca_sk_ASN1_OBJECT_num(const STACK_OF(ASN1_OBJECT) *stack) { return sk_ASN1_OBJECT_num(stack); }
ASN1_OBJECT *ca_sk_ASN1_OBJECT_value(const STACK_OF(ASN1_OBJECT) *stack, int index) {
    return sk_ASN1_OBJECT_value(stack, index);
}
long ca_BIO_get_mem_data(BIO *bio, char **data) { return BIO_get_mem_data(bio, data); }
void ca_OPENSSL_free(void *pointer) { OPENSSL_free(pointer); }

unsigned long ca_name_flags_rfc2253_utf8(void) { return XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB; }
void ca_EXTENDED_KEY_USAGE_free(EXTENDED_KEY_USAGE *usage) { EXTENDED_KEY_USAGE_free(usage); }
void ca_BASIC_CONSTRAINTS_free(BASIC_CONSTRAINTS *constraints) { BASIC_CONSTRAINTS_free(constraints); }
int ca_sk_X509_EXTENSION_num(const STACK_OF(X509_EXTENSION) *extensions) {
    return sk_X509_EXTENSION_num(extensions);
}
X509_EXTENSION *ca_sk_X509_EXTENSION_value(const STACK_OF(X509_EXTENSION) *extensions, int index) {
    return sk_X509_EXTENSION_value(extensions, index);
}
void ca_X509_EXTENSIONS_free(STACK_OF(X509_EXTENSION) *extensions) {
    sk_X509_EXTENSION_pop_free(extensions, X509_EXTENSION_free);
}
int ca_extension_decodes(X509_EXTENSION *extension) {
    const X509V3_EXT_METHOD *method = X509V3_EXT_get(extension);
    if (method == NULL) return 1;
    void *decoded = X509V3_EXT_d2i(extension);
    if (decoded == NULL) return 0;
    if (method->it != NULL) {
        ASN1_item_free(decoded, ASN1_ITEM_ptr(method->it));
    } else if (method->ext_free != NULL) {
        method->ext_free(decoded);
    }
    return 1;
}
void ca_AUTHORITY_KEYID_free(AUTHORITY_KEYID *identifier) { AUTHORITY_KEYID_free(identifier); }
int ca_crl_distribution_points_are_unusual(const CRL_DIST_POINTS *points) {
    for (int index = 0; index < sk_DIST_POINT_num(points); index++) {
        const DIST_POINT *point = sk_DIST_POINT_value(points, index);
        if (point->distpoint == NULL || point->distpoint->type == 1) return 1;
    }
    return 0;
}
void ca_ASN1_OCTET_STRING_free(ASN1_OCTET_STRING *string) { ASN1_OCTET_STRING_free(string); }
void ca_ASN1_BIT_STRING_free(ASN1_BIT_STRING *string) { ASN1_BIT_STRING_free(string); }

int ca_verify_callback_ignoring_time(int ok, X509_STORE_CTX *context) {
    if (ok) return ok;
    switch (X509_STORE_CTX_get_error(context)) {
    case X509_V_ERR_CERT_HAS_EXPIRED:
    case X509_V_ERR_CERT_NOT_YET_VALID:
        return 1;
    default:
        return ok;
    }
}

int ca_no_password_callback(char *buffer, int size, int rwflag, void *userdata) {
    (void)buffer; (void)size; (void)rwflag; (void)userdata;
    return 0;
}

int ca_string_password_callback(char *buffer, int size, int rwflag, void *userdata) {
    (void)rwflag;
    if (userdata == NULL || size <= 0) return 0;
    size_t length = strlen((const char *)userdata);
    if (length > (size_t)size) length = (size_t)size;
    memcpy(buffer, userdata, length);
    return (int)length;
}

int ca_GENERAL_NAME_type(const GENERAL_NAME *name) { return name->type; }

const ASN1_STRING *ca_GENERAL_NAME_string(const GENERAL_NAME *name) {
    switch (name->type) {
    case GEN_DNS: return name->d.dNSName;
    case GEN_EMAIL: return name->d.rfc822Name;
    case GEN_URI: return name->d.uniformResourceIdentifier;
    case GEN_IPADD: return name->d.iPAddress;
    default: return NULL;
    }
}

STACK_OF(X509) *ca_PKCS7_certificates(PKCS7 *p7) {
    if (p7 == NULL || OBJ_obj2nid(p7->type) != NID_pkcs7_signed || p7->d.sign == NULL) return NULL;
    return p7->d.sign->cert;
}

#include <openssl/provider.h>
int ca_load_legacy_provider(void) {
    OSSL_PROVIDER *base = OSSL_PROVIDER_load(NULL, "default");
    OSSL_PROVIDER *legacy = OSSL_PROVIDER_load(NULL, "legacy");
    (void)base;
    return legacy != NULL;
}

struct ca_signature_cache {
    X509 **subjects;
    X509 **issuers;
    int count;
    int capacity;
    long hits;
};

ca_signature_cache *ca_signature_cache_new(int capacity) {
    ca_signature_cache *cache = OPENSSL_zalloc(sizeof *cache);
    if (cache == NULL) return NULL;
    cache->capacity = capacity > 0 ? capacity : 0;
    if (cache->capacity > 0) {
        cache->subjects = OPENSSL_zalloc(sizeof(X509 *) * cache->capacity);
        cache->issuers = OPENSSL_zalloc(sizeof(X509 *) * cache->capacity);
        if (cache->subjects == NULL || cache->issuers == NULL) cache->capacity = 0;
    }
    return cache;
}

void ca_signature_cache_free(ca_signature_cache *cache) {
    if (cache == NULL) return;
    for (int index = 0; index < cache->count; index++) {
        X509_free(cache->subjects[index]);
        X509_free(cache->issuers[index]);
    }
    OPENSSL_free(cache->subjects);
    OPENSSL_free(cache->issuers);
    OPENSSL_free(cache);
}

int ca_signature_cache_count(const ca_signature_cache *cache) { return cache->count; }
long ca_signature_cache_hits(const ca_signature_cache *cache) { return cache->hits; }

static int ca_signature_cache_has(ca_signature_cache *cache, const X509 *subject, const X509 *issuer) {
    for (int index = 0; index < cache->count; index++) {
        if (cache->subjects[index] == subject && cache->issuers[index] == issuer) return 1;
    }
    return 0;
}

static void ca_signature_cache_add(ca_signature_cache *cache, X509 *subject, X509 *issuer) {
    if (cache->count >= cache->capacity) return;
    if (X509_up_ref(subject) != 1) return;
    if (X509_up_ref(issuer) != 1) {
        X509_free(subject);
        return;
    }
    cache->subjects[cache->count] = subject;
    cache->issuers[cache->count] = issuer;
    cache->count++;
}

/* Reports `error` on `cert` at `depth` through the verify callback; what it returns decides. */
static int ca_verify_fail(X509_STORE_CTX *context, X509 *cert, int depth, int error) {
    X509_STORE_CTX_set_error_depth(context, depth);
    X509_STORE_CTX_set_current_cert(context, cert);
    X509_STORE_CTX_set_error(context, error);
    return X509_STORE_CTX_get_verify_cb(context)(0, context);
}

/* The validity period at the context's time, errors through the callback (OpenSSL's order). */
static int ca_verify_time(X509_STORE_CTX *context, X509 *cert, int depth) {
    X509_VERIFY_PARAM *parameters = X509_STORE_CTX_get0_param(context);
    unsigned long flags = X509_VERIFY_PARAM_get_flags(parameters);
    time_t when = 0;
    time_t *at = NULL;
    if ((flags & X509_V_FLAG_USE_CHECK_TIME) != 0) {
        when = X509_VERIFY_PARAM_get_time(parameters);
        at = &when;
    } else if ((flags & X509_V_FLAG_NO_CHECK_TIME) != 0) {
        return 1;
    }
    int order = X509_cmp_time(X509_get0_notBefore(cert), at);
    if (order == 0 && !ca_verify_fail(context, cert, depth, X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD)) return 0;
    if (order > 0 && !ca_verify_fail(context, cert, depth, X509_V_ERR_CERT_NOT_YET_VALID)) return 0;
    order = X509_cmp_time(X509_get0_notAfter(cert), at);
    if (order == 0 && !ca_verify_fail(context, cert, depth, X509_V_ERR_ERROR_IN_CERT_NOT_AFTER_FIELD)) return 0;
    if (order < 0 && !ca_verify_fail(context, cert, depth, X509_V_ERR_CERT_HAS_EXPIRED)) return 0;
    return 1;
}

/* Whether `issuer`'s key usage lets it sign `subject` (a proxy certificate needs digitalSignature,
   any other keyCertSign); X509_get_key_usage is all ones when the extension is absent. */
static int ca_signing_allowed(X509 *issuer, X509 *subject) {
    if ((X509_get_extension_flags(subject) & EXFLAG_PROXY) != 0) {
        return (X509_get_key_usage(issuer) & KU_DIGITAL_SIGNATURE) != 0 ? X509_V_OK
                                                                          : X509_V_ERR_KEYUSAGE_NO_DIGITAL_SIGNATURE;
    }
    return (X509_get_key_usage(issuer) & KU_KEY_CERT_SIGN) != 0 ? X509_V_OK : X509_V_ERR_KEYUSAGE_NO_CERTSIGN;
}

/* The chain's signatures and validity periods, from the top down, as OpenSSL 3.0 checks them. */
static int ca_verify_signatures(X509_STORE_CTX *context) {
    ca_signature_cache *cache = X509_STORE_CTX_get_app_data(context);
    STACK_OF(X509) *chain = X509_STORE_CTX_get0_chain(context);
    X509_VERIFY_PARAM *parameters = X509_STORE_CTX_get0_param(context);
    unsigned long flags = X509_VERIFY_PARAM_get_flags(parameters);
    int depth = sk_X509_num(chain) - 1;
    if (depth < 0) return 0;
    X509 *issuer = sk_X509_value(chain, depth);
    X509 *subject = issuer;
    X509_STORE_CTX_set_error_depth(context, depth);
    uint32_t top = X509_get_extension_flags(issuer);
    int self_issued = (top & EXFLAG_SS) != 0 && (top & EXFLAG_INVALID) == 0;
    if (!self_issued && (flags & X509_V_FLAG_PARTIAL_CHAIN) == 0) {
        /* The top is not self-signed: its own signature cannot be checked here. */
        if (depth > 0) {
            depth--;
            X509_STORE_CTX_set_error_depth(context, depth);
            subject = sk_X509_value(chain, depth);
        } else if (!ca_verify_fail(context, issuer, 0, X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE)) {
            return 0;
        }
    }
    while (depth >= 0) {
        uint32_t issuer_flags = X509_get_extension_flags(issuer);
        if (subject != issuer
            || ((flags & X509_V_FLAG_CHECK_SS_SIGNATURE) != 0 && (issuer_flags & EXFLAG_SS) != 0)) {
            int issuer_depth = depth + (subject == issuer ? 0 : 1);
            int allowed = subject == issuer && (issuer_flags & EXFLAG_CA) == 0 ? X509_V_OK
                                                                               : ca_signing_allowed(issuer, subject);
            if (allowed != X509_V_OK && !ca_verify_fail(context, issuer, issuer_depth, allowed)) return 0;
            EVP_PKEY *key = X509_get0_pubkey(issuer);
            if (key == NULL) {
                if (!ca_verify_fail(context, issuer, issuer_depth, X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY)) {
                    return 0;
                }
            } else if (cache != NULL && depth > 0 && ca_signature_cache_has(cache, subject, issuer)) {
                cache->hits++;
            } else if (X509_verify(subject, key) > 0) {
                if (cache != NULL && depth > 0) ca_signature_cache_add(cache, subject, issuer);
            } else if (!ca_verify_fail(context, subject, depth, X509_V_ERR_CERT_SIGNATURE_FAILURE)) {
                return 0;
            }
        }
        if (!ca_verify_time(context, subject, depth)) return 0;
        X509_STORE_CTX_set_current_cert(context, subject);
        X509_STORE_CTX_set_error_depth(context, depth);
        if (!X509_STORE_CTX_get_verify_cb(context)(1, context)) return 0;
        if (--depth >= 0) {
            issuer = subject;
            subject = sk_X509_value(chain, depth);
        }
    }
    return 1;
}

void ca_verify_with_signature_cache(X509_STORE_CTX *context, ca_signature_cache *cache) {
    X509_STORE_CTX_set_app_data(context, cache);
    X509_STORE_CTX_set_verify(context, ca_verify_signatures);
}
