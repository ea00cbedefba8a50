/// One accepted row of `certificates.csv`, fully typed. Optional fields are nil when the row leaves
/// them empty (or holds the API's placeholders `""` / `--`).
public struct CertificateRecord: Sendable, Hashable {
    // Stored fields come in layout order, widest first, and the columns most rows leave empty live
    // out of line (`uncommon`): 152 bytes a row instead of 424, and a million rows are held through
    // every stage. The one-byte fields fill what the package type's 9 bytes would leave as padding;
    // the yes/no columns take 2 bits each.
    public var id: String
    public var alias: String?
    public var claimedDomain: String?
    /// Brand, project and account: a handful of values across an estate, each in a box that the
    /// ingest shares among the rows holding the same text (`shareTexts`), 8 bytes a row, not 16.
    private(set) var storedBrand: OutOfLine<String>?
    private(set) var storedProject: OutOfLine<String>?
    private(set) var storedAccountID: OutOfLine<String>?
    public var tags: [Tag]
    public var claimedSANs: [String]?
    /// nil when the row sets none of them (then equal records compare equal).
    private var uncommon: OutOfLine<UncommonCertificateFields>?
    private var packedClaimedNotAfter = PackedOptional<Instant>(nil)
    private var packedIssuedAt = PackedOptional<Instant>(nil)
    /// Paths relative to `inputs/bundles/`, in the process's text spool (`SpooledText`): only the
    /// ingest reads them, and held as strings they were a 64-byte block each for most rows through
    /// the whole run (64 MB at a million certificates). 8 bytes each, none packed in.
    private var spooledBundle = PackedOptional<SpooledText>(nil)
    private var spooledKey = PackedOptional<SpooledText>(nil)
    public var packageType: Int?
    public var source: CertificateSource
    public var kind: CertificateKind
    public var standard: CertificateStandard
    public var product: Product?
    public var domainType: DomainType?
    public var status: CertificateState?
    public var payment: PaymentMethod?
    public var verifyType: VerifyType?
    /// The yes/no columns below, 2 bits each (`Flag`).
    private var flags = TriStateFlags()
    private var lineNumber: UInt32

    private enum Flag: Int {
        case autoRenew, dnsOnPlatform, validationReady, ignored, allowDownload, allowDuplicate, free
    }
    public var autoRenew: Bool? {
        get { flags[Flag.autoRenew.rawValue] }
        set { flags[Flag.autoRenew.rawValue] = newValue }
    }
    public var dnsOnPlatform: Bool? {
        get { flags[Flag.dnsOnPlatform.rawValue] }
        set { flags[Flag.dnsOnPlatform.rawValue] = newValue }
    }
    public var validationReady: Bool? {
        get { flags[Flag.validationReady.rawValue] }
        set { flags[Flag.validationReady.rawValue] = newValue }
    }
    public var ignored: Bool? {
        get { flags[Flag.ignored.rawValue] }
        set { flags[Flag.ignored.rawValue] = newValue }
    }
    public var allowDownload: Bool? {
        get { flags[Flag.allowDownload.rawValue] }
        set { flags[Flag.allowDownload.rawValue] = newValue }
    }
    public var allowDuplicate: Bool? {
        get { flags[Flag.allowDuplicate.rawValue] }
        set { flags[Flag.allowDuplicate.rawValue] = newValue }
    }
    public var free: Bool? {
        get { flags[Flag.free.rawValue] }
        set { flags[Flag.free.rawValue] = newValue }
    }

    /// Paths relative to `inputs/bundles/`.
    public var bundle: String? {
        get { spooledBundle.value?.text }
        set { spooledBundle.value = newValue.map(SpooledText.init) }
    }
    public var key: String? {
        get { spooledKey.value?.text }
        set { spooledKey.value = newValue.map(SpooledText.init) }
    }
    /// Whether the row names a bundle (`bundle != nil`), without reading the path back.
    public var namesBundle: Bool { spooledBundle.value != nil }
    public var brand: String? {
        get { storedBrand?.value }
        set { storedBrand = newValue.map(OutOfLine.init) }
    }
    public var project: String? {
        get { storedProject?.value }
        set { storedProject = newValue.map(OutOfLine.init) }
    }
    public var accountID: String? {
        get { storedAccountID?.value }
        set { storedAccountID = newValue.map(OutOfLine.init) }
    }

    /// Swaps the boxes of the brand, the project and the account for the equal ones `share` gives
    /// (the ingest's interner: one box for all the rows with that text).
    public mutating func shareTexts(_ share: (OutOfLine<String>) -> OutOfLine<String>) {
        storedBrand = storedBrand.map(share)
        storedProject = storedProject.map(share)
        storedAccountID = storedAccountID.map(share)
    }

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
