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

    /// Fingerprint of the certificate with the earliest expiry (`earliestExpiry`; the first in path
    /// order on a tie).
    public var earliestExpiringFingerprint: String? {
        get { earliestFingerprint?.text }
        set { earliestFingerprint = newValue.map(HexText.init) }
    }
    /// OpenSSL's verification message when the status is not `complete`.
    public var detail: String?
    /// Bundled certificates that are not on the leaf's path (fingerprints).
    public var unusedCertificates: [String]
    /// Certificates in the verified (or best partial) chain, leaf and anchor included.
    public var length: Int {
        get { Int(storedLength) }
        set { storedLength = UInt16(clamping: newValue) }
    }
    /// The earliest notAfter among the certificates served on the leaf's path (the leaf and the
    /// bundled issuers; an anchor taken from the trust store is not served): when the chain stops
    /// working.
    public var earliestExpiry: Instant? {
        get { packedEarliestExpiry.value }
        set { packedEarliestExpiry.value = newValue }
    }
    // The expiry packed into 8 bytes and the length into 2 (a path is a handful of certificates),
    // the narrow fields last: the verdict in 69 bytes instead of 82, one of the savings that put
    // the boxed `BundleFacts` into mimalloc's 320-byte size class (see `CertificateFacts`).
    private var packedEarliestExpiry: PackedOptional<Instant>
    /// Held as its bytes (`HexText`): a string of its own in every bundle otherwise.
    private var earliestFingerprint: HexText?
    private var storedLength: UInt16
    public var status: Status

    public init(
        status: Status, length: Int, earliestExpiry: Instant? = nil, earliestExpiringFingerprint: String? = nil,
        detail: String? = nil, unusedCertificates: [String] = []
    ) {
        self.status = status
        storedLength = UInt16(clamping: length)
        packedEarliestExpiry = PackedOptional(earliestExpiry)
        earliestFingerprint = earliestExpiringFingerprint.map(HexText.init)
        self.detail = detail
        self.unusedCertificates = unusedCertificates
    }

    public static let notChecked = ChainVerdict(status: .notChecked, length: 0)
}
