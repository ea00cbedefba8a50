internal import COpenSSL
import CertAuditShims

/// Checks a leaf's signature from its fields (`LeafFields`) with its issuer's key, as `X509_verify`
/// checks a decoded certificate's: the same TBSCertificate bytes (the DER as read, which OpenSSL keeps
/// and hashes), the same digest and signature scheme, the same arithmetic (`EVP_DigestVerify`). Only
/// for ECDSA and RSA PKCS#1 v1.5 with SHA-256/384/512, the inner and outer algorithms byte for byte
/// equal (X509_verify refuses them otherwise); false for anything else — the caller then lets OpenSSL
/// check the certificate whole, and report what it finds.
enum LeafSignatureCheck {
    /// The digests of the signature algorithms checked here, fetched once.
    nonisolated(unsafe) private static let digests: [Int32: OpaquePointer] = {
        var digests: [Int32: OpaquePointer] = [:]
        for (nid, name) in [
            (NID_ecdsa_with_SHA256, "SHA256"), (NID_ecdsa_with_SHA384, "SHA384"), (NID_ecdsa_with_SHA512, "SHA512"),
            (NID_sha256WithRSAEncryption, "SHA256"), (NID_sha384WithRSAEncryption, "SHA384"),
            (NID_sha512WithRSAEncryption, "SHA512"),
        ] {
            if let digest = EVP_MD_fetch(nil, name, nil) { digests[nid] = digest }
        }
        return digests
    }()

    /// ECDSA signature algorithms: checked with the issuer key's table when `tables` gives one.
    private static let ecdsa: Set<Int32> = [NID_ecdsa_with_SHA256, NID_ecdsa_with_SHA384, NID_ecdsa_with_SHA512]

    /// Whether the leaf's signature verifies with `issuer`'s key (an `X509`). With `tables`, an ECDSA
    /// signature under a P-256 key that signs many leaves is checked with the key's table of
    /// multiples (`IssuerKeyTables`): the same check, about twice as fast.
    static func verifies(_ fields: LeafFields, issuer: OpaquePointer, tables: IssuerKeyTables? = nil) -> Bool {
        OpenSSLErrorQueue.clear()
        defer { OpenSSLErrorQueue.clear() }
        let der = fields.der
        let layout = fields.layout
        var object: OpaquePointer?
        X509_ALGOR_get0(&object, nil, nil, fields.signatureAlgorithm)
        guard der[layout.innerAlgorithm.whole].elementsEqual(der[layout.outerAlgorithm.whole]),
            let object, let issuerKey = X509_get0_pubkey(issuer)
        else { return false }
        let nid = OBJ_obj2nid(object)
        guard let digest = digests[nid] else { return false }
        return der.withUnsafeBytes { bytes in
            // The signature's bits: the BIT STRING's contents after its unused-bits byte, 0.
            let signature = UnsafeRawBufferPointer(rebasing: bytes[layout.signature.contents.dropFirst()])
            let tbs = UnsafeRawBufferPointer(rebasing: bytes[layout.tbs.whole])
            if ecdsa.contains(nid), let table = tables?.table(forKeyOf: issuer) {
                var hash = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
                var length: UInt32 = 0
                guard EVP_Digest(tbs.baseAddress, tbs.count, &hash, &length, digest, nil) == 1 else { return false }
                return hash.withUnsafeBytes {
                    table.verifies(
                        digest: UnsafeRawBufferPointer(rebasing: $0.prefix(Int(length))), signature: signature)
                }
            }
            guard let context = EVP_MD_CTX_new() else { return false }
            defer { EVP_MD_CTX_free(context) }
            guard EVP_DigestVerifyInit(context, nil, digest, nil, issuerKey) == 1 else { return false }
            return EVP_DigestVerify(
                context, signature.baseAddress?.assumingMemoryBound(to: UInt8.self), signature.count,
                tbs.baseAddress?.assumingMemoryBound(to: UInt8.self), tbs.count) == 1
        }
    }
}
