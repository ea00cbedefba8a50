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
