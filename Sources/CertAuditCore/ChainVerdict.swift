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

    /// Where in the bundle the certificate with the earliest expiry on the served path (the first in
    /// path order on a tie; `BundleFacts.earliestExpiry` is its notAfter) is: 0 for the leaf, n for
    /// the bundle's `others[n - 1]` (`BundleFacts.earliestExpiring`). A place, not the certificate's
    /// fingerprint: the served path is the leaf and the bundled issuers, so it is always one of the
    /// bundle's own, and 4 bytes instead of a 34-byte `HexText`. nil when not known (a bundle is far too
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
    /// What a verdict says beyond its status, which most verdicts (a complete chain, every
    /// certificate on it) do not: out of line, so that with the place above the verdict is 15 bytes,
    /// not 69.
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
    // The place in 4 bytes and the length in 2 (a path is a handful of certificates), the narrow
    // fields last. No expiry: it is the notAfter of the certificate at the place, and without it
    // the verdicts of bundles that fail (or pass) the same way are equal, so that they can share
    // one `BundleConclusions` box.
    private var storedEarliestPlace: UInt32
    private var storedLength: UInt16
    public var status: Status

    private static let noPlace = UInt32.max

    public init(
        status: Status, length: Int, earliestExpiringPlace: Int? = nil,
        detail: String? = nil, unusedCertificates: [String] = []
    ) {
        self.status = status
        storedLength = UInt16(clamping: length)
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

extension ChainVerdict: ByteEquatable {
    /// Its fields, the remarks' texts byte for byte.
    public func hasSameBytes(as other: ChainVerdict) -> Bool {
        status == other.status && storedLength == other.storedLength
            && storedEarliestPlace == other.storedEarliestPlace
            && remarks.hasSameBytes(as: other.remarks)
    }
}
