/// What one certificate bundle holds once loaded: the leaf, the other certificates, the private key's
/// status and the chain's verdict. Built by CertAuditX509; read by rules and reports.
public struct BundleFacts: Sendable, Hashable {
    /// The end-entity certificate (found by structure, not by position in the file).
    public var leaf: CertificateFacts
    /// Every other certificate in the bundle, in file order.
    public var others: [CertificateFacts]
    /// For the console's ZIP download: each other form (Apache, IIS, …) that does not hold the same
    /// certificate and key as the one read, in plain words. Empty otherwise.
    public var formMismatches: [String] = []
    /// What the bundle holds that was listed but not read (a JKS keystore, …).
    public var unreadParts: [String] = []
    public var key: PrivateKeyStatus
    /// The bundle lists leaf, then each issuer in turn (the order UP-FULL-CHAIN asks for).
    public var isInChainOrder: Bool
    /// Last: the key's 20 bytes and the flag fill what would be padding before it, and the value
    /// stays within 304 bytes, a 320-byte block with its box's header (mimalloc's size class; see
    /// `CertificateStorageTests`).
    public var chain: ChainVerdict

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
}
