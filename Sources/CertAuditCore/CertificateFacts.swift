/// What the tool knows about one X.509 certificate once OpenSSL has read it: compact values only, no
/// DER and no OpenSSL object, so a million of them fit in memory.
public struct CertificateFacts: Sendable, Hashable {
    /// One-line RFC 2253 distinguished name, e.g. `CN=www.example.com,O=Example,C=CN`.
    public var subject: String
    public var issuer: String
    /// Serial number, upper-case hex without separators (a leading `-` for a negative serial).
    public var serialHex: String {
        get { serial.text }
        set { serial = HexText(newValue) }
    }
    /// OpenSSL's long name of the signature algorithm, e.g. `sha256WithRSAEncryption`, `SM2-with-SM3`.
    public var signatureAlgorithm: String
    /// SHA-256 of the DER, lower-case hex without colons.
    public var fingerprintSHA256: String {
        get { fingerprint.text }
        set { fingerprint = HexText(newValue) }
    }
    /// Hex key identifiers, lower case; nil when the extension is absent.
    public var subjectKeyID: String? {
        get { subjectKey?.text }
        set { subjectKey = newValue.map(HexText.init) }
    }
    /// Shared by every leaf of one issuer (`EstateInterner`): kept as a string, one for them all.
    public var authorityKeyID: String?
    /// The hex fields, held as their bytes (`HexText`): unique to each leaf, they were three heap
    /// blocks a certificate as strings (about 270 bytes; inline they take 120). The fingerprint as
    /// held is the certificate's key in a table: `fingerprintSHA256` makes a string at each read.
    public private(set) var fingerprint: HexText
    private var serial: HexText
    private var subjectKey: HexText?
    public var notBefore: Instant
    public var notAfter: Instant
    /// The subject's common names, in certificate order.
    public var commonNames: [String]
    public var subjectAltNames: [SubjectAltName]
    /// Key usage bit names (`digitalSignature`, `keyCertSign`, …); nil when the extension is absent.
    public var keyUsage: [String]?
    /// Extended key usage short names (`serverAuth`, `clientAuth`, or a dotted OID); nil when absent.
    public var extendedKeyUsage: [String]?
    public var basicConstraints: BasicConstraints?
    /// Subject and issuer names are equal (a root or a self-issued certificate).
    public var isSelfIssued: Bool
    public var publicKey: PublicKeyFacts

    public init(
        subject: String, issuer: String, serialHex: String, notBefore: Instant, notAfter: Instant,
        commonNames: [String], subjectAltNames: [SubjectAltName], publicKey: PublicKeyFacts,
        signatureAlgorithm: String, fingerprintSHA256: String, basicConstraints: BasicConstraints?,
        keyUsage: [String]?, extendedKeyUsage: [String]?, subjectKeyID: String?, authorityKeyID: String?,
        isSelfIssued: Bool
    ) {
        self.subject = subject
        self.issuer = issuer
        serial = HexText(serialHex)
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.commonNames = commonNames
        self.subjectAltNames = subjectAltNames
        self.publicKey = publicKey
        self.signatureAlgorithm = signatureAlgorithm
        fingerprint = HexText(fingerprintSHA256)
        self.basicConstraints = basicConstraints
        self.keyUsage = keyUsage
        self.extendedKeyUsage = extendedKeyUsage
        subjectKey = subjectKeyID.map(HexText.init)
        self.authorityKeyID = authorityKeyID
        self.isSelfIssued = isSelfIssued
    }

    public var isCA: Bool { basicConstraints?.isCA ?? false }

    /// The DNS names among the SANs.
    public var dnsNames: [String] {
        subjectAltNames.compactMap { $0.kind == .dns ? $0.value : nil }
    }

    /// Validity period in seconds, notBefore through notAfter inclusive (RFC 5280 §4.1.2.5).
    public var validitySeconds: Int64 { notAfter - notBefore + 1 }
}
