import CertAuditCore

/// Reads any file a user names, as the bundle loader would read it (same parser, same analysis),
/// but from any path: the user chose it, so there is no bundles folder to confine it to.
public enum FileInspector {
    public static func inspect(
        path: String, trust: TrustStore, asOf: Instant, password: String? = nil, sizeLimit: Int = 10 * 1024 * 1024
    )
        -> FileInspection
    {
        do throws(BundleError) {
            let bytes = try BundleFile.readRegularFile(path, name: path, limit: sizeLimit)
            return inspect(bytes: bytes, name: path, trust: trust, asOf: asOf, password: password)
        } catch {
            return FileInspection(
                path: path, bundle: nil, certificates: [], leafIndex: nil, otherBlocks: [], error: error)
        }
    }

    /// Bytes already in memory (a fuzzer's input), read exactly as a file would be; a ZIP (by its
    /// magic bytes) is read as the console's download.
    public static func inspect(bytes: [UInt8], name: String, trust: TrustStore, asOf: Instant, password: String? = nil)
        -> FileInspection
    {
        let path = name
        do throws(BundleError) {
            let material =
                bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
                ? try ConsoleArchiveReader.material(
                    of: try ConsoleArchive(bytes: bytes, file: path, sizeLimit: 10 * 1024 * 1024), file: path,
                    password: password)
                : try BundleMaterial.parse(bytes, file: path, password: password)
            guard !material.certificates.isEmpty else {
                return FileInspection(
                    path: path, bundle: nil, certificates: [], leafIndex: nil, otherBlocks: material.otherBlocks,
                    error: BundleError(.noCertificate, file: path, material.noCertificateReason()))
            }
            let bundle = BundleAnalysis.facts(of: material, key: material.key, trust: trust, asOf: asOf)
            let certificates = material.certificates.map(CertificateFactsReader.facts)
            return FileInspection(
                path: path, bundle: bundle, certificates: certificates,
                leafIndex: certificates.firstIndex(of: bundle.leaf), otherBlocks: material.otherBlocks, error: nil)
        } catch {
            return FileInspection(
                path: path, bundle: nil, certificates: [], leafIndex: nil, otherBlocks: [], error: error)
        }
    }
}
