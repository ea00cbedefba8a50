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

    /// Where in the bundle the certificate with the earliest expiry (`earliestExpiry`; the first in
    /// path order on a tie) is: 0 for the leaf, n for the bundle's `others[n - 1]`
    /// (`BundleFacts.earliestExpiring`). A place, not the certificate's fingerprint: the served path
    /// is the leaf and the bundled issuers, so it is always one of the bundle's own, and 2 bytes
    /// instead of a 34-byte `HexText` in every bundle. nil when not known (a bundle is far too
    /// small to hold 2³² − 1 certificates).
    public var earliestExpiringPlace: Int? {
        get { storedEarliestPlace == Self.noPlace ? nil : Int(storedEarliestPlace) }
        set { storedEarliestPlace = newValue.flatMap { UInt32(exactly: $0) } ?? Self.noPlace }
    }
    /// OpenSSL's verification message when the status is not `complete`.
    public var detail: String? {
        get { remarks?.value.detail }
        set { changeRemarks { $0.detail = newValue } }
    }
    /// Bundled certificates that are not on the leaf's path (fingerprints).
    public var unusedCertificates: [String] {
        get { remarks?.value.unusedCertificates ?? [] }
        set { changeRemarks { $0.unusedCertificates = newValue } }
    }
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

    /// What a verdict says beyond its status, which most verdicts (a complete chain, every
    /// certificate on it) do not: out of line, so that with the place above the verdict is 23 bytes,
    /// not 69, and the boxed `BundleFacts` fits mimalloc's 256-byte size class (see `BundleFacts`).
    public struct Remarks: Sendable, Hashable {
        public var detail: String?
        public var unusedCertificates: [String] = []
    }

    /// The remarks' box (nil: none), which the ingest's interner shares among equal verdicts. A box
    /// of empty remarks is held as none, so that equal verdicts compare equal.
    public var remarks: OutOfLine<Remarks>? {
        get { storedRemarks }
        set { storedRemarks = newValue?.value == Remarks() ? nil : newValue }
    }
    private var storedRemarks: OutOfLine<Remarks>?
    // The expiry packed into 8 bytes, the place into 4 and the length into 2 (a path is a handful
    // of certificates), the narrow fields last.
    private var packedEarliestExpiry: PackedOptional<Instant>
    private var storedEarliestPlace: UInt32
    private var storedLength: UInt16
    public var status: Status

    private static let noPlace = UInt32.max

    public init(
        status: Status, length: Int, earliestExpiry: Instant? = nil, earliestExpiringPlace: Int? = nil,
        detail: String? = nil, unusedCertificates: [String] = []
    ) {
        self.status = status
        storedLength = UInt16(clamping: length)
        packedEarliestExpiry = PackedOptional(earliestExpiry)
        storedEarliestPlace = Self.noPlace
        self.earliestExpiringPlace = earliestExpiringPlace
        self.detail = detail
        self.unusedCertificates = unusedCertificates
    }

    private mutating func changeRemarks(_ body: (inout Remarks) -> Void) {
        remarks = OutOfLine.changing(remarks, empty: Remarks(), body)
    }

    public static let notChecked = ChainVerdict(status: .notChecked, length: 0)
}

extension ChainVerdict.Remarks: ByteEquatable {
    /// Its texts byte for byte: a text field added here must be added here too.
    public func hasSameBytes(as other: ChainVerdict.Remarks) -> Bool {
        detail.hasSameBytes(as: other.detail) && unusedCertificates.hasSameBytes(as: other.unusedCertificates)
    }
}
