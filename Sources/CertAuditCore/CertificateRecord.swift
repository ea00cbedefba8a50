/// One accepted row of `certificates.csv`, fully typed. Optional fields are nil when the row leaves
/// them empty (or holds the API's placeholders `""` / `--`).
public struct CertificateRecord: Sendable, Hashable {
    // Stored fields come in layout order, widest first, and the columns most rows leave empty live
    // out of line (`uncommon`): 184 bytes a row instead of 424, and a million rows are held through
    // every stage. The one-byte fields fill what the 9-byte optionals (the paths, the package type)
    // would leave as padding.
    public var id: String
    public var alias: String?
    public var brand: String?
    public var project: String?
    public var claimedDomain: String?
    public var accountID: String?
    public var tags: [Tag]
    public var claimedSANs: [String]?
    /// nil when the row sets none of them (then equal records compare equal).
    private var uncommon: OutOfLine<UncommonCertificateFields>?
    private var packedClaimedNotAfter = PackedOptional<Instant>(nil)
    private var packedIssuedAt = PackedOptional<Instant>(nil)
    /// Paths relative to `inputs/bundles/`, in the process's text spool (`SpooledText`): only the
    /// ingest reads them, and held as strings they were a 64-byte block each for most rows through
    /// the whole run (64 MB at a million certificates).
    private var spooledBundle: SpooledText?
    public var source: CertificateSource
    public var kind: CertificateKind
    public var standard: CertificateStandard
    public var product: Product?
    public var domainType: DomainType?
    public var status: CertificateState?
    public var autoRenew: Bool?
    private var spooledKey: SpooledText?
    public var payment: PaymentMethod?
    public var dnsOnPlatform: Bool?
    public var validationReady: Bool?
    public var verifyType: VerifyType?
    public var ignored: Bool?
    public var allowDownload: Bool?
    public var allowDuplicate: Bool?
    public var packageType: Int?
    public var free: Bool?
    private var lineNumber: UInt32

    /// Paths relative to `inputs/bundles/`.
    public var bundle: String? {
        get { spooledBundle?.text }
        set { spooledBundle = newValue.map(SpooledText.init) }
    }
    public var key: String? {
        get { spooledKey?.text }
        set { spooledKey = newValue.map(SpooledText.init) }
    }
    /// Whether the row names a bundle (`bundle != nil`), without reading the path back.
    public var namesBundle: Bool { spooledBundle != nil }

    /// 1-based line of the row's first physical line in `certificates.csv` (inputs are at most 2 GiB,
    /// so a line number fits 32 bits).
    public var line: Int {
        get { Int(lineNumber) }
        set { lineNumber = UInt32(clamping: newValue) }
    }
    public var claimedNotAfter: Instant? {
        get { packedClaimedNotAfter.value }
        set { packedClaimedNotAfter.value = newValue }
    }
    public var issuedAt: Instant? {
        get { packedIssuedAt.value }
        set { packedIssuedAt.value = newValue }
    }
    /// The issuing CA named in the API's `From` column, when it named one.
    public var issuingCA: String? {
        get { uncommon?.value.issuingCA }
        set { update { $0.issuingCA = newValue } }
    }
    public var encBundle: String? {
        get { uncommon?.value.encBundle }
        set { update { $0.encBundle = newValue } }
    }
    public var encKey: String? {
        get { uncommon?.value.encKey }
        set { update { $0.encKey = newValue } }
    }
    public var passwordFile: String? {
        get { uncommon?.value.passwordFile }
        set { update { $0.passwordFile = newValue } }
    }
    public var submittedAt: Instant? {
        get { uncommon?.value.submittedAt }
        set { update { $0.submittedAt = newValue } }
    }
    public var letterUploadedAt: Instant? {
        get { uncommon?.value.letterUploadedAt }
        set { update { $0.letterUploadedAt = newValue } }
    }
    public var autoRenewEnabledOn: Instant? {
        get { uncommon?.value.autoRenewEnabledOn }
        set { update { $0.autoRenewEnabledOn = newValue } }
    }
    public var ignoredSince: Instant? {
        get { uncommon?.value.ignoredSince }
        set { update { $0.ignoredSince = newValue } }
    }
    public var reissueOf: String? {
        get { uncommon?.value.reissueOf }
        set { update { $0.reissueOf = newValue } }
    }
    public var reissueCount: Int? {
        get { uncommon?.value.reissueCount }
        set { update { $0.reissueCount = newValue } }
    }
    /// The certificate this one renews (an auto-renewal or hosting successor already created), when
    /// the console shows it: the simulation carries that renewal on from this row.
    public var renewalOf: String? {
        get { uncommon?.value.renewalOf }
        set { update { $0.renewalOf = newValue } }
    }
    public var companyValidatedOn: Instant? {
        get { uncommon?.value.companyValidatedOn }
        set { update { $0.companyValidatedOn = newValue } }
    }
    /// Columns that contradict what `package_type` implies (`brand: GeoTrust ≠ TrustAsia`, …).
    public var packageTypeConflicts: [String] {
        get { uncommon?.value.packageTypeConflicts ?? [] }
        set { update { $0.packageTypeConflicts = newValue } }
    }

    /// Sets an uncommon field: a new box, or none when they are all left empty.
    private mutating func update(_ change: (inout UncommonCertificateFields) -> Void) {
        uncommon = OutOfLine.changing(uncommon, empty: UncommonCertificateFields(), change)
    }

    public init(
        line: Int, id: String, source: CertificateSource = .issued, kind: CertificateKind = .server,
        standard: CertificateStandard = .international
    ) {
        self.lineNumber = UInt32(clamping: line)
        self.id = id
        self.source = source
        self.kind = kind
        self.standard = standard
        self.tags = []
    }
}
