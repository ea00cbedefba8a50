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
