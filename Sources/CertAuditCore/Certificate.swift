/// A certificate of the estate: its inventory row and, when it has a bundle, what the bundle holds.
public struct Certificate: Sendable, Hashable {
    public var record: CertificateRecord
    /// nil for a row without a bundle (an order under review): its dates come from the inventory.
    public var bundle: BundleFacts? {
        get { bundleStorage?.value }
        set { bundleStorage = newValue.map(OutOfLine.init) }
    }
    /// Out of line, like `encryption`: a certificate is copied by value into many stages' collections
    /// (hosting plans, operation scenarios, report changes), and each copy then moves a pointer instead
    /// of `BundleFacts`' 176 bytes; the estate itself holds the same bytes either way.
    private var bundleStorage: OutOfLine<BundleFacts>?
    /// SM2 (国密) only: the encryption certificate and its key (`enc_bundle`, `enc_key`); `bundle` is
    /// then the signing pair.
    public var encryption: BundleFacts? {
        get { encryptionStorage?.value }
        set { encryptionStorage = newValue.map(OutOfLine.init) }
    }
    /// Out of line: almost every certificate has none, and inline even an absent value costs a
    /// `BundleFacts`' 176 bytes, where the box costs a pointer.
    private var encryptionStorage: OutOfLine<BundleFacts>?

    public init(record: CertificateRecord, bundle: BundleFacts? = nil, encryption: BundleFacts? = nil) {
        self.record = record
        self.bundleStorage = bundle.map(OutOfLine.init)
        self.encryptionStorage = encryption.map(OutOfLine.init)
    }

    public var id: String { record.id }

    // The accessors below read the box's fields in place (`bundleStorage?.value.…`): through `bundle`,
    // each read copied the whole `BundleFacts` — dozens of references retained and released — and
    // the checks read a leaf's dates for every rule of every certificate.

    public var leaf: CertificateFacts? { bundleStorage?.value.leaf }

    /// Whether the certificate has a bundle (then it has a leaf): what most rules ask first.
    public var hasBundle: Bool { bundleStorage != nil }

    /// Hands `body` the bundle's certificates, leaf first, read in place: the crypto rules look at
    /// every one of every certificate, and making an array of them copied the bundle, then each of its
    /// certificates, to read one field of each.
    public func forEachBundledCertificate(_ body: (CertificateFacts) -> Void) {
        guard let box = bundleStorage else { return }
        body(box.value.leaf)
        for facts in box.value.others { body(facts) }
    }

    /// The leaf's SHA-256 fingerprint as held (no hex string made), when there is a bundle.
    public var leafFingerprint: HexText? { bundleStorage?.value.leaf.fingerprint }

    /// Why the bundle's private key does not parse, when it has one that does not.
    public var keyProblem: String? { bundleStorage?.value.key.problem }

    /// The leaf's notBefore, when there is a bundle.
    public var leafNotBefore: Instant? { bundleStorage?.value.leaf.notBefore }

    /// The parsed notAfter, or the inventory's claim when there is no bundle.
    public var notAfter: Instant? { bundleStorage?.value.leaf.notAfter ?? record.claimedNotAfter }

    /// When the served chain stops working: the earliest expiry along the chain (CHAIN-EXPIRING), or
    /// the certificate's own notAfter.
    ///
    /// Written with the one-line accessors: in its earlier form (the box unwrapped by hand), a
    /// caller in another module copied the whole certificate before calling it (perf: the
    /// simulation's start, once per certificate); in this one it does not.
    public var effectiveExpiry: Instant? {
        guard let notAfter else { return nil }
        return min(notAfter, bundleStorage?.value.earliestExpiry ?? notAfter)
    }
}
