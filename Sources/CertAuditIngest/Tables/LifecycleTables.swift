import CertAuditCSV
import CertAuditCore

/// The lifecycle inputs of spec/INPUTS.md (hosting, accounts, pricing, contacts, alert policies,
/// operations, holidays, accepted risks): each a column list and one function from a row to a record, over the same
/// schema machinery as `certificates.csv`.
public enum LifecycleTables {
    static func read<Record, Column>(
        _ schema: TableSchema<Record, Column>, path: String, inputName: String, encoding: TextEncodingChoice,
        timeZone: RunTimeZone
    ) throws(InputFileError) -> TableReadResult<Record> {
        try schema.read(path: path, inputName: inputName, encoding: encoding, timeZone: timeZone)
    }

    static let hosting = TableSchema<HostingRecord, HostingColumn>(
        columns: [
            TableColumn(.certificateID, aliases: ["CertificateId"], kind: .text, required: true, essential: true),
            TableColumn(.resourceTypes, aliases: ["ResourceTypes"], kind: .text),
            TableColumn(.replaceLead, aliases: ["ReplaceLead"]),
            TableColumn(.configuredOn), TableColumn(.association, kind: .text), TableColumn(.messages),
            TableColumn(.status, aliases: ["HostingStatus"]), TableColumn(.successorProduct),
            TableColumn(.validationMethod), TableColumn(.validationReady),
        ],
        id: nil
    ) { (row: inout TableRow<HostingColumn>) throws(RowIssue) in
        var record = HostingRecord(line: row.line, certificateID: try row.required(.certificateID))
        record.resourceTypes = (row.list(.resourceTypes) ?? []).map(ResourceType.init)
        if let lead = row.text(.replaceLead) {
            if let parsed = ReplaceLead(text: lead) {
                record.replaceLead = parsed
            } else {
                record.replaceLead = try row.invalid(.replaceLead, "'\(lead)' is not immediate or a number of days")
            }
        }
        record.configuredOn = try row.time(.configuredOn)
        if let association = row.text(.association), association.lowercased() != "auto" {
            record.association = .designated(association)
        }
        record.messages = try row.bool(.messages)
        if let status = row.text(.status) {
            if let state = HostingState(rawValue: status.lowercased())
                ?? Int(status).flatMap(HostingState.init(apiCode:))
            {
                record.status = state
            } else {
                record.status = try row.invalid(.status, "'\(status)' is not a hosting state or API code")
            }
        }
        record.successorProduct = try row.choice(
            .successorProduct,
            Dictionary(uniqueKeysWithValues: Product.allCases.map { ($0.rawValue.lowercased(), $0) }),
            expected: "DV, DV_FREE, OV, OV_PRO, EV or EV_PRO")
        record.validationMethod = try row.choice(
            .validationMethod, ["dns": .dns, "file": .file], expected: "dns or file")
        record.validationReady = try row.bool(.validationReady)
        return record
    }

    static let accounts = TableSchema<AccountRecord, AccountsColumn>(
        columns: [
            TableColumn(.accountID, aliases: ["OwnerUin", "Uin"], kind: .text, required: true, essential: true),
            TableColumn(.balance, aliases: ["Balance"], required: true),
        ],
        id: .accountID
    ) { (row: inout TableRow<AccountsColumn>) throws(RowIssue) in
        AccountRecord(line: row.line, id: try row.required(.accountID), balanceFen: try row.fen(.balance))
    }

    static let pricing = TableSchema<PriceRecord, PricingColumn>(
        columns: [
            TableColumn(.brand, kind: .text, required: true, essential: true),
            TableColumn(.product, required: true, essential: true),
            TableColumn(.domainType, required: true, essential: true),
            TableColumn(.years, required: true, essential: true),
            TableColumn(.priceCNY), TableColumn(.pricePoints),
        ],
        id: nil
    ) { (row: inout TableRow<PricingColumn>) throws(RowIssue) in
        let products = Dictionary(uniqueKeysWithValues: Product.allCases.map { ($0.rawValue.lowercased(), $0) })
        guard let product = try row.choice(.product, products, expected: "DV, DV_FREE, OV, OV_PRO, EV or EV_PRO"),
            let domainType = try row.choice(
                .domainType, ["single": DomainType.single, "multi": .multi, "wildcard": .wildcard],
                expected: "single, multi or wildcard"),
            let years = try row.count(.years), (1...5).contains(years)
        else { throw row.issue(.years, "product, domain_type and years (1 to 5) are required") }
        var record = PriceRecord(
            line: row.line, brand: try row.required(.brand), product: product, domainType: domainType, years: years)
        record.priceFen = try row.fen(.priceCNY)
        record.pricePoints = try row.count(.pricePoints)
        return record
    }

    static let contacts = TableSchema<ContactRecord, ContactsColumn>(
        columns: [
            TableColumn(.contactID, kind: .text, required: true, essential: true), TableColumn(.name, kind: .text),
            TableColumn(.phone, kind: .text), TableColumn(.email, kind: .text),
            TableColumn(.wechatVerified), TableColumn(.channels),
        ],
        id: .contactID
    ) { (row: inout TableRow<ContactsColumn>) throws(RowIssue) in
        var record = ContactRecord(line: row.line, id: try row.required(.contactID))
        record.name = row.text(.name)
        record.phone = row.text(.phone)
        record.email = row.text(.email)
        record.wechatVerified = try row.bool(.wechatVerified)
        record.channels =
            try row.typed(.channels) { text in
                var channels: [NotificationChannel] = []
                for channel in FieldValue.list(text) {
                    guard let value = NotificationChannel(rawValue: channel.lowercased()) else {
                        return .failure(FieldError("channel '\(channel)' is not sms, email, wechat or inbox"))
                    }
                    channels.append(value)
                }
                return .success(channels)
            } ?? []
        return record
    }

    static let alertPolicies = TableSchema<AlertPolicyRecord, AlertPoliciesColumn>(
        columns: [
            TableColumn(.policyID, kind: .text, required: true, essential: true), TableColumn(.name, kind: .text),
            TableColumn(.certificates, required: true, essential: true),
            TableColumn(.thresholdDays, required: true, essential: true), TableColumn(.operator),
            TableColumn(.periodMinutes),
            TableColumn(.repeat), TableColumn(.receivers, kind: .text),
        ],
        id: .policyID
    ) { (row: inout TableRow<AlertPoliciesColumn>) throws(RowIssue) in
        let selectionText = try row.required(.certificates)
        let selection: AlertPolicyRecord.Selection
        if selectionText == "*" {
            selection = .all
        } else if selectionText.lowercased().hasPrefix("tag:") {
            guard case .success(let tags) = FieldValue.tags(String(selectionText.dropFirst(4))), tags.count == 1 else {
                throw row.issue(.certificates, "certificates '\(selectionText)' is not tag:key=value")
            }
            selection = .tag(tags[0])
        } else {
            selection = .certificates(FieldValue.list(selectionText))
        }
        guard let threshold = try row.count(.thresholdDays) else {
            throw row.issue(.thresholdDays, "threshold_days is required")
        }
        var record = AlertPolicyRecord(
            line: row.line, id: try row.required(.policyID), selection: selection, thresholdDays: threshold)
        record.name = row.text(.name)
        record.comparison = try row.choice(.operator, ["<": .below, "<=": .atOrBelow], expected: "< or <=") ?? .below
        record.periodMinutes = try row.count(.periodMinutes) ?? 1
        if let repeats = row.text(.repeat) {
            if repeats.lowercased() == "once" {
                record.repeats = .once
            } else if let hours = Int(repeats), hours > 0 {
                record.repeats = .everyHours(hours)
            } else {
                let _: AlertPolicyRecord.Repeat? = try row.invalid(
                    .repeat, "'\(repeats)' is not once or a number of hours")
            }
        }
        record.receivers = row.list(.receivers) ?? []
        return record
    }

    static let operations = TableSchema<OperationRecord, OperationsColumn>(
        columns: [
            TableColumn(.requestedAt, required: true, essential: true),
            TableColumn(.certificateID, aliases: ["CertificateId"], kind: .text, required: true, essential: true),
            TableColumn(.operation, required: true, essential: true), TableColumn(.params, essential: true),
            TableColumn(.requestedBy, kind: .text),
        ],
        id: nil
    ) { (row: inout TableRow<OperationsColumn>) throws(RowIssue) in
        guard let at = try row.time(.requestedAt) else { throw row.issue(.requestedAt, "requested_at is required") }
        let kinds = Dictionary(uniqueKeysWithValues: OperationRecord.Kind.allCases.map { ($0.rawValue, $0) })
        guard let kind = try row.choice(.operation, kinds, expected: kinds.keys.sorted().joined(separator: ", "))
        else {
            throw row.issue(.operation, "operation is required")
        }
        var parameters = try row.tags(.params)
        var seen: Set<String> = []
        for index in parameters.indices {
            let parameter = parameters[index]
            let key = parameter.key.lowercased()
            guard kind.parameterNames.contains(key) else {
                throw row.issue(
                    .params,
                    "params: '\(parameter.key)' is not a parameter of \(kind.rawValue) (expected "
                        + kind.parameterNames.joined(separator: ", ") + ")")
            }
            guard seen.insert(key).inserted else {
                throw row.issue(.params, "params: '\(parameter.key)' is given twice")
            }
            if OperationRecord.booleanParameters.contains(key) {
                switch FieldValue.bool(parameter.value) {
                case .success(let value): parameters[index].value = String(value)
                case .failure(let error): throw row.issue(.params, "params: \(parameter.key): \(error.reason)")
                }
            }
        }
        return OperationRecord(
            line: row.line, requestedAt: at, certificateID: try row.required(.certificateID), kind: kind,
            parameters: parameters, requestedBy: row.text(.requestedBy))
    }

    static let holidays = TableSchema<HolidayRecord, HolidaysColumn>(
        columns: [
            TableColumn(.date, required: true, essential: true), TableColumn(.kind, required: true, essential: true),
            TableColumn(.name, kind: .text),
        ],
        id: nil
    ) { (row: inout TableRow<HolidaysColumn>) throws(RowIssue) in
        guard let date = try row.date(.date) else { throw row.issue(.date, "date is required") }
        guard
            let kind = try row.choice(
                .kind, ["holiday": HolidayRecord.Kind.holiday, "workday": .workday], expected: "holiday or workday")
        else { throw row.issue(.kind, "kind is required") }
        return HolidayRecord(line: row.line, date: date, kind: kind, name: row.text(.name))
    }

    static let packages = TableSchema<PackageRecord, PackagesColumn>(
        columns: [
            TableColumn(.packageID, aliases: ["PackageId"], kind: .text, required: true, essential: true),
            TableColumn(.name, aliases: ["Type"], kind: .text),
            TableColumn(.accountID, aliases: ["OwnerUin"], kind: .text),
            TableColumn(.totalPoints, aliases: ["Total"]), TableColumn(.remainingPoints, aliases: ["Balance"]),
            TableColumn(.expiresAt, aliases: ["ExpireTime"]), TableColumn(.status, aliases: ["Status"]),
            TableColumn(.source, aliases: ["SourceType"]), TableColumn(.acquiredAt, aliases: ["CreateTime"]),
        ],
        id: .packageID
    ) { (row: inout TableRow<PackagesColumn>) throws(RowIssue) in
        var record = PackageRecord(line: row.line, id: try row.required(.packageID))
        record.name = row.text(.name)
        record.accountID = row.text(.accountID)
        record.totalPoints = try row.count(.totalPoints).map { Points(Int64($0)) }
        record.remainingPoints = try row.count(.remainingPoints).map { Points(Int64($0)) }
        record.expiresAt = try row.time(.expiresAt)
        // The API's words: `used` is used up, `refund` refunded; `buy` a purchase, `transferIn` a transfer.
        var statuses = Dictionary(uniqueKeysWithValues: PackageRecord.Status.allCases.map { ($0.rawValue, $0) })
        statuses["used"] = .usedUp
        statuses["refund"] = .refunded
        record.status = try row.choice(
            .status, statuses, expected: "usable, in_transfer, expired, used_up (used) or refunded (refund)")
        var sources = Dictionary(uniqueKeysWithValues: PackageRecord.Source.allCases.map { ($0.rawValue, $0) })
        sources["buy"] = .purchase
        sources["transferin"] = .transfer
        record.source = try row.choice(.source, sources, expected: "purchase (buy), transfer (transferIn) or recharge")
        record.acquiredAt = try row.time(.acquiredAt)
        return record
    }

    /// A ledger row is a movement of points: without its time, package, kind or a whole, positive
    /// number of points it cannot be reconciled, so those columns are essential.
    static let pointsLedger = TableSchema<LedgerEntry, PointsLedgerColumn>(
        columns: [
            TableColumn(.at, required: true, essential: true),
            TableColumn(.packageID, kind: .text, required: true, essential: true),
            TableColumn(.kind, required: true, essential: true), TableColumn(.points, required: true, essential: true),
            TableColumn(.counterparty, kind: .text), TableColumn(.code, kind: .text),
            TableColumn(.certificateID, kind: .text), TableColumn(.transferStatus),
        ],
        id: nil
    ) { (row: inout TableRow<PointsLedgerColumn>) throws(RowIssue) in
        guard let at = try row.time(.at) else { throw row.issue(.at, "at is required") }
        let kinds = Dictionary(uniqueKeysWithValues: LedgerEntry.Kind.allCases.map { ($0.rawValue, $0) })
        guard let kind = try row.choice(.kind, kinds, expected: kinds.keys.sorted().joined(separator: ", ")) else {
            throw row.issue(.kind, "kind is required")
        }
        guard let points = try row.count(.points) else { throw row.issue(.points, "points is required") }
        guard points > 0 else { throw row.issue(.points, "points: 0 moves nothing; a movement is at least 1 point") }
        var entry = LedgerEntry(
            line: row.line, at: at, packageID: try row.required(.packageID), kind: kind, points: Points(Int64(points)))
        entry.counterparty = row.text(.counterparty)
        entry.code = row.text(.code)
        entry.certificateID = row.text(.certificateID)
        entry.transferStatus = try row.choice(
            .transferStatus,
            Dictionary(uniqueKeysWithValues: LedgerEntry.TransferStatus.allCases.map { ($0.rawValue, $0) }),
            expected: "pending, redeemed or expired")
        return entry
    }

    /// An acceptance is judged whole: it names its findings (a `finding_key`, or a `rule` and a
    /// `certificate_id`), says who accepted them and why, and until when — without any of these it
    /// would silence findings nobody answers for, so the row is quarantined.
    static let accepted = TableSchema<AcceptedRisk, AcceptedColumn>(
        columns: [
            TableColumn(.findingKey, kind: .text), TableColumn(.rule, kind: .text),
            TableColumn(.certificateID, kind: .text),
            TableColumn(.reason, kind: .text, required: true, essential: true),
            TableColumn(.acceptedBy, kind: .text, required: true, essential: true),
            TableColumn(.until, required: true, essential: true),
        ],
        id: nil
    ) { (row: inout TableRow<AcceptedColumn>) throws(RowIssue) in
        let key = row.text(.findingKey).map { FindingKey(text: $0) }
        let rule = row.text(.rule)
        let certificate = row.text(.certificateID)
        guard key != nil || (rule != nil && certificate != nil) else {
            throw row.issue(.findingKey, "name the findings: a finding_key, or a rule and a certificate_id")
        }
        let reason = try row.required(.reason)
        let acceptedBy = try row.required(.acceptedBy)
        guard let until = try row.date(.until) else { throw row.issue(.until, "until is required") }
        return AcceptedRisk(
            line: row.line, findingKey: key, ruleID: rule, certificateID: certificate, reason: reason,
            acceptedBy: acceptedBy, until: until)
    }
}
