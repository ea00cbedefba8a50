import CertAuditCSV
import CertAuditCore

/// `certificates.csv`, fully typed (spec/INPUTS.md). Column names accept the cloud API's spellings.
public enum CertificatesTable {
    static let columns: [TableColumn<CertificatesColumn>] = [
        TableColumn(.certificateID, aliases: ["CertificateId", "id"], kind: .text, required: true, essential: true),
        TableColumn(.alias, aliases: ["Alias"], kind: .text),
        TableColumn(.source, aliases: ["From"]),
        TableColumn(.packageType, aliases: ["PackageType"]),
        TableColumn(.certificateType, aliases: ["CertificateType"]),
        TableColumn(.standard, aliases: ["IsSM"]),
        TableColumn(.brand, kind: .text),
        TableColumn(.product),
        TableColumn(.domainType, aliases: ["IsWildcard"]),
        TableColumn(.status, aliases: ["Status"]),
        TableColumn(.bundle, kind: .file),
        TableColumn(.key, kind: .file),
        TableColumn(.encBundle, kind: .file),
        TableColumn(.encKey, kind: .file),
        TableColumn(.passwordFile, kind: .file),
        TableColumn(.project, aliases: ["ProjectId"], kind: .text),
        TableColumn(.tags, aliases: ["Tags"]),
        TableColumn(.domain, aliases: ["Domain"], kind: .text),
        TableColumn(.sans, aliases: ["SubjectAltName"], kind: .text),
        TableColumn(.notAfter, aliases: ["CertEndTime"]),
        TableColumn(.issuedAt, aliases: ["CertBeginTime", "InsertTime"]),
        TableColumn(.submittedAt),
        TableColumn(.letterUploadedAt),
        TableColumn(.autoRenew, aliases: ["AutoRenewFlag"]),
        TableColumn(.autoRenewEnabledOn),
        TableColumn(.accountID, aliases: ["OwnerUin"], kind: .text),
        TableColumn(.payment, aliases: ["IsPackage"]),
        TableColumn(.dnsOnPlatform, aliases: ["IsDNSPODResolve"]),
        TableColumn(.validationReady),
        TableColumn(.verifyType, aliases: ["VerifyType"]),
        TableColumn(.ignored, aliases: ["IsIgnore"]),
        TableColumn(.ignoredSince),
        TableColumn(.allowDownload, aliases: ["AllowDownload"]),
        TableColumn(.allowDuplicate, aliases: ["Repeatable"]),
        TableColumn(.free),
        TableColumn(.reissueOf, kind: .text),
        TableColumn(.reissueCount),
        TableColumn(.renewalOf, kind: .text),
        TableColumn(.companyValidatedOn),
    ]

    static let schema = TableSchema<CertificateRecord, CertificatesColumn>(
        columns: columns, id: .certificateID, makeRecord: record)

    public static func read(
        path: String, inputName: String, encoding: TextEncodingChoice, timeZone: RunTimeZone, workers: Int = 1
    ) throws(InputFileError) -> TableReadResult<CertificateRecord> {
        try schema.read(path: path, inputName: inputName, encoding: encoding, timeZone: timeZone, workers: workers)
    }

    /// The rows as the estate's certificates (no bundle yet), each interned by `interner` as it is
    /// read: rows share their repeated values from the start, and the array is the estate's own.
    static func certificates(
        path: String, inputName: String, encoding: TextEncodingChoice, timeZone: RunTimeZone,
        workers: Int = 1, interner: inout EstateInterner
    ) throws(InputFileError) -> TableReadResult<Certificate> {
        try schema.read(path: path, inputName: inputName, encoding: encoding, timeZone: timeZone, workers: workers) {
            record in
            Certificate(record: interner.intern(record))
        }
    }

    /// The vocabularies by lower-cased name, made once (they were made again for every row).
    static let products = Dictionary(uniqueKeysWithValues: Product.allCases.map { ($0.rawValue.lowercased(), $0) })
    static let verifyTypes = Dictionary(
        uniqueKeysWithValues: VerifyType.allCases.map { ($0.rawValue.lowercased(), $0) })

    @Sendable static func record(_ row: inout TableRow<CertificatesColumn>) throws(RowIssue) -> CertificateRecord {
        var record = CertificateRecord(line: row.line, id: try row.required(.certificateID))
        record.alias = row.text(.alias)
        if let source = row.text(.source) {
            switch source.lowercased() {
            case "uploaded", "upload": record.source = .uploaded
            case "issued": record.source = .issued
            default:
                guard
                    source.unicodeScalars.allSatisfy({
                        $0.isASCII && ($0.properties.isAlphabetic || $0 == "_" || $0 == "-" || ("0"..."9").contains($0))
                    })
                else {
                    let _: CertificateSource? = try row.invalid(
                        .source, "'\(source)' is not issued, uploaded or a CA name")
                    break
                }
                record.source = .issued
                record.issuingCA = source
            }
        }
        record.kind =
            try row.choice(.certificateType, ["svr": .server, "server": .server, "ca": .ca], expected: "SVR or CA")
            ?? .server
        record.standard = try standard(&row) ?? .international
        record.brand = row.text(.brand)
        record.product = try row.choice(.product, products, expected: "DV, DV_FREE, OV, OV_PRO, EV or EV_PRO")
        record.domainType = try domainType(&row)
        record.status = try status(&row)
        record.packageType = try row.integer(.packageType)
        record.bundle = row.text(.bundle)
        record.key = row.text(.key)
        record.encBundle = row.text(.encBundle)
        record.encKey = row.text(.encKey)
        record.passwordFile = row.text(.passwordFile)
        record.project = row.text(.project)
        record.tags = try row.tags(.tags)
        record.claimedDomain = row.text(.domain)
        record.claimedSANs = row.list(.sans)
        record.claimedNotAfter = try row.time(.notAfter)
        record.issuedAt = try row.time(.issuedAt)
        record.submittedAt = try row.time(.submittedAt)
        record.letterUploadedAt = try row.time(.letterUploadedAt)
        record.autoRenew = try row.bool(.autoRenew)
        record.autoRenewEnabledOn = try row.time(.autoRenewEnabledOn)
        record.accountID = row.text(.accountID)
        record.payment = try payment(&row)
        record.dnsOnPlatform = try row.bool(.dnsOnPlatform)
        record.validationReady = try row.bool(.validationReady)
        record.verifyType = try row.choice(
            .verifyType, verifyTypes, expected: "DNS_AUTO, DNS, FILE, DNS_PROXY or FILE_PROXY")
        record.ignored = try row.bool(.ignored)
        record.ignoredSince = try row.time(.ignoredSince)
        record.allowDownload = try row.bool(.allowDownload)
        record.allowDuplicate = try row.bool(.allowDuplicate)
        record.free = try row.bool(.free)
        record.reissueOf = row.text(.reissueOf)
        record.reissueCount = try row.integer(.reissueCount)
        record.renewalOf = row.text(.renewalOf)
        record.companyValidatedOn = try row.time(.companyValidatedOn)
        if record.verifyType == .dnsAuto && record.dnsOnPlatform == nil { record.dnsOnPlatform = true }
        try applyPackageType(&record, &row)
        // Without a bundle, the inventory's not_after is the only expiry: a bad one leaves nothing to
        // audit the certificate on (an order with neither is still under review, and stays).
        if !record.namesBundle, record.claimedNotAfter == nil, let notAfter = row.text(.notAfter) {
            throw row.issue(
                .notAfter, "not_after: '\(notAfter)' is not a time, and without a bundle the certificate has no expiry")
        }
        return record
    }

    /// `international`/`sm2`, or the API's `IsSM` boolean.
    static func standard(_ row: inout TableRow<CertificatesColumn>) throws(RowIssue) -> CertificateStandard? {
        guard let value = row.text(.standard) else { return nil }
        if let standard = CertificateStandard(rawValue: value.lowercased()) { return standard }
        if case .success(let isSM) = FieldValue.bool(value) { return isSM ? .sm2 : .international }
        return try row.invalid(.standard, "'\(value)' is not international or sm2")
    }

    /// `single`/`multi`/`wildcard`, or the API's `IsWildcard` boolean.
    static func domainType(_ row: inout TableRow<CertificatesColumn>) throws(RowIssue) -> DomainType? {
        guard let value = row.text(.domainType) else { return nil }
        if let type = DomainType(rawValue: value.lowercased()) { return type }
        if case .success(let wildcard) = FieldValue.bool(value) { return wildcard ? .wildcard : .single }
        return try row.invalid(.domainType, "'\(value)' is not single, multi or wildcard")
    }

    /// A state name, or the API's numeric status code.
    static func status(_ row: inout TableRow<CertificatesColumn>) throws(RowIssue) -> CertificateState? {
        guard let value = row.text(.status) else { return nil }
        if let state = CertificateState(rawValue: value.lowercased()) { return state }
        if let code = Int(value), let state = CertificateState(apiCode: code) { return state }
        return try row.invalid(.status, "'\(value)' is not a known state name or API code")
    }

    /// `balance`/`points`, or the API's `IsPackage` boolean (true = bought with points).
    static func payment(_ row: inout TableRow<CertificatesColumn>) throws(RowIssue) -> PaymentMethod? {
        guard let value = row.text(.payment) else { return nil }
        if let method = PaymentMethod(rawValue: value.lowercased()) { return method }
        if case .success(let points) = FieldValue.bool(value) { return points ? .points : .balance }
        return try row.invalid(.payment, "'\(value)' is not balance or points")
    }

    /// `package_type` fills brand, product, domain type and standard; a column that says otherwise is
    /// kept as a conflict for INV-MISMATCH (the code wins). An unknown code is a bad value: the
    /// columns then speak for themselves.
    static func applyPackageType(_ record: inout CertificateRecord, _ row: inout TableRow<CertificatesColumn>)
        throws(RowIssue)
    {
        guard let code = record.packageType else { return }
        guard let entry = PackageTypeCatalogue.entries[code] else {
            record.packageType = try row.invalid(.packageType, "\(code) is not a known product code")
            return
        }
        if let brand = record.brand, brand.lowercased() != entry.brand.lowercased() {
            record.packageTypeConflicts.append("brand \(brand), package_type says \(entry.brand)")
        }
        if let product = record.product, product != entry.product {
            record.packageTypeConflicts.append(
                "product \(product.rawValue), package_type says \(entry.product.rawValue)")
        }
        if let domainType = record.domainType, domainType != entry.domainType {
            record.packageTypeConflicts.append(
                "domain_type \(domainType.rawValue), package_type says \(entry.domainType.rawValue)")
        }
        if row.text(.standard) != nil, record.standard != entry.standard {
            record.packageTypeConflicts.append(
                "standard \(record.standard.rawValue), package_type says \(entry.standard.rawValue)")
        }
        record.brand = entry.brand
        record.product = entry.product
        record.domainType = entry.domainType
        record.standard = entry.standard
    }
}
