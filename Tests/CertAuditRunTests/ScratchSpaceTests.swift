import CertAuditCore
import Foundation
import Testing

@testable import CertAuditRun

/// A run sends its texts (`TextSpool`) to an unnamed file beside the output folder — made if need
/// be, as publishing would make it — and goes on with them in memory where it cannot.
struct ScratchSpaceTests {
    @Test func theTextsGoToAFileBesideTheOutputFolderThatLeavesNothingBehind() throws {
        let root = try TestPaths.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let spool = TextSpool()
        let parent = root.appendingPathComponent("reports/nightly")
        #expect(AuditRun.spillText(beside: parent.appendingPathComponent("out").path, spool: spool))
        #expect(spool.isSpilling)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).isEmpty)
    }

    @Test func whereNoFileCanBeMadeTheTextsStayInMemory() throws {
        let root = try TestPaths.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        // The output folder's parent is a file: no folder, no spool file.
        let blocker = root.appendingPathComponent("plain-file")
        try Data("x".utf8).write(to: blocker)
        let spool = TextSpool()
        #expect(!AuditRun.spillText(beside: blocker.appendingPathComponent("out").path, spool: spool))
        #expect(!spool.isSpilling)
    }
}
