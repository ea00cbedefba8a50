internal import COpenSSL
import CertAuditShims

/// A P-256 issuer key with a table of its multiples (`ca_ec_key_table`): each ECDSA signature
/// checked with it costs two fixed-base multiplications instead of a fixed-base and a variable-base
/// one. In a 100,000-certificate run (`perf`) a leaf's check took about 34 µs against
/// `EVP_DigestVerify`'s 65, for 21 ms spent once on the table; with a faster s⁻¹ and x compared in
/// Jacobian coordinates, about 19 µs in a C timing where it took 28. The check is OpenSSL's own,
/// step for step, on OpenSSL's arithmetic; `ECDSAKeyTableTests` holds it to `EVP_DigestVerify` on
/// valid, altered and malformed signatures, on signatures whose point's x passes the order, and on
/// sums at infinity.
///
/// Only P-256: OpenSSL 3.0 has no fast arithmetic for P-384, and there a table made the check
/// slower (1.6 ms against 0.7 ms). Sendable: the C table is only read once made.
final class ECDSAKeyTable: @unchecked Sendable {
    private let pointer: OpaquePointer

    /// The table of `key`'s multiples (an `EVP_PKEY`), or nil unless it is an EC key on P-256.
    init?(key: OpaquePointer) {
        guard let pointer = ca_ec_key_table_new(key) else {
            OpenSSLErrorQueue.clear()
            return nil
        }
        self.pointer = pointer
    }

    deinit { ca_ec_key_table_free(pointer) }

    /// Whether `signature` (DER) is the key's ECDSA signature of `digest`.
    func verifies(digest: UnsafeRawBufferPointer, signature: UnsafeRawBufferPointer) -> Bool {
        defer { OpenSSLErrorQueue.clear() }
        return ca_ec_key_table_verify(
            pointer, digest.baseAddress?.assumingMemoryBound(to: UInt8.self), digest.count,
            signature.baseAddress?.assumingMemoryBound(to: UInt8.self), signature.count) == 1
    }
}
