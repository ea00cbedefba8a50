import CertAuditCore
import Foundation
import Testing

@testable import CertAuditX509

/// The system's anchors are loaded without OpenSSL's directory-scanning store lookup (see
/// `TrustStore.addSystemDefaults`): a root from the system bundle must still verify as trusted.
struct SystemTrustTests {
    static let systemBundle: String? = {
        let path = ProcessInfo.processInfo.environment["SSL_CERT_FILE"] ?? "/etc/ssl/certs/ca-certificates.crt"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    @Test(.enabled(if: systemBundle != nil, "no system CA bundle on this machine"))
    func aSystemRootIsTrustedOnlyWithTheSystemDefaults() throws {
        let text = try String(contentsOfFile: try #require(Self.systemBundle), encoding: .utf8)
        let end = "-----END CERTIFICATE-----"
        let first = try #require(text.range(of: end))
        let start = try #require(text.range(of: "-----BEGIN CERTIFICATE-----"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("certaudit-system-trust-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try (String(text[start.lowerBound..<first.upperBound]) + "\n").write(
            to: folder.appendingPathComponent("root.pem"), atomically: true, encoding: .utf8)

        func status(system: Bool) throws -> ChainVerdict.Status {
            let loader = BundleLoader(
                bundlesDirectory: folder.path, trust: try TrustStore(anchorFiles: [], includeSystemDefaults: system))
            let facts = try loader.load(
                BundleRequest(bundle: "root.pem"), asOf: Instant(secondsSinceEpoch: 1_795_000_000)
            )
            .get()
            return facts.chain.status
        }
        #expect(try status(system: true) == .complete)
        #expect(try status(system: false) == .untrusted)
    }
}
