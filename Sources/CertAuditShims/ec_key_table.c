// EC_GROUP_precompute_mult is deprecated in OpenSSL 3.0 (to be replaced by nothing public), yet it
// is still the one way to give a point other than the curve's generator a table of multiples.
#define OPENSSL_SUPPRESS_DEPRECATED
#include "CertAuditShims.h"
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>

/// a⁻¹ mod n for 0 < a < n, n odd, both 256 bits at most, by Pornin's optimized binary GCD ("Optimized
/// Binary GCD for Modular Inversion", 2020) on four 64-bit words, in variable time as a is public (a
/// signature's s): 31 steps at a time are chosen on 64-bit approximations and then applied to the full
/// values at once. BN_mod_inverse's general algorithm took 12 of a check's 30 µs, a bit-at-a-time binary
/// Euclid 7; this takes 1.6. 0 when it cannot (a zero or not below n, an even or too wide n). The
/// caller checks a·a⁻¹ ≡ 1 with OpenSSL's arithmetic and falls back to BN_mod_inverse otherwise, so a
/// slip here could only cost time.
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
static int u256_is_zero(const ca_u256 *a) { return !(a->word[0] | a->word[1] | a->word[2] | a->word[3]); }
static int u256_is_one(const ca_u256 *a) { return a->word[0] == 1 && !a->word[1] && !a->word[2] && !a->word[3]; }
static int u256_less(const ca_u256 *a, const ca_u256 *b) {
    for (int word = 3; word >= 0; word--)
        if (a->word[word] != b->word[word]) return a->word[word] < b->word[word];
    return 0;
}
static int u256_bits(const ca_u256 *a) {
    for (int word = 3; word >= 0; word--)
        if (a->word[word]) return 64 * word + 64 - __builtin_clzll(a->word[word]);
    return 0;
}
/// a -= b, modulo 2^256.
static void u256_subtract(ca_u256 *a, const ca_u256 *b) {
    unsigned __int128 difference = 0;
    for (int word = 0; word < 4; word++) {
        difference = (unsigned __int128)a->word[word] - b->word[word] - (uint64_t)(difference >> 127);
        a->word[word] = (uint64_t)difference;
    }
}
/// a += b, modulo 2^256.
static void u256_add(ca_u256 *a, const ca_u256 *b) {
    unsigned __int128 sum = 0;
    for (int word = 0; word < 4; word++) {
        sum = (unsigned __int128)a->word[word] + b->word[word] + (uint64_t)(sum >> 64);
        a->word[word] = (uint64_t)sum;
    }
}
/// a = −a, modulo 2^256: the magnitude of a negative a read as a two's complement.
static void u256_negate(ca_u256 *a) {
    static const ca_u256 zero;
    ca_u256 negated = zero;
    u256_subtract(&negated, a);
    *a = negated;
}
/// a's bits from bits − 33 to bits, over its low 31 bits: all that the next 31 steps look at, when bits
/// is the length of the longer of the two values (Pornin's approximation). Exact for bits ≤ 64.
static uint64_t u256_approximate(const ca_u256 *a, int bits) {
    if (bits <= 64) return a->word[0];
    int shift = bits - 64, word = shift / 64, offset = shift % 64;
    uint64_t top = a->word[word] >> offset;
    if (offset) top |= a->word[word + 1] << (64 - offset);  // word < 3 here, as shift < 192
    return (top & ~(uint64_t)0x7FFFFFFF) | (a->word[0] & 0x7FFFFFFF);
}
/// out = (a·f + b·g + n·m) / 2^31 for |f| + |g| ≤ 2^31 and m < 2^31, once the sum's low 31 bits are
/// zero; returns the signed word above out's four (−1 for a negative result).
static int64_t u256_combine(ca_u256 *out, const ca_u256 *a, int64_t f, const ca_u256 *b, int64_t g,
                            const ca_u256 *n, uint64_t m) {
    __int128 sum = 0;  // below 2^97 in magnitude
    uint64_t low[4];
    for (int word = 0; word < 4; word++) {
        sum += (__int128)a->word[word] * f + (__int128)b->word[word] * g + (__int128)n->word[word] * (__int128)m;
        low[word] = (uint64_t)sum;
        sum >>= 64;  // arithmetic: keeps the sign
    }
    for (int word = 0; word < 3; word++) out->word[word] = (low[word] >> 31) | (low[word + 1] << 33);
    out->word[3] = (low[3] >> 31) | ((uint64_t)sum << 33);
    return (int64_t)(sum >> 31);
}
/// out = (u·f + v·g) / 2^31 mod n for u, v < n and |f| + |g| ≤ 2^31: adding the multiple m·n that clears
/// the sum's low 31 bits (m = −sum·n⁻¹ mod 2^31, Montgomery's trick) makes the division exact, and the
/// result, in (−n, 2n), is then brought into [0, n).
static void u256_combine_mod(ca_u256 *out, const ca_u256 *u, int64_t f, const ca_u256 *v, int64_t g,
                             const ca_u256 *n, uint64_t n_inverse) {
    uint64_t m = (0 - (u->word[0] * (uint64_t)f + v->word[0] * (uint64_t)g) * n_inverse) & 0x7FFFFFFF;
    int64_t top = u256_combine(out, u, f, v, g, n, m);
    if (top < 0) u256_add(out, n);
    else if (top > 0 || !u256_less(out, n)) u256_subtract(out, n);
}

int ca_inverse_mod(BIGNUM *inverse, const BIGNUM *a, const BIGNUM *n) {
    static const ca_u256 zero;
    ca_u256 u, v, modulus, x1 = {{1, 0, 0, 0}}, x2 = zero;
    if (!u256_from(&u, a) || !u256_from(&modulus, n) || u256_is_even(&modulus) || u256_is_zero(&u)
        || !u256_less(&u, &modulus))
        return 0;
    v = modulus;
    // n⁻¹ mod 2^64 by Newton's iteration, each step doubling the correct low bits (n·n ≡ 1 mod 8).
    uint64_t n_inverse = modulus.word[0];
    for (int step = 0; step < 5; step++) n_inverse *= 2 - modulus.word[0] * n_inverse;
    // Invariants: x1·a ≡ u and x2·a ≡ v (mod n), v odd, gcd(u, v) = gcd(a, n). Each step of the binary
    // GCD halves u after, when u is odd, swapping u and v if u < v and subtracting v from u; it ends at
    // u = 0 and v = gcd(a, n) within 2·256 − 1 steps: 17 rounds of 31 at most (12 mostly) on 330,000
    // test values, so a 41st round can only be a slip.
    for (int round = 0; !u256_is_zero(&u); round++) {
        if (round > 40) return 0;
        int bits = u256_bits(&u), v_bits = u256_bits(&v);
        if (v_bits > bits) bits = v_bits;
        uint64_t u_approximation = u256_approximate(&u, bits), v_approximation = u256_approximate(&v, bits);
        // 31 steps on the approximations: their low 31 bits keep every parity exact, their top 33 stand for
        // the values in the comparisons (which may then err, at a bounded cost). The factors record the
        // steps: u ← (f0·u + g0·v) / 2^31 and v ← (f1·u + g1·v) / 2^31, with |f| + |g| ≤ 2^31.
        int64_t f0 = 1, g0 = 0, f1 = 0, g1 = 1;
        for (int steps = 31; steps > 0;) {
            if (u_approximation & 1) {
                // Swapped when u < v by masks, not by a branch mispredicted half the time (1.9 µs → 1.6).
                uint64_t swap = 0 - (uint64_t)(u_approximation < v_approximation);
                uint64_t values = (u_approximation ^ v_approximation) & swap;
                int64_t f = (f0 ^ f1) & (int64_t)swap, g = (g0 ^ g1) & (int64_t)swap;
                u_approximation ^= values, v_approximation ^= values, f0 ^= f, f1 ^= f, g0 ^= g, g1 ^= g;
                u_approximation -= v_approximation, f0 -= f1, g0 -= g1;
            }
            // Halvings of u all at once: as many as its trailing zeros, or all the steps left once it is 0.
            int shift = u_approximation ? __builtin_ctzll(u_approximation) : steps;
            if (shift > steps) shift = steps;
            u_approximation >>= shift, f1 *= (int64_t)1 << shift, g1 *= (int64_t)1 << shift, steps -= shift;
        }
        // An approximation's slip can make the new u or v negative: taken back positive, with its factors.
        ca_u256 next_u, next_v;
        if (u256_combine(&next_u, &u, f0, &v, g0, &zero, 0) < 0) u256_negate(&next_u), f0 = -f0, g0 = -g0;
        if (u256_combine(&next_v, &u, f1, &v, g1, &zero, 0) < 0) u256_negate(&next_v), f1 = -f1, g1 = -g1;
        u = next_u, v = next_v;
        ca_u256 next_x1, next_x2;
        u256_combine_mod(&next_x1, &x1, f0, &x2, g0, &modulus, n_inverse);
        u256_combine_mod(&next_x2, &x1, f1, &x2, g1, &modulus, n_inverse);
        x1 = next_x1, x2 = next_x2;
    }
    return u256_is_one(&v) && u256_to(inverse, &x2);
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

/// 1 when the x-coordinate of `point`, a point of P-256, taken mod n (the order) is r (0 < r < n), read
/// from its Jacobian coordinates (X, Y, Z), x = X/Z² mod p, without the inversion of Z that affine
/// coordinates cost (3.6 µs of a check's 28; this takes 0.25): as x < p < 2n, x mod n = r means x = r or
/// x = r + n, the latter only when r + n < p, that is X ≡ r·Z² or X ≡ (r + n)·Z² (mod p). 0 for the point
/// at infinity (Z = 0), which has no x.
static int ca_x_mod_order_is(const EC_GROUP *curve, const EC_POINT *point, const BIGNUM *r, BN_CTX *context) {
    int equal = 0;
    const BIGNUM *field = EC_GROUP_get0_field(curve), *order = EC_GROUP_get0_order(curve);
    BN_CTX_start(context);
    BIGNUM *x = BN_CTX_get(context), *z = BN_CTX_get(context), *z_squared = BN_CTX_get(context),
           *candidate = BN_CTX_get(context);
    // The coordinates come decoded (OpenSSL keeps P-256's in Montgomery form), each in [0, p). Products
    // are below p², reduced by BN_nist_mod_256, P-256's own reduction (BN_mod_mul's division took 0.5 µs).
    if (candidate == NULL || field == NULL || order == NULL
        || !EC_POINT_get_Jprojective_coordinates_GFp(curve, point, x, NULL, z, context) || BN_is_zero(z)
        || !BN_sqr(z_squared, z, context) || !BN_nist_mod_256(z_squared, z_squared, field, context)
        || !BN_mul(candidate, r, z_squared, context) || !BN_nist_mod_256(candidate, candidate, field, context))
        goto done;
    equal = BN_cmp(candidate, x) == 0;
    if (!equal && BN_add(candidate, r, order) && BN_cmp(candidate, field) < 0)
        equal = BN_mul(candidate, candidate, z_squared, context)
                && BN_nist_mod_256(candidate, candidate, field, context) && BN_cmp(candidate, x) == 0;
done:
    BN_CTX_end(context);
    return equal;
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
        || !EC_POINT_add(table->curve, sum, sum, second, context))
        goto done;
    verified = ca_x_mod_order_is(table->curve, sum, r, context);
done:
    EC_POINT_free(sum);
    EC_POINT_free(second);
    if (context != NULL) BN_CTX_end(context);
    BN_CTX_free(context);
    OPENSSL_free(reencoded);
    ECDSA_SIG_free(parsed);
    return verified;
}
