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
    /// magic bytes) is read as the console's download. With `cache`, through the ingest workers'
    /// caches of decoded CA certificates and verified signatures (which must not change a thing:
    /// the bundle fuzz target checks that on every input).
    public static func inspect(
        bytes: [UInt8], name: String, trust: TrustStore, asOf: Instant, password: String? = nil,
        cache: CertificateCache? = nil
    ) -> FileInspection {
        let path = name
        do throws(BundleError) {
            let material =
                bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
                ? try ConsoleArchiveReader.material(
                    of: try ConsoleArchive(bytes: bytes, file: path, sizeLimit: 10 * 1024 * 1024), file: path,
                    password: password)
                : try BundleMaterial.parse(bytes, file: path, password: password, cache: cache)
            guard !material.certificates.isEmpty else {
                return FileInspection(
                    path: path, bundle: nil, certificates: [], leafIndex: nil, otherBlocks: material.otherBlocks,
                    error: BundleError(.noCertificate, file: path, material.noCertificateReason()))
            }
            let bundle = try BundleAnalysis.analyse(material, key: material.key, trust: trust, asOf: asOf, cache: cache)
            let certificates = material.certificates.map(\.facts)
            return FileInspection(
                path: path, bundle: bundle, certificates: certificates,
                leafIndex: certificates.firstIndex(of: bundle.leaf), otherBlocks: material.otherBlocks, error: nil)
        } catch {
            return FileInspection(
                path: path, bundle: nil, certificates: [], leafIndex: nil, otherBlocks: [], error: error)
        }
    }
}
