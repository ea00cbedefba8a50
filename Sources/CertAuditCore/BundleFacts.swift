/// What one certificate bundle holds once loaded: the leaf, the other certificates, the private key's
/// status and the chain's verdict. Built by CertAuditX509; read by rules and reports.
public struct BundleFacts: Sendable, Hashable {
    /// The end-entity certificate (found by structure, not by position in the file).
    public var leaf: CertificateFacts
    /// Every other certificate in the bundle, in file order.
    public var others: [CertificateFacts]
    /// The order, the key, the chain and the unread parts, in one box that the ingest's interner
    /// shares among bundles that conclude the same. Setting any of them makes a new box.
    ///
    /// The leaf (153 bytes), the list and this box keep the value within 176 bytes, a 192-byte block
    /// with its box's 16-byte header (mimalloc's size class; see `CertificateStorageTests`). At a
    /// million certificates each byte past the class costs the next class's 32 MB.
    public var conclusions: OutOfLine<BundleConclusions>

    /// The bundle lists leaf, then each issuer in turn (the order UP-FULL-CHAIN asks for).
    public var isInChainOrder: Bool {
        get { conclusions.value.isInChainOrder }
        set { conclude { $0.isInChainOrder = newValue } }
    }
    public var key: PrivateKeyStatus {
        get { conclusions.value.key }
        set { conclude { $0.key = newValue } }
    }
    public var chain: ChainVerdict {
        get { conclusions.value.chain }
        set { conclude { $0.chain = newValue } }
    }
    /// For the console's ZIP download: each other form (Apache, IIS, …) that does not hold the same
    /// certificate and key as the one read, in plain words. Empty otherwise.
    public var formMismatches: [String] {
        get { conclusions.value.formMismatches }
        set { conclude { $0.formMismatches = newValue } }
    }
    /// What the bundle holds that was listed but not read (a JKS keystore, …).
    public var unreadParts: [String] {
        get { conclusions.value.unreadParts }
        set { conclude { $0.unreadParts = newValue } }
    }

    /// The certificate with the earliest expiry on the leaf's path (`chain.earliestExpiringPlace`).
    public var earliestExpiring: CertificateFacts? { atEarliestExpiringPlace { $0 } }

    /// The earliest notAfter among the certificates served on the leaf's path (the leaf and the
    /// bundled issuers; an anchor taken from the trust store is not served): when the chain stops
    /// working. nil when the chain was not checked.
    public var earliestExpiry: Instant? {
        // The date alone, not a copy of the certificate's facts (every certificate asks, at the
        // simulation's start and in CHAIN-EXPIRING).
        atEarliestExpiringPlace(\.notAfter)
    }

    /// `read` of the certificate at the verdict's place, read where it lies; nil for no place or
    /// one the bundle does not have.
    private func atEarliestExpiringPlace<Value>(_ read: (CertificateFacts) -> Value) -> Value? {
        switch chain.earliestExpiringPlace {
        case 0: read(leaf)
        case let place? where place <= others.count: read(others[place - 1])
        default: nil
        }
    }

    public init(
        leaf: CertificateFacts, others: [CertificateFacts], isInChainOrder: Bool, key: PrivateKeyStatus,
        chain: ChainVerdict
    ) {
        self.leaf = leaf
        self.others = others
        conclusions = OutOfLine(BundleConclusions(isInChainOrder: isInChainOrder, key: key, chain: chain))
    }

    private mutating func conclude(_ change: (inout BundleConclusions) -> Void) {
        conclusions = conclusions.changed(change)
    }
}
