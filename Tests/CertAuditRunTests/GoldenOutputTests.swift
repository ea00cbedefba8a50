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
                "/ledger.csv",
                "/operations.csv",
                "/report.html", "/report.xml", "/timeline.csv",
            ])
        #expect(actual.keys.sorted() == expected.keys.sorted())
        for (name, bytes) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(
                actual[name] == bytes,
                "\(name) differs from Tests/Golden/sample\(name); if the change is meant, run make golden and review the diff"
            )
        }
    }
}
