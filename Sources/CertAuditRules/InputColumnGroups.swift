import CertAuditCore

/// The input columns behind the facts rules use most, so that a rule's `reads` names what it looks
/// at in a few words and stays true when a fact's sources change (a PKCS#12 bundle needs its
/// password file; `package_type` fills brand, product, domain type and standard).
extension InputColumn {
    /// Every fact of the leaf and its chain.
    static let bundleFacts: [InputColumn] = [.certificates(.bundle), .certificates(.passwordFile)]
    /// The private key's status (present, matches, encrypted, parses).
    static let keyFacts: [InputColumn] = bundleFacts + [.certificates(.key)]
    /// `Certificate.notAfter` and `effectiveExpiry`: the leaf's, else the inventory's.
    static let expiry: [InputColumn] = bundleFacts + [.certificates(.notAfter)]
    /// `Certificate.notBefore`: the leaf's, else the inventory's issue time.
    static let issueDate: [InputColumn] = bundleFacts + [.certificates(.issuedAt)]
    static let brand: [InputColumn] = [.certificates(.brand), .certificates(.packageType)]
    static let product: [InputColumn] = [.certificates(.product), .certificates(.packageType)]
    static let domainType: [InputColumn] = [.certificates(.domainType), .certificates(.packageType)]
    static let standard: [InputColumn] = [.certificates(.standard), .certificates(.packageType)]
    /// `CertificateRecord.validatesAutomatically`.
    static let automaticValidation: [InputColumn] = [.certificates(.dnsOnPlatform), .certificates(.verifyType)]
    /// Which resources serve a certificate, and of what type.
    static let bindings: [InputColumn] = [.resources(.certificateID), .resources(.resourceType)]
    /// The hosting plans in force (`HostingPlan.active`) and the scheme each falls under.
    static let activePlans: [InputColumn] = [.hosting(.certificateID), .hosting(.status), .certificates(.source)]
    /// Who is watched and told (`AlertCoverage`): policies, their receivers' channels, the tags
    /// policies select by.
    static let alertCoverage: [InputColumn] = [
        .alertPolicies(.certificates), .alertPolicies(.receivers), .contacts(.contactID), .contacts(.phone),
        .contacts(.email), .contacts(.wechatVerified), .contacts(.channels), .certificates(.tags),
    ]
}
