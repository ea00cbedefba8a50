internal import COpenSSL
import CertAuditShims

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
        if includeSystemDefaults { X509_STORE_set_default_paths(store) }
        OpenSSLErrorQueue.clear()  // a missing system folder is not an error of ours
        for file in anchorFiles {
            guard X509_STORE_load_file(store, file) == 1 else {
                throw BundleError(.trustStore, file: file, "not a PEM trust anchor (\(OpenSSLErrorQueue.drain()))")
            }
        }
    }

    deinit { X509_STORE_free(store) }
}
