/// What one certificate bundle holds once loaded: the leaf, the other certificates, the private key's
/// status and the chain's verdict. Built by CertAuditX509; read by rules and reports.
public struct BundleFacts: Sendable, Hashable {
    /// The end-entity certificate (found by structure, not by position in the file).
    public var leaf: CertificateFacts
    /// Every other certificate in the bundle, in file order.
    public var others: [CertificateFacts]
    /// The bundle lists leaf, then each issuer in turn (the order UP-FULL-CHAIN asks for).
    public var isInChainOrder: Bool
    public var key: PrivateKeyStatus
    public var chain: ChainVerdict
    /// For the console's ZIP download: each other form (Apache, IIS, …) that does not hold the same
    /// certificate and key as the one read, in plain words. Empty otherwise.
    public var formMismatches: [String] = []
    /// What the bundle holds that was listed but not read (a JKS keystore, …).
    public var unreadParts: [String] = []

    public init(
        leaf: CertificateFacts, others: [CertificateFacts], isInChainOrder: Bool, key: PrivateKeyStatus,
        chain: ChainVerdict
    ) {
        self.leaf = leaf
        self.others = others
        self.isInChainOrder = isInChainOrder
        self.key = key
        self.chain = chain
    }

    /// Certificates as they appear in the bundle, leaf included.
    public var allCertificates: [CertificateFacts] { [leaf] + others }
}

/// The private key's status. Never the key itself: no output may hold key material.
public struct PrivateKeyStatus: Sendable, Hashable {
    public var present: Bool
    public var encrypted: Bool
    /// nil when it could not be compared (absent or still encrypted).
    public var matchesLeaf: Bool?
    public var algorithm: PublicKeyFacts.Algorithm?
    /// Why the key could not be read, when it could not.
    public var problem: String?

    public init(
        present: Bool, encrypted: Bool = false, matchesLeaf: Bool? = nil, algorithm: PublicKeyFacts.Algorithm? = nil,
        problem: String? = nil
    ) {
        self.present = present
        self.encrypted = encrypted
        self.matchesLeaf = matchesLeaf
        self.algorithm = algorithm
        self.problem = problem
    }

    public static let absent = PrivateKeyStatus(present: false)
}

/// The chain's verdict from OpenSSL's verifier at the as-of time.
public struct ChainVerdict: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Built to a trusted root (system store or `inputs/trust/`).
        case complete
        /// The bundle lacks an issuer needed to reach a root.
        case incomplete
        /// Built to a self-signed root that nobody trusts.
        case untrusted
        /// Signatures, constraints or extra certificates that do not chain.
        case broken
        case notChecked = "not-checked"
    }

    public var status: Status
    /// Certificates in the verified (or best partial) chain, leaf and anchor included.
    public var length: Int
    /// The earliest notAfter among the certificates served on the leaf's path (the leaf and the
    /// bundled issuers; an anchor taken from the trust store is not served): when the chain stops
    /// working.
    public var earliestExpiry: Instant?
    /// Fingerprint of the certificate with that earliest expiry (the first in path order on a tie).
    public var earliestExpiringFingerprint: String?
    /// OpenSSL's verification message when the status is not `complete`.
    public var detail: String?
    /// Bundled certificates that are not on the leaf's path (fingerprints).
    public var unusedCertificates: [String]

    public init(
        status: Status, length: Int, earliestExpiry: Instant? = nil, earliestExpiringFingerprint: String? = nil,
        detail: String? = nil, unusedCertificates: [String] = []
    ) {
        self.status = status
        self.length = length
        self.earliestExpiry = earliestExpiry
        self.earliestExpiringFingerprint = earliestExpiringFingerprint
        self.detail = detail
        self.unusedCertificates = unusedCertificates
    }

    public static let notChecked = ChainVerdict(status: .notChecked, length: 0)
}
