#include "CertAuditShims.h"

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
void ca_xmlFree(void *pointer) { xmlFree(pointer); }
