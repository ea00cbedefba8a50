import CertAuditCore

/// The CA certificates one ingest worker has already decoded, keyed by the SHA-256 of their DER, so
/// that the intermediate a hundred thousand bundles repeat is decoded by OpenSSL (and read into facts)
/// once per worker, not once per bundle: decoding is the costliest step of ingest in OpenSSL 3.0 (its
/// public-key decoder framework), and leaves, which rarely repeat, still pay it once each.
///
/// Only CA certificates are kept (leaves would grow the cache with the estate), at most `capacity`
/// of them. Not thread-safe: each worker owns one (`parallelMap`'s per-worker state). A hit returns
/// the very object decoded before, which reads exactly as a fresh decode of the same bytes would.
public final class CertificateCache {
    private var entries: [DERDigest: X509Object] = [:]
    public let capacity: Int
    /// The signatures this worker has seen verify (its chains' repeated intermediate-to-root pairs).
    public let signatures = SignatureCache()
    /// The password files this worker has looked for beside its bundles and not found.
    public let absentFiles = AbsentFiles()
    /// The trust anchors this worker's chains ended at, with their fingerprints.
    public let anchors = AnchorFingerprints()
    /// The issuer names this worker has printed, by their DER.
    public let issuerNames = IssuerNames()
    /// The curves this worker has checked leaves' public keys on.
    let publicKeys = PublicKeyInfoReader()
    /// The chain verdicts this worker's leaves can take without being decoded.
    public let leafVerdicts: LeafVerdicts
    /// Lookups that found their certificate, and that did not (tests and profiling read these).
    public private(set) var hits = 0
    public private(set) var misses = 0

    /// `leafVerdicts` verdicts at most (0 decodes every leaf, as before `LeafVerdicts`).
    public init(capacity: Int = 4096, leafVerdicts: Int = 4096) {
        self.capacity = capacity
        self.leafVerdicts = LeafVerdicts(capacity: leafVerdicts)
    }

    public var count: Int { entries.count }

    func certificate(for digest: DERDigest) -> X509Object? {
        guard let found = entries[digest] else {
            misses += 1
            return nil
        }
        hits += 1
        return found
    }

    /// Keeps `certificate` when it is a CA certificate and there is room.
    func keep(_ certificate: X509Object, for digest: DERDigest) {
        guard entries.count < capacity, certificate.facts.isCA else { return }
        entries[digest] = certificate
    }
}
