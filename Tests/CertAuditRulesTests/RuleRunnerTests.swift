import CertAuditCore
import Testing

@testable import CertAuditRules

struct RuleRunnerTests {
    /// An estate on which most rules fire, large enough to span several parallel chunks.
    static func busyEstate(count: Int) -> Estate {
        let certificates = (0..<count).map { index in
            ExampleEstate.certificate(
                "c\(index)",
                bundle: ExampleEstate.bundle(
                    ExampleEstate.leaf(
                        cn: index % 3 == 0 ? "other.example.com" : "www.example.com",
                        notAfter: ExampleEstate.day(Int64(index % 60) - 5), fingerprint: "f\(index % 7)")))
        }
        return Estate(certificates: certificates, resources: [ExampleEstate.resource(serving: "c1")])
    }

    /// A rule with effective dates applies to certificates issued (notBefore, UTC date) on or after
    /// its first date and before its last; a rule without dates, and a certificate without a bundle
    /// or an issue date, always.
    @Test func effectiveDatesGoByTheIssueDate() throws {
        let from = try #require(LocalDate(year: 2025, month: 3, day: 15))
        let until = try #require(LocalDate(year: 2026, month: 3, day: 15))
        func descriptor(from: LocalDate?, until: LocalDate?) -> RuleDescriptor {
            RuleDescriptor(
                id: RuleID(rawValue: "TEST-DATED"), title: "Dated", defaultSeverity: .info,
                citations: [.certauditAuditRule], summary: "Has effective dates.", effectiveFrom: from,
                effectiveUntil: until)
        }
        func issued(_ seconds: Int64?) -> Certificate {
            var record = CertificateRecord(line: 2, id: "dated")
            record.issuedAt = seconds.map(Instant.init(secondsSinceEpoch:))
            return Certificate(record: record)
        }
        func isEffective(_ descriptor: RuleDescriptor, for certificate: Certificate) -> Bool {
            CertificateCheck.isEffective(
                from: descriptor.effectiveFrom, until: descriptor.effectiveUntil, for: certificate)
        }
        let dated = descriptor(from: from, until: until)
        let fromMidnight: Int64 = 1_741_996_800  // 2025-03-15T00:00:00Z
        let untilMidnight: Int64 = 1_773_532_800  // 2026-03-15T00:00:00Z
        #expect(!isEffective(dated, for: issued(fromMidnight - 1)))
        #expect(isEffective(dated, for: issued(fromMidnight)))
        #expect(isEffective(dated, for: issued(untilMidnight - 1)))
        #expect(!isEffective(dated, for: issued(untilMidnight)))
        #expect(isEffective(dated, for: issued(nil)))
        #expect(isEffective(descriptor(from: nil, until: nil), for: issued(fromMidnight - 1)))
    }

    /// The runner asks a rule about a certificate only when the rule is in effect for it and applies
    /// to it, and keeps every finding the rule gives.
    @Test func aRuleIsCheckedOnlyWhereItIsInEffectAndApplies() throws {
        let from = try #require(LocalDate(year: 2025, month: 3, day: 15))
        let until = try #require(LocalDate(year: 2026, month: 3, day: 15))
        func issued(_ id: String, _ seconds: Int64) -> Certificate {
            var record = CertificateRecord(line: 2, id: id)
            record.issuedAt = Instant(secondsSinceEpoch: seconds)
            return Certificate(record: record)
        }
        let inside: Int64 = 1_760_000_000  // 2025-10-09
        let estate = Estate(certificates: [
            issued("applies-before", 1_741_996_799),  // 2025-03-14T23:59:59Z
            issued("applies-inside", inside),
            issued("applies-after", 1_773_532_800),  // 2026-03-15T00:00:00Z
            issued("other-inside", inside),
        ])
        let probe = ProbeRule(from: from, until: until)
        let findings = RuleRunner(rules: [probe], jobs: 2).run(
            RuleContext(estate: estate, settings: ExampleEstate.settings))
        #expect(findings.map(\.certificateID) == ["applies-inside", "applies-inside"])
        #expect(findings.map(\.message) == ["first", "second"])
    }

    /// Gives two findings on every certificate whose ID starts "applies", between its dates.
    struct ProbeRule: CertificateRule {
        let descriptor: RuleDescriptor
        let reads: [InputColumn] = []
        let examples = RuleExamples(passing: [], failing: [])

        init(from: LocalDate, until: LocalDate) {
            descriptor = RuleDescriptor(
                id: RuleID(rawValue: "TEST-PROBE"), title: "Probe", defaultSeverity: .info,
                citations: [.certauditAuditRule], summary: "Finds every certificate it is asked about.",
                effectiveFrom: from, effectiveUntil: until)
        }

        func applies(to certificate: Certificate, in context: RuleContext) -> Bool {
            certificate.id.hasPrefix("applies")
        }

        func check(_ certificate: Certificate, in context: RuleContext) -> [Finding] {
            ["first", "second"].map { finding($0, certificate: certificate.id, aspect: $0) }
        }
    }

    @Test func findingsAreSortedBySeverityThenRule() {
        let findings = RuleRunner().run(
            RuleContext(estate: Self.busyEstate(count: 50), settings: ExampleEstate.settings))
        #expect(!findings.isEmpty)
        #expect(findings == findings.sorted())
        #expect(findings.first?.severity == .high)
        #expect(findings.last?.severity == .medium)
    }

    @Test func parallelRunsGiveTheSameResult() {
        let context = RuleContext(estate: Self.busyEstate(count: 5_000), settings: ExampleEstate.settings)
        let first = RuleRunner(jobs: 1).run(context)
        let second = RuleRunner(jobs: 3).run(context)
        #expect(first == second)
        let duplicates = first.filter { $0.ruleID == .upDuplicate }
        #expect(duplicates.count == 5_000 - 7)
    }

    /// `--jobs` reaches the rule runner: one job checks one certificate at a time, however many
    /// chunks (2,048 certificates each) the estate spans and however many cores there are.
    @Test func theRunnerUsesNoMoreWorkersThanItsJobs() {
        let count = RuleRunner.chunkSize * 2 + 10
        let estate = Self.busyEstate(count: count)
        let starts = Set(stride(from: 0, to: count, by: RuleRunner.chunkSize).map { "c\($0)" })
        #expect(starts.count == 3)
        let context = RuleContext(estate: estate, settings: ExampleEstate.settings)
        for jobs in [1, 2] {
            let probe = ConcurrencyProbeRule(slow: starts)
            #expect(RuleRunner(rules: [probe], jobs: jobs).run(context).isEmpty)
            #expect(probe.meter.maximum >= 1, "jobs \(jobs): the probe never ran")
            #expect(probe.meter.maximum <= jobs, "jobs \(jobs): \(probe.meter.maximum) checks at once")
        }
    }

    @Test func severityOverridesApply() {
        var settings = ExampleEstate.settings
        settings.severityOverrides = [.certExpired: .info]
        let context = RuleContext(estate: Self.busyEstate(count: 10), settings: settings)
        let findings = RuleRunner().run(context)
        let expired = findings.filter { $0.ruleID == .certExpired }
        #expect(!expired.isEmpty)
        #expect(expired.allSatisfy { $0.severity == .info })
    }

    @Test func expiringThresholdUsesNaturalDaysInTheRunTimeZone() {
        // notAfter 2026-12-28T15:59:59Z is 23:59:59 on 2026-12-28 in Shanghai: 30 days after 2026-11-28.
        let notAfter = RunTimeZone.shanghai.instant(
            of: LocalDate(year: 2026, month: 12, day: 28)!, hour: 23, minute: 59, second: 59)
        let estate = Estate(certificates: [
            ExampleEstate.certificate(bundle: ExampleEstate.bundle(ExampleEstate.leaf(notAfter: notAfter)))
        ])
        let findings = RuleRunner(rules: [ExpiringRule()]).run(
            RuleContext(estate: estate, settings: ExampleEstate.settings))
        #expect(findings.count == 1)
        #expect(findings.first?.date == LocalDate(year: 2026, month: 12, day: 28))
        #expect(findings.first?.message.contains("30 days") == true)
    }

    @Test func aResourceNamingAQuarantinedCertificateSaysSo() {
        let quarantined = QuarantineRecord(
            input: "certificates.csv", line: 9, reason: "bad date", certificateID: "gone")
        let estate = Estate(
            certificates: [], resources: [ExampleEstate.resource(serving: "gone")], quarantine: [quarantined])
        let findings = RuleRunner(rules: [UnknownReferenceRule()]).run(
            RuleContext(estate: estate, settings: ExampleEstate.settings))
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("line 9") == true)
    }

    /// A ledger row for a package packages.csv does not hold, and a package whose account
    /// accounts.csv does not hold: INV-UNKNOWN-REFERENCE, naming file and line, with the package.
    @Test func unknownPackagesAndPackageAccountsAreReported() {
        var known = PackageRecord(line: 2, id: "pkg-a")
        known.accountID = "acct-1"
        var stranger = PackageRecord(line: 3, id: "pkg-b")
        stranger.accountID = "acct-9"
        let rows = [
            LedgerEntry(
                line: 2, at: ExampleEstate.settings.asOf, packageID: "pkg-a", kind: .purchase, points: Points(5)),
            LedgerEntry(
                line: 3, at: ExampleEstate.settings.asOf, packageID: "pkg-z", kind: .consume, points: Points(1)),
        ]
        let lifecycle = LifecycleInputs(
            accounts: [AccountRecord(line: 2, id: "acct-1", balanceFen: 0)], packages: [known, stranger], ledger: rows)
        let findings = RuleRunner(rules: [UnknownReferenceRule()]).run(
            RuleContext(estate: Estate(certificates: [], lifecycle: lifecycle), settings: ExampleEstate.settings))
        #expect(findings.map(\.packageID) == ["pkg-b", "pkg-z"])
        #expect(findings.allSatisfy { $0.ruleID == .invUnknownReference })
        #expect(findings[0].message.contains("packages.csv line 3") && findings[0].message.contains("acct-9"))
        #expect(findings[1].message.contains("points_ledger.csv line 3") && findings[1].message.contains("pkg-z"))
    }
}
