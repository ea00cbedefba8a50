internal import COpenSSL
import CertAuditShims
import Glibc

/// The trust anchors chains are verified against: the system's store plus `inputs/trust/*.pem`.
///
/// Built once, then only read: OpenSSL's `X509_STORE` takes its own lock for lookups, and each
/// verification has its own `X509_STORE_CTX`, so sharing one store across worker threads is safe —
/// which is why the unchecked sendability is sound.
public final class TrustStore: @unchecked Sendable {
    let store: OpaquePointer

    public init(anchorFiles: [String], includeSystemDefaults: Bool = true) throws(BundleError) {
        guard let store = X509_STORE_new() else {
            throw BundleError(.trustStore, file: "trust store", "out of memory")
        }
        self.store = store
        OpenSSLErrorQueue.clear()
        if includeSystemDefaults { Self.addSystemDefaults(to: store) }
        OpenSSLErrorQueue.clear()  // a missing system folder is not an error of ours
        for file in anchorFiles {
            guard X509_STORE_load_file(store, file) == 1 else {
                throw BundleError(.trustStore, file: file, "not a PEM trust anchor (\(OpenSSLErrorQueue.drain()))")
            }
        }
    }

    deinit { X509_STORE_free(store) }

    /// The system's anchors, as `X509_STORE_set_default_paths` finds them (`SSL_CERT_FILE` /
    /// `SSL_CERT_DIR`, else OpenSSL's compiled-in file and folder), without its third source: since
    /// OpenSSL 3 that also adds an OSSL_STORE lookup of the folder, which reads the whole directory
    /// (getdents) on every issuer look-up that misses the store — for every intermediate of every
    /// bundle. Measured: 8.5% of a 10,000-certificate run. The folder stays available through the
    /// hashed-name lookup (`<hash>.0`, one stat per miss), which finds the same certificates.
    static func addSystemDefaults(to store: OpaquePointer) {
        let file = environment(X509_get_default_cert_file_env()) ?? String(cString: X509_get_default_cert_file())
        let folder = environment(X509_get_default_cert_dir_env()) ?? String(cString: X509_get_default_cert_dir())
        _ = X509_STORE_load_file(store, file)
        _ = X509_STORE_load_path(store, folder)
    }

    private static func environment(_ name: UnsafePointer<CChar>?) -> String? {
        guard let name, let value = getenv(name), value.pointee != 0 else { return nil }
        return String(cString: value)
    }
}
