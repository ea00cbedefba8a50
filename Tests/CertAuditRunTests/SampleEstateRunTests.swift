import CertAuditCore
import CertAuditIngest
import CertAuditReport
import CertAuditRules
import CertAuditSimulation
import Foundation
import Testing

@testable import CertAuditRun

/// The default job end to end on the committed sample estate, at its fixed as-of time.
struct SampleEstateRunTests {
    static let asOf = RunTimeZone.shanghai.instant(of: LocalDate(year: 2026, month: 11, day: 28)!)

    static func options(output: URL, jobs: Int = 2, failOn: Severity? = nil) -> RunOptions {
        RunOptions(
            inputsDirectory: TestPaths.sampleInputs, outputDirectory: output.path,
            templatesDirectory: TestPaths.templates,
            settings: AuditSettings(asOf: asOf, failOn: failOn), jobs: jobs, useSystemTrustStore: false)
    }

    /// inputs/README.md and the repository README: 55 certificate rows, 51 in the estate (5 of them
    /// with a bad value they can do without) and 4 malformed, plus the malformed resource row.
    static let certificates = 51
    static let quarantined = 5
    static let operations = 34

    @Test func writesEveryReportAndTheXMLValidates() throws {
        let output = try TestPaths.scratch().appendingPathComponent("output")
        let summary = try AuditRun.execute(Self.options(output: output))
        let files = try TestPaths.contents(of: output)
        #expect(
            files.keys.sorted() == [
                "/SHA256SUMS", "/changes.csv", "/finance.html", "/findings.csv", "/forecast.csv", "/inventory.csv",
                "/ledger.csv", "/metrics.prom",
                "/operations.csv",
                "/report.html", "/report.xml", "/timeline.csv",
            ])
        for (name, bytes) in files { #expect(!bytes.isEmpty, "\(name) is empty") }
        let validator = XSDValidator(schemaPath: TestPaths.templates + "/report.xsd")
        try validator.validate(Array(try #require(files["/report.xml"])))
        #expect(summary.certificates == Self.certificates)
        #expect(summary.quarantined == Self.quarantined)
        #expect(summary.operations == Self.operations)
    }

    /// metrics.prom carries the sample's figures as inputs/README.md and the summary line give them:
    /// the counts, and findings that add up to the summary's; each certificate with a not-after date
    /// has its expiry gauges (scripts/test_metrics.py checks every value against inventory.csv with
    /// Prometheus's own parser).
    @Test func metricsCarryTheSampleFigures() throws {
        let expectations = try SampleExpectations.load()
        let output = try TestPaths.scratch().appendingPathComponent("output")
        let summary = try AuditRun.execute(Self.options(output: output))
        let text = try String(contentsOf: output.appendingPathComponent("metrics.prom"), encoding: .utf8)
        func values(_ name: String) -> [Int64] {
            text.split(separator: "\n").filter { $0.hasPrefix(name + "{") || $0.hasPrefix(name + " ") }
                .compactMap { $0.split(separator: " ").last.flatMap { Int64($0) } }
        }
        let report = try Self.publishedSample()
        let identified = text.split(separator: "\n").filter { $0.hasPrefix("x509_cert_not_after{certificate=\"") }
            .map { $0.dropFirst("x509_cert_not_after{certificate=\"".count).prefix { $0 != "\"" } }
        #expect(Set(identified.map(String.init)).isSubset(of: Set(report.chains.keys)))
        #expect(identified.count > Self.certificates / 2)
        #expect(values("x509_cert_expired").count == identified.count)
        #expect(values("certaudit_certificates") == [Int64(Self.certificates)])
        #expect(values("certaudit_quarantined_rows") == [Int64(Self.quarantined)])
        #expect(values("certaudit_operations_requested") == [Int64(Self.operations)])
        #expect(
            values("certaudit_operations_denied")
                == [Int64(expectations.operations.filter { $0.verdict == "denied" }.count)])
        #expect(values("certaudit_findings").reduce(0, +) == Int64(summary.findingsBySeverity.values.reduce(0, +)))
        #expect(values("certaudit_as_of_timestamp_seconds") == [Self.asOf.secondsSinceEpoch])
    }

    @Test func identicalInputsGiveIdenticalBytesAtAnyThreadCount() throws {
        let scratch = try TestPaths.scratch()
        let first = scratch.appendingPathComponent("one")
        let second = scratch.appendingPathComponent("two")
        _ = try AuditRun.execute(Self.options(output: first, jobs: 1))
        _ = try AuditRun.execute(Self.options(output: second, jobs: 4))
        let a = try TestPaths.contents(of: first)
        let b = try TestPaths.contents(of: second)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (name, bytes) in a { #expect(bytes == b[name], "\(name) differs between runs") }
    }

    /// Every rule fires on inputs/ (a finding, or a reason on a requested operation) and stays quiet
    /// at least once: on some certificate, or, for an operation rule, on a request of a kind it judges.
    @Test func everyImplementedRuleFiresAndStaysQuietOnTheSampleEstate() throws {
        let estate = try EstateLoader.load(
            IngestOptions(
                inputsDirectory: TestPaths.sampleInputs, timeZone: .shanghai, asOf: Self.asOf, jobs: 2,
                useSystemTrustStore: false))
        let context = RuleContext(estate: estate, settings: AuditSettings(asOf: Self.asOf))
        let findings = RuleRunner().run(context)
        let verdicts = OperationJudge().judge(context)
        let reasons = verdicts.flatMap(\.reasons)
        for rule in RuleCatalogue.rules {
            let id = rule.descriptor.id
            let fired = findings.contains { $0.ruleID == id } || reasons.contains { $0.ruleID == id }
            #expect(fired, "\(id) never fires on inputs/")
            if let rule = rule as? any OperationRule {
                let quiet = verdicts.contains { verdict in
                    rule.judgedKinds.contains(verdict.operation.kind) && !verdict.reasons.contains { $0.ruleID == id }
                }
                #expect(quiet, "\(id) judges every sample operation of its kinds")
            } else {
                let blamed = Set(findings.filter { $0.ruleID == id }.compactMap(\.certificateID))
                #expect(estate.certificates.contains { !blamed.contains($0.id) }, "\(id) fires on every certificate")
            }
        }
    }

    /// The published report of the default job on the sample estate, read back from its files.
    static func publishedSample() throws -> PublishedReport {
        let output = try TestPaths.scratch("sample").appendingPathComponent("output")
        _ = try AuditRun.execute(Self.options(output: output))
        return try PublishedReport(folder: output)
    }

    /// Every row of operations.csv gets the verdict inputs/README.md gives it, with exactly the
    /// denying rules and the conditions it names, in operations.csv and in report.xml alike.
    @Test func operationVerdictsAreTheOnesTheSampleExpects() throws {
        let expectations = try SampleExpectations.load()
        let report = try Self.publishedSample()
        #expect(expectations.operations.count == Self.operations)
        #expect(report.operations.count == Self.operations)
        #expect(report.operationRows.count == Self.operations)
        #expect(report.counts["operations"] == Self.operations)
        #expect(report.counts["operations.denied"] == expectations.operations.filter { $0.verdict == "denied" }.count)
        let xml = Dictionary(report.operations.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
        let csv = Dictionary(report.operationRows.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
        let catalogueOrder = Dictionary(
            uniqueKeysWithValues: RuleCatalogue.descriptors.enumerated().map { ($0.element.id, $0.offset) })
        for expected in expectations.operations {
            let line = "operations.csv line \(expected.line)"
            let verdict = try #require(xml[expected.line], "\(line) has no verdict in report.xml")
            let row = try #require(csv[expected.line], "\(line) has no row in operations.csv")
            #expect(verdict.certificate == expected.certificateID && verdict.kind == expected.operation, "\(line)")
            #expect(verdict.verdict == expected.verdict, "\(line): \(verdict.reasons)")
            #expect(verdict.rules("denies").sorted() == expected.denies.sorted(), "\(line): denied by")
            #expect(verdict.rules("requires").sorted() == expected.requires.sorted(), "\(line): conditions")
            #expect(
                verdict.reasons.count == expected.denies.count + expected.requires.count, "\(line): \(verdict.reasons)")
            // @rule is the first denying rule, and the denials come in catalogue order.
            #expect(verdict.rule == verdict.rules("denies").first, "\(line)")
            let order = verdict.rules("denies").map { catalogueOrder[RuleID(rawValue: $0)] ?? -1 }
            #expect(order == order.sorted(), "\(line): denials not in catalogue order")
            // operations.csv says the same as report.xml.
            #expect(row.certificate == verdict.certificate && row.kind == verdict.kind, "\(line)")
            #expect(row.verdict == verdict.verdict && row.rule == verdict.rule, "\(line)")
            #expect(row.reasons == verdict.reasons, "\(line)")
        }
    }

    /// Every certificate row and hosting plan fires what its *fires* cell in inputs/README.md names and
    /// stays quiet on what its *quiet* cell names, as report.xml shows it; quarantined rows are in the
    /// quarantine (with the rule named), the others in the inventory with the chain the README gives.
    @Test func everyRowFiresAndStaysQuietAsTheSampleReadmeSays() throws {
        let expectations = try SampleExpectations.load()
        let report = try Self.publishedSample()
        let rows = expectations.certificates
        #expect(rows.count == 55)
        #expect(report.counts["certificates"] == Self.certificates)
        #expect(report.counts["quarantined"] == Self.quarantined)
        #expect(Set(report.chains.keys) == Set(rows.filter { $0.quarantined != true }.map(\.certificateID)))
        #expect(report.chains.count == Self.certificates)
        let quarantinedLines = report.quarantine.filter { $0.input == "certificates.csv" }.map(\.line)
        #expect(quarantinedLines.sorted() == rows.filter { $0.quarantined == true }.map(\.line).sorted())
        for row in rows where row.quarantined == true {
            let record = report.quarantine.first { $0.input == "certificates.csv" && $0.line == row.line }
            if let rule = row.quarantineRule { #expect(record?.rule == rule, "certificates.csv line \(row.line)") }
        }
        for row in rows where row.quarantined != true {
            let chain = (row.chain ?? "").isEmpty ? "not-checked" : row.chain
            #expect(report.chains[row.certificateID] == chain, "certificates.csv line \(row.line): chain")
        }
        let judge = SampleRuleVerdicts(report: report)
        for (input, rows) in [
            ("certificates.csv", rows.filter { $0.quarantined != true }), ("hosting.csv", expectations.hosting),
        ] {
            #expect(!rows.isEmpty)
            for row in rows {
                let place = "\(input) line \(row.line) (\(row.certificateID))"
                for rule in row.fires {
                    let fires = judge.fires(rule, on: row.certificateID)
                    #expect(fires, "\(place): \(rule) does not fire")
                }
                for rule in row.quiet {
                    let quiet = judge.isQuiet(rule, on: row.certificateID)
                    #expect(quiet, "\(place): \(rule) is not quiet")
                }
                let fired = Set(row.fires.map(\.rule))
                for family in row.quietFamilies {
                    let members = RuleCatalogue.descriptors.filter {
                        $0.status == .implemented && $0.id.rawValue.hasPrefix(family + "-")
                            && !fired.contains($0.id.rawValue)
                    }
                    #expect(!members.isEmpty, "\(place): no rule in family \(family)")
                    for member in members {
                        let rule = SampleExpectations.RuleExpectation(rule: member.id.rawValue, severity: nil)
                        let quiet = judge.isQuiet(rule, on: row.certificateID)
                        #expect(quiet, "\(place): \(member.id) is not quiet")
                    }
                }
            }
        }
    }

    @Test func failOnDecidesTheExitCode() throws {
        let scratch = try TestPaths.scratch()
        let lenient = try AuditRun.execute(Self.options(output: scratch.appendingPathComponent("a")))
        #expect(lenient.exitCode == 0)
        let strict = try AuditRun.execute(Self.options(output: scratch.appendingPathComponent("b"), failOn: .high))
        #expect(strict.exitCode == 1)
        #expect(strict.line.hasPrefix("certaudit: \(strict.certificates) certificates"))
    }
}

extension SampleEstateRunTests {
    /// The outages inputs/README.md lists — predicted by the independent reference model, chain
    /// expiries told — are exactly the sample's `resource-expired` events and predicted
    /// RES-EXPIRED-BINDING findings.
    @Test func theSampleGoesOutWhereTheReadmeSays() throws {
        let expected = try SampleExpectations.load().outages
        #expect(expected.count >= 10)
        let output = try TestPaths.scratch("outages").appendingPathComponent("output")
        _ = try AuditRun.execute(Self.options(output: output))
        let rows = try SimulationDifferentialTests.rows(output.path + "/timeline.csv", columns: 4).dropFirst()
        let events = rows.filter { $0[1] == "resource-expired" }.map {
            SampleExpectations.Outage(date: $0[0], certificateID: $0[2], resourceID: $0[3])
        }
        #expect(events == expected)
        let report = try PublishedReport(folder: output)
        let predicted = report.findings.filter { $0.rule == "RES-EXPIRED-BINDING" && ($0.date ?? "") >= "2026-11-28" }
        #expect(Set(predicted.compactMap(\.resource)) == Set(expected.map(\.resourceID)))
    }
}

extension SampleEstateRunTests {
    /// What shows that each rule the simulation checks is exercised by the sample: the events it
    /// dates, or the findings it reports.
    static let simulationEvidence: [(rule: String, kinds: Set<String>)] = [
        ("HOST-NEW-CERT-READY", ["hosting-failed"]), ("HOST-MESSAGES", ["hosting-reminder"]),
        ("UPH-PRODUCT", ["uph-order-submitted"]), ("UPH-AUTO-SUBMIT", ["uph-order-submitted"]),
        ("UPH-DEPLOY", ["hosting-replaced"]), ("AR-CHARGE-DATE", ["renewal-charge"]),
        ("AR-CHARGE-FAILED", ["renewal-charge-failed", "account-shortfall"]), ("AR-SUCCESSOR", ["successor-created"]),
        ("AR-SUCCESSOR-VALIDITY", ["expiry"]), ("AR-VALIDATION", ["validation-deadline", "validation-failed"]),
        ("AR-DEPLOY", []), ("REV-DURATION", ["successor-issued"]), ("RES-EXPIRED-BINDING", ["resource-expired"]),
        ("PTS-USE", ["points-consumed"]),
    ]

    /// The sample exercises every rule the simulation checks: each one's events occur, and each
    /// rule that reports something wrong reports it at least once.
    @Test func theSampleExercisesEverySimulationRule() throws {
        let output = try TestPaths.scratch("evidence").appendingPathComponent("output")
        _ = try AuditRun.execute(Self.options(output: output))
        let kinds = Set(
            try SimulationDifferentialTests.rows(output.path + "/timeline.csv", columns: 4).dropFirst().map { $0[1] })
        let report = try PublishedReport(folder: output)
        let fired = Set(report.findings.map(\.rule))
        #expect(Set(Self.simulationEvidence.map(\.rule)) == Set(SimulationRules.descriptors.map(\.id.rawValue)))
        for (rule, evidence) in Self.simulationEvidence {
            #expect(evidence.isSubset(of: kinds), "\(rule): no \(evidence.subtracting(kinds))")
        }
        for descriptor in SimulationRules.descriptors where descriptor.defaultSeverity > .info {
            #expect(fired.contains(descriptor.id.rawValue), "\(descriptor.id) reports nothing on the sample")
        }
        // An uploaded certificate's successor is deployed by uploaded-hosting (UPH-DEPLOY).
        let uploadedPlan = try #require(SampleExpectations.load().hosting.last)
        let rows = try SimulationDifferentialTests.rows(output.path + "/timeline.csv", columns: 4)
        #expect(rows.contains { $0[1] == "hosting-replaced" && $0[2] == uploadedPlan.certificateID })
    }
}

extension SampleEstateRunTests {
    /// finance.html stands on its own for the sample: the accounts' balances and first shortfall, the
    /// packages with pkg-a's forfeit of 49 points on 2027-03-31, every month of the 36-month
    /// forecast, each account's chart, the points consumed to date with their ledger lines, the lifetime schedule's cost, and the ledger rows with their lines.
    @Test func theFinancePageShowsWhatFinanceNeeds() throws {
        let output = try TestPaths.scratch("finance").appendingPathComponent("output")
        _ = try AuditRun.execute(Self.options(output: output))
        let html = try String(contentsOf: output.appendingPathComponent("finance.html"), encoding: .utf8)
        for text in [
            "9999.00", "300.00", "2027-05-18", "pkg-a", "2027-03-31", ">49</td>", "2026-11", "2029-11",
            "What shorter certificate lifetimes cost", "T-7F3A",
        ] {
            #expect(html.contains(text), "finance.html lacks \(text)")
        }
        // 7 months consumed to date (2026-05, the ledger's one consume row, to the as-of month), 37
        // forecast months, 5 ledger rows.
        #expect(html.components(separatedBy: "<tr><td data-label=\"Month\" class=\"date\">20").count - 1 == 7 + 37)
        #expect(html.components(separatedBy: "<tr><td data-label=\"Date\" class=\"date\">20").count - 1 == 5)
        #expect(
            html.contains(
                "<td data-label=\"Month\" class=\"date\">2026-05</td><td data-label=\"Points consumed\" class=\"number\">50</td>"
                    + "<td data-label=\"Ledger lines\" class=\"mono\">3</td>"))
        // One money-and-points chart per account, starting from accounts.csv's balance.
        #expect(html.components(separatedBy: "class=\"chart account-chart\"").count - 1 == 2)
        #expect(html.contains("300.00 CNY and 500 points at the as-of time"))
        let forecast = try Data(contentsOf: output.appendingPathComponent("forecast.csv"))
        #expect(forecast.prefix(3) == Data([0xEF, 0xBB, 0xBF]), "a BOM, so a spreadsheet opens it as UTF-8")
        #expect(
            String(decoding: forecast.dropFirst(3), as: UTF8.self).hasPrefix(
                "month,account,policy,renewals,unpriced,amount,points\r\n"))
        let ledger = try String(contentsOf: output.appendingPathComponent("ledger.csv"), encoding: .utf8)
        #expect(ledger.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 1 + 5)
    }

    /// The sample's points and money do what inputs/README.md's *Money and points* table says: both
    /// packages reconcile, T-0LD1 lapsed before the as-of time (the only ledger finding), T-7F3A lapses
    /// on the as-of date, pkg-a forfeits 50 points, account 100098765432 runs short on 2027-05-18.
    @Test func theSampleLedgerDoesWhatTheReadmeSays() throws {
        let output = try TestPaths.scratch("ledger").appendingPathComponent("output")
        _ = try AuditRun.execute(Self.options(output: output))
        let findings = try SimulationDifferentialTests.rows(output.path + "/findings.csv", columns: 7)
        #expect(
            findings.filter { $0[0].hasPrefix("PTS-") }.map { "\($0[0]) \($0[1]) \($0[4]) \($0[5])" } == [
                "PTS-TRANSFER info pkg-b 2026-11-20"
            ])
        let timeline = try SimulationDifferentialTests.rows(output.path + "/timeline.csv", columns: 8)
        let points = timeline.filter { ["transfer-lapsed", "points-expired", "account-shortfall"].contains($0[1]) }
        #expect(
            points.map { "\($0[0]) \($0[1]) \($0[4]) \($0[5]) \($0[7])" } == [
                "2026-11-28 transfer-lapsed 100012345678 pkg-a 1", "2027-03-31 points-expired 100012345678 pkg-a 50",
                "2027-05-18 account-shortfall 100098765432  ",
            ])
    }
}
