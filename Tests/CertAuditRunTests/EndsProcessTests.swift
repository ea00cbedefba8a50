import CertAuditCore
import CertAuditRun
import Foundation
import Testing

/// `AuditRun.execute(endsProcess:)` only decides whether the report model is freed before the
/// process ends: the published files are the same either way (the run's duration in metrics.prom
/// and the checksum that covers it aside).
struct EndsProcessTests {
    @Test func leavingTheModelUnfreedChangesNoOutput() throws {
        let scratch = try TestPaths.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        var outputs: [[String: Data]] = []
        for endsProcess in [false, true] {
            let output = scratch.appendingPathComponent("ends-process-\(endsProcess)")
            let summary = try AuditRun.execute(
                NightlyChangesTests.options(
                    inputs: TestPaths.sampleInputs, output: output, on: NightlyChangesTests.firstDay),
                endsProcess: endsProcess)
            #expect(summary.certificates > 0)
            outputs.append(try TestPaths.contents(of: output))
        }
        #expect(outputs[0].keys.sorted() == outputs[1].keys.sorted())
        // `contents(of:)` masks metrics.prom's run duration; SHA256SUMS covers the unmasked file.
        for (name, bytes) in outputs[0] where name != "/SHA256SUMS" {
            #expect(bytes == outputs[1][name], "\(name) differs")
        }
    }
}
