import CertAuditCore
import Foundation
internal import Mustache

/// Renders `report.html` from `report.html.mustache` and the partials, built in or from a folder.
///
/// Decision: the templates bind typed view values (`ReportView`, `FinancePageView`, `TablePageView`
/// and the rows and charts in them, `Views/`), not untyped dictionaries: a key the templates use is a
/// stored property the compiler checks, of one type; Mustache reads them by name (`Mirror`) as it
/// read the dictionaries' keys, and the names are a contract with exported templates: never rename.
/// Every value goes through Mustache's `{{ }}` HTML escaping, except the table markup certaudit
/// writes and escapes itself (`tableMarkup`, from `HTMLTableView`), which they insert with `{{{ }}}`.
/// Decision: the HTML shows at most `rowLimit` inventory rows and findings, with a note pointing to
/// the CSV files for the rest, so the file stays readable at 100,000 certificates. Optional values
/// that templates print are empty strings (a missing name, or a nil property, makes Mustache look the
/// name up in an outer context); those that templates test with `{{#name}}` are optionals, nil when
/// there is none.
struct HTMLReportRenderer {
    static let templateName = "report.html"

    /// The values that are markup `HTMLTableView` wrote, every input in them escaped already: the
    /// only ones the shipped templates insert unescaped (`{{{cells}}}`, a page's `{{{tableRows}}}`).
    static let tableMarkup: Set<String> = ["headings", "inventoryHeadings", "operationHeadings", "cells", "tableRows"]

    let templates: ReportTemplates
    let rowLimit: Int
    /// The templates, read and parsed once: `report.html`, `finance.html` and the pages each parsed
    /// them again before (some 88 M instructions each, 2 % of a 2,000-certificate run).
    private let library: MustacheLibrary

    /// Throws when a template cannot be read or does not parse.
    init(templates: ReportTemplates = .builtIn, rowLimit: Int) throws(ReportError) {
        self.templates = templates
        self.rowLimit = rowLimit
        self.library = try Self.loadLibrary(templates)
    }

    init(templatesDirectory: String, rowLimit: Int) throws(ReportError) {
        try self.init(templates: .directory(templatesDirectory), rowLimit: rowLimit)
    }

    func render(_ model: ReportModel) throws(ReportError) -> [UInt8] {
        guard let html = library.render(context(for: model), withTemplate: Self.templateName) else {
            throw ReportError(.templates, "\(templates.origin) has no \(Self.templateName).mustache")
        }
        return Array(html.utf8)
    }

    static let financeTemplateName = "finance.html"

    /// finance.html, from `finance.html.mustache`: the entitlements and the forecast for finance.
    func renderFinance(_ model: ReportModel) throws(ReportError) -> [UInt8] {
        let context = FinanceView(model: model, rowLimit: rowLimit).context
        guard let html = library.render(context, withTemplate: Self.financeTemplateName) else {
            throw ReportError(.templates, "\(templates.origin) has no \(Self.financeTemplateName).mustache")
        }
        return Array(html.utf8)
    }

    /// The pages of the full inventory and findings (`pages/…`), when `report.html` shows only their
    /// first `rowLimit` rows; each handed to `take` as soon as it is rendered.
    func renderPages(_ model: ReportModel, into take: (String, [UInt8]) throws(ReportError) -> Void)
        throws(ReportError)
    {
        guard model.certificates.count > rowLimit || model.findings.count > rowLimit else { return }
        if model.certificates.count > rowLimit {
            try inventoryPager(model, library).render(Self.inventoryOrder(model), into: take)
        }
        if model.findings.count > rowLimit {
            try findingsPager(model, library).render(model.findings, into: take)
        }
    }

    private func inventoryPager(_ model: ReportModel, _ library: MustacheLibrary) -> HTMLPager<ReportCertificate> {
        HTMLPager(
            library: library,
            view: HTMLTableView(section: ReportCertificate.section, knownRules: [], rulePage: "../report.html"),
            title: HTMLPageNames.inventory, heading: "Inventory", order: "soonest expiry first",
            csvFile: ReportWriter.inventoryFile,
            pageSize: rowLimit, header: model.header)
    }

    private func findingsPager(_ model: ReportModel, _ library: MustacheLibrary) -> HTMLPager<ReportFinding> {
        HTMLPager(
            library: library,
            view: HTMLTableView(
                section: ReportFinding.section, knownRules: Set(model.rules.map(\.id)), rulePage: "../report.html"),
            title: HTMLPageNames.findings, heading: "Findings", order: "most severe first",
            csvFile: ReportWriter.findingsFile,
            pageSize: rowLimit, header: model.header)
    }

    /// The inventory as the HTML shows it, or its first `limit` certificates: soonest effective
    /// expiry first, certificates without one last, then by ID (equal IDs in their order).
    ///
    /// Sorted as one 64-bit number a certificate, its days (none last) above its position, and then
    /// each day's run by ID: the days, the IDs and the positions each in an array of their own held
    /// some 50 MB at a million certificates, the writing's peak, where this holds 8 MB and a day's IDs,
    /// and the order it returns 4 MB (positions as 32-bit numbers, as `ReportCertificates` keeps them).
    static func inventoryOrder(_ model: ReportModel, first limit: Int = .max) -> ReportCertificates {
        let certificates = model.certificates
        // A day is within about ±3.7 million of the as-of date (four-digit years): biased by 2³¹ it
        // sorts as an unsigned 32-bit number, below "none" (clamped, should one ever be further).
        var keys = certificates.indices.map { position in
            let day = certificates.daysToExpiry(at: position).map { (days: Int64) -> UInt32 in
                let bias: Int64 = 1 << 31
                return UInt32(min(max(days, -bias), bias - 2) + bias)
            }
            return UInt64(day ?? .max) << 32 | UInt64(position)
        }
        keys.sort()
        var order: [Int32] = []
        order.reserveCapacity(min(limit, keys.count))
        var start = keys.startIndex
        while start < keys.endIndex, order.count < limit {
            var end = start + 1
            while end < keys.endIndex, keys[end] >> 32 == keys[start] >> 32 { end += 1 }
            let run = keys[start..<end].map { Int($0 & 0xFFFF_FFFF) }
            let ids = run.map(certificates.id(at:))
            let byID = run.indices.sorted { (ids[$0], run[$0]) < (ids[$1], run[$1]) }
            order += byID.prefix(limit - order.count).map { Int32(run[$0]) }
            start = end
        }
        keys = []
        return certificates.reordered(order)
    }

    /// Every `*.mustache` file, registered by its relative path without the extension
    /// (`partials/summary`), in sorted order so loading is deterministic.
    private static func loadLibrary(_ templates: ReportTemplates) throws(ReportError) -> MustacheLibrary {
        var library = MustacheLibrary()
        for file in try templates.mustacheFiles() {
            do {
                try library.register(file.text, named: String(file.path.dropLast(".mustache".count)))
            } catch {
                throw ReportError(.templates, "template \(file.path) in \(templates.origin) does not parse: \(error)")
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
        "operations.denied": "operations denied", "findings.accepted": "findings accepted",
    ]

    func context(for model: ReportModel) -> ReportView {
        let header = model.header
        let rulesByID = Set(model.rules.map(\.id))
        // Made once here: the groups below read them five times.
        let shownFindings = Array(model.findings.prefix(rowLimit))
        let findingView = HTMLTableView(section: ReportFinding.section, knownRules: rulesByID)
        let inventoryView = HTMLTableView(section: ReportCertificate.section, knownRules: rulesByID)
        let operationView = HTMLTableView(section: ReportOperation.section, knownRules: rulesByID)
        let severities = ["critical", "high", "medium", "low", "info"]
        let findingGroups = severities.compactMap { severity -> FindingGroupView? in
            let items = shownFindings.filter { $0.severity == severity }
            guard !items.isEmpty else { return nil }
            return FindingGroupView(
                severity: severity, count: items.count,
                findings: items.map { finding in
                    FindingView(
                        rule: finding.rule, severity: finding.severity, message: finding.message,
                        hasRule: rulesByID.contains(finding.rule), details: findingView.details(finding),
                        isNew: finding.change == "new", accepted: finding.acceptance == "accepted",
                        lapsed: finding.acceptance == "lapsed", acceptedBy: finding.acceptedBy ?? "",
                        acceptedUntil: finding.acceptedUntil ?? "",
                        acceptanceReason: finding.acceptanceReason ?? "")
                })
        }
        let inventory = Self.inventoryOrder(model, first: rowLimit).map(inventoryView.row)
        // The next 90 days of the timeline, grouped by date.
        let cutoff = model.timelineCutoff
        let upcoming = Array(model.timeline.lazy.prefix { $0.date.description <= cutoff }.prefix(rowLimit))
        let shownEvents = upcoming.count
        var timelineDays: [TimelineDayView] = []
        var day: (date: String, events: [TimelineEventView])?
        for event in upcoming {
            let date = event.date.description
            let amount = event.amountFen.map { Money(fen: $0).description }
            let row = TimelineEventView(
                kind: event.kind.rawValue, subject: ReportText.clean(event.certificateID ?? event.accountID) ?? "",
                resource: ReportText.clean(event.resourceID) ?? "", hasResource: event.resourceID != nil,
                amount: amount ?? "", hasAmount: amount != nil, detail: ReportText.clean(event.detail),
                hasDetail: !event.detail.isEmpty)
            if day?.date == date {
                day?.events.append(row)
            } else {
                if let day { timelineDays.append(TimelineDayView(date: day.date, events: day.events)) }
                day = (date, [row])
            }
        }
        if let day { timelineDays.append(TimelineDayView(date: day.date, events: day.events)) }
        let counts = Dictionary(
            uniqueKeysWithValues: model.summary.map { ($0.name.replacingOccurrences(of: ".", with: "_"), $0.value) })
        let acceptances = model.acceptances.map { acceptance in
            AcceptanceView(
                line: acceptance.line, status: acceptance.status,
                names: acceptance.key
                    ?? [acceptance.rule, acceptance.certificate].compactMap { $0 }.joined(separator: " "),
                acceptedBy: acceptance.acceptedBy, until: acceptance.until, reason: acceptance.reason,
                matches: acceptance.matches)
        }
        // "Since the last run": new, then resolved findings (open ones only in changes.csv: they are
        // the findings list), certificates and operations that changed.
        let changes = model.changes
        let changed = changes.findings.prefix(min(rowLimit, changes.count("new") + changes.count("resolved")))
        return ReportView(
            generator: header.generator, asOf: header.asOf, asOfDate: model.asOfDate,
            timezone: header.timeZone, horizonDays: header.horizonDays, schemaVersion: header.schemaVersion,
            counts: counts,
            summary: model.summary.map {
                SummaryCountView(name: $0.name, label: Self.summaryLabels[$0.name] ?? $0.name, value: $0.value)
            },
            findingGroups: findingGroups, hasFindings: !model.findings.isEmpty,
            findingsTruncated: model.findings.count > rowLimit, findingsShown: shownFindings.count,
            findingsTotal: model.findings.count,
            rules: model.rules.map { rule in
                RuleView(
                    id: rule.id, title: rule.title, severity: rule.severity, citation: rule.citation,
                    sources: rule.sources.enumerated().map { index, source in RuleSourceView(source, index: index) },
                    summary: rule.summary, status: rule.status, statusNote: rule.statusNote,
                    hasStatusNote: !rule.statusNote.isEmpty)
            },
            hasRules: !model.rules.isEmpty,
            timelineDays: timelineDays, hasTimeline: !timelineDays.isEmpty,
            timelineTruncated: model.timeline.count > shownEvents, timelineShown: shownEvents,
            outagesTruncated: model.outages.count > rowLimit, outagesShown: min(rowLimit, model.outages.count),
            outagesTotal: model.outages.count,
            outages: model.outages.prefix(rowLimit).map { outage in
                OutageView(
                    date: outage.date, resourceType: outage.resourceType, resource: outage.resource,
                    certificate: outage.certificate, causes: outage.causes, underWay: outage.underWay)
            },
            hasOutages: !model.outages.isEmpty,
            calendar: OutageCalendar(outages: model.outages, weeks: model.expiryWeeks.map(\.start)).context,
            inventoryPages: model.certificates.count > rowLimit ? HTMLPageNames.firstPage(HTMLPageNames.inventory) : "",
            findingsPages: model.findings.count > rowLimit ? HTMLPageNames.firstPage(HTMLPageNames.findings) : "",
            inventory: inventory, inventoryHeadings: inventoryView.headings,
            hasInventory: !model.certificates.isEmpty,
            inventoryTruncated: model.certificates.count > rowLimit, inventoryShown: inventory.count,
            inventoryTotal: model.certificates.count,
            quarantine: model.quarantine.map(QuarantineRowView.init),
            hasQuarantine: !model.quarantine.isEmpty,
            operations: model.operations.prefix(rowLimit).map(operationView.row),
            operationHeadings: operationView.headings,
            hasOperations: !model.operations.isEmpty,
            operationsTruncated: model.operations.count > rowLimit,
            operationsShown: min(rowLimit, model.operations.count), operationsTotal: model.operations.count,
            inputs: model.inputs.map(InputView.init),
            settings: model.settings.map { SettingView(name: $0.name, value: $0.value) },
            chart: ExpiryChart(weeks: model.expiryWeeks, alreadyExpired: model.alreadyExpired).context,
            acceptances: acceptances, hasAcceptances: !acceptances.isEmpty,
            changesCompared: changes.compared, changesNew: changes.count("new"),
            changesResolved: changes.count("resolved"), changesOpen: changes.count("open"),
            changesBaselineAsOf: changes.baselineAsOf ?? "",
            changedFindings: changed.map(ChangedFindingView.init), hasChangedFindings: !changed.isEmpty,
            changedCertificates: changes.certificates.prefix(rowLimit).map(ChangedCertificateView.init),
            hasChangedCertificates: !changes.certificates.isEmpty,
            changedOperations: changes.operations.prefix(rowLimit).map(ChangedOperationView.init),
            hasChangedOperations: !changes.operations.isEmpty,
            changesNote: changes.note)
    }
}
