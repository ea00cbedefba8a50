/// The columns of `certificates.csv` that most rows leave empty (SM2 pairs, PKCS#12 passwords,
/// reissues, renewals already created, review dates): `CertificateRecord` keeps them out of line, one
/// pointer for all of them, and none at all for a row that sets none (see `CertificateRecord.uncommon`).
struct UncommonCertificateFields: Sendable, Hashable {
    var issuingCA: String?
    var encBundle: String?
    var encKey: String?
    var passwordFile: String?
    var submittedAt: Instant?
    var letterUploadedAt: Instant?
    var autoRenewEnabledOn: Instant?
    var ignoredSince: Instant?
    var reissueOf: String?
    var reissueCount: Int?
    var renewalOf: String?
    var companyValidatedOn: Instant?
    var packageTypeConflicts: [String] = []
}
