public import CertAuditCore
public import CertAuditSimulation

/// Everything a report shows, built once by a pure function and fully sorted, so that HTML, XML and
/// CSV read the same values in the same order and can never disagree.
///
/// Every text from the inputs is cleaned by `ReportText` (XML-illegal control characters become
/// U+FFFD) here, once, for all renderers. Sort orders: inputs by name; settings as given by the
/// caller; certificates by ID, then inventory line; SANs by type, then value; bound resources by ID,
/// then type; findings by `Finding`'s `<`; quarantine by input, line, column, reason; rules by ID;
/// timeline in the simulation's order (by date, then the step of the day); outages by date, then
/// resource; accounts and packages by ID; operations by request time, then line; acceptances by
/// line of accepted.csv; changes as `RunComparison` orders them.
///
/// The timeline, entitlements and operations sections are empty until the simulation, entitlement
/// and operations stages pass their values in; their elements are always written, empty or not.
///
/// The two largest sections, the inventory and the findings, are not held as rows: `certificates`
/// and `findings` make each row when a renderer reads it and drop it after (`ReportCertificates`,
/// `ReportFindings` say what they hold instead), so the model adds a few bytes per certificate and
/// finding to the estate and the rules' findings rather than a second, all-string copy of both.
public struct ReportModel: Sendable {
    public let header: ReportHeader
    public let inputs: [ReportInput]
    public let settings: [ReportSetting]
    public let summary: [ReportCount]
    /// The inventory, each row made as it is read.
    public let certificates: ReportCertificates
    /// Each with its key, first-seen date and acceptance; `compare(with:)` fills in what changed.
    /// Each row made as it is read.
    public private(set) var findings: ReportFindings
    /// Every row of accepted.csv and what it came to, by line.
    public let acceptances: [ReportAcceptance]
    /// What changed since the last run; "no baseline" until `compare(with:)` is given one.
    public private(set) var changes: ReportChanges
    public let quarantine: [ReportQuarantineRecord]
    /// The simulation's events (not copied: `TimelineEvent.reportSection` reads and cleans them as
    /// they are written).
    public let timeline: Timeline
    /// Every resource outage, under way or predicted (the outage calendar).
    public let outages: ReportOutages
    public let accounts: [ReportAccount]
    public let packages: [ReportPackage]
    /// What renewals cost by month, account and policy, over the forecast horizon (issue 9).
    public let forecast: [ReportForecastMonth]
    /// The forecast's first and last month, `YYYY-MM` (empty without a forecast).
    public let forecastMonths: (first: String, last: String)
    /// Each account's money and points over the horizon, by account ID.
    public let accountHistory: [ReportAccountHistory]
    /// Points ledger rows (`ledger.csv`), by package, time and line.
    public let ledger: [ReportLedgerRow]
    public let operations: [ReportOperation]
    /// The rule reference the HTML links findings to.
    public let rules: [ReportRule]
    /// Certificates expiring in each week of the horizon (the HTML chart).
    public let expiryWeeks: [ReportExpiryWeek]
    /// Certificates whose effective expiry is already past at the as-of date.
    public let alreadyExpired: Int
    /// The as-of local date, `YYYY-MM-DD`.
    public let asOfDate: String
    /// The as-of time in seconds since 1970 (the metrics' relative gauges are measured from it).
    public let asOfSeconds: Int64
    /// The last date of the HTML's "next 90 days" (the as-of date plus 89 days), `YYYY-MM-DD`.
    public let timelineCutoff: String

    public init(
        estate: Estate, findings: [Finding], settings: AuditSettings, rules: [RuleDescriptor],
        runSettings: [(name: String, value: String)], toolVersion: String = ToolVersion.current,
        timeline: Timeline = Timeline(), outages: [Outage] = [], accounts: [ReportAccount] = [],
        packages: [ReportPackage] = [], forecast: RenewalForecast? = nil,
        accountHistory: [String: [AccountFigures]] = [:],
        operations: [OperationVerdict] = [], acceptance: AcceptanceReview = AcceptanceReview()
    ) {
        header = ReportHeader(
            schemaVersion: ReportHeader.schemaVersion, generator: "certaudit \(toolVersion)",
            asOf: settings.timeZone.iso8601(settings.asOf), timeZone: settings.timeZone.identifier,
            horizonDays: settings.horizonDays)
        asOfDate = settings.asOfDate.description
        asOfSeconds = settings.asOf.secondsSinceEpoch
        timelineCutoff = (settings.asOfDate + 89).description
        inputs = estate.inputs.sorted().map {
            ReportInput(
                name: ReportText.clean($0.name), sha256: $0.sha256, rows: $0.rows, accepted: $0.accepted,
                quarantined: $0.quarantined, encoding: ReportText.clean($0.encoding),
                notes: $0.notes.map { ReportText.clean($0) })
        }
        self.settings = runSettings.map {
            ReportSetting(name: ReportText.clean($0.name), value: ReportText.clean($0.value))
        }

        certificates = ReportCertificates(estate: estate, settings: settings)
        self.findings = ReportFindings(
            findings: findings, acceptance: acceptance, asOfDate: settings.asOfDate.description)
        acceptances = acceptance.rows.map { row in
            let risk = row.risk
            return ReportAcceptance(
                line: risk.line, key: ReportText.clean(risk.findingKey?.text), rule: ReportText.clean(risk.ruleID),
                certificate: ReportText.clean(risk.certificateID), acceptedBy: ReportText.clean(risk.acceptedBy),
                until: risk.until.description, reason: ReportText.clean(risk.reason), status: row.standing.rawValue,
                matches: row.matches)
        }
        changes = ReportChanges.notCompared(.absent(note: ReportModel.noBaselineNote))
        quarantine = estate.quarantine.sorted().map {
            ReportQuarantineRecord(
                input: ReportText.clean($0.input), line: $0.line, column: $0.column,
                reason: ReportText.clean($0.reason),
                certificate: ReportText.clean($0.certificateID), rule: ReportText.clean($0.ruleID?.rawValue))
        }
        self.timeline = timeline
        let asOfDate = settings.asOfDate
        self.outages = ReportOutages(outages, asOf: asOfDate)
        self.accounts = accounts.sorted { $0.id < $1.id }
        self.packages = packages.sorted { $0.id < $1.id }
        self.forecast = (forecast?.months ?? []).map {
            ReportForecastMonth(
                month: $0.month, account: ReportText.clean($0.accountID), policy: $0.policy.rawValue,
                renewals: $0.renewals, unpriced: $0.unpriced, amount: $0.amount, points: $0.points)
        }
        forecastMonths = (forecast?.firstMonth ?? "", forecast?.lastMonth ?? "")
        let start = settings.asOfDate
        self.accountHistory = accountHistory.keys.sorted().map { account in
            ReportAccountHistory(
                account: ReportText.clean(account),
                points: (accountHistory[account] ?? []).map {
                    ReportAccountHistory.Point(
                        day: Int($0.date - start), date: $0.date.description, balance: $0.balance, points: $0.points)
                })
        }
        ledger = estate.lifecycle.ledger.sorted { ($0.packageID, $0.at, $0.line) < ($1.packageID, $1.at, $1.line) }
            .map { entry in
                let local = settings.timeZone.iso8601(entry.at)
                return ReportLedgerRow(
                    date: String(local.prefix(10)), time: String(local.dropFirst(11).prefix(8)),
                    package: ReportText.clean(entry.packageID), kind: entry.kind.rawValue,
                    points: entry.points.description, counterparty: ReportText.clean(entry.counterparty),
                    code: ReportText.clean(entry.code), certificate: ReportText.clean(entry.certificateID),
                    transferStatus: entry.transferStatus?.rawValue, line: entry.line)
            }
        self.operations = operations.sorted {
            ($0.operation.requestedAt, $0.operation.line) < ($1.operation.requestedAt, $1.operation.line)
        }.map { ReportModel.operation($0, zone: settings.timeZone) }
        self.rules = rules.sorted { $0.id < $1.id }.map {
            ReportRule(
                id: ReportText.clean($0.id.rawValue), title: ReportText.clean($0.title),
                severity: $0.defaultSeverity.rawValue,
                citation: ReportText.clean($0.citation),
                sources: $0.citations.map { ReportRuleSource(text: ReportText.clean($0.text), address: $0.address) },
                summary: ReportText.clean($0.summary),
                status: $0.status.rawValue,
                statusNote: $0.status == .implemented ? "" : ReportText.clean($0.statusNote) ?? "")
        }

        var counts = [
            ReportCount(name: "certificates", value: estate.certificates.count),
            ReportCount(name: "resources", value: estate.resources.count),
            ReportCount(name: "quarantined", value: estate.quarantine.count),
        ]
        // One pass, each finding read in place: a pass per severity copied every finding five times
        // over (millions of retains and releases at a million certificates).
        var bySeverity: [Severity: Int] = [:]
        var accepted = 0
        for index in findings.indices {
            bySeverity[findings[index].severity, default: 0] += 1
            if acceptance.excuses(findings[index]) { accepted += 1 }
        }
        for severity in Severity.allCases.reversed() {
            counts.append(ReportCount(name: "findings.\(severity.rawValue)", value: bySeverity[severity] ?? 0))
        }
        counts.append(ReportCount(name: "findings", value: findings.count))
        counts.append(ReportCount(name: "findings.accepted", value: accepted))
        counts.append(ReportCount(name: "operations", value: operations.count))
        counts.append(ReportCount(name: "operations.denied", value: operations.count { !$0.isAllowed }))
        summary = counts

        let weekCount = max(0, (settings.horizonDays + 6) / 7)
        var perWeek = [Int](repeating: 0, count: weekCount)
        var expired = 0
        for position in certificates.indices {
            guard let days = certificates.daysToExpiry(at: position) else { continue }
            if days < 0 {
                expired += 1
            } else if days < Int64(settings.horizonDays) {
                perWeek[Int(days / 7)] += 1
            }
        }
        alreadyExpired = expired
        expiryWeeks = perWeek.enumerated().map {
            ReportExpiryWeek(start: (start + Int64($0.offset * 7)).description, count: $0.element)
        }
    }

    /// The note of a run with no previous report to compare with.
    public static let noBaselineNote =
        "No previous report.xml to compare with (the first run in this output folder): nothing compared."

    /// Compares this run with the previous report: fills in `changes`, and each finding's `change`
    /// and first-seen date (carried from the baseline for a finding still open). A baseline that
    /// cannot be used leaves the findings as they are and says why.
    public mutating func compare(with baseline: BaselineStatus) {
        guard case .usable(let previous) = baseline else {
            changes = ReportChanges.notCompared(baseline)
            return
        }
        changes = RunComparison.compare(
            previous, findings: &findings, certificates: certificates, operations: operations, asOfDate: asOfDate)
    }

    /// The number of findings of a severity, as the summary counts it.
    public func count(named name: String) -> Int? {
        summary.first { $0.name == name }?.value
    }

    /// The entitlements section: each account's balance at the as-of time and first shortfall, each
    /// package's figures and what it forfeits within the horizon.
    public static func entitlements(
        _ lifecycle: LifecycleInputs, shortfallDates: [String: LocalDate], forfeits: [String: Points],
        zone: RunTimeZone
    ) -> (accounts: [ReportAccount], packages: [ReportPackage]) {
        let accounts = lifecycle.accounts.map {
            ReportAccount(
                id: ReportText.clean($0.id), balance: $0.balanceFen.map { Money(fen: $0).description },
                shortfallDate: shortfallDates[$0.id]?.description)
        }
        let packages = lifecycle.packages.map {
            ReportPackage(
                id: ReportText.clean($0.id), name: ReportText.clean($0.name), account: ReportText.clean($0.accountID),
                total: $0.totalPoints?.description, remaining: $0.remainingPoints?.description,
                expires: $0.expiresAt.map { zone.localDate(of: $0).description }, status: $0.status?.rawValue,
                forfeit: (forfeits[$0.id] ?? .zero).description)
        }
        return (accounts, packages)
    }

    static func certificate(_ certificate: Certificate, bound: [ResourceRecord], settings: AuditSettings)
        -> ReportCertificate
    {
        let record = certificate.record
        let zone = settings.timeZone
        let leaf = certificate.leaf
        let bundle = certificate.bundle
        let key = bundle.map {
            ReportKey(
                algorithm: $0.leaf.publicKey.algorithm.rawValue, bits: $0.leaf.publicKey.bits,
                curve: ReportText.clean($0.leaf.publicKey.curve), present: $0.key.present, matches: $0.key.matchesLeaf)
        }
        let sans = (leaf?.subjectAltNames ?? []).sorted().map {
            ReportSAN(type: $0.kind.rawValue, value: ReportText.clean($0.value))
        }
        let resources = bound.map {
            ReportBoundResource(id: ReportText.clean($0.id), type: ReportText.clean($0.type.name))
        }
        .sorted { ($0.id, $0.type) < ($1.id, $1.type) }
        let chain = bundle?.chain ?? .notChecked
        return ReportCertificate(
            id: ReportText.clean(record.id), alias: ReportText.clean(record.alias), source: record.source.rawValue,
            type: record.kind.rawValue, standard: record.standard.rawValue, status: record.status?.rawValue,
            brand: ReportText.clean(record.brand), product: record.product?.rawValue,
            project: ReportText.clean(record.project),
            subject: ReportText.clean(leaf?.subject), issuer: ReportText.clean(leaf?.issuer),
            serial: ReportText.clean(leaf?.serialHex), notBefore: leaf.map { zone.iso8601($0.notBefore) },
            notAfter: certificate.notAfter.map { zone.iso8601($0) },
            notBeforeSeconds: leaf?.notBefore.secondsSinceEpoch,
            notAfterSeconds: certificate.notAfter?.secondsSinceEpoch,
            daysToExpiry: certificate.effectiveExpiry.map { settings.daysToExpiry($0) },
            fingerprint: leaf?.fingerprintSHA256, key: key,
            signatureAlgorithm: ReportText.clean(leaf?.signatureAlgorithm), sans: sans,
            chainStatus: chain.status.rawValue, chainLength: chain.length, resources: resources)
    }

    static func operation(_ verdict: OperationVerdict, zone: RunTimeZone) -> ReportOperation {
        let operation = verdict.operation
        return ReportOperation(
            requestedAt: zone.iso8601(operation.requestedAt), line: operation.line,
            certificate: ReportText.clean(operation.certificateID), kind: operation.kind.rawValue,
            requestedBy: ReportText.clean(operation.requestedBy), verdict: verdict.isAllowed ? "allowed" : "denied",
            rule: verdict.denials.first.map { ReportText.clean($0.ruleID.rawValue) },
            reasons: verdict.reasons.map {
                ReportOperationReason(
                    rule: ReportText.clean($0.ruleID.rawValue), effect: $0.effect.rawValue,
                    message: ReportText.clean($0.message)
                )
            })
    }

    static func finding(_ finding: Finding, firstSeen: String, acceptance: AcceptanceReview.Acceptance?)
        -> ReportFinding
    {
        ReportFinding(
            rule: ReportText.clean(finding.ruleID.rawValue), severity: finding.severity.rawValue,
            certificate: ReportText.clean(finding.certificateID), resource: ReportText.clean(finding.resourceID),
            package: ReportText.clean(finding.packageID), date: finding.date?.description,
            message: ReportText.clean(finding.message), key: finding.key.text, firstSeen: firstSeen,
            acceptance: acceptance.map { $0.lapsed ? "lapsed" : "accepted" },
            acceptedBy: ReportText.clean(acceptance?.risk.acceptedBy),
            acceptedUntil: acceptance?.risk.until.description,
            acceptanceReason: ReportText.clean(acceptance?.risk.reason))
    }
}
