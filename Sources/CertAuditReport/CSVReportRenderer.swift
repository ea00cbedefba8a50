/// Writes `findings.csv`, `inventory.csv`, `operations.csv`, `timeline.csv` and `changes.csv`: UTF-8 with a byte-order mark, CRLF line ends
/// (RFC 4180), one row per XML element of the same name with the same values.
///
/// Decisions: a certificate's repeated children are joined into one cell with `; ` — SANs as
/// `type:value`, bound resources as `type:id`; booleans are `true`/`false` as in the XML. Serial
/// numbers count as text (a negative serial starts with `-`), so they are neutralised like input text.
/// An operation's reasons are joined into one cell as `effect RULE: message`, separated by ` | `.
struct CSVReportRenderer {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    static let findingColumns = [
        "rule", "severity", "certificate", "resource", "package", "date", "message", "key", "first-seen", "change",
        "acceptance", "accepted-by", "accepted-until", "acceptance-reason",
    ]

    /// One row per child of `<changes>`: `item` says which (`note`, `finding`, `certificate`,
    /// `operation`); the columns an item does not have are empty.
    static let changeColumns = [
        "item", "change", "key", "rule", "severity", "certificate", "resource", "package", "first-seen",
        "fingerprint", "previous-certificate", "previous-fingerprint", "requested-at", "kind", "verdict",
        "previous-verdict", "note",
    ]

    func changes(_ model: ReportModel) -> [UInt8] {
        let changes = model.changes
        let empty = [CSVCell](repeating: .value(nil), count: Self.changeColumns.count)
        var rows: [[CSVCell]] = []
        if let note = changes.note {
            var row = empty
            row[0] = .value("note")
            row[16] = .text(note)
            rows.append(row)
        }
        for finding in changes.findings {
            var row = empty
            row[0] = .value("finding")
            row[1] = .value(finding.change)
            row[2] = .text(finding.key)
            row[3] = .text(finding.rule)
            row[4] = .value(finding.severity)
            row[5] = .text(finding.certificate)
            row[6] = .text(finding.resource)
            row[7] = .text(finding.package)
            row[8] = .value(finding.firstSeen)
            rows.append(row)
        }
        for certificate in changes.certificates {
            var row = empty
            row[0] = .value("certificate")
            row[1] = .value(certificate.change)
            row[5] = .text(certificate.id)
            row[9] = .value(certificate.fingerprint)
            row[10] = .text(certificate.previousID)
            row[11] = .value(certificate.previousFingerprint)
            rows.append(row)
        }
        for operation in changes.operations {
            var row = empty
            row[0] = .value("operation")
            row[1] = .value("verdict-changed")
            row[5] = .text(operation.certificate)
            row[12] = .value(operation.requestedAt)
            row[13] = .value(operation.kind)
            row[14] = .value(operation.verdict)
            row[15] = .value(operation.previousVerdict)
            rows.append(row)
        }
        return document(header: Self.changeColumns, rows: rows)
    }

    static let inventoryColumns = [
        "id", "alias", "source", "type", "standard", "status", "brand", "product", "subject", "issuer", "serial",
        "not-before", "not-after", "days-to-expiry", "fingerprint", "key-algorithm", "key-bits", "key-curve",
        "key-present", "key-matches", "signature-algorithm", "sans", "chain-status", "chain-length", "resources",
    ]

    static let operationColumns = [
        "requested-at", "line", "certificate", "kind", "requested-by", "verdict", "rule", "reasons",
    ]

    static let timelineColumns = [
        "date", "kind", "certificate", "resource", "account", "package", "amount", "points", "policy", "times",
        "message", "detail",
    ]

    /// One row per `<timeline><event>`; an alert's deliveries are in its detail cell, as
    /// `receiver channel deliverable|undeliverable`, separated by `; `.
    func timeline(_ model: ReportModel) -> [UInt8] {
        document(
            header: Self.timelineColumns,
            rows: model.timeline.map { event in
                let deliveries = event.deliveries.map {
                    "\($0.receiver) \($0.channel) \($0.deliverable ? "deliverable" : "undeliverable")"
                }
                let detail = ([event.detail].compactMap { $0 } + deliveries).joined(separator: "; ")
                return [
                    .value(event.date), .value(event.kind), .text(event.certificate), .text(event.resource),
                    .text(event.account), .text(event.package), .value(event.amount), .value(event.points),
                    .text(event.policy), .value(event.times), .value(event.message),
                    .text(detail.isEmpty ? nil : detail),
                ]
            })
    }

    static let forecastColumns = ["month", "account", "policy", "renewals", "unpriced", "amount", "points"]

    /// What renewals cost by month, account and successor-validity policy (`cabf`, `one-year`).
    func forecast(_ model: ReportModel) -> [UInt8] {
        document(
            header: Self.forecastColumns,
            rows: model.forecast.map { month in
                [
                    .value(month.month), .text(month.account), .value(month.policy), .value(String(month.renewals)),
                    .value(String(month.unpriced)), .value(month.amount.description),
                    .value(month.points.description),
                ]
            })
    }

    static let ledgerColumns = [
        "date", "time", "package", "kind", "points", "counterparty", "code", "certificate", "transfer-status", "line",
    ]

    /// The points ledger as read, by package and time, each row with its line in points_ledger.csv.
    func ledger(_ model: ReportModel) -> [UInt8] {
        document(
            header: Self.ledgerColumns,
            rows: model.ledger.map { row in
                [
                    .value(row.date), .value(row.time), .text(row.package), .value(row.kind), .value(row.points),
                    .text(row.counterparty), .text(row.code), .text(row.certificate), .value(row.transferStatus),
                    .value(String(row.line)),
                ]
            })
    }

    func operations(_ model: ReportModel) -> [UInt8] {
        document(
            header: Self.operationColumns,
            rows: model.operations.map { operation in
                [
                    .value(operation.requestedAt), .value(String(operation.line)), .text(operation.certificate),
                    .value(operation.kind), .text(operation.requestedBy), .value(operation.verdict),
                    .text(operation.rule),
                    .text(
                        operation.reasons.isEmpty
                            ? nil
                            : operation.reasons.map { "\($0.effect) \($0.rule): \($0.message)" }.joined(
                                separator: " | ")),
                ]
            })
    }

    func findings(_ model: ReportModel) -> [UInt8] {
        document(
            header: Self.findingColumns,
            rows: model.findings.map { finding in
                [
                    .text(finding.rule), .value(finding.severity), .text(finding.certificate), .text(finding.resource),
                    .text(finding.package), .value(finding.date), .text(finding.message), .text(finding.key),
                    .value(finding.firstSeen), .value(finding.change), .value(finding.acceptance),
                    .text(finding.acceptedBy), .value(finding.acceptedUntil), .text(finding.acceptanceReason),
                ]
            })
    }

    func inventory(_ model: ReportModel) -> [UInt8] {
        document(
            header: Self.inventoryColumns,
            rows: model.certificates.map { certificate in
                [
                    .text(certificate.id), .text(certificate.alias), .value(certificate.source),
                    .value(certificate.type), .value(certificate.standard), .value(certificate.status),
                    .text(certificate.brand), .value(certificate.product), .text(certificate.subject),
                    .text(certificate.issuer), .text(certificate.serial), .value(certificate.notBefore),
                    .value(certificate.notAfter), .value(certificate.daysToExpiry.map { String($0) }),
                    .value(certificate.fingerprint), .value(certificate.key?.algorithm),
                    .value(certificate.key.map { String($0.bits) }), .text(certificate.key?.curve),
                    .value(certificate.key.map { String($0.present) }),
                    .value(certificate.key?.matches.map { String($0) }), .text(certificate.signatureAlgorithm),
                    .text(
                        certificate.sans.isEmpty
                            ? nil : certificate.sans.map { "\($0.type):\($0.value)" }.joined(separator: "; ")),
                    .value(certificate.chainStatus), .value(String(certificate.chainLength)),
                    .text(
                        certificate.resources.isEmpty
                            ? nil : certificate.resources.map { "\($0.type):\($0.id)" }.joined(separator: "; ")),
                ]
            })
    }

    private func document(header: [String], rows: [[CSVCell]]) -> [UInt8] {
        var text = header.joined(separator: ",") + "\r\n"
        for row in rows {
            text += row.map(\.encoded).joined(separator: ",") + "\r\n"
        }
        return Self.byteOrderMark + Array(text.utf8)
    }
}
