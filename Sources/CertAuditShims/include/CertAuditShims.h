#ifndef CERTAUDIT_SHIMS_H
#define CERTAUDIT_SHIMS_H
/// Thin wrappers over OpenSSL and libxml2 macros and function-like accessors that Swift cannot call.
/// Each is named after what it wraps, prefixed with `ca_`.
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <libxml/xmlmemory.h>

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
void ca_xmlFree(void *pointer);
#endif
