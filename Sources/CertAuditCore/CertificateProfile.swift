/// The facts of a certificate that its issuer decides and that most of one CA's leaves repeat: the
/// issuer's name and key ID, the signature algorithm, the key usages, the basic constraints and the
/// kind and size of the key. `CertificateFacts` keeps them in one box (`OutOfLine`) that the ingest's
/// interner makes every leaf with the same values share: 112 bytes a leaf become an 8-byte pointer,
/// 97 MiB of peak RSS at a million certificates (docs/performance.md, twenty-seventh session).
public struct CertificateProfile: Sendable, Hashable {
    public var issuer: String
    public var signatureAlgorithm: String
    public var authorityKeyID: String?
    public var keyUsage: [String]?
    public var extendedKeyUsage: [String]?
    public var basicConstraints: BasicConstraints?
    public var publicKey: PublicKeyFacts

    public init(
        issuer: String, signatureAlgorithm: String, authorityKeyID: String?, keyUsage: [String]?,
        extendedKeyUsage: [String]?, basicConstraints: BasicConstraints?, publicKey: PublicKeyFacts
    ) {
        self.issuer = issuer
        self.signatureAlgorithm = signatureAlgorithm
        self.authorityKeyID = authorityKeyID
        self.keyUsage = keyUsage
        self.extendedKeyUsage = extendedKeyUsage
        self.basicConstraints = basicConstraints
        self.publicKey = publicKey
    }
}

extension CertificateProfile: ByteEquatable {
    /// Its texts byte for byte, the rest by `==`: a text field added here must be added here too.
    public func hasSameBytes(as other: CertificateProfile) -> Bool {
        self == other && issuer.hasSameBytes(as: other.issuer)
            && signatureAlgorithm.hasSameBytes(as: other.signatureAlgorithm)
            && authorityKeyID.hasSameBytes(as: other.authorityKeyID) && keyUsage.hasSameBytes(as: other.keyUsage)
            && extendedKeyUsage.hasSameBytes(as: other.extendedKeyUsage)
            && publicKey.hasSameBytes(as: other.publicKey)
    }
}
