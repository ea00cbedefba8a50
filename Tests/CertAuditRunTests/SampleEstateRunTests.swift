import CertAuditCore
import CertAuditIngest
import CertAuditReport
import CertAuditRules
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

    @Test func writesEveryReportAndTheXMLValidates() throws {
        let output = try TestPaths.scratch().appendingPathComponent("output")
        let summary = try AuditRun.execute(Self.options(output: output))
        let files = try TestPaths.contents(of: output)
        for name in ["/report.html", "/report.xml", "/findings.csv", "/inventory.csv", "/operations.csv"] {
            #expect(files[name]?.isEmpty == false, "\(name) missing")
        }
        let validator = XSDValidator(schemaPath: TestPaths.templates + "/report.xsd")
        try validator.validate(Array(try #require(files["/report.xml"])))
        #expect(summary.certificates >= 25)
        #expect(summary.quarantined >= 5)
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

    /// The sample's README says what each row of operations.csv must get ("allowed …" or
    /// "denied: RULE …"); the verdicts in operations.csv and report.xml agree with it.
    @Test func operationVerdictsAreTheOnesTheSampleExpects() throws {
        let readme = try String(contentsOfFile: TestPaths.sampleInputs + "/README.md", encoding: .utf8)
        let after = try #require(readme.components(separatedBy: "## operations.csv\n").dropFirst().first)
        let section = after.components(separatedBy: "\n## ")[0]
        let rows = section.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| line") }
            .map { $0.replacingOccurrences(of: "\\|", with: "¦").split(separator: "|") }
            .map { $0.map { $0.trimmingCharacters(in: .whitespaces) } }
        #expect(rows.count >= 30)
        let estate = try EstateLoader.load(
            IngestOptions(
                inputsDirectory: TestPaths.sampleInputs, timeZone: .shanghai, asOf: Self.asOf, jobs: 2,
                useSystemTrustStore: false))
        let verdicts = OperationJudge().judge(RuleContext(estate: estate, settings: AuditSettings(asOf: Self.asOf)))
        #expect(verdicts.count == rows.count)
        let byLine = Dictionary(verdicts.map { (String($0.operation.line), $0) }, uniquingKeysWith: { a, _ in a })
        for row in rows {
            let line = row[0]
            let expected = row[5]
            let verdict = try #require(byLine[line], "operations.csv line \(line) has no verdict")
            let denials = verdict.denials.map(\.ruleID)
            if expected.hasPrefix("allowed") {
                #expect(verdict.isAllowed, "line \(line): expected allowed, denied by \(denials)")
            } else {
                let rule = RuleID(
                    rawValue: String(expected.dropFirst("denied: ".count).prefix { !" (,;".contains($0) }))
                #expect(denials.first == rule, "line \(line): expected \(rule) first, got \(denials)")
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
