internal import COpenSSL

/// Owns one OpenSSL `EVP_PKEY` (a private key) and frees it in `deinit`. Its material never leaves
/// this object: only "matches" and the algorithm do.
final class PrivateKeyObject {
    let pointer: OpaquePointer

    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit { EVP_PKEY_free(pointer) }

    /// Whether the certificate's public key is this key's public half (RSA, EC, SM2, EdDSA alike).
    func matches(_ certificate: X509Object) -> Bool {
        guard let publicKey = X509_get0_pubkey(certificate.pointer) else { return false }
        return EVP_PKEY_eq(publicKey, pointer) == 1
    }

    var algorithm: PublicKeyFactsReader.Kind { PublicKeyFactsReader.kind(of: pointer) }
}
