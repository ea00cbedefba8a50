import CertAuditCore
import Foundation

@testable import CertAuditX509

/// The generated fixtures (scripts/make_x509_fixtures.py) and a loader over them, verifying at the
/// fixtures' reference time 2026-06-01T00:00:00Z with only the fixture root trusted.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        .path
    static let asOf = RunTimeZone.utc.startOfDay(LocalDate(year: 2026, month: 6, day: 1)!)
    static let trust = try! TrustStore(
        anchorFiles: [folder + "/trust/root.pem", folder + "/trust/sm2-root.pem"], includeSystemDefaults: false)
    static let loader = BundleLoader(bundlesDirectory: folder, trust: trust)

    static func load(_ bundle: String, key: String? = nil, password: String? = nil) -> Result<BundleFacts, BundleError>
    {
        loader.load(BundleRequest(bundle: bundle, key: key, passwordFile: password), asOf: asOf)
    }

    static func facts(_ bundle: String, key: String? = nil, password: String? = nil) throws -> BundleFacts {
        try load(bundle, key: key, password: password).get()
    }

    static func error(_ bundle: String) -> BundleError? {
        if case .failure(let error) = load(bundle) { return error }
        return nil
    }

    /// Runs `body` with the path of a new folder under the temporary directory, named
    /// `certaudit-<name>-<UUID>` and holding the folders `making` (relative paths), and removes the
    /// folder after: the scratch folder a test builds its tree in.
    static func withScratchFolder(_ name: String, making folders: [String] = [], _ body: (String) throws -> Void)
        throws
    {
        let manager = FileManager.default
        let folder = manager.temporaryDirectory.appendingPathComponent("certaudit-\(name)-\(UUID().uuidString)").path
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? manager.removeItem(atPath: folder) }
        for path in folders {
            try manager.createDirectory(atPath: folder + "/" + path, withIntermediateDirectories: true)
        }
        try body(folder)
    }

    /// The repository's `../shared/corpus/<name>` (or the workplace's copy), when present.
    static func corpus(_ name: String) -> String? {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let candidates = [
            repository.deletingLastPathComponent().appendingPathComponent("shared/corpus/\(name)").path,
            "/work/shared/corpus/\(name)",
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }
}
