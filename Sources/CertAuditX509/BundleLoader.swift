import CertAuditCore

/// Loads one certificate row's bundle into facts: the files (confined to the bundles folder), the
/// leaf found by structure, the key's status, the chain's verdict at the as-of time.
///
/// Safe to call from many threads at once: it holds only immutable values and the shared read-only
/// trust store; every OpenSSL object it creates lives and dies within one call.
public struct BundleLoader: Sendable {
    public let bundlesDirectory: String
    public let trust: TrustStore
    public let sizeLimit: Int

    public init(bundlesDirectory: String, trust: TrustStore, sizeLimit: Int = 10 * 1024 * 1024) {
        self.bundlesDirectory = bundlesDirectory
        self.trust = trust
        self.sizeLimit = sizeLimit
    }

    public func load(_ request: BundleRequest, asOf: Instant) -> Result<BundleFacts, BundleError> {
        let files = BundleFile(root: bundlesDirectory, limit: sizeLimit)
        do throws(BundleError) {
            let material = try BundleMaterial.parse(try files.read(request.bundle), file: request.bundle)
            guard !material.certificates.isEmpty else {
                throw BundleError(.noCertificate, file: request.bundle, material.noCertificateReason())
            }
            var key = material.key
            if let keyPath = request.key {
                key = Self.readKey(keyPath, files: files)
            }
            return .success(BundleAnalysis.facts(of: material.certificates, key: key, trust: trust, asOf: asOf))
        } catch {
            return .failure(error)
        }
    }

    /// A separate key file. Its problems (missing, outside the folder, unparseable) are the key's
    /// problems: the certificate itself stays valid.
    static func readKey(_ path: String, files: BundleFile) -> BundleMaterial.Key {
        do {
            let material = try BundleMaterial.parse(try files.read(path), file: path)
            return material.key ?? .unreadable("\(path): no private key block in the file")
        } catch {
            return .unreadable(error.message)
        }
    }
}
