internal import COpenSSL
import CertAuditShims

/// The (certificate, issuer) signatures one ingest worker has seen verify, so the signature of the
/// intermediate a hundred thousand bundles repeat is checked once per worker, not once per bundle:
/// in callgrind the two ECDSA checks per bundle were 42% of ingest. Verification with a cache runs
/// certaudit's replay of OpenSSL 3.0's signature-and-time pass (`ca_verify_with_signature_cache`),
/// which `SignatureCacheTests` holds to OpenSSL's own verdicts on the x509-limbo corpus and the
/// fixtures. The leaf's signature is always checked. Not thread-safe: one per worker.
public final class SignatureCache {
    let pointer: OpaquePointer?

    /// `capacity` pairs at most (0 replays OpenSSL's pass without remembering anything).
    public init(capacity: Int = 1024) {
        pointer = ca_signature_cache_new(Int32(capacity))
    }

    deinit { ca_signature_cache_free(pointer) }

    /// Pairs kept, and signature checks the cache answered.
    public var count: Int { pointer.map { Int(ca_signature_cache_count($0)) } ?? 0 }
    public var hits: Int { pointer.map { Int(ca_signature_cache_hits($0)) } ?? 0 }
}
