import CertAuditCore
import Foundation
import Testing

@testable import CertAuditX509

/// Every input the bundle fuzz target ever crashed on (Fuzz/crashes/bundle/), replayed: each must
/// now be read or refused with the console's wording.
struct FuzzRegressionTests {
    static let inputs: [URL] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fuzz/crashes/bundle")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map {
            folder.appendingPathComponent($0)
        }
    }()

    @Test(.enabled(if: !inputs.isEmpty, "no bundle fuzz finding has been kept"), arguments: inputs)
    func replays(_ input: URL) throws {
        let inspection = FileInspector.inspect(
            bytes: [UInt8](try Data(contentsOf: input)), name: input.lastPathComponent, trust: Fixtures.trust,
            asOf: Fixtures.asOf, password: "fixture-password")
        #expect(
            inspection.error.map { $0.message.hasPrefix(BundleError.consolePrefix) } ?? !inspection.certificates.isEmpty
        )
    }
}
