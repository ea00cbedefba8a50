/// What one certificate bundle holds once loaded: the leaf, the other certificates, the private key's
/// status and the chain's verdict. Built by CertAuditX509; read by rules and reports.
public struct BundleFacts: Sendable, Hashable {
    /// The end-entity certificate (found by structure, not by position in the file).
    public var leaf: CertificateFacts
    /// For the console's ZIP download: each other form (Apache, IIS, …) that does not hold the same
    /// certificate and key as the one read, in plain words. Empty otherwise.
    public var formMismatches: [String] {
        get { unread?.value.formMismatches ?? [] }
        set { changeUnread { $0.formMismatches = newValue } }
    }
    /// What the bundle holds that was listed but not read (a JKS keystore, …).
    public var unreadParts: [String] {
        get { unread?.value.unreadParts ?? [] }
        set { changeUnread { $0.unreadParts = newValue } }
    }

    /// The certificate with the earliest expiry on the leaf's path (`chain.earliestExpiringPlace`).
    public var earliestExpiring: CertificateFacts? {
        switch chain.earliestExpiringPlace {
        case 0: leaf
        case let place? where place <= others.count: others[place - 1]
        default: nil
        }
    }

    // The order below keeps the value within 240 bytes, a 256-byte block with its box's 16-byte
    // header (mimalloc's size class; see `CertificateStorageTests`): the flag fills the leaf's tail,
    // and the rare lists, the key's problem and the chain's remarks are boxes of their own. At a
    // million certificates each byte past the class costs the next class's 64 MB.
    /// The bundle lists leaf, then each issuer in turn (the order UP-FULL-CHAIN asks for).
    public var isInChainOrder: Bool
    /// Every other certificate in the bundle, in file order.
    public var others: [CertificateFacts]
    /// The two rare lists above, which a ZIP download or a keystore fills: nil when both are empty.
    private var unread: OutOfLine<UnreadParts>?
    public var key: PrivateKeyStatus
    public var chain: ChainVerdict

    /// What `formMismatches` and `unreadParts` hold.
    struct UnreadParts: Sendable, Hashable {
        var formMismatches: [String] = []
        var unreadParts: [String] = []
    }

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

    private mutating func changeUnread(_ body: (inout UnreadParts) -> Void) {
        unread = OutOfLine.changing(unread, empty: UnreadParts(), body)
    }
}
