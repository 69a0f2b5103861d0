#ifndef CLAIMPACK_COPENSSL_SHIM_H
#define CLAIMPACK_COPENSSL_SHIM_H

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/pkcs7.h>
#include <openssl/rand.h>
#include <openssl/ts.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/x509_vfy.h>

/* OPENSSL_free, BIO_get_mem_data and the sk_X509 functions are macros (or macro-built
   inline functions with checked types) that Swift does not import; these wrap them. */

/// Frees memory OpenSSL allocated (OPENSSL_free).
static inline void cp_openssl_free(void *pointer) {
    OPENSSL_free(pointer);
}

/// The bytes a memory BIO holds; their count is returned.
static inline long cp_bio_mem_data(BIO *bio, char **data) {
    return BIO_get_mem_data(bio, data);
}

/// The number of certificates in a stack.
static inline int cp_sk_x509_num(const STACK_OF(X509) *stack) {
    return sk_X509_num(stack);
}

/// One certificate of a stack.
static inline X509 *cp_sk_x509_value(const STACK_OF(X509) *stack, int index) {
    return sk_X509_value(stack, index);
}

/// Frees a stack without freeing its certificates.
static inline void cp_sk_x509_free(STACK_OF(X509) *stack) {
    sk_X509_free(stack);
}

/// The number of names in a GENERAL_NAMES (a subject alternative name).
static inline int cp_sk_general_name_num(const GENERAL_NAMES *names) {
    return sk_GENERAL_NAME_num(names);
}

/// One name of a GENERAL_NAMES.
static inline GENERAL_NAME *cp_sk_general_name_value(const GENERAL_NAMES *names, int index) {
    return sk_GENERAL_NAME_value(names, index);
}

/// A certificate's subject alternative names, or NULL; free with GENERAL_NAMES_free.
static inline GENERAL_NAMES *cp_x509_subject_alt_names(X509 *certificate) {
    return X509_get_ext_d2i(certificate, NID_subject_alt_name, NULL, NULL);
}

/// The certificates a signed PKCS #7 structure carries, or NULL.
static inline STACK_OF(X509) *cp_pkcs7_certificates(PKCS7 *token) {
    if (token == NULL || !PKCS7_type_is_signed(token) || token->d.sign == NULL) return NULL;
    return token->d.sign->cert;
}

/// Flags that print a distinguished name as RFC 2253 text, keeping UTF-8 as it is.
static inline unsigned long cp_name_flags_rfc2253_utf8(void) {
    return XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB;
}

#endif
