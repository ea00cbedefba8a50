import CertAuditCore
import Foundation

/// Loads one certificate row's bundle into facts: the files (confined to the bundles folder), the
/// leaf found by structure, the key's status, the chain's verdict at the as-of time.
///
/// Safe to call from many threads at once: it holds only immutable values and the shared read-only
/// trust store; every OpenSSL object it creates lives and dies within one call.
public struct BundleLoader: Sendable {
    public let bundlesDirectory: String
    public let trust: TrustStore
    public let sizeLimit: Int
    /// The bundles folder's real path, resolved once: every bundle path is confined beneath it.
    let realBundlesDirectory: String?
    /// The same folder held open, where bundles can be opened beneath it in one call.
    let bundlesFolder: BundlesFolder?

    public init(bundlesDirectory: String, trust: TrustStore, sizeLimit: Int = 10 * 1024 * 1024) {
        self.bundlesDirectory = bundlesDirectory
        let real = BundleFile.realPath(bundlesDirectory)
        self.realBundlesDirectory = real
        self.bundlesFolder = real.flatMap(BundlesFolder.init(realPath:))
        self.trust = trust
        self.sizeLimit = sizeLimit
    }

    /// `cache` (one per worker) spares decoding the CA certificates seen before; `digests` collects
    /// the SHA-256 of each file read, from the bytes read.
    public func load(
        _ request: BundleRequest, asOf: Instant, cache: CertificateCache? = nil, digests: FileDigests? = nil
    ) -> Result<BundleFacts, BundleError> {
        let files = BundleFile(
            root: bundlesDirectory, realRoot: realBundlesDirectory, limit: sizeLimit, folder: bundlesFolder,
            digests: digests)
        do throws(BundleError) {
            let password = try Self.password(for: request, files: files, absent: cache?.absentFiles)
            let material = try Self.material(request.bundle, password: password, files: files, cache: cache)
            guard !material.certificates.isEmpty else {
                throw BundleError(.noCertificate, file: request.bundle, material.noCertificateReason())
            }
            var key = material.key
            if let keyPath = request.key { key = Self.readKey(keyPath, password: password, files: files) }
            switch key {
            case .encrypted:
                throw BundleError(
                    .passwordRequired, file: request.key ?? request.bundle,
                    "the private key is encrypted and no password was given (password_file, or keystorePass.txt)")
            case .wrongPassword(let reason):
                throw BundleError(.wrongPassword, file: request.key ?? request.bundle, reason)
            default:
                break
            }
            return .success(try BundleAnalysis.analyse(material, key: key, trust: trust, asOf: asOf, cache: cache))
        } catch {
            return .failure(error)
        }
    }

    /// The password from `password_file`, else from `keystorePass.txt` beside the bundle (or inside a
    /// folder bundle), as the console's download ships it; surrounding white space is not part of it.
    /// `absent` remembers the `keystorePass.txt` files found missing, for the next bundle of a folder.
    static func password(for request: BundleRequest, files: BundleFile, absent: AbsentFiles? = nil)
        throws(BundleError) -> String?
    {
        if let file = request.passwordFile {
            return try text(of: file, files: files)
        }
        let name = "keystorePass.txt"
        var candidates: [String] = []
        if (try? files.isFolder(request.bundle)) == true {
            candidates.append(request.bundle + "/" + name)
        }
        let folder = RelativePath.folder(of: request.bundle)
        candidates.append(folder.isEmpty ? name : folder + "/" + name)
        for candidate in candidates where absent?.exists(candidate, in: files) ?? files.exists(candidate) {
            return try text(of: candidate, files: files)
        }
        return nil
    }

    /// A password file's text without the white space around it.
    private static func text(of file: String, files: BundleFile) throws(BundleError) -> String {
        String(decoding: try files.read(file), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A bundle file, or every file of a folder bundle (in name order; the password file is skipped,
    /// JKS keystores are listed but not parsed, files holding no certificate add only their key).
    static func material(_ path: String, password: String?, files: BundleFile, cache: CertificateCache? = nil)
        throws(BundleError) -> BundleMaterial
    {
        if path.lowercased().hasSuffix(".zip") {
            let archive = try ConsoleArchive(bytes: try files.read(path), file: path, sizeLimit: files.limit)
            return try ConsoleArchiveReader.material(of: archive, file: path, password: password)
        }
        guard try files.isFolder(path) else {
            return try BundleMaterial.parse(try files.read(path), file: path, password: password, cache: cache)
        }
        var entries: [(name: String, bytes: [UInt8])] = []
        for entry in try files.entries(ofFolder: path) where try !files.isFolder(entry) {
            entries.append((entry, try files.read(entry)))
        }
        return try BundleMaterial.merged(entries, password: password, cache: cache)
    }

    /// A separate key file. Its problems (missing, outside the folder, unparseable) are the key's
    /// problems: the certificate itself stays valid.
    static func readKey(_ path: String, password: String?, files: BundleFile) -> BundleMaterial.Key {
        do {
            let material = try BundleMaterial.parse(try files.read(path), file: path, password: password)
            return material.key ?? .unreadable("\(path): no private key block in the file")
        } catch {
            return .unreadable(error.message)
        }
    }
}
