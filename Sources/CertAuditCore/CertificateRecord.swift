/// One accepted row of `certificates.csv`, fully typed. Optional fields are nil when the row leaves
/// them empty (or holds the API's placeholders `""` / `--`).
public struct CertificateRecord: Sendable, Hashable {
    /// 1-based line of the row's first physical line in `certificates.csv`.
    public var line: Int
    public var id: String
    public var alias: String?
    public var source: CertificateSource
    /// The issuing CA named in the API's `From` column, when it named one.
    public var issuingCA: String?
    public var packageType: Int?
    public var kind: CertificateKind
    public var standard: CertificateStandard
    public var brand: String?
    public var product: Product?
    public var domainType: DomainType?
    public var status: CertificateState?
    /// Paths relative to `inputs/bundles/`.
    public var bundle: String?
    public var key: String?
    public var encBundle: String?
    public var encKey: String?
    public var passwordFile: String?
    public var project: String?
    public var tags: [Tag]
    public var claimedDomain: String?
    public var claimedSANs: [String]?
    public var claimedNotAfter: Instant?
    public var issuedAt: Instant?
    public var submittedAt: Instant?
    public var letterUploadedAt: Instant?
    public var autoRenew: Bool?
    public var autoRenewEnabledOn: Instant?
    public var accountID: String?
    public var payment: PaymentMethod?
    public var dnsOnPlatform: Bool?
    public var validationReady: Bool?
    public var verifyType: VerifyType?
    public var ignored: Bool?
    public var ignoredSince: Instant?
    public var allowDownload: Bool?
    public var allowDuplicate: Bool?
    public var free: Bool?
    public var reissueOf: String?
    public var reissueCount: Int?
    /// The certificate this one renews (an auto-renewal or hosting successor already created), when
    /// the console shows it: the simulation carries that renewal on from this row.
    public var renewalOf: String?
    public var companyValidatedOn: Instant?
    /// Columns that contradict what `package_type` implies (`brand: GeoTrust ≠ TrustAsia`, …).
    public var packageTypeConflicts: [String] = []

    public init(
        line: Int, id: String, source: CertificateSource = .issued, kind: CertificateKind = .server,
        standard: CertificateStandard = .international
    ) {
        self.line = line
        self.id = id
        self.source = source
        self.kind = kind
        self.standard = standard
        self.tags = []
    }
}
