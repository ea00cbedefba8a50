import Foundation
internal import Mustache

/// Renders `report.html` from `report.html.mustache` and the partials under a templates directory.
///
/// The templates receive plain dictionaries of strings, numbers, booleans and arrays; every value
/// goes through Mustache's `{{ }}` HTML escaping (the shipped templates never use `{{{ }}}`).
/// Decision: the HTML shows at most `rowLimit` inventory rows and findings, with a note pointing to
/// the CSV files for the rest, so the file stays readable at 100,000 certificates. Optional values
/// that templates print are passed as empty strings (a missing key would make Mustache look the
/// name up in an outer context); those that templates test with `{{#name}}` are left out when nil.
struct HTMLReportRenderer {
    static let templateName = "report.html"

    let templatesDirectory: String
    let rowLimit: Int

    func render(_ model: ReportModel) throws(ReportError) -> [UInt8] {
        let library = try loadLibrary()
        guard let html = library.render(context(for: model), withTemplate: Self.templateName) else {
            throw ReportError(.templates, "\(templatesDirectory) has no \(Self.templateName).mustache")
        }
        return Array(html.utf8)
    }

    static let financeTemplateName = "finance.html"

    /// finance.html, from `finance.html.mustache`: the entitlements and the forecast for finance.
    func renderFinance(_ model: ReportModel) throws(ReportError) -> [UInt8] {
        let library = try loadLibrary()
        let context = FinanceView(model: model, rowLimit: rowLimit).context
        guard let html = library.render(context, withTemplate: Self.financeTemplateName) else {
            throw ReportError(.templates, "\(templatesDirectory) has no \(Self.financeTemplateName).mustache")
        }
        return Array(html.utf8)
    }

    /// Every `*.mustache` file under the directory, registered by its relative path without the
    /// extension (`partials/summary`), read in sorted order so loading is deterministic.
    private func loadLibrary() throws(ReportError) -> MustacheLibrary {
        let fileManager = FileManager()
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: templatesDirectory, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw ReportError(.templates, "templates directory \(templatesDirectory) does not exist")
        }
        let paths = (fileManager.enumerator(atPath: templatesDirectory)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".mustache") }.sorted()
        var library = MustacheLibrary()
        for path in paths {
            let fullPath = (templatesDirectory as NSString).appendingPathComponent(path)
            guard let data = fileManager.contents(atPath: fullPath) else {
                throw ReportError(.templates, "cannot read template \(fullPath)")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ReportError(.templates, "template \(fullPath) is not UTF-8")
            }
            do {
                try library.register(text, named: String(path.dropLast(".mustache".count)))
            } catch {
                throw ReportError(.templates, "template \(fullPath) does not parse: \(error)")
            }
        }
        return library
    }

    /// Words for people in the summary cards; the XML keeps the machine names.
    static let summaryLabels = [
        "certificates": "certificates", "resources": "resources", "quarantined": "rows in quarantine",
        "findings.critical": "critical findings", "findings.high": "high findings",
        "findings.medium": "medium findings", "findings.low": "low findings", "findings.info": "info findings",
        "findings": "findings in all", "operations": "requested operations",
        "operations.denied": "operations denied",
    ]

    func context(for model: ReportModel) -> [String: Any] {
        let header = model.header
        let rulesByID = Set(model.rules.map(\.id))
        let shownFindings = model.findings.prefix(rowLimit)
        let severities = ["critical", "high", "medium", "low", "info"]
        let findingGroups: [[String: Any]] = severities.compactMap { severity in
            let items = shownFindings.filter { $0.severity == severity }
            guard !items.isEmpty else { return nil }
            return [
                "severity": severity, "count": items.count,
                "findings": items.map { finding -> [String: Any] in
                    var row: [String: Any] = [
                        "rule": finding.rule, "severity": finding.severity, "message": finding.message,
                        "hasRule": rulesByID.contains(finding.rule),
                    ]
                    row["certificate"] = finding.certificate
                    row["resource"] = finding.resource
                    row["package"] = finding.package
                    row["date"] = finding.date
                    return row
                },
            ]
        }
        let inventoryOrder = model.certificates.sorted { lhs, rhs in
            switch (lhs.daysToExpiry, rhs.daysToExpiry) {
            case (let l?, let r?) where l != r: return l < r
            case (.some, nil): return true
            case (nil, .some): return false
            default: return lhs.id < rhs.id
            }
        }
        let inventory: [[String: Any]] = inventoryOrder.prefix(rowLimit).map { certificate in
            var row: [String: Any] = [
                "id": certificate.id, "source": certificate.source, "type": certificate.type,
                "standard": certificate.standard, "chainStatus": certificate.chainStatus,
                "chainLength": certificate.chainLength,
                "sans": certificate.sans.map { "\($0.type):\($0.value)" }.joined(separator: ", "),
                "resources": certificate.resources.map { "\($0.type):\($0.id)" }.joined(separator: ", "),
            ]
            row["alias"] = certificate.alias ?? ""
            row["status"] = certificate.status ?? ""
            row["subject"] = certificate.subject ?? ""
            row["notAfter"] = certificate.notAfter ?? ""
            row["daysToExpiry"] = certificate.daysToExpiry.map { String($0) } ?? ""
            row["daysSortKey"] = String(certificate.daysToExpiry ?? Int64.max)
            row["key"] =
                certificate.key.map { key in
                    [key.algorithm, String(key.bits), key.curve].compactMap { $0 }.joined(separator: " ")
                } ?? ""
            row["expired"] = (certificate.daysToExpiry ?? 0) < 0
            for name in ["alias", "subject", "sans", "resources"] {
                row[name + "Parts"] = BreakOpportunities.parts(row[name] as? String ?? "")
            }
            return row
        }
        // The next 90 days of the timeline, grouped by date.
        let cutoff = model.timelineCutoff
        let upcoming = model.timeline.prefix { $0.date <= cutoff }.prefix(rowLimit)
        let shownEvents = upcoming.count
        var timelineDays: [[String: Any]] = []
        var day: (date: String, events: [[String: Any]])?
        for event in upcoming {
            let row: [String: Any] = [
                "kind": event.kind, "subject": event.certificate ?? event.account ?? "",
                "resource": event.resource ?? "", "hasResource": event.resource != nil, "amount": event.amount ?? "",
                "hasAmount": event.amount != nil, "detail": event.detail ?? "", "hasDetail": event.detail != nil,
            ]
            if day?.date == event.date {
                day?.events.append(row)
            } else {
                if let day { timelineDays.append(["date": day.date, "events": day.events]) }
                day = (event.date, [row])
            }
        }
        if let day { timelineDays.append(["date": day.date, "events": day.events]) }
        let counts = Dictionary(
            uniqueKeysWithValues: model.summary.map { ($0.name.replacingOccurrences(of: ".", with: "_"), $0.value) })
        return [
            "generator": header.generator, "asOf": header.asOf, "asOfDate": model.asOfDate,
            "timezone": header.timeZone, "horizonDays": header.horizonDays, "schemaVersion": header.schemaVersion,
            "counts": counts,
            "summary": model.summary.map {
                ["name": $0.name, "label": Self.summaryLabels[$0.name] ?? $0.name, "value": $0.value] as [String: Any]
            },
            "findingGroups": findingGroups, "hasFindings": !model.findings.isEmpty,
            "findingsTruncated": model.findings.count > rowLimit, "findingsShown": shownFindings.count,
            "findingsTotal": model.findings.count,
            "rules": model.rules.map { rule -> [String: Any] in
                [
                    "id": rule.id, "title": rule.title, "severity": rule.severity, "citation": rule.citation,
                    "summary": rule.summary, "status": rule.status, "statusNote": rule.statusNote,
                    "hasStatusNote": !rule.statusNote.isEmpty,
                ]
            },
            "hasRules": !model.rules.isEmpty,
            "timelineDays": timelineDays, "hasTimeline": !timelineDays.isEmpty,
            "timelineTruncated": model.timeline.count > shownEvents, "timelineShown": shownEvents,
            "outages": model.outages.map { outage -> [String: Any] in
                [
                    "date": outage.date, "resourceType": outage.resourceType, "resource": outage.resource,
                    "certificate": outage.certificate, "causes": outage.causes, "underWay": outage.underWay,
                ]
            },
            "hasOutages": !model.outages.isEmpty,
            "calendar": OutageCalendar(outages: model.outages, weeks: model.expiryWeeks.map(\.start)).context,
            "inventory": inventory, "hasInventory": !model.certificates.isEmpty,
            "inventoryTruncated": model.certificates.count > rowLimit, "inventoryShown": inventory.count,
            "inventoryTotal": model.certificates.count,
            "quarantine": model.quarantine.map { record -> [String: Any] in
                var row: [String: Any] = ["input": record.input, "line": record.line, "reason": record.reason]
                row["column"] = record.column.map { String($0) } ?? ""
                row["certificate"] = record.certificate ?? ""
                row["rule"] = record.rule ?? ""
                return row
            },
            "hasQuarantine": !model.quarantine.isEmpty,
            "operations": model.operations.prefix(rowLimit).map { operation -> [String: Any] in
                [
                    "requestedAt": operation.requestedAt, "line": operation.line, "certificate": operation.certificate,
                    "kind": operation.kind, "requestedBy": operation.requestedBy ?? "", "verdict": operation.verdict,
                    "reasons": operation.reasons.map { reason -> [String: Any] in
                        [
                            "rule": reason.rule, "effect": reason.effect, "message": reason.message,
                            "hasRule": rulesByID.contains(reason.rule),
                        ]
                    },
                ]
            },
            "hasOperations": !model.operations.isEmpty,
            "operationsTruncated": model.operations.count > rowLimit,
            "operationsShown": min(rowLimit, model.operations.count), "operationsTotal": model.operations.count,
            "inputs": model.inputs.map { input -> [String: Any] in
                var row: [String: Any] = [
                    "name": input.name, "sha256": input.sha256, "rows": input.rows, "accepted": input.accepted,
                    "quarantined": input.quarantined, "notes": input.notes.joined(separator: "; "),
                ]
                row["encoding"] = input.encoding ?? ""
                return row
            },
            "settings": model.settings.map { ["name": $0.name, "value": $0.value] as [String: Any] },
            "chart": ExpiryChart(weeks: model.expiryWeeks, alreadyExpired: model.alreadyExpired).context,
        ]
    }
}
