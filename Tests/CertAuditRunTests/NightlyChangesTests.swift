import CertAuditCSV
import CertAuditCore
import CertAuditReport
import Foundation
import Testing

@testable import CertAuditRun

/// Issue 11: two successive nightly runs in one output folder. The second reads the first's
/// report.xml before publishing over it and says what changed: findings new, resolved and still open
/// (with the date first seen carried), certificates added, removed and renewed.
struct NightlyChangesTests {
    static let zone = RunTimeZone.shanghai
    static let firstDay = LocalDate(year: 2026, month: 11, day: 27)!
    static let secondDay = LocalDate(year: 2026, month: 11, day: 28)!
    /// intranet.example.com (renewed under a new ID), docs.example.com (removed): neither is named by
    /// any other input, so what changes with them is theirs alone.
    static let renewed = "18SwtT4a"
    static let removed = "28AZv0HT"
    static let renewal = "Renewal1"
    /// UP-DOWNLOAD-FLAG is fixed on one certificate and appears on another.
    static let fixed = "bWI1lF4O"
    static let broken = "tkUqLYwR"

    static func options(
        inputs: String, output: URL, on day: LocalDate, failOn: Severity? = nil, failOnNew: Severity? = nil,
        baseline: String? = nil
    ) -> RunOptions {
        RunOptions(
            inputsDirectory: inputs, outputDirectory: output.path, templatesDirectory: TestPaths.templates,
            settings: AuditSettings(asOf: zone.instant(of: day), failOn: failOn, failOnNew: failOnNew), jobs: 2,
            useSystemTrustStore: false, baselinePath: baseline)
    }

    /// The published report.xml, read back as a baseline would be.
    static func report(_ output: URL, on day: LocalDate) throws -> Baseline {
        let bytes = Array(try Data(contentsOf: output.appendingPathComponent("report.xml")))
        let status = BaselineReader(schemaPath: TestPaths.templates + "/report.xsd").read(
            bytes, sha256: "", name: "report.xml", timeZone: zone.identifier, asOfDate: day.description)
        guard case .usable(let baseline) = status else { throw Unreadable(status: status) }
        return baseline
    }

    struct Unreadable: Error { let status: BaselineStatus }

    /// changes.csv as (item, change, key or certificate, previous certificate, first seen) rows.
    static func changes(_ output: URL) throws -> [[String: String]] {
        let file = try CSVFile(
            path: output.appendingPathComponent("changes.csv").path, name: "changes.csv", encoding: .auto)
        var rows: [[String: String]] = []
        while let row = file.nextRow() {
            guard case .record(_, let fields) = row else { continue }
            rows.append(Dictionary(uniqueKeysWithValues: zip(file.header, fields)))
        }
        return rows
    }

    static func keys(_ rows: [[String: String]], _ change: String) -> Set<String> {
        Set(rows.filter { $0["item"] == "finding" && $0["change"] == change }.compactMap { $0["key"] })
    }

    /// A copy of the sample estate.
    static func sampleCopy(_ scratch: URL, _ name: String) throws -> String {
        let inputs = scratch.appendingPathComponent(name)
        try FileManager.default.copyItem(atPath: TestPaths.sampleInputs, toPath: inputs.path)
        return inputs.path
    }

    /// The sample with `renewed` renewed as `renewal` (a new key and certificate for the same names,
    /// made here by openssl), `removed` gone, downloads off on `fixed` and on on `broken`.
    static func changedEstate(_ scratch: URL) throws -> String {
        let inputs = try sampleCopy(scratch, "changed")
        let folder = inputs + "/bundles/renewal"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let made = try ChildProcess.run(
            "/usr/bin/env",
            [
                "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", folder + "/intranet.key", "-out", folder + "/intranet.pem", "-days", "90", "-subj",
                "/CN=intranet.example.com", "-addext", "subjectAltName=DNS:intranet.example.com",
            ])
        try #require(made.status == 0, "openssl: \(made.stderr)")
        let certificates = inputs + "/certificates.csv"
        let line = try #require(try CSVEditing.line(of: renewed, in: certificates))
        for (column, value) in [
            ("certificate_id", renewal), ("bundle", "renewal/intranet.pem"), ("key", "renewal/intranet.key"),
            ("not_after", ""), ("issued_at", ""),
        ] {
            _ = try CSVEditing.replace(column: column, line: line, in: certificates, with: value)
        }
        _ = try CSVEditing.replace(
            column: "allow_download", line: try #require(try CSVEditing.line(of: fixed, in: certificates)),
            in: certificates, with: "false")
        _ = try CSVEditing.replace(
            column: "allow_download", line: try #require(try CSVEditing.line(of: broken, in: certificates)),
            in: certificates, with: "true")
        try CSVEditing.remove(id: removed, from: certificates)
        return inputs
    }

    @Test func theSecondRunSaysExactlyWhatChanged() throws {
        let scratch = try TestPaths.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let sample = try Self.sampleCopy(scratch, "sample")
        let changed = try Self.changedEstate(scratch)
        let output = scratch.appendingPathComponent("output")
        let control = scratch.appendingPathComponent("control")

        // Night 1: the sample, first run in the folder: no baseline, every finding first seen today.
        _ = try AuditRun.execute(Self.options(inputs: sample, output: output, on: Self.firstDay))
        let night1 = try Self.report(output, on: Self.firstDay)
        #expect(try Self.changes(output).map { $0["item"] } == ["note"])
        #expect(night1.findings.allSatisfy { $0.firstSeen == Self.firstDay.description })
        // The control: the same estate a day later, which changes what a day changes (expiry counts).
        try FileManager.default.copyItem(at: output, to: control)
        _ = try AuditRun.execute(Self.options(inputs: sample, output: control, on: Self.secondDay))
        let drift = try Self.changes(control)
        #expect(!drift.contains { $0["item"] == "certificate" })

        // Night 2: the changed estate, in the same folder.
        let summary = try AuditRun.execute(Self.options(inputs: changed, output: output, on: Self.secondDay))
        let night2 = try Self.report(output, on: Self.secondDay)
        let rows = try Self.changes(output)

        let about = { (findings: BaselineFindings, ids: Set<String>) in
            Set(findings.filter { ids.contains($0.certificate ?? "") }.map(\.key))
        }
        let gone = about(night1.findings, [Self.renewed, Self.removed])
        let arrived = about(night2.findings, [Self.renewal])
        #expect(!gone.isEmpty && !arrived.isEmpty)
        let fixedKey = "UP-DOWNLOAD-FLAG;c=\(Self.fixed)"
        let brokenKey = "UP-DOWNLOAD-FLAG;c=\(Self.broken)"
        #expect(night1.findings.contains { $0.key == fixedKey } && !night1.findings.contains { $0.key == brokenKey })
        let driftNew = Self.keys(drift, "new").subtracting(about(night2.findings, [Self.renewed, Self.removed]))
        #expect(Self.keys(rows, "new") == driftNew.union(arrived).union([brokenKey]))
        #expect(Self.keys(rows, "resolved") == Self.keys(drift, "resolved").union(gone).union([fixedKey]))

        // Certificates: one renewed under a new ID (same names, new fingerprint, old one gone), one removed.
        let certificates = rows.filter { $0["item"] == "certificate" }
        #expect(certificates.map { $0["change"] } == ["removed", "renewed"])
        #expect(certificates.map { $0["certificate"] } == [Self.removed, Self.renewal])
        #expect(certificates.last?["previous-certificate"] == Self.renewed)
        let oldFingerprint = night1.certificates.first { $0.id == Self.renewed }?.fingerprint
        #expect(certificates.last?["previous-fingerprint"] == oldFingerprint)
        #expect(certificates.last?["fingerprint"] == night2.certificates.first { $0.id == Self.renewal }?.fingerprint)

        // First seen: carried for what is still open, today for what is new.
        let new = Self.keys(rows, "new")
        for finding in night2.findings {
            let expected = new.contains(finding.key) ? Self.secondDay : Self.firstDay
            #expect(finding.firstSeen == expected.description, "\(finding.key)")
        }
        #expect(summary.newFindings == new.count)
        #expect(summary.resolvedFindings == Self.keys(rows, "resolved").count)

        // metrics.prom: the new findings by rule and severity add up to the new findings.
        let metrics = try String(contentsOf: output.appendingPathComponent("metrics.prom"), encoding: .utf8)
        let newSamples = metrics.split(separator: "\n").filter { $0.hasPrefix("certaudit_new_findings{") }
        #expect(newSamples.compactMap { $0.split(separator: " ").last.flatMap { Int($0) } }.reduce(0, +) == new.count)
        #expect(newSamples.contains { $0.contains("rule=\"UP-DOWNLOAD-FLAG\"") })
    }

    @Test func failOnNewFailsOnlyOnNewFindingsAtOrAboveItsSeverity() throws {
        let scratch = try TestPaths.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let sample = try Self.sampleCopy(scratch, "sample")
        let changed = try Self.sampleCopy(scratch, "changed")
        let certificates = changed + "/certificates.csv"
        _ = try CSVEditing.replace(
            column: "allow_download", line: try #require(try CSVEditing.line(of: Self.broken, in: certificates)),
            in: certificates, with: "true")
        let output = scratch.appendingPathComponent("output")
        // The first run compares nothing, so nothing is new, whatever its findings.
        let first = try AuditRun.execute(
            Self.options(inputs: sample, output: output, on: Self.secondDay, failOnNew: .info))
        #expect(first.exitCode == 0 && first.newFindings == nil)
        let baseline = output.appendingPathComponent("report.xml").path
        let saved = scratch.appendingPathComponent("baseline.xml").path
        try FileManager.default.copyItem(atPath: baseline, toPath: saved)
        // The same estate again: known debt only, even with fail-on-new at info.
        let same = try AuditRun.execute(
            Self.options(inputs: sample, output: output, on: Self.secondDay, failOnNew: .info))
        #expect(same.exitCode == 0 && same.newFindings == 0)
        // One new finding, UP-DOWNLOAD-FLAG (info): fails at info, not at low.
        let atInfo = try AuditRun.execute(
            Self.options(inputs: changed, output: output, on: Self.secondDay, failOnNew: .info, baseline: saved))
        #expect(atInfo.newFindings == 1 && atInfo.exitCode == 1)
        #expect(atInfo.line.hasSuffix(" — new findings at or above info"), "\(atInfo.line)")
        let atLow = try AuditRun.execute(
            Self.options(inputs: changed, output: output, on: Self.secondDay, failOnNew: .low, baseline: saved))
        #expect(atLow.newFindings == 1 && atLow.exitCode == 0)
    }

    @Test func aBrokenBaselineIsANoteNeverAFailure() throws {
        let scratch = try TestPaths.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("<certaudit-report".utf8).write(to: output.appendingPathComponent("report.xml"))
        let summary = try AuditRun.execute(
            Self.options(inputs: TestPaths.sampleInputs, output: output, on: Self.secondDay, failOnNew: .info))
        #expect(summary.exitCode == 0 && summary.newFindings == nil)
        let note = try Self.changes(output).first { $0["item"] == "note" }?["note"]
        #expect(
            note?.hasPrefix("the previous report.xml cannot be read as a certaudit report") == true, "\(note ?? "")")
        let xml = String(decoding: try Data(contentsOf: output.appendingPathComponent("report.xml")), as: UTF8.self)
        #expect(xml.contains("<changes status=\"not-compared\">"))
        // A baseline named on the command line that is not there is a note too.
        let missing = try AuditRun.execute(
            Self.options(
                inputs: TestPaths.sampleInputs, output: output, on: Self.secondDay,
                baseline: scratch.appendingPathComponent("none.xml").path))
        #expect(missing.newFindings == nil)
        #expect(try Self.changes(output).first?["note"]?.hasSuffix("none.xml does not exist: nothing compared") == true)
    }

    /// The sample's accepted.csv: what each row comes to is what inputs/README.md says, and an accepted
    /// finding does not fail the run while a lapsed one does.
    @Test func theSampleAcceptancesAreAcceptedLapsedAndStaleAsDocumented() throws {
        let scratch = try TestPaths.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("output")
        let summary = try AuditRun.execute(
            Self.options(inputs: TestPaths.sampleInputs, output: output, on: Self.secondDay))
        let expectations = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: TestPaths.sampleInputs + "/expectations.json")))
                as? [String: Any])
        let expected = try #require(expectations["accepted"] as? [[String: Any]])
        let xml = String(decoding: try Data(contentsOf: output.appendingPathComponent("report.xml")), as: UTF8.self)
        for row in expected {
            let line = try #require(row["line"] as? Int)
            let standing = try #require(row["standing"] as? String)
            let matches = try #require(row["matches"] as? Int)
            #expect(
                xml.contains("<acceptance line=\"\(line)\" status=\"\(standing)\" matches=\"\(matches)\""),
                "accepted.csv line \(line)")
        }
        #expect(summary.accepted == expected.filter { $0["standing"] as? String == "accepted" }.count)
        #expect(xml.contains("acceptance=\"lapsed\" accepted-by=\"张工\" accepted-until=\"2026-11-27\""))
        // CRYPTO-WEAK-SIG is accepted, but lapsed UP-DOWNLOAD-FLAG (info) counts again.
        let findings = try Self.report(output, on: Self.secondDay).findings
        // Every key is the rules' own: no two findings of the sample needed the `#2` safety net.
        #expect(Set(findings.map(\.key)).count == findings.count)
        #expect(!findings.contains { $0.key.contains("#") })
        #expect(findings.contains { $0.key == "CRYPTO-WEAK-SIG;c=jnfCi4mb" })
        #expect(summary.worstCounted == .critical)
    }
}

extension CSVEditing {
    /// The physical line of the row whose `certificate_id` is `id`.
    static func line(of id: String, in path: String) throws -> Int? {
        let file = try CSVFile(path: path, name: "edit", encoding: .auto)
        let position = try #require(file.header.firstIndex(of: "certificate_id"))
        while let row = file.nextRow() {
            if case .record(let line, let fields) = row, fields[position] == id { return line }
        }
        return nil
    }

    /// Rewrites the file without the row whose `certificate_id` is `id`, quoting every field.
    static func remove(id: String, from path: String) throws {
        let file = try CSVFile(path: path, name: "edit", encoding: .auto)
        let position = try #require(file.header.firstIndex(of: "certificate_id"))
        var rows: [[String]] = [file.header]
        while let row = file.nextRow() {
            guard case .record(_, let fields) = row else { continue }
            if fields.count > position, fields[position] == id { continue }
            rows.append(fields)
        }
        let text = rows.map {
            $0.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
        }
        try (text.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
}

/// `--fail-on-new` and `--baseline` on the command line.
struct NightlyCommandLineTests {
    @Test(.enabled(if: CommandLineTests.binary != nil, "certaudit binary not built beside the tests"))
    func failOnNewAndBaselineOptions() throws {
        let scratch = try TestPaths.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("output").path
        let run = ["run", "--inputs", "inputs", "--templates", "templates", "--output", output] + CommandLineTests.asOf
        let bad = try CommandLineTests.run(run + ["--fail-on-new", "severe"])
        #expect(bad.status == 2 && bad.stderr.contains("--fail-on-new: must be none, info"), "\(bad.stderr)")
        let first = try CommandLineTests.run(run + ["--fail-on-new", "info"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(!first.stderr.contains("since the last run"))
        let second = try CommandLineTests.run(run + ["--fail-on-new", "info"])
        #expect(second.status == 0 && second.stderr.contains("0 new and 0 resolved since the last run"))
        // A later as-of compared with an earlier baseline sees what a day changes: new info findings.
        let later = try CommandLineTests.run(
            [
                "run", "--inputs", "inputs", "--templates", "templates", "--output", output, "--no-system-trust",
                "--as-of", "2026-11-29T00:00:00+08:00", "--fail-on-new", "info", "--baseline", output + "/report.xml",
            ])
        #expect(later.status == 1 && later.stderr.contains("new findings at or above info"), "\(later.stderr)")
    }
}
