import CertAuditCore
import Foundation
import Testing

@testable import CertAuditReport

/// Issue 11: the previous report.xml is read back into plain values, or set aside with a note that
/// says why — never a failure, never a wrong comparison.
struct BaselineReaderTests {
    static let reader = BaselineReader(schemaPath: ReportFixtures.templatesDirectory + "/report.xsd")

    static func xml() throws -> [UInt8] {
        ReportFixtures.file(
            ReportWriter.xmlFile,
            in: try ReportWriter(templatesDirectory: ReportFixtures.templatesDirectory).render(
                ReportFixtures.hostileModel()))
    }

    static func read(_ bytes: [UInt8], timeZone: String = "Asia/Shanghai", asOfDate: String = "2026-11-28")
        -> BaselineStatus
    {
        reader.read(bytes, sha256: "abc", name: "old.xml", timeZone: timeZone, asOfDate: asOfDate)
    }

    static func note(_ status: BaselineStatus) -> String? {
        if case .unusable(let note) = status { return note }
        return nil
    }

    static func edited(_ bytes: [UInt8], _ edit: (String) -> String) -> [UInt8] {
        Array(edit(String(decoding: bytes, as: UTF8.self)).utf8)
    }

    /// A run reads its baseline from the file a piece at a time: the same baseline, the same notes as
    /// from memory.
    @Test func aFileReadsAsTheSameBytesInMemory() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-baseline-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = try Self.xml()
        let broken = Self.edited(good) {
            $0.replacingOccurrences(of: "timezone=\"Asia/Shanghai\"", with: "timezone=\"UTC\"")
        }
        for (index, bytes) in [good, broken, Array("not xml".utf8)].enumerated() {
            let path = folder.appendingPathComponent("report-\(index).xml").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let fromFile = Self.reader.read(
                file: path, sha256: "abc", name: "old.xml", timeZone: "Asia/Shanghai", asOfDate: "2026-11-28")
            let fromMemory = Self.reader.read(
                bytes, sha256: "abc", name: "old.xml", timeZone: "Asia/Shanghai", asOfDate: "2026-11-28")
            #expect(fromFile == fromMemory, "case \(index)")
        }
        #expect(
            Self.note(
                Self.reader.read(
                    file: folder.path + "/none.xml", sha256: "", name: "none.xml", timeZone: "UTC",
                    asOfDate: "2026-11-28"))?.contains("cannot be read") == true)
    }

    /// The hostile model with a timeline, published into a fresh output folder (report.xml and its
    /// SHA256SUMS, as a run leaves them).
    static func published() throws -> (folder: URL, report: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-published-\(UUID())")
        let events = (0..<40).map { day in
            TimelineEvent(
                date: LocalDate(daysSinceEpoch: 20_600 + Int64(day)), kind: day % 2 == 0 ? .expiry : .resourceExpired,
                certificateID: "c\(day % 3)", resourceID: "lb-<\(day)>", detail: "out & </timeline> \u{301}")
        }
        let model = ReportModel(
            estate: ReportFixtures.hostileEstate(), findings: ReportFixtures.hostileFindings(),
            settings: ReportFixtures.settings, rules: ReportFixtures.rules, runSettings: ReportFixtures.runSettings,
            toolVersion: "1.2.3", timeline: Timeline(events))
        try ReportWriter(templatesDirectory: ReportFixtures.templatesDirectory).write(model, to: folder.path)
        return (folder, folder.appendingPathComponent(ReportWriter.xmlFile).path)
    }

    /// Rewrites report.xml in `folder`, and lists its new digest in SHA256SUMS when `listed`.
    static func rewrite(_ report: String, in folder: URL, listed: Bool, _ edit: (String) -> String) throws -> String {
        let edited = Self.edited(Array(try Data(contentsOf: URL(fileURLWithPath: report))), edit)
        try Data(edited).write(to: URL(fileURLWithPath: report))
        let digest = try SwiftSHA256.hex(fileAt: report)
        if listed {
            let sums = folder.appendingPathComponent(ReportPublisher.checksumsFile)
            let lines = try String(contentsOf: sums, encoding: .utf8).split(separator: "\n").map {
                $0.hasSuffix("  \(ReportWriter.xmlFile)") ? "\(digest)  \(ReportWriter.xmlFile)" : String($0)
            }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: sums)
        }
        return digest
    }

    static func readFile(_ report: String, sha256: String) -> BaselineStatus {
        reader.read(file: report, sha256: sha256, name: "old.xml", timeZone: "Asia/Shanghai", asOfDate: "2026-11-28")
    }

    /// A report its SHA256SUMS lists is read without its timeline (`PublishedReportInput`) and
    /// without the schema: the same baseline as the whole document read and validated.
    @Test func aPublishedReportReadsAsTheWholeDocumentDoes() throws {
        let (folder, report) = try Self.published()
        defer { try? FileManager.default.removeItem(at: folder) }
        let digest = try SwiftSHA256.hex(fileAt: report)
        #expect(ReportPublisher.listedDigest(of: report) == digest)
        #expect(PublishedReportInput(path: report)?.skipsTimeline == true)
        let whole = Self.reader.read(
            Array(try Data(contentsOf: URL(fileURLWithPath: report))), sha256: digest, name: "old.xml",
            timeZone: "Asia/Shanghai", asOfDate: "2026-11-28")
        guard case .usable(let baseline) = whole else {
            Issue.record("the published report does not read back: \(Self.note(whole) ?? "")")
            return
        }
        #expect(!baseline.findings.isEmpty && !baseline.certificates.isEmpty)
        #expect(Self.readFile(report, sha256: digest) == whole)
    }

    /// The input reads as the file with its timeline element replaced by `<timeline/>`, whatever the
    /// size of the chunks it searches and of the reads libxml2 asks for (tags cut across chunks).
    @Test(arguments: [(7, 1), (13, 5), (14, 4_000), (20, 3), (PublishedReportInput.chunk, 4_096)])
    func theInputLeavesOutTheTimeline(chunk: Int, read: Int) throws {
        let (folder, report) = try Self.published()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: report)), as: UTF8.self)
        let start = try #require(text.range(of: "<timeline>"))
        let end = try #require(text.range(of: "</timeline>"))
        let expected = Array((text[..<start.lowerBound] + "<timeline/>" + text[end.upperBound...]).utf8)
        let input = try #require(PublishedReportInput(path: report, chunk: chunk))
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: read)
        while true {
            let count = buffer.withUnsafeMutableBytes { input.read(into: $0.baseAddress!, count: read) }
            guard count > 0 else { break }
            bytes += buffer.prefix(count)
        }
        #expect(bytes == expected)
    }

    /// What is inside the timeline of a listed report is never read: a timeline broken beyond the
    /// schema, or beyond XML, still gives the baseline. The same file unlisted (an edited report
    /// whose sums were not rewritten) is validated, and set aside.
    @Test(arguments: ["<timeline><not-in-the-schema/>", "<timeline><<&"])
    func aListedReportsTimelineIsNotRead(breakage: String) throws {
        let (folder, report) = try Self.published()
        defer { try? FileManager.default.removeItem(at: folder) }
        guard case .usable(let expected) = Self.readFile(report, sha256: try SwiftSHA256.hex(fileAt: report)) else {
            Issue.record("the published report does not read back")
            return
        }
        let listed = try Self.rewrite(report, in: folder, listed: true) {
            $0.replacingOccurrences(of: "<timeline>", with: breakage)
        }
        var withNewDigest = expected
        withNewDigest.sha256 = listed
        #expect(Self.readFile(report, sha256: listed) == .usable(withNewDigest))
        let unlisted = try Self.rewrite(report, in: folder, listed: false) { $0 + " " }
        #expect(ReportPublisher.listedDigest(of: report) != unlisted)
        #expect(Self.note(Self.readFile(report, sha256: unlisted)) != nil)
    }

    /// A report's findings are held as their keys (`BaselineFindings`): none of them whole.
    @Test func aReportsFindingsAreHeldAsTheirKeys() throws {
        let model = ReportFixtures.hostileModel()
        guard case .usable(let baseline) = Self.read(try Self.xml()) else {
            Issue.record("the report does not read back")
            return
        }
        #expect(baseline.findings.count == model.findings.count && !baseline.findings.isEmpty)
        #expect(baseline.findings.heldWhole == 0)
    }

    @Test func aReportReadsBackAsWhatTheModelHeld() throws {
        let model = ReportFixtures.hostileModel()
        guard case .usable(let baseline) = Self.read(try Self.xml()) else {
            Issue.record("the report does not read back")
            return
        }
        #expect(baseline.sha256 == "abc" && baseline.timeZone == "Asia/Shanghai")
        #expect(baseline.asOf == model.header.asOf)
        #expect(baseline.findings.map(\.key) == model.findings.map(\.key))
        #expect(baseline.findings.map(\.firstSeen) == model.findings.map(\.firstSeen))
        #expect(baseline.findings.map(\.certificate) == model.findings.map(\.certificate))
        #expect(baseline.certificates.map(\.id) == model.certificates.map(\.id))
        #expect(baseline.certificates.map(\.fingerprint) == model.certificates.map(\.fingerprint))
        #expect(baseline.certificates.map(\.names) == model.certificates.map(RunComparison.names))
        // Compared with itself, a run has nothing new and nothing resolved.
        var again = model
        again.compare(with: .usable(baseline))
        #expect(again.changes.count("new") == 0 && again.changes.count("resolved") == 0)
        #expect(again.changes.count("open") == model.findings.count && again.changes.certificates.isEmpty)
    }

    @Test func whatCannotBeComparedIsANoteThatSaysWhy() throws {
        let xml = try Self.xml()
        #expect(Self.note(Self.read(Array("not xml at all".utf8)))?.contains("cannot be read") == true)
        #expect(Self.note(Self.read([]))?.contains("cannot be read") == true)
        let version2 = Self.edited(xml) {
            $0.replacingOccurrences(of: "schema-version=\"1\"", with: "schema-version=\"2\"")
        }
        #expect(Self.note(Self.read(version2))?.contains("schema version 2") == true)
        #expect(Self.note(Self.read(xml, timeZone: "UTC"))?.contains("time zone Asia/Shanghai") == true)
        #expect(Self.note(Self.read(xml, asOfDate: "2026-11-27"))?.contains("after this run's 2026-11-27") == true)
        let invalid = Self.edited(xml) { $0.replacingOccurrences(of: "<summary>", with: "<summary bogus=\"1\">") }
        #expect(Self.note(Self.read(invalid))?.contains("does not validate") == true)
        let keyless = Self.edited(xml) {
            $0.replacingOccurrences(of: #" key="[^"]*""#, with: "", options: .regularExpression)
        }
        #expect(Self.note(Self.read(keyless))?.contains("without a key") == true)
    }
}
