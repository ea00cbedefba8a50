import CertAuditCore
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
        for name in ["/report.html", "/report.xml", "/findings.csv", "/inventory.csv"] {
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

    @Test func everyImplementedRuleFiresOnTheSampleEstate() throws {
        let output = try TestPaths.scratch().appendingPathComponent("output")
        _ = try AuditRun.execute(Self.options(output: output))
        let xml = try String(contentsOf: output.appendingPathComponent("report.xml"), encoding: .utf8)
        for rule in RuleCatalogue.rules.map(\.descriptor.id) {
            #expect(xml.contains("<finding rule=\"\(rule)\""), "\(rule) never fires on inputs/")
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
