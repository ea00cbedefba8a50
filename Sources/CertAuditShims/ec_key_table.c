// EC_GROUP_precompute_mult is deprecated in OpenSSL 3.0 (to be replaced by nothing public), yet it
// is still the one way to give a point other than the curve's generator a table of multiples.
#define OPENSSL_SUPPRESS_DEPRECATED
#include "CertAuditShims.h"
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>

/// a⁻¹ mod n for 0 < a < n, n odd, both 256 bits at most, by the binary extended Euclidean algorithm on
/// four 64-bit words (BN_mod_inverse's general one took 12 of a check's 30 µs). 0 when it cannot (a
/// zero, an even or too wide n). The caller checks a·a⁻¹ ≡ 1 with OpenSSL's arithmetic and falls back
/// to BN_mod_inverse otherwise, so a slip here could only cost time.
typedef struct { uint64_t word[4]; } ca_u256;  // least significant word first

static int u256_from(ca_u256 *out, const BIGNUM *number) {
    unsigned char bytes[32];
    if (BN_is_negative(number) || BN_bn2binpad(number, bytes, 32) != 32) return 0;
    for (int word = 0; word < 4; word++) {
        uint64_t value = 0;
        for (int byte = 0; byte < 8; byte++) value = (value << 8) | bytes[(3 - word) * 8 + byte];
        out->word[word] = value;
    }
    return 1;
}

static int u256_to(BIGNUM *out, const ca_u256 *number) {
    unsigned char bytes[32];
    for (int word = 0; word < 4; word++)
        for (int byte = 0; byte < 8; byte++)
            bytes[(3 - word) * 8 + byte] = (unsigned char)(number->word[word] >> (56 - 8 * byte));
    return BN_bin2bn(bytes, 32, out) != NULL;
}

static int u256_is_even(const ca_u256 *a) { return (a->word[0] & 1) == 0; }
static int u256_is_one(const ca_u256 *a) { return a->word[0] == 1 && !a->word[1] && !a->word[2] && !a->word[3]; }
static int u256_less(const ca_u256 *a, const ca_u256 *b) {
    for (int word = 3; word >= 0; word--)
        if (a->word[word] != b->word[word]) return a->word[word] < b->word[word];
    return 0;
}
/// a -= b; returns the borrow.
static uint64_t u256_subtract(ca_u256 *a, const ca_u256 *b) {
    uint64_t borrow = 0;
    for (int word = 0; word < 4; word++) {
        uint64_t left = a->word[word], right = b->word[word];
        uint64_t difference = left - right - borrow;
        borrow = (left < right) || (left - right < borrow);
        a->word[word] = difference;
    }
    return borrow;
}
/// a += b; returns the carry.
static uint64_t u256_add(ca_u256 *a, const ca_u256 *b) {
    uint64_t carry = 0;
    for (int word = 0; word < 4; word++) {
        uint64_t sum = a->word[word] + b->word[word];
        uint64_t carried = sum < b->word[word];
        sum += carry;
        carried |= sum < carry;
        a->word[word] = sum;
        carry = carried;
    }
    return carry;
}
/// a = a / 2 mod n (a < n, n odd): halved when even, else (a + n) / 2 with the carry shifted in.
static void u256_halve_mod(ca_u256 *a, const ca_u256 *n) {
    uint64_t top = 0;
    if (!u256_is_even(a)) top = u256_add(a, n);
    for (int word = 0; word < 3; word++) a->word[word] = (a->word[word] >> 1) | (a->word[word + 1] << 63);
    a->word[3] = (a->word[3] >> 1) | (top << 63);
}
static void u256_shift_right(ca_u256 *a) {
    for (int word = 0; word < 3; word++) a->word[word] = (a->word[word] >> 1) | (a->word[word + 1] << 63);
    a->word[3] >>= 1;
}
/// a = a - b mod n (a, b < n).
static void u256_subtract_mod(ca_u256 *a, const ca_u256 *b, const ca_u256 *n) {
    if (u256_subtract(a, b)) u256_add(a, n);
}

int ca_inverse_mod(BIGNUM *inverse, const BIGNUM *a, const BIGNUM *n) {
    ca_u256 u, v, modulus, x1 = {{1, 0, 0, 0}}, x2 = {{0, 0, 0, 0}};
    if (!u256_from(&u, a) || !u256_from(&v, n) || !u256_from(&modulus, n) || u256_is_even(&modulus)
        || BN_is_zero(a))
        return 0;
    // Invariants: x1·a ≡ u and x2·a ≡ v (mod n); gcd(u, v) = gcd(a, n) = 1 for prime n.
    for (int steps = 0; !u256_is_one(&u) && !u256_is_one(&v); steps++) {
        if (steps > 4 * 256) return 0;
        while (u256_is_even(&u)) {
            if (!u.word[0] && !u.word[1] && !u.word[2] && !u.word[3]) return 0;
            u256_shift_right(&u);
            u256_halve_mod(&x1, &modulus);
        }
        while (u256_is_even(&v)) {
            u256_shift_right(&v);
            u256_halve_mod(&x2, &modulus);
        }
        if (!u256_less(&u, &v)) {
            u256_subtract(&u, &v);
            u256_subtract_mod(&x1, &x2, &modulus);
        } else {
            u256_subtract(&v, &u);
            u256_subtract_mod(&x2, &x1, &modulus);
        }
    }
    return u256_to(inverse, u256_is_one(&u) ? &x1 : &x2);
}

struct ca_ec_key_table {
    /// P-256 as OpenSSL names it: its generator G with OpenSSL's built-in table of multiples.
    EC_GROUP *curve;
    /// The same curve with the key's point Q as its generator, and a table of Q's multiples.
    EC_GROUP *key;
};

void ca_ec_key_table_free(ca_ec_key_table *table) {
    if (table == NULL) return;
    EC_GROUP_free(table->curve);
    EC_GROUP_free(table->key);
    OPENSSL_free(table);
}

ca_ec_key_table *ca_ec_key_table_new(EVP_PKEY *key) {
    char name[64] = {0};
    size_t name_length = 0;
    unsigned char encoded[256];
    size_t encoded_length = 0;
    if (key == NULL || !EVP_PKEY_is_a(key, "EC")
        || !EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, name, sizeof name, &name_length)
        || OBJ_sn2nid(name) != NID_X9_62_prime256v1
        || !EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_PUB_KEY, encoded, sizeof encoded, &encoded_length))
        return NULL;
    ca_ec_key_table *table = OPENSSL_zalloc(sizeof *table);
    BN_CTX *context = BN_CTX_new();
    EC_POINT *point = NULL;
    if (table == NULL || context == NULL) goto failed;
    table->curve = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1);
    if (table->curve == NULL) goto failed;
    point = EC_POINT_new(table->curve);
    // oct2point checks the point is on the curve; the point at infinity is no key.
    if (point == NULL || !EC_POINT_oct2point(table->curve, point, encoded, encoded_length, context)
        || EC_POINT_is_at_infinity(table->curve, point))
        goto failed;
    table->key = EC_GROUP_dup(table->curve);
    // The cofactor is 1: every other point of the curve has the curve's order, as a generator must.
    if (table->key == NULL
        || !EC_GROUP_set_generator(table->key, point, EC_GROUP_get0_order(table->curve), BN_value_one())
        || !EC_GROUP_precompute_mult(table->key, context))
        goto failed;
    EC_POINT_free(point);
    BN_CTX_free(context);
    return table;
failed:
    EC_POINT_free(point);
    BN_CTX_free(context);
    ca_ec_key_table_free(table);
    return NULL;
}

int ca_ec_key_table_verify(const ca_ec_key_table *table, const unsigned char *digest, size_t digest_length,
                           const unsigned char *signature, size_t signature_length) {
    int verified = 0;
    const unsigned char *cursor = signature;
    unsigned char *reencoded = NULL;
    BN_CTX *context = NULL;
    EC_POINT *sum = NULL, *second = NULL;
    if (signature_length > INT_MAX || digest_length > INT_MAX) return 0;
    ECDSA_SIG *parsed = d2i_ECDSA_SIG(NULL, &cursor, (long)signature_length);
    if (parsed == NULL) return 0;
    // DER and nothing after it, as ossl_ecdsa_verify requires.
    int reencoded_length = i2d_ECDSA_SIG(parsed, &reencoded);
    if (reencoded_length < 0 || (size_t)reencoded_length != signature_length
        || memcmp(signature, reencoded, signature_length) != 0)
        goto done;
    const BIGNUM *r = NULL, *s = NULL;
    ECDSA_SIG_get0(parsed, &r, &s);
    const BIGNUM *order = EC_GROUP_get0_order(table->curve);
    if (BN_is_zero(r) || BN_is_negative(r) || BN_ucmp(r, order) >= 0 || BN_is_zero(s) || BN_is_negative(s)
        || BN_ucmp(s, order) >= 0)
        goto done;
    context = BN_CTX_new();
    if (context == NULL) goto done;
    BN_CTX_start(context);
    BIGNUM *inverse = BN_CTX_get(context), *message = BN_CTX_get(context), *first_scalar = BN_CTX_get(context),
           *second_scalar = BN_CTX_get(context), *x = BN_CTX_get(context);
    if (x == NULL) goto done;
    // s⁻¹, checked: s·s⁻¹ mod n must be 1, else OpenSSL's own inverse is taken.
    if (!ca_inverse_mod(inverse, s, order) || !BN_mod_mul(x, inverse, s, order, context) || !BN_is_one(x)) {
        if (BN_mod_inverse(inverse, s, order, context) == NULL) goto done;
    }
    // The digest's leftmost bits, as many as the order has.
    int bits = BN_num_bits(order);
    size_t length = digest_length;
    if (8 * length > (size_t)bits) length = (size_t)(bits + 7) / 8;
    if (BN_bin2bn(digest, (int)length, message) == NULL) goto done;
    if (8 * length > (size_t)bits && !BN_rshift(message, message, 8 - (bits & 7))) goto done;
    if (!BN_mod_mul(first_scalar, message, inverse, order, context)
        || !BN_mod_mul(second_scalar, r, inverse, order, context))
        goto done;
    sum = EC_POINT_new(table->curve);
    second = EC_POINT_new(table->key);
    // u1·G from the curve's table, u2·Q from the key's: both fixed-base multiplications.
    if (sum == NULL || second == NULL || !EC_POINT_mul(table->curve, sum, first_scalar, NULL, NULL, context)
        || !EC_POINT_mul(table->key, second, second_scalar, NULL, NULL, context)
        || !EC_POINT_add(table->curve, sum, sum, second, context)
        // Fails for the point at infinity: no signature.
        || !EC_POINT_get_affine_coordinates(table->curve, sum, x, NULL, context)
        || !BN_nnmod(message, x, order, context))
        goto done;
    verified = BN_ucmp(message, r) == 0;
done:
    EC_POINT_free(sum);
    EC_POINT_free(second);
    if (context != NULL) BN_CTX_end(context);
    BN_CTX_free(context);
    OPENSSL_free(reencoded);
    ECDSA_SIG_free(parsed);
    return verified;
}
