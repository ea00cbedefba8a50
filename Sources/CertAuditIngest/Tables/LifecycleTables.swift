import CertAuditCSV
import CertAuditCore

/// The lifecycle inputs of spec/INPUTS.md (hosting, accounts, pricing, contacts, alert policies,
/// operations, holidays): each a column list and one function from a row to a record, over the same
/// schema machinery as `certificates.csv`.
public enum LifecycleTables {
    static func read<Record>(
        _ schema: TableSchema<Record>, path: String, inputName: String, encoding: TextEncodingChoice,
        timeZone: RunTimeZone
    ) throws(InputFileError) -> TableReadResult<Record> {
        try schema.read(path: path, inputName: inputName, encoding: encoding, timeZone: timeZone)
    }

    static let hosting = TableSchema<HostingRecord>(
        columns: [
            TableColumn("certificate_id", aliases: ["CertificateId"], required: true),
            TableColumn("resource_types", aliases: ["ResourceTypes"]),
            TableColumn("replace_lead", aliases: ["ReplaceLead"]),
            TableColumn("configured_on"), TableColumn("association"), TableColumn("messages"),
            TableColumn("status", aliases: ["HostingStatus"]), TableColumn("successor_product"),
            TableColumn("validation_method"), TableColumn("validation_ready"),
        ]
    ) { (row: TableRow) throws(RowIssue) in
        var record = HostingRecord(line: row.line, certificateID: try row.required("certificate_id"))
        record.resourceTypes = (row.list("resource_types") ?? []).map(ResourceType.init)
        if let lead = row.text("replace_lead") {
            guard let parsed = ReplaceLead(text: lead) else {
                throw row.issue("replace_lead", "replace_lead '\(lead)' is not immediate or a number of days")
            }
            record.replaceLead = parsed
        }
        record.configuredOn = try row.time("configured_on")
        if let association = row.text("association"), association.lowercased() != "auto" {
            record.association = .designated(association)
        }
        record.messages = try row.bool("messages")
        if let status = row.text("status") {
            guard
                let state = HostingState(rawValue: status.lowercased())
                    ?? Int(status).flatMap(HostingState.init(apiCode:))
            else { throw row.issue("status", "status '\(status)' is not a hosting state or API code") }
            record.status = state
        }
        record.successorProduct = try row.choice(
            "successor_product",
            Dictionary(uniqueKeysWithValues: Product.allCases.map { ($0.rawValue.lowercased(), $0) }),
            expected: "DV, DV_FREE, OV, OV_PRO, EV or EV_PRO")
        record.validationMethod = try row.choice(
            "validation_method", ["dns": .dns, "file": .file], expected: "dns or file")
        record.validationReady = try row.bool("validation_ready")
        return record
    }

    static let accounts = TableSchema<AccountRecord>(
        columns: [
            TableColumn("account_id", aliases: ["OwnerUin", "Uin"], required: true),
            TableColumn("balance", aliases: ["Balance"], required: true),
        ]
    ) { (row: TableRow) throws(RowIssue) in
        guard let balance = try row.fen("balance") else { throw row.issue("balance", "balance is required") }
        return AccountRecord(line: row.line, id: try row.required("account_id"), balanceFen: balance)
    }

    static let pricing = TableSchema<PriceRecord>(
        columns: [
            TableColumn("brand", required: true), TableColumn("product", required: true),
            TableColumn("domain_type", required: true), TableColumn("years", required: true),
            TableColumn("price_cny"), TableColumn("price_points"),
        ]
    ) { (row: TableRow) throws(RowIssue) in
        let products = Dictionary(uniqueKeysWithValues: Product.allCases.map { ($0.rawValue.lowercased(), $0) })
        guard let product = try row.choice("product", products, expected: "DV, DV_FREE, OV, OV_PRO, EV or EV_PRO"),
            let domainType = try row.choice(
                "domain_type", ["single": DomainType.single, "multi": .multi, "wildcard": .wildcard],
                expected: "single, multi or wildcard"),
            let years = try row.count("years"), (1...5).contains(years)
        else { throw row.issue("years", "product, domain_type and years (1 to 5) are required") }
        var record = PriceRecord(
            line: row.line, brand: try row.required("brand"), product: product, domainType: domainType, years: years)
        record.priceFen = try row.fen("price_cny")
        record.pricePoints = try row.count("price_points")
        return record
    }

    static let contacts = TableSchema<ContactRecord>(
        columns: [
            TableColumn("contact_id", required: true), TableColumn("name"), TableColumn("phone"), TableColumn("email"),
            TableColumn("wechat_verified"), TableColumn("channels"),
        ]
    ) { (row: TableRow) throws(RowIssue) in
        var record = ContactRecord(line: row.line, id: try row.required("contact_id"))
        record.name = row.text("name")
        record.phone = row.text("phone")
        record.email = row.text("email")
        record.wechatVerified = try row.bool("wechat_verified")
        for channel in row.list("channels") ?? [] {
            guard let value = NotificationChannel(rawValue: channel.lowercased()) else {
                throw row.issue("channels", "channel '\(channel)' is not sms, email, wechat or inbox")
            }
            record.channels.append(value)
        }
        return record
    }

    static let alertPolicies = TableSchema<AlertPolicyRecord>(
        columns: [
            TableColumn("policy_id", required: true), TableColumn("name"), TableColumn("certificates", required: true),
            TableColumn("threshold_days", required: true), TableColumn("operator"), TableColumn("period_minutes"),
            TableColumn("repeat"), TableColumn("receivers"),
        ]
    ) { (row: TableRow) throws(RowIssue) in
        let selectionText = try row.required("certificates")
        let selection: AlertPolicyRecord.Selection
        if selectionText == "*" {
            selection = .all
        } else if selectionText.lowercased().hasPrefix("tag:") {
            guard case .success(let tags) = FieldValue.tags(String(selectionText.dropFirst(4))), tags.count == 1 else {
                throw row.issue("certificates", "certificates '\(selectionText)' is not tag:key=value")
            }
            selection = .tag(tags[0])
        } else {
            selection = .certificates(FieldValue.list(selectionText))
        }
        guard let threshold = try row.count("threshold_days") else {
            throw row.issue("threshold_days", "threshold_days is required")
        }
        var record = AlertPolicyRecord(
            line: row.line, id: try row.required("policy_id"), selection: selection, thresholdDays: threshold)
        record.name = row.text("name")
        record.comparison = try row.choice("operator", ["<": .below, "<=": .atOrBelow], expected: "< or <=") ?? .below
        record.periodMinutes = try row.count("period_minutes") ?? 1
        if let repeats = row.text("repeat") {
            if repeats.lowercased() == "once" {
                record.repeats = .once
            } else if let hours = Int(repeats), hours > 0 {
                record.repeats = .everyHours(hours)
            } else {
                throw row.issue("repeat", "repeat '\(repeats)' is not once or a number of hours")
            }
        }
        record.receivers = row.list("receivers") ?? []
        return record
    }

    static let operations = TableSchema<OperationRecord>(
        columns: [
            TableColumn("requested_at", required: true),
            TableColumn("certificate_id", aliases: ["CertificateId"], required: true),
            TableColumn("operation", required: true), TableColumn("params"), TableColumn("requested_by"),
        ]
    ) { (row: TableRow) throws(RowIssue) in
        guard let at = try row.time("requested_at") else { throw row.issue("requested_at", "requested_at is required") }
        let kinds = Dictionary(uniqueKeysWithValues: OperationRecord.Kind.allCases.map { ($0.rawValue, $0) })
        guard let kind = try row.choice("operation", kinds, expected: kinds.keys.sorted().joined(separator: ", "))
        else {
            throw row.issue("operation", "operation is required")
        }
        var parameters = try row.tags("params")
        var seen: Set<String> = []
        for index in parameters.indices {
            let parameter = parameters[index]
            let key = parameter.key.lowercased()
            guard kind.parameterNames.contains(key) else {
                throw row.issue(
                    "params",
                    "params: '\(parameter.key)' is not a parameter of \(kind.rawValue) (expected "
                        + kind.parameterNames.joined(separator: ", ") + ")")
            }
            guard seen.insert(key).inserted else {
                throw row.issue("params", "params: '\(parameter.key)' is given twice")
            }
            if OperationRecord.booleanParameters.contains(key) {
                switch FieldValue.bool(parameter.value) {
                case .success(let value): parameters[index].value = String(value)
                case .failure(let error): throw row.issue("params", "params: \(parameter.key): \(error.reason)")
                }
            }
        }
        return OperationRecord(
            line: row.line, requestedAt: at, certificateID: try row.required("certificate_id"), kind: kind,
            parameters: parameters, requestedBy: row.text("requested_by"))
    }

    static let holidays = TableSchema<HolidayRecord>(
        columns: [TableColumn("date", required: true), TableColumn("kind", required: true), TableColumn("name")]
    ) { (row: TableRow) throws(RowIssue) in
        guard let date = try row.date("date") else { throw row.issue("date", "date is required") }
        guard
            let kind = try row.choice(
                "kind", ["holiday": HolidayRecord.Kind.holiday, "workday": .workday], expected: "holiday or workday")
        else { throw row.issue("kind", "kind is required") }
        return HolidayRecord(line: row.line, date: date, kind: kind, name: row.text("name"))
    }
}
