import CertAuditReport
import Foundation
import Testing

/// The complete outputs of `make report` — the sample estate at its pinned as-of time — are
/// committed in Tests/Golden/sample/ and compared byte for byte, so that any change to what users
/// see shows as a diff in review. `make golden` regenerates them when the change is meant.
struct GoldenOutputTests {
    static let golden = TestPaths.repository.appendingPathComponent("Tests/Golden/sample")

    /// The Makefile's `SAMPLE_RUN` arguments, with `$(AS_OF)` replaced by the Makefile's `AS_OF`:
    /// the test runs exactly what make report and make golden run.
    static func sampleRunArguments() throws -> [String] {
        let makefile = try String(
            contentsOf: TestPaths.repository.appendingPathComponent("Makefile"), encoding: .utf8)
        func value(_ name: String, _ separator: String) throws -> String {
            let line = try #require(
                makefile.split(separator: "\n").first { $0.hasPrefix(name + " " + separator + " ") },
                "the Makefile has no \(name)")
            return String(line.dropFirst(name.count + separator.count + 2))
        }
        let asOf = try value("AS_OF", "?=")
        return try value("SAMPLE_RUN", "=").replacingOccurrences(of: "$(AS_OF)", with: asOf)
            .split(separator: " ").map(String.init)
    }

    @Test(.enabled(if: CommandLineTests.binary != nil, "certaudit binary not built beside the tests"))
    func makeReportWritesTheCommittedGoldenFiles() throws {
        let arguments = try Self.sampleRunArguments()
        #expect(arguments.contains("2026-11-28T00:00:00+08:00"))
        let output = try TestPaths.scratch().appendingPathComponent("output")
        let outcome = try CommandLineTests.run(arguments + ["--output", output.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let expected = try TestPaths.contents(of: Self.golden)
        let actual = try TestPaths.contents(of: output)
        #expect(
            expected.keys.sorted() == [
                "/SHA256SUMS", "/changes.csv", "/finance.html", "/findings.csv", "/forecast.csv", "/inventory.csv",
                "/ledger.csv", "/metrics.prom",
                "/operations.csv",
                "/report.html", "/report.xml", "/timeline.csv",
            ])
        #expect(actual.keys.sorted() == expected.keys.sorted())
        // The mask hides one line of metrics.prom, the last, and it holds a duration.
        let raw = try #require(try TestPaths.rawContents(of: output)["/metrics.prom"])
        let lines = String(decoding: raw, as: UTF8.self).split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix(MetricsRenderer.durationLine) }.count == 1)
        let duration = try #require(lines.last?.dropFirst(MetricsRenderer.durationLine.count))
        #expect(Double(duration).map { $0 > 0 } == true, "\(duration)")
        #expect(TestPaths.maskingRunDuration(raw) != raw)
        for (name, bytes) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(
                actual[name] == bytes,
                "\(name) differs from Tests/Golden/sample\(name); if the change is meant, run make golden and review the diff"
            )
        }
    }
}
