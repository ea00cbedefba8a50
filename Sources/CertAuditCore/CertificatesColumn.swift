/// The columns of `certificates.csv` (spec/INPUTS.md).
public enum CertificatesColumn: String, InputTableColumn {
    public static let inputName = "certificates.csv"

    case certificateID = "certificate_id"
    case alias, source
    case packageType = "package_type"
    case certificateType = "certificate_type"
    case standard, brand, product
    case domainType = "domain_type"
    case status, bundle, key
    case encBundle = "enc_bundle"
    case encKey = "enc_key"
    case passwordFile = "password_file"
    case project, tags, domain, sans
    case notAfter = "not_after"
    case issuedAt = "issued_at"
    case submittedAt = "submitted_at"
    case letterUploadedAt = "letter_uploaded_at"
    case autoRenew = "auto_renew"
    case autoRenewEnabledOn = "auto_renew_enabled_on"
    case accountID = "account_id"
    case payment
    case dnsOnPlatform = "dns_on_platform"
    case validationReady = "validation_ready"
    case verifyType = "verify_type"
    case ignored
    case ignoredSince = "ignored_since"
    case allowDownload = "allow_download"
    case allowDuplicate = "allow_duplicate"
    case free
    case reissueOf = "reissue_of"
    case reissueCount = "reissue_count"
    case companyValidatedOn = "company_validated_on"
}
