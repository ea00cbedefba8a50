import CertAuditCSV
import CertAuditCore

/// `certificates.csv`, fully typed (spec/INPUTS.md). Column names accept the cloud API's spellings.
public enum CertificatesTable {
    static let columns: [TableColumn] = [
        TableColumn("certificate_id", aliases: ["CertificateId", "id"], required: true),
        TableColumn("alias", aliases: ["Alias"]),
        TableColumn("source", aliases: ["From"]),
        TableColumn("package_type", aliases: ["PackageType"]),
        TableColumn("certificate_type", aliases: ["CertificateType"]),
        TableColumn("standard", aliases: ["IsSM"]),
        TableColumn("brand"),
        TableColumn("product"),
        TableColumn("domain_type", aliases: ["IsWildcard"]),
        TableColumn("status", aliases: ["Status"]),
        TableColumn("bundle"),
        TableColumn("key"),
        TableColumn("enc_bundle"),
        TableColumn("enc_key"),
        TableColumn("password_file"),
        TableColumn("project", aliases: ["ProjectId"]),
        TableColumn("tags", aliases: ["Tags"]),
        TableColumn("domain", aliases: ["Domain"]),
        TableColumn("sans", aliases: ["SubjectAltName"]),
        TableColumn("not_after", aliases: ["CertEndTime"]),
        TableColumn("issued_at", aliases: ["CertBeginTime", "InsertTime"]),
        TableColumn("submitted_at"),
        TableColumn("letter_uploaded_at"),
        TableColumn("auto_renew", aliases: ["AutoRenewFlag"]),
        TableColumn("auto_renew_enabled_on"),
        TableColumn("account_id", aliases: ["OwnerUin"]),
        TableColumn("payment", aliases: ["IsPackage"]),
        TableColumn("dns_on_platform", aliases: ["IsDNSPODResolve"]),
        TableColumn("validation_ready"),
        TableColumn("verify_type", aliases: ["VerifyType"]),
        TableColumn("ignored", aliases: ["IsIgnore"]),
        TableColumn("ignored_since"),
        TableColumn("allow_download", aliases: ["AllowDownload"]),
        TableColumn("allow_duplicate", aliases: ["Repeatable"]),
        TableColumn("free"),
        TableColumn("reissue_of"),
        TableColumn("reissue_count"),
        TableColumn("company_validated_on"),
    ]

    static let schema = TableSchema<CertificateRecord>(columns: columns, makeRecord: record)

    public static func read(path: String, inputName: String, encoding: TextEncodingChoice, timeZone: RunTimeZone)
        throws(InputFileError) -> TableReadResult<CertificateRecord>
    {
        var result = try schema.read(path: path, inputName: inputName, encoding: encoding, timeZone: timeZone)
        rejectDuplicateIDs(&result, inputName: inputName)
        return result
    }

    /// A second row with an ID already seen is quarantined, naming the line of the first.
    static func rejectDuplicateIDs(_ result: inout TableReadResult<CertificateRecord>, inputName: String) {
        var firstLine: [String: Int] = [:]
        var kept: [CertificateRecord] = []
        for record in result.records {
            if let line = firstLine[record.id] {
                result.quarantine.append(
                    QuarantineRecord(
                        input: inputName, line: record.line, column: 1,
                        reason: "certificate_id '\(record.id)' already appears on line \(line)", certificateID: nil))
            } else {
                firstLine[record.id] = record.line
                kept.append(record)
            }
        }
        result.records = kept
        result.summary.accepted = kept.count
        result.summary.quarantined = result.quarantine.count
    }

    @Sendable static func record(_ row: TableRow) throws(RowIssue) -> CertificateRecord {
        var record = CertificateRecord(line: row.line, id: try row.required("certificate_id"))
        record.alias = row.text("alias")
        if let source = row.text("source") {
            switch source.lowercased() {
            case "uploaded", "upload": record.source = .uploaded
            case "issued": record.source = .issued
            default:
                guard
                    source.unicodeScalars.allSatisfy({
                        $0.isASCII && ($0.properties.isAlphabetic || $0 == "_" || $0 == "-" || ("0"..."9").contains($0))
                    })
                else { throw row.issue("source", "source '\(source)' is not issued, uploaded or a CA name") }
                record.source = .issued
                record.issuingCA = source
            }
        }
        record.kind =
            try row.choice("certificate_type", ["svr": .server, "server": .server, "ca": .ca], expected: "SVR or CA")
            ?? .server
        record.standard = try standard(row) ?? .international
        record.brand = row.text("brand")
        record.product = try row.choice(
            "product", Dictionary(uniqueKeysWithValues: Product.allCases.map { ($0.rawValue.lowercased(), $0) }),
            expected: "DV, DV_FREE, OV, OV_PRO, EV or EV_PRO")
        record.domainType = try domainType(row)
        record.status = try status(row)
        record.packageType = try row.integer("package_type")
        record.bundle = row.text("bundle")
        record.key = row.text("key")
        record.encBundle = row.text("enc_bundle")
        record.encKey = row.text("enc_key")
        record.passwordFile = row.text("password_file")
        record.project = row.text("project")
        record.tags = try row.tags("tags")
        record.claimedDomain = row.text("domain")
        record.claimedSANs = row.list("sans")
        record.claimedNotAfter = try row.time("not_after")
        record.issuedAt = try row.time("issued_at")
        record.submittedAt = try row.time("submitted_at")
        record.letterUploadedAt = try row.time("letter_uploaded_at")
        record.autoRenew = try row.bool("auto_renew")
        record.autoRenewEnabledOn = try row.time("auto_renew_enabled_on")
        record.accountID = row.text("account_id")
        record.payment = try payment(row)
        record.dnsOnPlatform = try row.bool("dns_on_platform")
        record.validationReady = try row.bool("validation_ready")
        record.verifyType = try row.choice(
            "verify_type", Dictionary(uniqueKeysWithValues: VerifyType.allCases.map { ($0.rawValue.lowercased(), $0) }),
            expected: "DNS_AUTO, DNS, FILE, DNS_PROXY or FILE_PROXY")
        record.ignored = try row.bool("ignored")
        record.ignoredSince = try row.time("ignored_since")
        record.allowDownload = try row.bool("allow_download")
        record.allowDuplicate = try row.bool("allow_duplicate")
        record.free = try row.bool("free")
        record.reissueOf = row.text("reissue_of")
        record.reissueCount = try row.integer("reissue_count")
        record.companyValidatedOn = try row.time("company_validated_on")
        if record.verifyType == .dnsAuto && record.dnsOnPlatform == nil { record.dnsOnPlatform = true }
        try applyPackageType(&record, row)
        return record
    }

    /// `international`/`sm2`, or the API's `IsSM` boolean.
    static func standard(_ row: TableRow) throws(RowIssue) -> CertificateStandard? {
        guard let value = row.text("standard") else { return nil }
        if let standard = CertificateStandard(rawValue: value.lowercased()) { return standard }
        if case .success(let isSM) = FieldValue.bool(value) { return isSM ? .sm2 : .international }
        throw row.issue("standard", "standard '\(value)' is not international or sm2")
    }

    /// `single`/`multi`/`wildcard`, or the API's `IsWildcard` boolean.
    static func domainType(_ row: TableRow) throws(RowIssue) -> DomainType? {
        guard let value = row.text("domain_type") else { return nil }
        if let type = DomainType(rawValue: value.lowercased()) { return type }
        if case .success(let wildcard) = FieldValue.bool(value) { return wildcard ? .wildcard : .single }
        throw row.issue("domain_type", "domain_type '\(value)' is not single, multi or wildcard")
    }

    /// A state name, or the API's numeric status code.
    static func status(_ row: TableRow) throws(RowIssue) -> CertificateState? {
        guard let value = row.text("status") else { return nil }
        if let state = CertificateState(rawValue: value.lowercased()) { return state }
        if let code = Int(value), let state = CertificateState(apiCode: code) { return state }
        throw row.issue("status", "status '\(value)' is not a known state name or API code")
    }

    /// `balance`/`points`, or the API's `IsPackage` boolean (true = bought with points).
    static func payment(_ row: TableRow) throws(RowIssue) -> PaymentMethod? {
        guard let value = row.text("payment") else { return nil }
        if let method = PaymentMethod(rawValue: value.lowercased()) { return method }
        if case .success(let points) = FieldValue.bool(value) { return points ? .points : .balance }
        throw row.issue("payment", "payment '\(value)' is not balance or points")
    }

    /// `package_type` fills brand, product, domain type and standard; a column that says otherwise is
    /// kept as a conflict for INV-MISMATCH (the code wins). An unknown code is a row error.
    static func applyPackageType(_ record: inout CertificateRecord, _ row: TableRow) throws(RowIssue) {
        guard let code = record.packageType else { return }
        guard let entry = PackageTypeCatalogue.entries[code] else {
            throw row.issue("package_type", "package_type \(code) is not a known product code")
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
        if row.text("standard") != nil, record.standard != entry.standard {
            record.packageTypeConflicts.append(
                "standard \(record.standard.rawValue), package_type says \(entry.standard.rawValue)")
        }
        record.brand = entry.brand
        record.product = entry.product
        record.domainType = entry.domainType
        record.standard = entry.standard
    }
}
