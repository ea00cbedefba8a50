/// What reading a bundle concluded about it as a whole, beyond its certificates: the order it lists
/// them in, the private key's status, the chain's verdict and what it holds unread. Most bundles of
/// an estate conclude the same (a complete chain in order, a key that matches): `BundleFacts` keeps
/// this in one box that the ingest shares among bundles that conclude the same, 8 bytes a bundle
/// instead of 44.
public struct BundleConclusions: Sendable, Hashable {
    /// The bundle lists leaf, then each issuer in turn (the order UP-FULL-CHAIN asks for).
    public var isInChainOrder: Bool
    public var key: PrivateKeyStatus
    public var chain: ChainVerdict
    /// For the console's ZIP download: each other form (Apache, IIS, …) that does not hold the same
    /// certificate and key as the one read, in plain words. Empty otherwise.
    public var formMismatches: [String] = []
    /// What the bundle holds that was listed but not read (a JKS keystore, …).
    public var unreadParts: [String] = []

    public init(isInChainOrder: Bool, key: PrivateKeyStatus, chain: ChainVerdict) {
        self.isInChainOrder = isInChainOrder
        self.key = key
        self.chain = chain
    }
}

extension BundleConclusions: ByteEquatable {
    /// Its fields, every text byte for byte: a field added here must be added here too.
    public func hasSameBytes(as other: BundleConclusions) -> Bool {
        isInChainOrder == other.isInChainOrder && key.hasSameBytes(as: other.key)
            && chain.hasSameBytes(as: other.chain) && formMismatches.hasSameBytes(as: other.formMismatches)
            && unreadParts.hasSameBytes(as: other.unreadParts)
    }
}
