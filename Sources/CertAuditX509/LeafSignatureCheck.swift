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

    static func verifies(_ fields: LeafFields, issuerKey: OpaquePointer) -> Bool {
        OpenSSLErrorQueue.clear()
        defer { OpenSSLErrorQueue.clear() }
        let der = fields.der
        let layout = fields.layout
        var object: OpaquePointer?
        X509_ALGOR_get0(&object, nil, nil, fields.signatureAlgorithm)
        guard der[layout.innerAlgorithm.whole].elementsEqual(der[layout.outerAlgorithm.whole]),
            let object, let digest = digests[OBJ_obj2nid(object)], let context = EVP_MD_CTX_new()
        else { return false }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestVerifyInit(context, nil, digest, nil, issuerKey) == 1 else { return false }
        return der.withUnsafeBufferPointer { bytes in
            let base = bytes.baseAddress!
            let signature = layout.signature.contents.dropFirst()  // the unused-bits byte, 0
            return EVP_DigestVerify(
                context, base + signature.lowerBound, signature.count, base + layout.tbs.whole.lowerBound,
                layout.tbs.whole.count) == 1
        }
    }
}
