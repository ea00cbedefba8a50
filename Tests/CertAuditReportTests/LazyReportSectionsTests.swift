import CertAuditCore
import Testing

@testable import CertAuditReport

/// Issue 10: the inventory and the findings are made row by row as they are read
/// (`ReportCertificates`, `ReportFindings`). Every row must be exactly the row the model made eagerly
/// before: the estate sorted by ID and line and `ReportModel.certificate` on each, the findings
/// sorted and `ReportModel.finding` on each, and after a comparison each finding's change and
/// first-seen date looked up by key in the comparison's findings.
struct LazyReportSectionsTests {
    /// An estate made from the hostile fixtures' parts, `count` certificates: repeated IDs (told
    /// apart by line, given in no particular order), with and without bundles, expiries spread over
    /// the horizon and past it, resources bound to some; and findings of every severity about them,
    /// with exact repeats. With `renewedEvery`, every so many certificates have another ID and
    /// fingerprint (the same names): the previous run of a certificate renewed since.
    static func estate(_ count: Int, renewedEvery renewal: Int = 0) -> Estate {
        var certificates: [Certificate] = []
        var resources: [ResourceRecord] = []
        for index in 0..<count {
            // Lines in a scrambled order; every seventh certificate shares its ID with another.
            let line = 2 + (index * 37) % count
            let renewed = renewal > 0 && index % renewal == 0
            let id = renewed ? "old-\(index)" : index % 7 == 0 ? "cert-\(index / 7)" : "cert-\(index)"
            var record = CertificateRecord(line: line, id: id)
            record.alias = index % 5 == 0 ? ReportFixtures.scriptAlias : "alias \(index)"
            record.brand = index % 3 == 0 ? ReportFixtures.quoteBrand : nil
            let hex = String(index, radix: 16)
            let fingerprint = String(repeating: renewed ? "f" : "0", count: 64 - hex.count) + hex
            let bundle = BundleFacts(
                leaf: ReportFixtures.facts(
                    subject: index % 4 == 0 ? ReportFixtures.controlSubject : "CN=host\(index)",
                    notAfterDays: Int64(index * 13 % 500) - 60, fingerprint: fingerprint),
                others: [], isInChainOrder: index % 2 == 0, key: .absent,
                chain: ChainVerdict(status: index % 3 == 0 ? .incomplete : .complete, length: 1 + index % 3))
            if index % 6 == 5 { record.claimedNotAfter = ReportFixtures.instant(daysFromAsOf: Int64(index)) }
            certificates.append(Certificate(record: record, bundle: index % 6 == 5 ? nil : bundle))
            if index % 4 == 1 {
                resources.append(
                    ResourceRecord(line: index, id: "lb-\(index)", type: ResourceType("clb"), certificateID: id))
            }
        }
        return Estate(certificates: certificates, resources: resources)
    }

    static func findings(_ count: Int, dropEvery drop: Int = 0) -> [Finding] {
        let rules: [RuleID] = [.certExpiring, .certExpired, RuleID(rawValue: "UNKNOWN-RULE")]
        var findings: [Finding] = []
        for index in 0..<count where drop == 0 || index % drop != 0 {
            let severity = Severity.allCases[index % Severity.allCases.count]
            findings.append(
                Finding(
                    ruleID: rules[index % rules.count], severity: severity, certificateID: "cert-\(index % 40)",
                    resourceID: index % 9 == 0 ? "lb-\(index)" : nil,
                    date: index % 2 == 0 ? ReportFixtures.settings.asOfDate + Int64(index) : nil,
                    message: index % 10 == 0 ? ReportFixtures.formulaMessage : "finding \(index)",
                    aspect: "aspect-\(index)"))
        }
        // Two findings equal in every field: the sort must keep them (and their rows) as they were.
        findings.append(findings[1])
        return findings
    }

    /// In force for one rule about one certificate, lapsed for one finding's key.
    static func acceptance(_ findings: [Finding]) -> AcceptanceReview {
        AcceptanceReview(
            findings: findings,
            accepted: [
                AcceptedRisk(
                    line: 2, ruleID: RuleID.certExpiring.rawValue, certificateID: "cert-3", reason: "known <b>",
                    acceptedBy: "ops", until: ReportFixtures.settings.asOfDate + 30),
                AcceptedRisk(
                    line: 3, findingKey: findings[4].key, reason: "=lapsed", acceptedBy: "sec",
                    until: ReportFixtures.settings.asOfDate - 1),
            ],
            on: ReportFixtures.settings.asOfDate)
    }

    /// `accepted` picks the accepted findings by their places (`acceptance`): the fixture's own
    /// findings unless given.
    static func model(_ estate: Estate, _ findings: [Finding], accepted: [Finding]? = nil) -> ReportModel {
        ReportModel(
            estate: estate, findings: findings, settings: ReportFixtures.settings, rules: ReportFixtures.rules,
            runSettings: [], acceptance: acceptance(accepted ?? findings))
    }

    /// The rows as the model built them before they were lazy.
    static func eagerCertificates(_ estate: Estate) -> [ReportCertificate] {
        estate.certificates.sorted { ($0.id, $0.record.line) < ($1.id, $1.record.line) }.map {
            ReportModel.certificate($0, bound: estate.resources(boundTo: $0.id), settings: ReportFixtures.settings)
        }
    }

    static func eagerFindings(_ findings: [Finding], changes: ReportChanges? = nil) -> [ReportFinding] {
        let review = acceptance(findings)
        var rows = findings.sorted().map {
            ReportModel.finding(
                $0, firstSeen: ReportFixtures.settings.asOfDate.description, acceptance: review.acceptance(of: $0))
        }
        guard let changes else { return rows }
        let byKey = Dictionary(changes.findings.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for index in rows.indices {
            guard let change = byKey[rows[index].key] else { continue }
            rows[index].change = change.change
            rows[index].firstSeen = change.firstSeen
        }
        return rows
    }

    @Test func theLazySectionsGiveTheRowsTheEagerModelGave() {
        let estate = Self.estate(300)
        let findings = Self.findings(500)
        let model = Self.model(estate, findings)
        let certificates = Self.eagerCertificates(estate)
        let rows = Self.eagerFindings(findings)
        #expect(model.certificates.count == 300 && model.findings.count == 501)
        #expect(Array(model.certificates) == certificates)
        #expect(Array(model.findings) == rows)
        // Handed in report order, as a run hands them (not sorted again), the rows are the same.
        #expect(!Finding.areInReportOrder(findings) && Finding.areInReportOrder(findings.sorted()))
        #expect(Array(Self.model(estate, findings.sorted(), accepted: findings).findings) == rows)
        // Read by position, in any order, a row is the same each time.
        for position in [299, 0, 150, 0] {
            #expect(model.certificates[position] == certificates[position])
        }
        #expect(model.findings[500] == rows[500] && model.findings[3] == rows[3])
        // The fixture covers what it means to: acceptances, repeated IDs, certificates without a bundle.
        #expect(rows.contains { $0.acceptance == "accepted" } && rows.contains { $0.acceptance == "lapsed" })
        #expect(Set(certificates.map(\.id)).count < certificates.count)
        #expect(certificates.contains { $0.chainStatus == "not-checked" })
    }

    /// The previous run had other certificates (renewed: new fingerprints) and findings (some
    /// resolved since, some new now): the rows after the comparison are the eager rows with the
    /// changes looked up by key, and the changes are those of the comparison on eager rows.
    /// The previous run's report as a baseline: other certificates (renewed: new fingerprints, one
    /// retired) and findings (some resolved since, some new now), first seen on various dates.
    static func baseline() -> Baseline {
        let previous = Self.model(Self.estate(280, renewedEvery: 3), Self.findings(520, dropEvery: 7))
        return Baseline(
            asOf: previous.header.asOf, timeZone: previous.header.timeZone, sha256: "abc",
            findings: BaselineFindings(
                previous.findings.map {
                    Baseline.Finding(
                        key: $0.key, rule: $0.rule, severity: $0.severity, certificate: $0.certificate,
                        resource: $0.resource, package: $0.package, firstSeen: "2026-01-0\($0.key.count % 9 + 1)")
                }),
            certificates: previous.certificates.map {
                Baseline.Certificate(id: $0.id, fingerprint: $0.fingerprint, names: RunComparison.names($0))
            } + [Baseline.Certificate(id: "retired")])
    }

    /// A run compared with `baseline()`: every kind of change.
    static func comparedModel() -> ReportModel {
        var model = Self.model(Self.estate(300), Self.findings(500, dropEvery: 11))
        model.compare(with: .usable(baseline()))
        return model
    }

    /// The changes' findings, read a group at a time (`changed`), are the groups their filter gives,
    /// new then resolved then open; each group's count is its length.
    @Test func theChangedFindingsComeInTheirGroups() {
        let changes = Self.comparedModel().changes.findings
        var all: [ReportChanges.Finding] = []
        for change in ["new", "resolved", "open"] {
            let group = Array(changes.changed(change))
            #expect(group == changes.filter { $0.change == change }, "\(change)")
            #expect(group.count == changes.count(change) && !group.isEmpty, "\(change)")
            #expect(group.map(\.key) == group.map(\.key).sorted(), "\(change)")
            all += group
        }
        #expect(all == Array(changes))
        #expect(changes.changed("renewed").isEmpty && changes.count("renewed") == 0)
        #expect(ReportChangedFindings().isEmpty)
    }

    @Test func afterAComparisonTheRowsCarryTheChangesTheEagerModelGave() throws {
        let baseline = Self.baseline()
        let estate = Self.estate(300)
        let findings = Self.findings(500, dropEvery: 11)
        var model = Self.model(estate, findings)
        model.compare(with: .usable(baseline))

        let certificates = Self.eagerCertificates(estate)
        let eagerChanges = RunComparison.compare(
            baseline.findings, Self.eagerFindings(findings), asOfDate: model.asOfDate)
        #expect(Array(model.changes.findings) == eagerChanges)
        #expect(model.changes.certificates == RunComparison.compare(baseline.certificates, certificates))
        #expect(Array(model.findings) == Self.eagerFindings(findings, changes: model.changes))
        #expect(Array(model.certificates) == certificates)
        // The fixture covers what it means to: every kind of change.
        for change in ["new", "open", "resolved"] { #expect(model.changes.count(change) > 0, "\(change)") }
        #expect(Set(model.changes.certificates.map(\.change)) == ["added", "removed", "renewed"])
        #expect(model.findings.contains { $0.firstSeen != model.asOfDate })
    }

    @Test func aComparisonThatCannotBeMadeLeavesTheRowsAsTheyWere() {
        let findings = Self.findings(60)
        var model = Self.model(Self.estate(20), findings)
        model.compare(with: .unusable(note: "broken"))
        #expect(Array(model.findings) == Self.eagerFindings(findings))
    }

    /// The readers that sort or count without making rows read what the rows hold.
    @Test func theCheapReadersAgreeWithTheRows() {
        let estate = Self.estate(120)
        let findings = Self.findings(200)
        var model = Self.model(estate, findings)
        let certificates = model.certificates
        for position in certificates.indices {
            let row = certificates[position]
            #expect(certificates.id(at: position) == row.id)
            #expect(certificates.daysToExpiry(at: position) == row.daysToExpiry)
            #expect(certificates.fingerprint(at: position) == row.fingerprint)
            #expect(certificates.heldFingerprint(at: position)?.text == row.fingerprint)
            #expect(
                certificates.gaugeFacts(at: position)
                    == CertificateGaugeFacts(
                        id: row.id, serial: row.serial, subject: row.subject, issuer: row.issuer,
                        notBeforeSeconds: row.notBeforeSeconds, notAfterSeconds: row.notAfterSeconds))
        }
        let reversed = certificates.reordered(certificates.indices.reversed())
        #expect(Array(reversed) == Array(certificates).reversed())
        model.compare(with: .usable(Baseline(asOf: model.header.asOf, timeZone: "Asia/Shanghai", sha256: "")))
        for position in model.findings.indices {
            let row = model.findings[position]
            #expect(model.findings.rule(at: position) == row.rule)
            #expect(model.findings.severity(at: position) == row.severity)
            #expect(model.findings.change(at: position) == row.change)
            #expect(model.findings.key(at: position) == row.key)
        }
        #expect(model.findings.contains { $0.change == "new" })
    }
}
