import CertAuditCore
import Foundation
import Testing

@testable import CertAuditX509

/// Every input the bundle fuzz target ever crashed or hung on (Fuzz/crashes/bundle/), replayed
/// exactly as Fuzz/BundleFuzzer ran it — no trust anchors, its as-of time, the password only for
/// inputs of even length — each within a time limit: it must now be read or refused with the
/// console's wording.
struct FuzzRegressionTests {
    static let inputs: [URL] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fuzz/crashes/bundle")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map {
            folder.appendingPathComponent($0)
        }
    }()

    /// The fuzz target's trust store and as-of time (Fuzz/BundleFuzzer/BundleFuzzer.swift).
    static let trust = try! TrustStore(anchorFiles: [], includeSystemDefaults: false)
    static let asOf = Instant(secondsSinceEpoch: 1_795_795_200)

    /// What the fuzz target does with one input: a password for inputs of even length only.
    static func inspect(_ bytes: [UInt8]) -> FileInspection {
        let password = bytes.count % 2 == 0 ? "fixture-password" : nil
        return FileInspector.inspect(bytes: bytes, name: "fuzz", trust: trust, asOf: asOf, password: password)
    }

    @Test(
        .enabled(if: !inputs.isEmpty, "no bundle fuzz finding has been kept"), .timeLimit(.minutes(1)),
        arguments: inputs)
    func replays(_ input: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: input))
        let inspection = try #require(
            Deadline.run(seconds: 30) { Self.inspect(bytes) }, "\(input.lastPathComponent) did not finish in 30 s")
        #expect(inspection.error != nil || !inspection.certificates.isEmpty)
        if let error = inspection.error { #expect(error.message.hasPrefix(BundleError.consolePrefix)) }
        let password = bytes.count % 2 == 0 ? "fixture-password" : nil
        let cached = FileInspector.inspect(
            bytes: bytes, name: "fuzz", trust: Self.trust, asOf: Self.asOf, password: password,
            cache: CertificateCache())
        #expect(cached == inspection)
    }
}
